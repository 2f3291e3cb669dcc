"""A call stuck behind a silent network never freezes the window.

The shared server sits behind a real TCP proxy that goes silent (a pulled
cable: no reset, nothing comes back). The call waits on the worker thread;
the window keeps painting and taking keystrokes, and the call comes back
as "cannot be reached" within the program's bound.
"""

import time
from decimal import Decimal

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit

from bookshop_gui import db
from bookshop_gui.errors import DatabaseUnavailable
from bookshop_gui.services import accounts, auth, catalog, connection, orders
from bookshop_gui.ui import messages
from bookshop_gui.ui.tasks import Tasks


@pytest.fixture(params=["postgresql", "mysql"])
def backend(request):
    return request.param


@pytest.fixture
def unpaid_order(db_url):
    database = db.connect(db_url)
    shop_id = accounts.create_shop("Lakeside Books")
    accounts.create_user("clerk", "clerk-pass", "staff", shop_id=shop_id)
    accounts.create_user("wang", "wang-pass", "buyer", balance=Decimal("100.00"))
    clerk = auth.login("clerk", "clerk-pass")
    book = catalog.add_book(clerk.token, title="Moby-Dick", price=Decimal("14.50"), stock=5)
    buyer = auth.login("wang", "wang-pass")
    order_id = orders.create(buyer.token, book, 2)
    database.close()
    return buyer, order_id


@pytest.fixture
def worker(qtbot, monkeypatch):
    """The window's real worker thread (not the inline one the other window tests use)."""
    monkeypatch.setattr(Tasks, "serial", False)
    tasks = Tasks()
    yield tasks
    tasks.run(connection.close)
    tasks.wait(10_000)


def test_the_window_keeps_working_while_a_call_is_stuck(
        qtbot, worker, unpaid_order, db_url, fault_proxy, short_timeouts):
    buyer, order_id = unpaid_order
    proxy, url = fault_proxy(db_url)
    with qtbot.waitCallback(timeout=15_000) as opened:
        worker.run(connection.open_database, url, done=opened)
    proxy.go_silent()
    outcome = []
    worker.on_unavailable = lambda error, retry, failed: outcome.append(error)
    started = time.monotonic()
    worker.run(orders.pay, buyer.token, order_id, done=outcome.append)

    ticks = []
    timer = QTimer(interval=50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    note = QLineEdit()
    qtbot.addWidget(note)
    note.show()
    qtbot.keyClicks(note, "still typing")
    assert worker.busy  # the payment is stuck, and the window took every keystroke
    assert note.text() == "still typing"

    qtbot.waitUntil(lambda: bool(outcome), timeout=int((short_timeouts + 5) * 1000))
    took = time.monotonic() - started
    timer.stop()
    note.close()
    assert isinstance(outcome[0], DatabaseUnavailable)
    assert "Nothing was changed" in messages.describe(outcome[0])
    assert took < short_timeouts + 3
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) > 10 and max(gaps) < 1.0  # the event loop never stood still

    proxy.resume()
    with qtbot.waitCallback(timeout=15_000) as paid:
        worker.run(orders.pay, buyer.token, order_id, done=paid)
    with qtbot.waitCallback(timeout=15_000) as me:
        worker.run(accounts.me, buyer.token, done=me)
    assert me.args[0].balance == Decimal("49.00")
