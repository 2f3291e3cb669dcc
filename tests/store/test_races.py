"""Several workstations at once, as real separate processes on one database.

Each process opens the database itself, waits at a barrier so they all start
together, runs its calls and reports what each call did: "ok" or the name of
the error it raised.
"""

from __future__ import annotations

import multiprocessing
from datetime import timedelta
from decimal import Decimal

from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import AuditLog, BalanceEntry, CartLine, Order, OrderLine
from bookshop_gui.models.fields import money_sum, utcnow
from bookshop_gui.services import orders

from .builders import balance, make_book, make_buyer, stock

TIMEOUT = 60


def _call(name, args, kwargs):
    from bookshop_gui.services import accounts, cart, orders, shop

    calls = {
        "accounts.top_up": accounts.top_up,
        "cart.add": cart.add,
        "create_from_cart": orders.create_from_cart,
        "create": orders.create,
        "pay": orders.pay,
        "cancel": orders.cancel,
        "shop.cancel": shop.cancel,
        "expire_stale": orders.expire_stale,
        "shop.ship_many": lambda *a, **k: _plain(shop.ship_many(*a, **k)),
    }
    return calls[name](*args, **kwargs)


def _plain(outcome):
    """A batch's outcome as plain values: what was done, and each refusal's kind."""
    return outcome.done, [(order_id, type(error).__name__) for order_id, error in outcome.refused]


def _workstation(url, barrier, results, index, plan):
    from bookshop_gui import db

    database, outcomes = None, []
    try:
        database = db.connect(url)
        barrier.wait(timeout=TIMEOUT)
        for name, args, *kwargs in plan:
            try:
                value = _call(name, args, *kwargs or [{}])
                outcomes.append(("ok", value))
            except Exception as exc:  # reported to the test, which judges it
                outcomes.append((type(exc).__name__, str(exc)))
    except Exception as exc:  # could not even start: say so rather than hang the test
        outcomes.append(("could not start", repr(exc)))
    finally:
        if database is not None:
            database.close()
        results.put((index, outcomes))


def race(url, plans):
    """Run each plan in its own process, all starting together; their outcomes, in order."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(len(plans)), context.Queue()
    processes = [
        context.Process(target=_workstation, args=(url, barrier, results, i, plan))
        for i, plan in enumerate(plans)
    ]
    for process in processes:
        process.start()
    try:
        reported = dict(results.get(timeout=TIMEOUT) for _ in processes)
    finally:
        for process in processes:
            process.join(timeout=TIMEOUT)
        results.close()
        results.join_thread()
    for process in processes:
        assert process.exitcode == 0
        process.close()
    return [reported[i] for i in range(len(plans))]


def kinds(outcomes):
    return sorted(kind for per_process in outcomes for kind, _ in per_process)


def test_buyers_racing_for_the_last_copies_buy_exactly_the_stock(world, db_url):
    book = make_book(world.shop_a, price="9.00", stock=3)
    buyers = [make_buyer(f"kiosk{i}", balance="100.00") for i in range(4)]
    outcomes = race(db_url, [[("create", (b.token, book, 1))] * 2 for b in buyers])
    assert kinds(outcomes) == ["OutOfStock"] * 5 + ["ok"] * 3
    assert stock(book) == 0
    lines = OrderLine.select().where(OrderLine.book == book)
    assert sum(line.cnt for line in lines) == 3
    assert Order.select().count() == 3


def test_one_buyer_adding_a_book_from_two_kiosks_at_once_gets_one_line(world, db_url):
    book = make_book(world.shop_a, stock=50)
    outcomes = race(db_url, [[("cart.add", (world.alice.token, book, 2))]] * 3)
    assert kinds(outcomes) == ["ok"] * 3
    lines = CartLine.select().where(CartLine.user == world.alice.id, CartLine.book == book)
    assert [line.cnt for line in lines] == [6]


def test_one_order_paid_from_several_processes_is_charged_once(world, db_url):
    order_id = _order(world, cnt=1)
    total = Order.get_by_id(order_id).total
    outcomes = race(db_url, [[("pay", (world.alice.token, order_id))]] * 4)
    assert kinds(outcomes) == ["InvalidState"] * 3 + ["ok"]
    assert balance(world.alice) == Decimal("500.00") - total
    payments = BalanceEntry.select().where(BalanceEntry.reason == "payment")
    assert [entry.amount for entry in payments] == [-total]
    assert Order.get_by_id(order_id).status == OrderStatus.PENDING_SHIPMENT


def test_staff_cancelling_while_the_buyer_pays_leaves_the_balance_consistent(world, db_url):
    ids = [_order(world, cnt=1) for _ in range(5)]
    start_stock, start_balance = stock(world.book_a1), balance(world.alice)
    outcomes = race(db_url, [
        [("pay", (world.alice.token, i)) for i in ids],
        [("shop.cancel", (world.staff_a.token, i)) for i in ids],
        [("cancel", (world.alice.token, i)) for i in reversed(ids)],
    ])
    assert set(kinds(outcomes)) <= {"ok", "InvalidState"}
    assert [kind for kind, _ in outcomes[1] + outcomes[2]].count("ok") == 5  # each cancelled once
    orders_now = {o.id: o for o in Order.select().where(Order.id.in_(ids))}
    assert {o.status for o in orders_now.values()} == {OrderStatus.CANCELLED}
    assert balance(world.alice) == start_balance
    assert stock(world.book_a1) == start_stock + 5
    entries = BalanceEntry.select(money_sum(BalanceEntry.amount).alias("s")).where(
        BalanceEntry.user == world.alice.id, BalanceEntry.order_id.in_(ids)).get().s
    assert entries == Decimal("0.00")


def test_a_pay_and_a_cancel_each_win_some_races(world, db_url):
    ids = [_order(world, cnt=1) for _ in range(6)]
    start_stock, start_balance = stock(world.book_a1), balance(world.alice)
    outcomes = race(db_url, [
        [("pay", (world.alice.token, i)) for i in ids],
        [("shop.cancel", (world.staff_a.token, i)) for i in ids],
    ])
    assert set(kinds(outcomes)) <= {"ok", "InvalidState"}
    by_status = {o.id: o for o in Order.select().where(Order.id.in_(ids))}
    paid = [o for o in by_status.values() if o.status == OrderStatus.PENDING_SHIPMENT]
    cancelled = [o for o in by_status.values() if o.status == OrderStatus.CANCELLED]
    assert len(paid) + len(cancelled) == 6
    assert balance(world.alice) == start_balance - sum((o.total for o in paid), Decimal(0))
    assert stock(world.book_a1) == start_stock + len(cancelled)


def test_expiry_run_from_several_processes_cancels_each_order_once(world, db_url):
    ids = [_order(world, cnt=2) for _ in range(6)]
    Order.update(created_at=utcnow() - timedelta(hours=1)).where(Order.id.in_(ids)).execute()
    assert stock(world.book_a1) == 10  # _order restocks what each order takes
    outcomes = race(db_url, [[("expire_stale", ())]] * 3)
    assert all(kind == "ok" for per in outcomes for kind, _ in per)
    assert sum(value for per in outcomes for _, value in per) == 6
    assert {Order.get_by_id(i).status for i in ids} == {OrderStatus.CANCELLED}
    assert stock(world.book_a1) == 22


def _order(world, *, cnt):
    """An unpaid order of shop A's first book for alice, keeping the book in stock."""
    from bookshop_gui.models import Book
    from bookshop_gui.services import orders

    Book.update(stock=Book.stock + cnt).where(Book.id == world.book_a1).execute()
    return orders.create(world.alice.token, world.book_a1, cnt)


def test_batches_shipping_while_staff_cancel_ship_or_cancel_each_order_once(world, db_url):
    ids = [_order(world, cnt=1) for _ in range(12)]
    for order_id in ids:
        orders.pay(world.alice.token, order_id)
    start_balance = balance(world.alice)
    parcels = {order_id: f"SF{order_id:010d}" for order_id in ids}
    token = world.staff_a.token
    outcomes = race(db_url, [
        [("shop.ship_many", (token, parcels), {"request_id": "batch-first"})],
        [("shop.ship_many", (token, parcels), {"request_id": "batch-second"})],
        [("shop.cancel", (token, i)) for i in reversed(ids)],
    ])
    shipped_by_batch = [done for per in outcomes[:2] for kind, (done, _) in per if kind == "ok"]
    assert len(shipped_by_batch) == 2  # neither batch failed as a whole
    refusals = [kind for per in outcomes[:2] for _, (_, refused) in per for _, kind in refused]
    assert set(refusals) <= {"InvalidState"}
    cancels = [kind for kind, _ in outcomes[2]]
    assert set(cancels) <= {"ok", "InvalidState"}
    by_id = {o.id: o for o in Order.select().where(Order.id.in_(ids))}
    shipped = sorted(i for i, o in by_id.items() if o.status == OrderStatus.PENDING_RECEIPT)
    cancelled = [i for i, o in by_id.items() if o.status == OrderStatus.CANCELLED]
    assert sorted(shipped + cancelled) == sorted(ids)
    assert sorted(shipped_by_batch[0] + shipped_by_batch[1]) == shipped  # each shipped once
    assert cancels.count("ok") == len(cancelled)
    assert all(by_id[i].tracking == parcels[i] for i in shipped)
    assert balance(world.alice) == start_balance + sum(
        (by_id[i].total for i in cancelled), Decimal(0))  # refunded once, shipped ones kept
    entries = AuditLog.select().where(AuditLog.order.in_(ids))
    assert sorted(e.order_id for e in entries if e.action == "ship") == shipped
