"""While the shop server is away, a window says so once and carries on by itself.

The windows run their calls on the real worker thread. The link to the server
is cut through a real TCP proxy and restored; then, for real, a shop chain's
primary is shut down and its hot standby promoted (the two servers of
shop_floor/standby_pair.py). Each time the window shows one reconnecting
notice and no dialog, the action in flight waits and is done exactly once when
a host answers, and the notice goes.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import BalanceEntry
from bookshop_gui.models import database as bound
from bookshop_gui.services import accounts, auth, connection, orders
from bookshop_gui.ui import unreachable
from bookshop_gui.ui.buyer.header import ORDERS
from bookshop_gui.ui.buyer.window import BuyerWindow
from bookshop_gui.ui.merchant.window import MerchantWindow
from bookshop_gui.ui.outage import Outage

from .live_helpers import choose, enter_waybills, row_status

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def checks_closed():
    """The test's own look at the database (on this thread) is closed after it."""
    yield
    connection.close()


def idle(qtbot, tasks):
    qtbot.waitUntil(lambda: not tasks.busy, timeout=15_000)
    QApplication.processEvents()


def opened_on(qtbot, tasks, url):
    """The worker's own connection to `url`, as the program opens it at start."""
    with qtbot.waitCallback(timeout=15_000) as opened:
        tasks.run(connection.open_database, url, done=opened)


def kiosk_paying(qtbot, tasks, url, buyer, order_id) -> BuyerWindow:
    """A kiosk on `url`, its payment page for `order_id` ready for the buyer's tap."""
    opened_on(qtbot, tasks, url)
    window = BuyerWindow(buyer, tasks, kiosk=True)
    qtbot.addWidget(window)
    window.show()
    window.pay([order_id])
    qtbot.waitUntil(window.payment.pay_button.isEnabled, timeout=15_000)
    return window


def notices(tasks) -> list[bool]:
    """Every time the windows were told the server was lost (True) or back (False)."""
    told: list[bool] = []
    tasks.outage.reconnecting.connect(told.append)
    return told


@pytest.mark.parametrize("backend", ["postgresql", "mysql"])
def test_a_cut_link_shows_one_notice_and_the_kiosk_pays_once_when_it_is_back(
        qtbot, threaded, unpaid_order, db_url, fault_proxy, short_timeouts, dialog_script):
    buyer, order_id = unpaid_order
    proxy, url = fault_proxy(db_url)
    tasks = threaded()
    window = kiosk_paying(qtbot, tasks, url, buyer, order_id)
    told = notices(tasks)

    proxy.go_silent()
    proxy.reset()  # the cable is pulled: open connections die, new ones hear nothing
    qtbot.mouseClick(window.payment.pay_button, LEFT)
    qtbot.waitUntil(window.reconnecting_notice.isVisible, timeout=15_000)
    assert "reconnecting" in window.reconnecting_notice.text()
    window.watcher.poll()  # the window keeps working; its calls wait for the server too
    qtbot.waitUntil(lambda: tasks.outage.failed_looks >= 2, timeout=15_000)
    assert told == [True] and dialog_script.shown == []

    proxy.resume()
    qtbot.waitUntil(lambda: window.current_page() == ORDERS, timeout=15_000)
    idle(qtbot, tasks)
    assert told == [True, False] and not window.reconnecting_notice.isVisible()
    assert dialog_script.shown == []
    assert "Paid" in window.statusBar().currentMessage()
    assert accounts.me(buyer.token).balance == Decimal("49.00")  # charged exactly once
    assert BalanceEntry.select().where(BalanceEntry.order_id == order_id,
                                       BalanceEntry.reason == "payment").count() == 1


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_payment_still_waiting_is_reported_once_and_sent_again_under_its_id(
        qtbot, threaded, unpaid_order, db_url, fault_proxy, short_timeouts, dialog_script,
        monkeypatch):
    monkeypatch.setattr(Outage, "give_up_ms", 1)  # reported at the first failed look
    buyer, order_id = unpaid_order
    proxy, url = fault_proxy(db_url)
    tasks = threaded()
    window = kiosk_paying(qtbot, tasks, url, buyer, order_id)
    tasks.on_unavailable = lambda error, retry, failed: unreachable.tell(
        window, error, retry, failed)

    proxy.go_silent()
    proxy.reset()
    dialog_script.answers = [False]  # Cancel: the buyer will press Pay again later
    qtbot.mouseClick(window.payment.pay_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog_script.shown), timeout=15_000)
    assert [(kind, title) for kind, title, _ in dialog_script.shown] == [
        ("ask", "Database unreachable")]
    assert window.reconnecting_notice.isVisible()
    assert window.payment.pay_button.isEnabled()
    assert "never charged twice" in window.payment.error.text()

    proxy.resume()
    qtbot.waitUntil(lambda: not window.reconnecting_notice.isVisible(), timeout=15_000)
    qtbot.mouseClick(window.payment.pay_button, LEFT)
    qtbot.waitUntil(lambda: window.current_page() == ORDERS, timeout=15_000)
    idle(qtbot, tasks)
    assert len(dialog_script.shown) == 1
    assert accounts.me(buyer.token).balance == Decimal("49.00")


def test_through_a_failover_the_workstation_shows_one_notice_and_ships_on_the_new_primary(
        qtbot, threaded, pair, chain, dialog_script):
    buyer, book = chain
    placed = [orders.create(buyer.token, book, 1) for _ in range(3)]
    for order_id in placed[:2]:
        orders.pay(buyer.token, order_id)
    clerk = auth.login("clerk", "clerk-pass")
    tasks = threaded()
    opened_on(qtbot, tasks, pair.url)
    window = MerchantWindow(clerk, tasks)
    qtbot.addWidget(window)
    window.show()
    pane = window.show_pane("orders")
    idle(qtbot, tasks)
    told = notices(tasks)

    pair.stop_primary()  # no host takes writes now: the window's next poll finds out
    qtbot.waitUntil(window.reconnecting_notice.isVisible, timeout=15_000)
    assert told == [True] and dialog_script.shown == []
    assert row_status(pane, placed[0]) == "Pending shipment"  # what was read stays in view

    pair.promote_standby()
    qtbot.waitUntil(lambda: not window.reconnecting_notice.isVisible(), timeout=30_000)
    idle(qtbot, tasks)
    assert told == [True, False] and dialog_script.shown == []
    choose(pane, [placed[0]])
    qtbot.mouseClick(pane.ship_button, LEFT)
    enter_waybills(qtbot, pane, {placed[0]: "SF9000000001"})
    idle(qtbot, tasks)
    assert row_status(pane, placed[0]) == "Shipped"
    assert dialog_script.shown == []

    statuses = [orders.info(buyer.token, order_id).status for order_id in placed]
    assert statuses == [OrderStatus.PENDING_RECEIPT, OrderStatus.PENDING_SHIPMENT,
                        OrderStatus.PENDING_PAYMENT]
    assert bound.execute_sql("SELECT inet_server_port()").fetchone()[0] == pair.ports["standby"]


@pytest.mark.parametrize("backend", ["postgresql"])
def test_the_calls_of_someone_who_signed_out_are_not_answered_when_the_server_is_back(
        qtbot, threaded, db_url, fault_proxy, short_timeouts):
    proxy, url = fault_proxy(db_url)
    tasks = threaded()
    opened_on(qtbot, tasks, url)
    proxy.go_silent()
    proxy.reset()
    answered = []
    tasks.run(connection.is_demo, done=answered.append)
    qtbot.waitUntil(lambda: tasks.outage.server_lost, timeout=15_000)
    assert tasks.busy  # the call waits for the server
    tasks.drop_waiting()  # the window it was for signs out
    assert not tasks.busy

    proxy.resume()
    qtbot.waitUntil(lambda: not tasks.outage.server_lost, timeout=15_000)
    idle(qtbot, tasks)
    assert answered == []
