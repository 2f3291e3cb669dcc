"""Money moves exactly once, and only as shown, seen from the windows.

The shop changes an order while its payment page is open: Pay charges
nothing until the buyer has seen the change and agreed to the new amount.
The reply to a payment is lost after the server committed it (a real TCP
proxy in front of PostgreSQL cuts the connection right after COMMIT): the
window asks again with the same request id, by itself and then when the buyer
says so, and tells the truth; the buyer is charged once. A top-up at the
counter whose outcome stayed unknown is not credited twice when staff press
Top up again, a batch of orders shipped through a lost reply ships each
once, and a batch cancelled through lost replies is never said to have
changed nothing: each order is refunded once.
"""

from decimal import Decimal

import pytest
from fault_proxy import FaultProxy
from PySide6.QtCore import Qt

from bookshop_gui import db, models
from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import BalanceEntry
from bookshop_gui.services import accounts, auth, catalog, demo_data, orders, shop
from bookshop_gui.ui import dialogs, formatting, unreachable
from bookshop_gui.ui.buyer.window import BuyerWindow
from bookshop_gui.ui.merchant.window import MerchantWindow
from bookshop_gui.ui.outage import Outage

from .live_helpers import choose, click_tab, enter_waybills

LEFT = Qt.MouseButton.LeftButton
COMMIT = b"COMMIT\x00"


@pytest.fixture
def open_window(qtbot, tasks):
    def open_for(session):
        window = BuyerWindow(session, tasks)
        qtbot.addWidget(window)
        window.show()
        return window
    return open_for


def payment_page_for(qtbot, window, title, count):
    """The buyer buys `count` of `title` now and lands on the payment page."""
    book = catalog.search(title)[0]
    window.buy_now(book, count)
    qtbot.mouseClick(window.preview.submit_button, LEFT)
    qtbot.waitUntil(window.payment.pay_button.isEnabled)
    return window.payment.order_ids()[0], book.id


def balance(username):
    staff = auth.login("lakeside", "lakeside")
    return accounts.get_member(staff.token, username).balance


def payments(order_id):
    return BalanceEntry.select().where(BalanceEntry.order_id == order_id,
                                       BalanceEntry.reason == "payment").count()


# -- only as shown -------------------------------------------------------------------


@pytest.mark.parametrize("agrees", [False, True])
def test_staff_change_the_order_while_the_page_is_open_and_pay_asks_first(
        qtbot, demo_shop, open_window, dialog_script, agrees):
    window = open_window(auth.login("reader", "reader"))
    order_id, book_id = payment_page_for(qtbot, window, "Frankenstein", 2)
    assert window.payment.amount.text() == "¥37.18"

    staff = auth.login("lakeside", "lakeside")  # at the counter, meanwhile
    shop.set_lines(staff.token, order_id,
                   [{"book_id": book_id, "cnt": 1, "money": Decimal("7.59")}])

    dialog_script.answers = [agrees]
    qtbot.mouseClick(window.payment.pay_button, LEFT)
    kind, title, text = dialog_script.shown[0]
    assert (kind, title) == ("ask", "The order was changed")
    assert "it now costs ¥29.59 instead of ¥37.18" in text
    rows = text.splitlines()
    changed = rows.index(f"Order #{order_id}: total ¥37.18 → ¥29.59")
    assert rows[changed + 1].strip() == "Frankenstein × 2 (¥15.18) → Frankenstein × 1 (¥7.59)"
    assert "Pay ¥29.59 now?" in text
    if agrees:
        assert orders.info(auth.login("reader", "reader").token, order_id).status \
            == OrderStatus.PENDING_SHIPMENT
        assert balance("reader") == Decimal("470.41")
        assert window.header.balance.text() == "¥470.41"
        return
    assert balance("reader") == Decimal("500.00")  # nothing was charged
    assert window.payment.amount.text() == "¥29.59"
    assert "now costs ¥29.59. Nothing was charged." in window.payment.error.text()
    assert window.payment.changes.isVisibleTo(window)
    qtbot.mouseClick(window.payment.pay_button, LEFT)  # the new amount, now on the page
    assert balance("reader") == Decimal("470.41")
    assert len(dialog_script.shown) == 1


def test_a_change_the_shop_made_shows_on_the_open_page_before_pay_is_pressed(
        qtbot, demo_shop, open_window, dialog_script):
    window = open_window(auth.login("reader", "reader"))
    order_id, book_id = payment_page_for(qtbot, window, "Frankenstein", 2)
    staff = auth.login("lakeside", "lakeside")  # at the counter, meanwhile
    shop.set_lines(staff.token, order_id,
                   [{"book_id": book_id, "cnt": 1, "money": Decimal("7.59")}])
    window.watcher.poll()

    page = window.payment
    assert page.amount.text() == "¥29.59"
    assert page.error.isVisibleTo(window)
    assert (f"changed order #{order_id} after this page showed it: it now costs ¥29.59 "
            "instead of ¥37.18") in page.error.text()
    assert "Frankenstein × 1 (¥7.59)" in page.changes.text()
    qtbot.mouseClick(page.pay_button, LEFT)  # the amount on the page: no question
    assert dialog_script.shown == []
    assert balance("reader") == Decimal("470.41")


def test_a_second_change_while_the_buyer_reads_the_question_is_not_paid_unseen(
        qtbot, demo_shop, open_window, monkeypatch):
    window = open_window(auth.login("reader", "reader"))
    order_id, book_id = payment_page_for(qtbot, window, "Frankenstein", 2)
    staff = auth.login("lakeside", "lakeside")
    shop.set_lines(staff.token, order_id,
                   [{"book_id": book_id, "cnt": 1, "money": Decimal("7.59")}])
    asked = []

    def meanwhile(parent, title, text, *, yes, no):
        asked.append(yes)
        shop.set_lines(staff.token, order_id,
                       [{"book_id": book_id, "cnt": 3, "money": Decimal("22.77")}])
        window.watcher.poll()
        return True  # "Pay ¥29.59", pressed after the page already shows ¥44.77

    monkeypatch.setattr(dialogs, "ask", meanwhile)
    qtbot.mouseClick(window.payment.pay_button, LEFT)
    assert asked == ["Pay ¥29.59"]
    assert balance("reader") == Decimal("500.00")  # nothing was charged
    assert window.payment.amount.text() == "¥44.77"
    assert "it now costs ¥44.77 instead of ¥29.59" in window.payment.error.text()
    assert window.payment.pay_button.isEnabled()


def test_each_line_the_shop_changed_is_shown_on_a_row_of_its_own(
        qtbot, demo_shop, open_window, dialog_script):
    window = open_window(auth.login("reader", "reader"))
    order_id, frankenstein = payment_page_for(qtbot, window, "Frankenstein", 2)
    emma = catalog.search("Emma")[0]
    staff = auth.login("lakeside", "lakeside")  # the buyer asked for Emma instead
    shop.set_lines(staff.token, order_id, [{"book_id": emma.id, "cnt": 1, "money": emma.price}])

    dialog_script.answers = [False]
    qtbot.mouseClick(window.payment.pay_button, LEFT)
    rows = [row.strip() for row in dialog_script.shown[0][2].splitlines()]
    emma_line = f"Emma × 1 ({formatting.money(emma.price)})"
    changed = rows.index(f"Order #{order_id}: total ¥37.18 → "
                         f"{formatting.money(Decimal('22.00') + emma.price)}")
    assert rows[changed + 1:changed + 3] == ["Frankenstein × 2 (¥15.18) → none",
                                             f"none → {emma_line}"]
    notice = [row.strip() for row in window.payment.changes.text().splitlines()]
    assert rows[changed:changed + 3] == notice[1:4]  # the page says the same, row by row


# -- exactly once, through a connection that loses replies ---------------------------


class LosingProxy(FaultProxy):
    """Cuts the connection right after each of the next `times` COMMITs reaches the server."""

    def lose_replies(self, times: int) -> None:
        # A new connection: psycopg sends a statement it has run five times as a
        # prepared one, so only a fresh connection writes COMMIT out in full.
        models.database.close()
        self.left = times
        self.cut_after(COMMIT)

    def _cut(self, client, server):
        super()._cut(client, server)
        self.left -= 1
        if self.left > 0:
            self.cut_after(COMMIT)


@pytest.fixture
def server_shop(backend, db_url, monkeypatch):
    """The demo shop on PostgreSQL, reached through a proxy that can lose replies."""
    proxy = LosingProxy.for_url(db_url)
    database = db.connect(proxy.url(db_url))
    demo_data.seed()
    monkeypatch.setattr(Outage, "probe_waits_ms", (1,))
    yield proxy
    database.close()
    proxy.close()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_lost_reply_is_asked_again_by_itself_and_the_buyer_is_charged_once(
        qtbot, server_shop, open_window, dialog_script):
    window = open_window(auth.login("reader", "reader"))
    order_id, _ = payment_page_for(qtbot, window, "Emma", 1)
    # The payment commits, its reply is lost; the service's own second ask is lost too.
    server_shop.lose_replies(2)
    with qtbot.waitSignal(window.payment.paid, timeout=10_000):
        qtbot.mouseClick(window.payment.pay_button, LEFT)
    assert server_shop.cuts == 2
    assert payments(order_id) == 1
    assert balance("reader") == Decimal("469.46")
    assert "Paid" in window.statusBar().currentMessage()
    assert dialog_script.shown == []


@pytest.mark.parametrize("backend", ["postgresql"])
@pytest.mark.parametrize("checks_now", [True, False])
def test_an_outcome_still_unknown_is_said_so_and_checked_again_with_the_same_id(
        qtbot, server_shop, open_window, dialog_script, tasks, checks_now):
    window = open_window(auth.login("reader", "reader"))
    tasks.on_unavailable = lambda error, retry, failed: unreachable.tell(
        window, error, retry, failed)
    order_id, _ = payment_page_for(qtbot, window, "Emma", 1)
    # Every reply is lost: the first ask and the window's three retries, two COMMITs each.
    server_shop.lose_replies(8)
    dialog_script.answers = [checks_now]
    paid = []
    window.payment.paid.connect(paid.append)
    qtbot.mouseClick(window.payment.pay_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog_script.shown), timeout=10_000)
    kind, title, text = dialog_script.shown[0]
    assert (kind, title) == ("ask", "Database unreachable")
    assert "not known yet whether it was saved" in text
    assert "Nothing was changed" not in text
    assert server_shop.cuts == 8
    assert payments(order_id) == 1  # it had happened, and only once
    if not checks_now:
        assert window.payment.pay_button.isEnabled()
        assert "not known yet" in window.payment.error.text()
        assert "never charged twice" in window.payment.error.text()
        qtbot.mouseClick(window.payment.pay_button, LEFT)  # the same payment, sent again
    qtbot.waitUntil(lambda: bool(paid), timeout=10_000)
    assert payments(order_id) == 1
    assert balance("reader") == Decimal("469.46")
    assert len(dialog_script.shown) == 1


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_top_up_whose_outcome_stayed_unknown_is_not_credited_twice(
        qtbot, server_shop, tasks, dialog_script):
    window = MerchantWindow(auth.login("lakeside", "lakeside"), tasks)
    qtbot.addWidget(window)
    window.show()
    tasks.on_unavailable = lambda error, retry, failed: unreachable.tell(
        window, error, retry, failed)
    pane = window.show_pane("members")
    pane.select("reader")
    qtbot.keyClicks(pane.amount, "50")
    server_shop.lose_replies(8)
    dialog_script.answers = [True, False]  # "Top up?" yes; then "Check again?" later
    qtbot.mouseClick(pane.top_up_button, LEFT)
    qtbot.waitUntil(lambda: len(dialog_script.shown) == 3, timeout=10_000)
    assert dialog_script.shown[1][2].startswith("The connection to the shop database was lost")
    assert dialog_script.shown[2][0] == "warn"  # the pane says the outcome is not known
    assert "not known yet" in dialog_script.shown[2][2]
    assert balance("reader") == Decimal("550.00")  # it had been credited

    dialog_script.answers = [True]  # staff press Top up again for the same 50.00
    qtbot.mouseClick(pane.top_up_button, LEFT)
    assert balance("reader") == Decimal("550.00")  # the same top-up, answered, not repeated
    assert pane.balance_label.text() == "Balance ¥550.00"
    assert "now ¥550.00" in window.statusBar().currentMessage()


def two_paid_orders_chosen(qtbot, tasks):
    """The merchant window, its orders pane, and two orders the reader paid for, chosen
    in the pane's tab of orders waiting to ship."""
    buyer = auth.login("reader", "reader")
    paid = [orders.create(buyer.token, catalog.search(title)[0].id, 1)
            for title in ("Emma", "Frankenstein")]
    for order_id in paid:
        orders.pay(buyer.token, order_id)
    window = MerchantWindow(auth.login("lakeside", "lakeside"), tasks)
    qtbot.addWidget(window)
    window.show()
    pane = window.show_pane("orders")
    click_tab(qtbot, pane, OrderStatus.PENDING_SHIPMENT)
    choose(pane, paid)
    return window, pane, paid


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_batch_shipped_through_a_lost_reply_ships_each_order_once(
        qtbot, server_shop, tasks, dialog_script):
    window, pane, paid = two_paid_orders_chosen(qtbot, tasks)
    server_shop.lose_replies(2)  # the first order ships; both replies about it are lost
    qtbot.mouseClick(pane.ship_button, LEFT)
    enter_waybills(qtbot, pane, {order_id: f"SF70000000{order_id}" for order_id in paid})
    qtbot.waitUntil(lambda: "Marked 2 order(s) shipped." in window.statusBar().currentMessage(),
                    timeout=10_000)
    assert server_shop.cuts == 2
    assert dialog_script.shown == []  # nothing refused: the repeat answered "shipped"
    staff = auth.login("lakeside", "lakeside")
    assert {shop.get_order(staff.token, i).status for i in paid} == {
        OrderStatus.PENDING_RECEIPT}


def refunds(order_id):
    return BalanceEntry.select().where(BalanceEntry.order_id == order_id,
                                       BalanceEntry.reason == "refund").count()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_cancel_batch_whose_outcome_stayed_unknown_is_never_called_unchanged(
        qtbot, server_shop, tasks, dialog_script):
    window, pane, paid = two_paid_orders_chosen(qtbot, tasks)
    after_payments = balance("reader")
    tasks.on_unavailable = lambda error, retry, failed: unreachable.tell(
        window, error, retry, failed)
    server_shop.lose_replies(8)  # the batch commits; no answer about it comes back
    dialog_script.answers = [True, False]  # "Cancel and refund"; then "Check again?" later
    qtbot.mouseClick(pane.cancel_button, LEFT)
    qtbot.waitUntil(lambda: len(dialog_script.shown) == 3, timeout=10_000)
    assert [kind for kind, _, _ in dialog_script.shown] == ["ask", "ask", "warn"]
    assert "not known yet" in dialog_script.shown[2][2]
    assert "nothing was changed" not in dialog_script.texts().lower()
    staff = auth.login("lakeside", "lakeside")
    assert {shop.get_order(staff.token, i).status for i in paid} == {OrderStatus.CANCELLED}
    assert [refunds(i) for i in paid] == [1, 1]  # it had happened, once

    dialog_script.answers = [True]  # staff press Cancel again for the same two orders
    qtbot.mouseClick(pane.cancel_button, LEFT)
    qtbot.waitUntil(lambda: "Cancelled 2 order(s)." in window.statusBar().currentMessage(),
                    timeout=10_000)
    assert [refunds(i) for i in paid] == [1, 1]  # the same batch, answered, not repeated
    assert balance("reader") == after_payments + sum(
        (shop.get_order(staff.token, i).total for i in paid), Decimal("0.00"))
    assert len(dialog_script.shown) == 4
