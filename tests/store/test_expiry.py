"""Abandoned orders: unpaid past the time limit, they are cancelled and their stock returns."""

import threading
from datetime import timedelta
from decimal import Decimal

import psycopg
import pytest

from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import Order, database
from bookshop_gui.models.fields import utcnow
from bookshop_gui.services import orders, shop
from bookshop_gui.services import settings as shop_settings

from .builders import balance, make_person, order_in, snapshot, status, stock
from .test_day_totals import fresh_sums, kept, rebuild
from .test_round_trips import wait_for_a_lock_wait


def age(order_id: int, minutes: float) -> None:
    Order.update(created_at=utcnow() - timedelta(minutes=minutes)).where(
        Order.id == order_id).execute()


def test_stale_unpaid_orders_are_cancelled_and_their_stock_returns(world):
    stale = [orders.create(world.alice.token, world.book_a1, 2),
             orders.create(world.bob.token, world.book_b1, 3)]
    fresh = orders.create(world.alice.token, world.book_a2, 1)
    paid = order_in(world, OrderStatus.PENDING_SHIPMENT, book=world.book_a2)
    for order_id in (*stale, paid):
        age(order_id, 31)
    money = (balance(world.alice), balance(world.bob))
    assert (stock(world.book_a1), stock(world.book_b1), stock(world.book_a2)) == (8, 0, 3)

    assert orders.expire_stale() == 2

    assert [status(o) for o in stale] == [OrderStatus.CANCELLED] * 2
    assert status(fresh) == OrderStatus.PENDING_PAYMENT
    assert status(paid) == OrderStatus.PENDING_SHIPMENT
    assert (stock(world.book_a1), stock(world.book_b1), stock(world.book_a2)) == (10, 3, 3)
    assert (balance(world.alice), balance(world.bob)) == money


def test_a_second_run_finds_nothing_to_do(world):
    order_id = orders.create(world.alice.token, world.book_a1, 4)
    age(order_id, 45)
    assert orders.expire_stale() == 1
    after = snapshot()
    assert orders.expire_stale() == 0
    assert snapshot() == after
    assert stock(world.book_a1) == 10


def test_orders_within_the_limit_are_left_alone(world):
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    age(order_id, 29)
    before = snapshot()
    assert orders.expire_stale() == 0
    assert snapshot() == before


def test_the_time_limit_is_a_setting(world):
    admin = make_person("boss", "admin")
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    age(order_id, 6)
    assert orders.expire_stale() == 0
    shop_settings.set_unpaid_minutes(admin.token, 5)
    assert shop_settings.unpaid_minutes() == 5
    assert orders.expire_stale() == 1
    assert status(order_id) == OrderStatus.CANCELLED


def test_orders_in_every_other_status_never_expire(world):
    ids = [order_in(world, s) for s in OrderStatus if s != OrderStatus.PENDING_PAYMENT]
    for order_id in ids:
        age(order_id, 24 * 60)
    before = snapshot()
    assert orders.expire_stale() == 0
    assert snapshot() == before


def test_stale_orders_beyond_one_batch_are_all_cancelled(world, monkeypatch):
    monkeypatch.setattr(orders, "BATCH", 3)  # a small batch, so seven orders take three
    ids = [orders.create(world.alice.token, world.book_a1, 1) for _ in range(7)]
    for order_id in ids:
        age(order_id, 60)
    assert stock(world.book_a1) == 3
    assert orders.expire_stale() == 7
    assert stock(world.book_a1) == 10


@pytest.mark.parametrize("backend", ["postgresql"])
def test_an_order_edited_while_it_expires_leaves_the_days_exact(world, db_url, backend):
    """Staff cut a stale order's price while it expires: the expiry moves the total the
    order has once the edit is committed, not the one it had before.

    Another connection holds today's row of unpaid orders, so the edit, holding
    the order, waits at COMMIT; the expiry then reaches the order and waits for
    the edit to let go of it.
    """
    order_id = orders.create(world.alice.token, world.book_a1, 1)  # 10.00 + 22.00
    age(order_id, 31)
    rebuild()  # the order was aged past the services
    other = psycopg.connect(db_url)
    other.execute("SET deadlock_timeout = '30s'")
    other.execute("SELECT 1 FROM sales_days WHERE status = 0 FOR UPDATE")
    expired = []

    def on_its_own_connection(call):
        def run():
            try:
                call()
            finally:
                database.close()
        thread = threading.Thread(target=run)
        thread.start()
        return thread

    editing = on_its_own_connection(lambda: shop.set_lines(
        world.staff_a.token, order_id, [{"book_id": world.book_a1, "cnt": 1,
                                         "money": Decimal("5.00")}]))
    try:
        wait_for_a_lock_wait(db_url)  # the edit waits at COMMIT, holding the order
        expiring = on_its_own_connection(lambda: expired.append(orders.expire_stale()))
        wait_for_a_lock_wait(db_url, 2)  # the expiry waits for the order
    finally:
        other.rollback()
        other.close()
    editing.join(timeout=30)
    expiring.join(timeout=30)
    assert not editing.is_alive() and not expiring.is_alive()
    assert expired == [1] and status(order_id) == OrderStatus.CANCELLED
    assert Order.get_by_id(order_id).total == Decimal("27.00")
    assert kept() == fresh_sums()
