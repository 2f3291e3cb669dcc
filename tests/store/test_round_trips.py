"""A write over a long line costs few round trips, and what it sends with COMMIT is as safe.

A workstation in another city pays about 40 ms for every round trip to
PostgreSQL, so each write call's round trips are counted as the fault proxy
counts them for bench_remote.py (`FaultProxy.round_trips`), with the request
id every window sends. The figures are what the calls take now: a statement
added to one of them that waits for its own answer makes this fail. Each call
comes after a read of the same person's, as in the windows, so its first
statements go with the check of who is calling (services/together.py).
"""

from __future__ import annotations

import threading
import time
from decimal import Decimal

import psycopg
import pytest

from bookshop_gui import db
from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import BalanceEntry, Shop, database
from bookshop_gui.services import accounts, cart, orders, shop, transactions

from .builders import balance, status
from .test_day_totals import fresh_sums, kept

# The most each call may take, BEGIN and COMMIT included. When BEGIN, the token check,
# the request id's claim and every history, ledger and total row waited for their own
# answers they took 14, 12, 14, 15, 10 and 7.
ROUND_TRIPS = {
    "cart.add": 3,
    "orders.create_from_cart": 3,
    "orders.pay": 3,
    "shop.ship_many": 3,
    "shop.set_lines": 3,
    "accounts.top_up": 3,
}


@pytest.fixture
def line(world, db_url, fault_proxy):
    """Every call from here on goes through the proxy, on a connection already open."""
    proxy, url = fault_proxy(db_url)
    through = db.connect(url)
    transactions.round_trip()
    yield proxy
    through.close()


def trips(proxy, call) -> int:
    before = proxy.round_trips
    call()
    return proxy.round_trips - before


@pytest.mark.parametrize("backend", ["postgresql"])
def test_each_write_call_takes_few_round_trips(world, line, backend):
    alice, staff = world.alice, world.staff_a
    taken = {}
    cart.add(alice.token, world.book_a1, 2)
    taken["cart.add"] = trips(line, lambda: cart.add(alice.token, world.book_a2, 1))
    taken["orders.create_from_cart"] = trips(line, lambda: orders.create_from_cart(
        alice.token, [world.book_a1, world.book_a2], request_id="round-trips-1"))
    (order_id,) = [o.id for o in orders.list(alice.token)]
    shop.order_with_history(staff.token, order_id)  # the editor reads the order it opens
    taken["shop.set_lines"] = trips(line, lambda: shop.set_lines(
        staff.token, order_id, [{"book_id": world.book_a1, "cnt": 1, "money": Decimal("10.00")}],
        request_id="round-trips-2"))
    taken["orders.pay"] = trips(line, lambda: orders.pay(
        alice.token, order_id, request_id="round-trips-3"))
    taken["shop.ship_many"] = trips(line, lambda: shop.ship_many(
        staff.token, {order_id: "SF1234567890"}, request_id="round-trips-4"))
    taken["accounts.top_up"] = trips(line, lambda: accounts.top_up(
        staff.token, "alice", Decimal("5.00"), request_id="round-trips-5"))
    over = {name: (taken[name], most) for name, most in ROUND_TRIPS.items() if taken[name] > most}
    assert not over, f"round trips taken, and the most allowed: {over}"


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_deadlock_in_a_write_sent_with_commit_is_retried_like_any_other(
        world, db_url, backend):
    """The day's totals are written with COMMIT: a deadlock there still runs the call again.

    Another connection holds today's row of unpaid orders and then wants the
    order being paid, while the payment, holding that order, waits at COMMIT
    for the row: a deadlock. The other side waits 30 s before it looks for one,
    so the payment is the side PostgreSQL picks to fail.
    """
    order_id = orders.create(world.alice.token, world.book_a1, 1)  # 10.00 + 22.00
    other = psycopg.connect(db_url)
    other.execute("SET deadlock_timeout = '30s'")
    other.execute("SELECT 1 FROM sales_days WHERE status = 0 FOR UPDATE")

    def pay():
        try:
            orders.pay(world.alice.token, order_id, request_id="deadlocked-1")
        finally:
            database.close()  # this thread's own connection

    paying = threading.Thread(target=pay)
    paying.start()
    try:
        wait_for_a_lock_wait(db_url)
        # Returns only once the payment let go of the order: it cannot have committed
        # (its COMMIT waits for the row held here), so it failed the deadlock.
        other.execute("SELECT 1 FROM orders WHERE id = %s FOR UPDATE", (order_id,))
        other.rollback()  # now the payment, run again, finds nothing in its way
    finally:
        paying.join(timeout=30)
        other.close()
    assert not paying.is_alive()
    assert status(order_id) == OrderStatus.PENDING_SHIPMENT
    assert balance(world.alice) == Decimal("468.00")
    assert [entry.reason for entry in BalanceEntry.select().where(
        BalanceEntry.order_id == order_id)] == ["payment"]
    assert kept() == fresh_sums()


def test_a_write_held_for_commit_inside_a_savepoint_goes_back_with_it(database):
    """A savepoint rolled back takes every write made inside it, `later` ones too, while
    what was held back outside it still goes with COMMIT: on every backend alike."""
    with database.atomic():
        transactions.later(Shop.insert(name="Before"))
        with database.atomic() as savepoint:
            transactions.later(Shop.insert(name="Undone"))
            savepoint.rollback()
        with pytest.raises(ValueError), database.atomic():
            transactions.later(Shop.insert(name="Failed"))
            raise ValueError("the block fails: back to its savepoint")
        with database.atomic():
            transactions.later(Shop.insert(name="Kept"))
    assert sorted(shop.name for shop in Shop.select()) == ["Before", "Kept"]


def wait_for_a_lock_wait(url: str, sessions: int = 1) -> None:
    """Until `sessions` sessions on the database wait for a lock (polled, never timed)."""
    with psycopg.connect(url, autocommit=True) as watcher:
        for _ in range(3000):
            if watcher.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    " AND datname = current_database()").fetchone()[0] >= sessions:
                return
            time.sleep(0.01)
    raise AssertionError("the calls never waited for the rows")
