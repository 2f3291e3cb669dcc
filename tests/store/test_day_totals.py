"""The daily totals (sales per shop, local day and status; parcels per local day) and the
sold lines always equal adding up the orders afresh, whatever moved them, and days are
local days."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import psycopg
import pytest

from bookshop_gui import db
from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import Order, OrderLine, SalesDay, ShipmentDay, SoldLine, database
from bookshop_gui.models.fields import utcnow
from bookshop_gui.services import day_totals, orders, reports, shipments, shop, sold_lines

from .builders import make_book, make_buyer, make_world, order_in
from .test_races import race


def local(moment: datetime) -> date:
    return moment.replace(tzinfo=UTC).astimezone().date()


def fresh_sums() -> tuple[dict, dict]:
    """What the daily tables must hold, added up from the orders as they are now."""
    sales: dict = defaultdict(lambda: [0, Decimal("0.00")])
    parcels: dict = defaultdict(int)
    for order in Order.select():
        figures = sales[order.shop_id, local(order.created_at), order.status]
        figures[0] += 1
        figures[1] += order.total
        if order.shipped_at is not None:
            parcels[order.shop_id, local(order.shipped_at)] += 1
    return ({key: tuple(v) for key, v in sales.items()}, dict(parcels))


def kept() -> tuple[dict, dict]:
    """The daily tables, each day's slots added up, leaving out rows every order has moved
    away from."""
    sales: dict = defaultdict(lambda: (0, Decimal("0.00")))
    for row in SalesDay.select():
        count, money = sales[row.shop_id, _day(row.day), row.status]
        sales[row.shop_id, _day(row.day), row.status] = (count + row.orders, money + row.total)
    sales = {key: figures for key, figures in sales.items() if figures != (0, 0)}
    parcels = {(row.shop_id, _day(row.day)): row.parcels
               for row in ShipmentDay.select() if row.parcels}
    return sales, parcels


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def fresh_sold_lines() -> set[tuple]:
    """What `sold_lines` must hold: every line of a paid, shipped, received or reviewed
    order, with its order's shop and moment."""
    lines = (OrderLine.select(OrderLine.id, Order.shop, OrderLine.book, Order.created_at,
                              OrderLine.cnt, OrderLine.money)
             .join(Order).where(Order.status.in_([int(s) for s in reports.SOLD])).tuples())
    return set(lines)


def kept_sold_lines() -> set[tuple]:
    return set(SoldLine.select(SoldLine.line, SoldLine.shop_id, SoldLine.book_id,
                               SoldLine.placed_at, SoldLine.cnt, SoldLine.money).tuples())


def assert_exact():
    assert kept() == fresh_sums()
    assert kept_sold_lines() == fresh_sold_lines()


def rebuild():
    """Everything added up again, after orders were changed past the services."""
    day_totals.rebuild()
    sold_lines.rebuild()


def test_every_status_change_keeps_the_days_exact(world):
    for wanted in OrderStatus:  # placed, paid, shipped, received, reviewed, cancelled unpaid
        order_in(world, wanted)
        assert_exact()
    paid = order_in(world, OrderStatus.PENDING_SHIPMENT, cnt=2)
    shop.cancel(world.staff_a.token, paid)  # cancelled with a refund
    assert_exact()
    paid = order_in(world, OrderStatus.PENDING_SHIPMENT, book=world.book_b1)
    orders.cancel(world.alice.token, paid)  # the buyer cancels, refunded
    assert_exact()
    unpaid = orders.create(world.bob.token, world.book_a2, 1)
    before = Order.get_by_id(unpaid).total
    shop.set_lines(world.staff_a.token, unpaid, [  # an unpaid order's lines: its total moves
        {"book_id": world.book_a2, "cnt": 2, "money": Decimal("51.00")},
        {"book_id": world.book_a1, "cnt": 1, "money": Decimal("9.50")}])
    assert Order.get_by_id(unpaid).total != before
    assert_exact()
    orders.pay(world.bob.token, unpaid)
    shop.ship(world.staff_a.token, unpaid)
    assert_exact()
    assert shop.status_counts(world.staff_a.token) == {  # the tabs' numbers, from the days
        status: Order.select().where(Order.shop == world.shop_a, Order.status == status).count()
        for status in OrderStatus}
    assert shop.first_page(world.staff_a.token).counts[OrderStatus.CANCELLED] == 2  # B has one


def test_abandoned_orders_expiring_keep_the_days_exact(world):
    stale = orders.create(world.alice.token, world.book_a1, 2)
    Order.update(created_at=utcnow() - timedelta(minutes=31)).where(Order.id == stale).execute()
    rebuild()  # the order was aged past the services
    assert orders.expire_stale() == 1
    assert_exact()


def test_rebuilding_gives_what_the_transactions_kept(world):
    for wanted in (OrderStatus.PENDING_RECEIPT, OrderStatus.COMPLETED, OrderStatus.CANCELLED):
        order_in(world, wanted)
    before, before_lines = kept(), kept_sold_lines()
    rebuild()
    assert kept() == before == fresh_sums()
    assert kept_sold_lines() == before_lines == fresh_sold_lines()
    assert before_lines  # the received and completed orders' lines


def test_concurrent_writers_on_the_same_day_keep_it_exact(world, db_url, backend):
    if backend != "postgresql":
        pytest.skip("workstations writing at once: the shared server")
    buyers = [make_buyer(f"racer{i}", balance="1000.00") for i in range(4)]
    books = [make_book(world.shop_a, price=price, stock=50) for price in ("9.90", "31.20")]
    placed = [[orders.create(b.token, books[i % 2], 1 + i) for i in range(3)] for b in buyers]
    assert_exact()
    plans = [[("pay", (b.token, o)) for o in ids] + [("cancel", (b.token, ids[0]))]
             for b, ids in zip(buyers, placed, strict=True)]
    plans.append([("shop.cancel", (world.staff_a.token, ids[1])) for ids in placed])
    outcomes = race(db_url, plans)
    assert {kind for per_process in outcomes for kind, _ in per_process} <= {
        "ok", "InvalidState"}
    assert Order.select().where(Order.status == OrderStatus.CANCELLED).count() >= 4
    assert_exact()


@pytest.fixture
def shanghai(monkeypatch):
    """This computer in China (UTC+8), for the test and every call it makes."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def at(moment: datetime, monkeypatch) -> None:
    """The services' clock stands at `moment` (UTC)."""
    for module in (orders, shop):
        monkeypatch.setattr(module, "utcnow", lambda: moment)


def test_a_day_is_the_shops_local_day_around_midnight(world, shanghai, monkeypatch):
    day = date(2026, 3, 1)  # local midnight to 2 March is 16:00 UTC on 1 March
    before, after = datetime(2026, 3, 1, 15, 59, 58), datetime(2026, 3, 1, 16, 0, 1)
    at(before, monkeypatch)
    late = orders.create(world.alice.token, world.book_a1, 1)  # 23:59:58 in Shanghai
    orders.pay(world.alice.token, late)
    shop.ship(world.staff_a.token, late, tracking="SF1000000001")
    at(after, monkeypatch)
    early = orders.create(world.alice.token, world.book_a2, 1)  # 00:00:01 the next day
    orders.pay(world.alice.token, early)
    shop.ship(world.staff_a.token, early, tracking="SF1000000002")
    assert_exact()

    figures = reports.sales_report(world.staff_a.token, day, day + timedelta(days=1))
    assert [(d.day, d.orders, d.shipped) for d in figures.days] == [
        ("2026-03-01", 1, 1), ("2026-03-02", 1, 1)]
    first = reports.sales_report(world.staff_a.token, day, day)
    assert [b.title for b in first.top_books] == ["Dream of the Red Chamber"]
    assert sum(s.orders for s in first.by_status) == 1
    assert [s.order_id for s in shipments.shipments(world.staff_a.token, day)] == [late]
    assert [s.order_id for s in shipments.shipments(world.staff_a.token,
                                                    day + timedelta(days=1))] == [early]


def test_a_shipping_batch_of_orders_from_several_days_keeps_the_days_exact(world):
    buyer, book = make_buyer("batch", balance="1000.00"), make_book(world.shop_a, stock=20)
    placed = [order_in(world, OrderStatus.PENDING_SHIPMENT, buyer=buyer, book=book)
              for _ in range(6)]
    for days_ago, order_id in enumerate(placed[:4]):  # the totals moved with them
        Order.update(created_at=utcnow() - timedelta(days=days_ago * 3)).where(
            Order.id == order_id).execute()
    rebuild()
    assert_exact()
    outcome = shop.ship_many(world.staff_a.token, {i: f"SF77{i:08d}" for i in placed})
    assert sorted(outcome.done) == sorted(placed)
    assert_exact()


def test_upgrading_copies_the_lines_of_orders_already_sold(fresh_server_url):
    database = db.connect(fresh_server_url)  # its own database: the schema is taken back
    try:
        world = make_world()
        for wanted in OrderStatus:
            order_in(world, wanted, cnt=2)
        migrations = db.runner(database)
        # As the database was before them: one row a shop, day and status, no sold lines.
        assert migrations.down(target="0011_sold_lines") == [
            "0012_sales_day_slots", "0011_sold_lines"]
        assert "sold_lines" not in database.get_tables()
        assert migrations.up() == ["0011_sold_lines", "0012_sales_day_slots"]
        assert len(kept_sold_lines()) == 4  # paid, shipped, received, reviewed: a line each
        assert_exact()
    finally:
        database.close()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_payment_does_not_wait_for_another_order_of_the_same_day(world, db_url, backend):
    """Two kiosks of one shop paying at once: each order adds to its own slot of the day's
    totals, so one waits for the other only when their ids pick the same slot.

    Another connection holds the day's rows of unpaid orders in the first
    order's slot, as a payment not yet committed does; the second order's
    payment goes through all the same.
    """
    held, paid = (orders.create(world.alice.token, world.book_a1, 1) for _ in range(2))
    assert held % day_totals.SLOTS != paid % day_totals.SLOTS
    other = psycopg.connect(db_url)
    other.execute("SELECT 1 FROM sales_days WHERE status = 0 AND slot = %s FOR UPDATE",
                  (held % day_totals.SLOTS,))
    done = threading.Event()

    def pay():
        try:
            orders.pay(world.alice.token, paid)
            done.set()
        finally:
            database.close()  # this thread's own connection

    paying = threading.Thread(target=pay)
    paying.start()
    try:
        assert done.wait(timeout=20), "the payment waited for another order's row"
    finally:
        other.rollback()
        paying.join(timeout=30)
        other.close()
    assert Order.get_by_id(paid).status == OrderStatus.PENDING_SHIPMENT
    assert_exact()
