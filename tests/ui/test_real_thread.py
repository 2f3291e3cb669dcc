"""The main flows on the real worker thread, where results arrive after the code that asked.

Most window tests run service calls inline; these run them on the worker, as
the program does, and wait for what a person would wait for.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bookshop_gui.domain import OrderStatus
from bookshop_gui.services import accounts, auth, orders, shop
from bookshop_gui.ui import formatting
from bookshop_gui.ui.buyer.header import ORDERS
from bookshop_gui.ui.buyer.window import BuyerWindow
from bookshop_gui.ui.merchant.order_lines_model import COL_COUNT
from bookshop_gui.ui.merchant.orders_model import COL_TOTAL
from bookshop_gui.ui.merchant.window import MerchantWindow

from .live_helpers import balance, choose, enter_waybills, place, row_status, status_totals

LEFT = Qt.MouseButton.LeftButton


def idle(qtbot, *all_tasks):
    """Wait until every worker is done and every result handed back."""
    qtbot.waitUntil(lambda: not any(tasks.busy for tasks in all_tasks), timeout=10_000)
    QApplication.processEvents()


def opener(qtbot, threaded, window_class, session):
    """Opens a window of its own worker thread for `session`, once its first reads are in."""
    def open_window():
        tasks = threaded()
        window = window_class(session, tasks)
        qtbot.addWidget(window)
        window.show()
        idle(qtbot, tasks)
        return window
    return open_window


@pytest.fixture
def buyer_window(qtbot, threaded, buyer_session):
    return opener(qtbot, threaded, BuyerWindow, buyer_session)


@pytest.fixture
def staff_window(qtbot, threaded, staff_session, dialog_script):
    yield opener(qtbot, threaded, MerchantWindow, staff_session)
    dialog_script.answers[:] = [True] * 5  # editors left open: discard


def test_checkout_from_the_cart_and_pay(qtbot, buyer_window, buyer_session):
    window = buyer_window()
    window.catalog.search.setText("Emma")
    window.catalog.run_search()
    idle(qtbot, window.tasks)
    window.add_to_cart(window.catalog.model.book(0), 2)
    idle(qtbot, window.tasks)
    assert window.header.nav["cart"].text() == "Cart (2)"
    window.go("cart")
    idle(qtbot, window.tasks)
    qtbot.mouseClick(window.cart.order_button, LEFT)
    qtbot.waitUntil(window.preview.submit_button.isEnabled)  # once the address book is read
    qtbot.mouseClick(window.preview.submit_button, LEFT)
    qtbot.waitUntil(lambda: window.payment.pay_button.isEnabled(), timeout=10_000)
    (order_id,) = window.payment.order_ids()
    idle(qtbot, window.tasks)
    assert window.header.nav["cart"].text() == "Cart"
    qtbot.mouseClick(window.payment.pay_button, LEFT)
    qtbot.waitUntil(lambda: window.current_page() == ORDERS, timeout=10_000)
    idle(qtbot, window.tasks)
    assert window.orders.status() == OrderStatus.PENDING_SHIPMENT
    assert window.orders.current().id == order_id
    money_left = orders.info(buyer_session.token, order_id).total
    assert money_left and window.header.balance.text() == formatting.money(
        accounts.me(buyer_session.token).balance)


def test_paying_an_older_order_selects_it_not_the_newest(qtbot, buyer_window, buyer_session):
    """The reload the payment queued used to land after the selection, choosing the top row."""
    older = place(buyer_session, "Moby-Dick")
    place(buyer_session, "Dracula", pay=True)
    window = buyer_window()
    window.show_orders(OrderStatus.PENDING_PAYMENT)
    idle(qtbot, window.tasks)
    assert window.orders.current().id == older
    qtbot.mouseClick(window.orders.buttons["pay"], LEFT)
    qtbot.waitUntil(lambda: window.payment.pay_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(window.payment.pay_button, LEFT)
    qtbot.waitUntil(lambda: window.current_page() == ORDERS, timeout=10_000)
    idle(qtbot, window.tasks)
    assert window.orders.status() == OrderStatus.PENDING_SHIPMENT
    assert window.orders.model.rowCount() == 2
    assert window.orders.current().id == older


def test_a_top_up_at_the_counter_lets_the_buyer_on_the_payment_page_pay(
        qtbot, threaded, demo_shop, staff_session):
    """guest has ¥30 and owes ¥51 until staff top up ¥25 at another workstation."""
    guest = auth.login("guest", "guest")
    window = opener(qtbot, threaded, BuyerWindow, guest)()
    order_id = place(guest, "Moby-Dick", 2)
    window.pay([order_id])
    idle(qtbot, window.tasks)
    assert window.payment.balance_after.text() == "¥21.00 short"
    accounts.top_up(staff_session.token, "guest", 25)
    window.watcher.poll()
    qtbot.waitUntil(window.payment.pay_button.isEnabled, timeout=10_000)
    assert window.payment.balance.text() == "¥55.00"
    qtbot.mouseClick(window.payment.pay_button, LEFT)
    qtbot.waitUntil(lambda: window.current_page() == ORDERS, timeout=10_000)
    idle(qtbot, window.tasks)
    assert window.orders.current().id == order_id
    assert window.header.balance.text() == "¥4.00"


def test_staff_edit_and_save_redraws_the_list(qtbot, staff_window, buyer_session):
    order_id = place(buyer_session, "Emma", 2)
    window = staff_window()
    pane = window.show_pane("orders")
    pane.reload()
    idle(qtbot, window.tasks)
    choose(pane, [order_id])
    editor = pane.open_order(pane.current_order())
    idle(qtbot, window.tasks)
    editor.lines.setData(editor.lines.index(0, COL_COUNT), "3")
    qtbot.mouseClick(editor.save_button, LEFT)
    idle(qtbot, window.tasks)
    assert editor.total_label.text() == "Total ¥47.62"
    assert not editor.lines.dirty
    row = pane.model.row_of(order_id)
    assert pane.model.index(row, COL_TOTAL).data() == "¥47.62"
    editor.close()


def test_ship_and_cancel_with_refund_update_every_pane(
        qtbot, staff_window, staff_session, buyer_session, dialog_script):
    to_ship = place(buyer_session, "Emma", pay=True)
    to_cancel = place(buyer_session, "Dracula", pay=True)
    window = staff_window()
    members = window.show_pane("members")
    idle(qtbot, window.tasks)
    members.select("reader")
    pane = window.show_pane("orders")
    idle(qtbot, window.tasks)
    choose(pane, [to_ship])
    qtbot.mouseClick(pane.ship_button, LEFT)
    enter_waybills(qtbot, pane, {to_ship: "SF9000000001"})
    idle(qtbot, window.tasks)
    assert row_status(pane, to_ship) == "Shipped"
    choose(pane, [to_cancel])
    dialog_script.answers = [True]
    qtbot.mouseClick(pane.cancel_button, LEFT)
    idle(qtbot, window.tasks)
    assert row_status(pane, to_cancel) == "Cancelled"
    assert pane.tabs.tabText(pane.tabs.count() - 1).endswith("(1)")
    reports = window.show_pane("reports")
    idle(qtbot, window.tasks)
    assert status_totals(reports)["Cancelled"] == "1"
    window.show_pane("members")
    idle(qtbot, window.tasks)
    expected = formatting.money(balance(staff_session, "reader"))
    assert members.balance_label.text() == f"Balance {expected}"


def test_two_windows_on_one_database_see_each_others_changes(
        qtbot, buyer_window, staff_window, staff_session, dialog_script):
    kiosk, desk = buyer_window(), staff_window()
    order_id = place_from_kiosk(qtbot, kiosk)
    desk.watcher.poll()
    pane = desk.show_pane("orders")
    idle(qtbot, desk.tasks)
    assert row_status(pane, order_id) == "Pending shipment"

    members = desk.show_pane("members")
    idle(qtbot, desk.tasks)
    members.select("reader")
    qtbot.keyClicks(members.amount, "30")
    dialog_script.answers = [True]
    qtbot.mouseClick(members.top_up_button, LEFT)
    idle(qtbot, desk.tasks)
    kiosk.watcher.poll()
    idle(qtbot, kiosk.tasks)
    assert kiosk.header.balance.text() == formatting.money(balance(staff_session, "reader"))

    shop.ship(staff_session.token, order_id)  # a third workstation
    kiosk.watcher.poll()
    desk.watcher.poll()
    idle(qtbot, kiosk.tasks, desk.tasks)
    assert kiosk.orders.status() == OrderStatus.PENDING_SHIPMENT
    assert kiosk.orders.model.row_of(order_id) == -1  # moved on to the Shipped tab
    assert kiosk.orders.counts[OrderStatus.PENDING_RECEIPT] == 1
    pane = desk.show_pane("orders")  # hidden until now: it reads again on showing
    idle(qtbot, desk.tasks)
    assert row_status(pane, order_id) == "Shipped"


def place_from_kiosk(qtbot, kiosk) -> int:
    """Buy one Emma now and pay for it, through the kiosk's own pages."""
    kiosk.catalog.search.setText("Emma")
    kiosk.catalog.run_search()
    idle(qtbot, kiosk.tasks)
    kiosk.buy_now(kiosk.catalog.model.book(0), 1)
    qtbot.waitUntil(kiosk.preview.submit_button.isEnabled)  # once the address book is read
    qtbot.mouseClick(kiosk.preview.submit_button, LEFT)
    qtbot.waitUntil(lambda: kiosk.payment.pay_button.isEnabled(), timeout=10_000)
    (order_id,) = kiosk.payment.order_ids()
    qtbot.mouseClick(kiosk.payment.pay_button, LEFT)
    qtbot.waitUntil(lambda: kiosk.current_page() == ORDERS, timeout=10_000)
    idle(qtbot, kiosk.tasks)
    return order_id
