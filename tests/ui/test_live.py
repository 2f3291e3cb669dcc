"""Panes that stay true: after a change here, or by another process on the same database,
every pane shows the new figures without anyone pressing Refresh."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from bookshop_gui.domain import OrderStatus, allows
from bookshop_gui.errors import DatabaseUnavailable
from bookshop_gui.services import accounts, auth, cart, catalog, orders, settings, shop
from bookshop_gui.ui import formatting, live
from bookshop_gui.ui.buyer.order_actions import CALLS as BUYER_CALLS
from bookshop_gui.ui.buyer.window import BuyerWindow
from bookshop_gui.ui.merchant.window import MerchantWindow

from .live_helpers import balance, book_id, choose, enter_waybills, place, status_totals

LEFT = Qt.MouseButton.LeftButton
MAIN = Path(__file__).resolve().parents[2] / "main.py"


def test_reports_and_members_follow_a_ship_and_a_refund_made_in_this_window(
        qtbot, staff_window, staff_session, buyer_session, dialog_script):
    to_ship = place(buyer_session, "Emma", pay=True)
    to_cancel = place(buyer_session, "Dracula", 2, pay=True)
    reports = staff_window.show_pane("reports")  # seen once at sign-in, then left
    members = staff_window.show_pane("members")
    members.select("reader")
    before = balance(staff_session, "reader")
    pane = staff_window.show_pane("orders")
    pane.reload()
    choose(pane, [to_ship])
    qtbot.mouseClick(pane.ship_button, LEFT)
    enter_waybills(qtbot, pane, {to_ship: "SF9000000001"})
    choose(pane, [to_cancel])
    dialog_script.answers = [True]
    qtbot.mouseClick(pane.cancel_button, LEFT)

    assert staff_window.show_pane("reports") is reports
    totals = status_totals(reports)
    assert totals["Cancelled"] == "1" and totals["Shipped"] == "1"
    assert totals["Pending shipment"] == "0"
    staff_window.show_pane("members")
    refunded = balance(staff_session, "reader")
    assert refunded > before
    assert members.balance_label.text() == f"Balance {formatting.money(refunded)}"
    qtbot.keyClicks(members.amount, "10")
    dialog_script.answers = [False]
    qtbot.mouseClick(members.top_up_button, LEFT)
    assert dialog_script.shown[-1][2].endswith(
        f"It will then be {formatting.money(refunded + 10)}.")


def test_a_top_up_by_another_process_reaches_members_and_the_kiosk(
        qtbot, staff_window, buyer_session, tasks, sqlite_url):
    """`admin top-up` run as its own program, as at another workstation."""
    kiosk = BuyerWindow(buyer_session, tasks)
    qtbot.addWidget(kiosk)
    kiosk.show()
    members = staff_window.show_pane("members")
    members.select("reader")
    start = Decimal(kiosk.header.balance.text().lstrip("¥"))
    subprocess.run(
        [sys.executable, str(MAIN), "admin", "top-up", "reader", "25", "--as", "lakeside",
         "--db", sqlite_url],
        check=True, capture_output=True, timeout=60,
        env={**os.environ, "BOOKSHOP_PASSWORD": "lakeside"},
    )
    staff_window.watcher.poll()
    kiosk.watcher.poll()
    after = formatting.money(start + 25)
    assert members.balance_label.text() == f"Balance {after}"
    assert kiosk.header.balance.text() == after


def test_a_top_up_at_the_counter_lets_a_buyer_who_was_short_pay(
        qtbot, demo_shop, staff_session, tasks):
    """guest has ¥30 and owes ¥51; staff top up ¥25 while the payment page is open."""
    window = BuyerWindow(auth.login("guest", "guest"), tasks)
    qtbot.addWidget(window)
    window.show()
    window.pay([place(window.session, "Moby-Dick", 2)])
    page = window.payment
    assert page.balance_after.text() == "¥21.00 short"
    assert not page.pay_button.isEnabled() and page.error.isVisibleTo(window)

    accounts.top_up(staff_session.token, "guest", 25)  # at the counter
    window.watcher.poll()
    assert page.balance.text() == "¥55.00"
    assert page.balance_after.text() == "¥4.00"
    assert not page.error.isVisibleTo(window)
    qtbot.mouseClick(page.pay_button, LEFT)
    assert window.current_page() == "orders"
    assert balance(staff_session, "guest") == Decimal("4.00")


@pytest.fixture
def kiosk(qtbot, buyer_session, tasks) -> BuyerWindow:
    window = BuyerWindow(buyer_session, tasks)
    qtbot.addWidget(window)
    window.show()
    return window


def preview_texts(window) -> list[str]:
    """The words on the preview's order cards, as laid out now."""
    box = window.preview.orders_box
    cards = [box.itemAt(i).widget() for i in range(box.count())]
    return [label.text() for card in cards if card for label in card.findChildren(QLabel)]


def test_the_order_preview_follows_a_new_shipping_fee(kiosk, demo_shop):
    kiosk.buy_now(catalog.get(book_id("Emma")), 1)
    assert kiosk.preview.grand_total.text() == "Total ¥30.54"  # 8.54 and 22.00 shipping
    settings.set_shipping_fee(auth.login("admin", "admin").token, Decimal("15"))  # elsewhere
    kiosk.watcher.poll()
    assert kiosk.preview.grand_total.text() == "Total ¥23.54"
    assert "¥15.00" in preview_texts(kiosk) and "¥22.00" not in preview_texts(kiosk)


def test_the_order_preview_follows_a_book_renamed_and_repriced(
        qtbot, kiosk, buyer_session, staff_session):
    cart.add(buyer_session.token, book_id("Emma"), 2)
    kiosk.go("cart")
    qtbot.mouseClick(kiosk.cart.order_button, LEFT)
    assert kiosk.preview.grand_total.text() == "Total ¥39.08"  # 2 × 8.54 and 22.00 shipping
    catalog.update_book(staff_session.token, book_id("Emma"), title="Emma (Penguin)",
                        price=Decimal("10.00"))  # at a workstation
    kiosk.watcher.poll()
    assert kiosk.preview.grand_total.text() == "Total ¥41.00"
    assert "Emma (Penguin)" in preview_texts(kiosk)


def test_a_kiosk_payment_reaches_the_hidden_reports_pane_when_it_is_shown(
        staff_window, buyer_session):
    reports = staff_window.show_pane("reports")
    assert status_totals(reports)["Pending shipment"] == "0"
    staff_window.show_pane("catalog")
    place(buyer_session, "Emma", pay=True)  # at a kiosk
    staff_window.watcher.poll()
    assert status_totals(reports)["Pending shipment"] == "0"  # hidden: not read yet
    staff_window.show_pane("reports")
    assert status_totals(reports)["Pending shipment"] == "1"


def test_staff_shipping_reaches_the_buyers_open_order(qtbot, buyer_session, staff_session, tasks):
    order_id = place(buyer_session, "Emma", pay=True)
    window = BuyerWindow(buyer_session, tasks)
    qtbot.addWidget(window)
    window.show()
    window.show_order(order_id)
    assert window.detail.status.text() == "Pending shipment"
    assert window.detail.buttons["cancel"].isVisible()
    shop.ship(staff_session.token, order_id)  # at a workstation
    window.watcher.poll()
    assert window.detail.status.text() == "Shipped"
    assert not window.detail.buttons["cancel"].isVisible()
    assert window.detail.buttons["received"].isVisible()


def test_the_watchers_own_timer_brings_a_kiosks_payment_to_members(
        qtbot, monkeypatch, staff_session, buyer_session, tasks):
    monkeypatch.setattr(live, "POLL_MS", 50)  # rather than every few seconds
    window = MerchantWindow(staff_session, tasks)
    qtbot.addWidget(window)
    window.show()
    members = window.show_pane("members")
    members.select("reader")
    before = members.balance_label.text()
    place(buyer_session, "Emma", pay=True)  # at a kiosk
    assert members.balance_label.text() == before  # nothing polled yet
    paid = formatting.money(balance(staff_session, "reader"))
    qtbot.waitUntil(lambda: members.balance_label.text() == f"Balance {paid}")


def test_a_refund_made_at_another_workstation_reaches_reports_and_members(
        staff_window, staff_session, buyer_session):
    order_id = place(buyer_session, "Dracula", 2, pay=True)
    reports = staff_window.show_pane("reports")
    members = staff_window.show_pane("members")
    members.select("reader")
    staff_window.watcher.poll()  # the payment, as a kiosk's
    paid = balance(staff_session, "reader")
    assert members.balance_label.text() == f"Balance {formatting.money(paid)}"

    other = auth.login("lakeside", "lakeside")  # the other workstation
    assert shop.cancel(other.token, order_id)
    staff_window.watcher.poll()
    refunded = balance(staff_session, "reader")
    assert refunded > paid
    assert members.balance_label.text() == f"Balance {formatting.money(refunded)}"
    staff_window.show_pane("reports")
    totals = status_totals(reports)
    assert totals["Cancelled"] == "1" and totals["Pending shipment"] == "0"


def test_reports_show_a_best_seller_renamed_at_another_workstation(
        staff_window, staff_session, buyer_session):
    place(buyer_session, "Emma", 3, pay=True)
    reports = staff_window.show_pane("reports")
    staff_window.watcher.poll()
    assert reports.top_books.index(0, 0).data() == "Emma"
    other = auth.login("lakeside", "lakeside")
    catalog.update_book(other.token, book_id("Emma"), title="Emma (Penguin)")
    staff_window.watcher.poll()
    assert reports.top_books.index(0, 0).data() == "Emma (Penguin)"


# -- buttons follow the status machine ------------------------------------------------


@pytest.fixture
def every_status(buyer_session, staff_session) -> dict[OrderStatus, int]:
    made = {}
    for status in OrderStatus:
        order_id = place(buyer_session, "Emma")
        if status == OrderStatus.CANCELLED:
            orders.cancel(buyer_session.token, order_id)
        steps = [lambda o: orders.pay(buyer_session.token, o),
                 lambda o: shop.ship(staff_session.token, o),
                 lambda o: orders.confirm_receipt(buyer_session.token, o),
                 lambda o: orders.review(buyer_session.token, o, 5)]
        for step in steps[:max(int(status), 0)]:
            step(order_id)
        made[status] = order_id
    return made


def test_the_merchants_buttons_follow_the_status_machine(staff_window, every_status):
    pane = staff_window.show_pane("orders")
    pane.reload()
    for status, order_id in every_status.items():
        choose(pane, [order_id])
        assert pane.ship_button.isEnabled() == allows("shop.ship", status), status
        assert pane.cancel_button.isEnabled() == allows("shop.cancel", status), status
        editor = pane.open_order(pane.current_order())
        assert editor.add_button.isEnabled() == allows("shop.set_lines", status), status
        editor.close()


def test_the_buyers_buttons_follow_the_status_machine(qtbot, buyer_session, tasks, every_status):
    window = BuyerWindow(buyer_session, tasks)
    qtbot.addWidget(window)
    window.show()
    for status, order_id in every_status.items():
        window.show_order(order_id)
        shown = {name for name, button in window.detail.buttons.items() if button.isVisible()}
        wanted = {name for name, call in BUYER_CALLS.items() if allows(call, status)}
        assert shown == wanted - {"review"}, status
        assert window.detail.review.isVisible() == allows("review", status), status


def test_the_catalog_shows_copies_sold_at_a_kiosk_keeping_the_chosen_book(
        staff_window, buyer_session):
    pane = staff_window.show_pane("catalog")
    row = next(r for r in range(pane.model.rowCount()) if pane.model.book_at(r).title == "Emma")
    pane.table.selectRow(row)
    stock = pane.model.book_at(row).stock
    place(buyer_session, "Emma", 2)  # at a kiosk
    staff_window.watcher.poll()
    assert pane.current_book().title == "Emma"
    assert pane.current_book().stock == stock - 2


def test_a_lost_server_does_not_interrupt_with_a_dialog_every_poll(
        staff_window, dialog_script, monkeypatch):
    def lost(_token):
        raise DatabaseUnavailable("The shop database cannot be reached. Nothing was changed.")

    asked = []
    staff_window.tasks.on_unavailable = lambda error, retry, failed: asked.append(error)
    monkeypatch.setattr(staff_window.watcher.feed, "poll", lost)
    staff_window.watcher.poll()
    assert asked == [] and dialog_script.shown == []


def test_leaving_the_payment_page_unpaid_returns_where_it_was_opened(
        qtbot, buyer_session, tasks):
    order_id = place(buyer_session, "Emma")
    window = BuyerWindow(buyer_session, tasks)
    qtbot.addWidget(window)
    window.show()
    window.show_order(order_id)
    qtbot.mouseClick(window.detail.buttons["pay"], LEFT)
    assert window.current_page() == "payment"
    qtbot.mouseClick(window.payment.later_button, LEFT)
    assert window.current_page() == "detail" and window.detail.order.id == order_id
    window.show_orders(OrderStatus.PENDING_PAYMENT)
    qtbot.mouseClick(window.orders.buttons["pay"], LEFT)
    window.go_back()  # Escape
    assert window.current_page() == "orders"
