"""The shared server drops the connection: the call in flight is done or not done, never half.

The server side of the session is killed from another connection
(`pg_terminate_backend`, MariaDB's `KILL`), as a server restart, an idle
timeout or a network cut would end it. A connection found dead before its
call began is replaced unseen; one lost during the call fails that call only.
"""

import threading
from decimal import Decimal

import pytest

from bookshop_gui import db
from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import DatabaseUnavailable
from bookshop_gui.models import database as bound
from bookshop_gui.services import accounts, catalog, orders


@pytest.fixture(params=["postgresql", "mysql"])
def backend(request):
    return request.param


@pytest.fixture
def other(db_url):
    """Another workstation on the same server, which also plays the server's operator."""
    connection = db.open_url(db_url)
    connection.connect()
    yield connection
    connection.close()


def _session_id() -> int:
    postgres = isinstance(bound.obj, db.peewee.PostgresqlDatabase)
    return bound.execute_sql(
        "SELECT pg_backend_pid()" if postgres else "SELECT CONNECTION_ID()").fetchone()[0]


def _kill_session(other) -> int:
    """End the server session behind this process's idle connection; returns its id."""
    pid = _session_id()
    if isinstance(other, db.peewee.PostgresqlDatabase):
        assert other.execute_sql("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]
    else:
        other.execute_sql(f"KILL {int(pid)}")
    return pid


def _seen_by_other(other, book):
    """What another workstation sees: stock, the buyer's balance, and the orders."""
    stock = other.execute_sql("SELECT stock FROM books WHERE id = %s", (book,)).fetchone()[0]
    balance = other.execute_sql("SELECT balance FROM users WHERE username = 'wang'").fetchone()[0]
    rows = other.execute_sql("SELECT id, status FROM orders ORDER BY id").fetchall()
    lines = other.execute_sql("SELECT count(*) FROM order_lines").fetchone()[0]
    entries = other.execute_sql("SELECT count(*) FROM balance_entries").fetchone()[0]
    return {"stock": stock, "balance": balance, "orders": rows, "lines": lines,
            "entries": entries}


def test_a_connection_dropped_while_idle_is_replaced_unseen(shop, other):
    buyer, book = shop
    old_pid = _kill_session(other)

    order_id = orders.create(buyer.token, book, 2)  # no error: a new connection took over
    assert _session_id() != old_pid
    assert orders.info(buyer.token, order_id).status == OrderStatus.PENDING_PAYMENT
    assert catalog.get(book).stock == 3
    assert len(_seen_by_other(other, book)["orders"]) == 1  # made once, not twice


def test_a_kill_between_steps_of_paying_still_pays_exactly_once(shop, other):
    buyer, book = shop
    order_id = orders.create(buyer.token, book, 2)
    request = orders.submit(buyer.token, order_id)
    assert request.amount == Decimal("51.00")
    before = _seen_by_other(other, book)
    _kill_session(other)

    orders.pay(buyer.token, order_id)
    assert orders.info(buyer.token, order_id).status == OrderStatus.PENDING_SHIPMENT
    assert accounts.me(buyer.token).balance == Decimal("49.00")  # charged exactly once
    after = _seen_by_other(other, book)
    assert after["entries"] == before["entries"] + 1


def test_a_kill_while_the_call_is_inside_its_transaction_rolls_it_back(shop, other, backend):
    """The payment is waiting on a row another workstation holds when its session dies."""
    if backend != "postgresql":
        pytest.skip("finds the waiting session in pg_stat_activity")
    buyer, book = shop
    order_id = orders.create(buyer.token, book, 2)
    before = _seen_by_other(other, book)
    outcome = {}

    def pay():
        try:
            orders.pay(buyer.token, order_id)
            outcome["result"] = "paid"
        except DatabaseUnavailable as exc:
            outcome["result"] = exc
        finally:
            if not bound.is_closed():
                bound.close()

    with other.atomic():
        other.execute_sql("SELECT id FROM users WHERE username = 'wang' FOR UPDATE")
        payer = threading.Thread(target=pay)
        payer.start()
        waiting = None
        for _ in range(200):  # until the payment is blocked on that row, mid-transaction
            other.execute_sql("SELECT pg_stat_clear_snapshot()")  # a fresh look each time
            waiting = other.execute_sql(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND state = 'active'").fetchone()
            if waiting:
                break
            threading.Event().wait(0.02)
        assert waiting, f"the payment never reached the locked row: {outcome}"
        other.execute_sql("SELECT pg_terminate_backend(%s)", (waiting[0],))
        payer.join(10)
    assert isinstance(outcome["result"], DatabaseUnavailable)
    assert _seen_by_other(other, book) == before

    orders.pay(buyer.token, order_id)
    assert accounts.me(buyer.token).balance == Decimal("49.00")
