"""A call stuck behind a silent network never freezes the window.

The shared server sits behind a real TCP proxy that goes silent (a pulled
cable: no reset, nothing comes back). The call waits on the worker thread;
the window keeps painting and taking keystrokes, hears within the program's
bound that the server is lost (one reconnecting notice, no dialog), and the
call runs, once, when the link comes back.
"""

import time
from decimal import Decimal

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit

from bookshop_gui.services import accounts, connection, orders
from bookshop_gui.ui.tasks import Tasks


@pytest.fixture(params=["postgresql", "mysql"])
def backend(request):
    return request.param


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
    outcome, lost = [], []
    worker.on_unavailable = lambda error, retry, failed: outcome.append(error)
    worker.outage.reconnecting.connect(lost.append)
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

    qtbot.waitUntil(lambda: bool(lost), timeout=int((short_timeouts + 5) * 1000))
    took = time.monotonic() - started
    timer.stop()
    note.close()
    assert lost == [True] and outcome == []  # the notice, and no dialog
    assert took < short_timeouts + 3
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) > 10 and max(gaps) < 1.0  # the event loop never stood still

    proxy.resume()
    qtbot.waitUntil(lambda: lost == [True, False] and bool(outcome), timeout=15_000)
    assert worker.outage.server_lost is False
    with qtbot.waitCallback(timeout=15_000) as me:
        worker.run(accounts.me, buyer.token, done=me)
    assert me.args[0].balance == Decimal("49.00")
