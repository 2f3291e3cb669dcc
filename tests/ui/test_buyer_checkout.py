"""A buyer's whole journey on the demo shop, and the two ways paying can go wrong.

Everything is done through the window's own widgets; only the shop's side
(shipping, editing an order) goes through the service layer, as staff would
at their workstation.
"""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import OutOfStock
from bookshop_gui.services import auth, cart, catalog, orders, shop
from bookshop_gui.ui import messages
from bookshop_gui.ui.buyer.window import BuyerWindow
from bookshop_gui.ui.sign_in import SignInWindow

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def open_window(qtbot, demo_shop, tasks):
    def open_for(session):
        window = BuyerWindow(session, tasks)
        qtbot.addWidget(window)
        window.show()
        return window
    return open_for


def sign_in(qtbot, tasks, username):
    screen = SignInWindow(tasks)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.keyClicks(screen.username, username)
    qtbot.keyClicks(screen.password, username)
    with qtbot.waitSignal(screen.signed_in) as signal:
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    screen.close()
    return signal.args[0]


def search(qtbot, window, text):
    page = window.catalog
    page.search.clear()
    qtbot.keyClicks(page.search, text)
    qtbot.waitUntil(lambda: page.model.text == text and page.model.rowCount() > 0)


def add_first(qtbot, window, text, count=1):
    """Search, click the first card, set the quantity and press "Add to cart"."""
    search(qtbot, window, text)
    page = window.catalog
    rect = page.list.visualRect(page.model.index(0))
    qtbot.mouseClick(page.list.viewport(), LEFT, pos=rect.center())
    assert page.panel.title.text() == page.model.book(0).title
    page.panel.count.setValue(count)
    qtbot.mouseClick(page.panel.add_button, LEFT)


def row_of(model, title):
    return next(r for r, line in enumerate(model.lines()) if line.title == title)


def test_from_sign_in_to_a_reviewed_order(qtbot, demo_shop, tasks, open_window, dialog_script):
    window = open_window(sign_in(qtbot, tasks, "reader"))
    assert window.header.balance.text() == "¥500.00"
    assert window.header.vip.text() == "VIP: 5% off"

    add_first(qtbot, window, "Emma")
    add_first(qtbot, window, "Dracula")
    add_first(qtbot, window, "9787020008735")  # 西游记
    assert window.header.nav["cart"].text() == "Cart (3)"

    qtbot.mouseClick(window.header.nav["cart"], LEFT)
    assert window.stack.currentWidget() is window.cart
    assert window.cart.model.rowCount() == 3
    spin = window.cart.spin_box(row_of(window.cart.model, "Dracula"))
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "3")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    # Dracula 9.99 × 3 × 0.95 = 28.47; Emma 8.99 × 0.95 = 8.54; 西游记 47.20 × 0.95 = 44.84
    assert window.cart.model.index(row_of(window.cart.model, "Dracula"), 5).data() == "¥28.47"
    assert window.cart.grand_total.text() == "Total ¥125.85"
    assert [line.cnt for line in cart.get(window.session.token) if line.title == "Dracula"] == [3]

    qtbot.mouseClick(window.cart.order_button, LEFT)
    assert window.stack.currentWidget() is window.preview
    assert window.preview.order_count() == 2
    assert window.preview.grand_total.text() == "Total ¥125.85"
    qtbot.mouseClick(window.preview.submit_button, LEFT)
    assert window.stack.currentWidget() is window.payment
    assert len(window.payment.order_ids()) == 2
    assert window.payment.amount.text() == "¥125.85"
    assert window.payment.balance_after.text() == "¥374.15"
    assert window.cart.model.rowCount() == 0

    qtbot.mouseClick(window.payment.pay_button, LEFT)
    assert window.stack.currentWidget() is window.orders
    assert window.orders.status() == OrderStatus.PENDING_SHIPMENT
    assert window.orders.model.rowCount() == 2
    assert window.orders.tabs.tabText(2) == "To ship (2)"
    assert window.header.balance.text() == "¥374.15"

    # Cancel the 墨香书店 order: paid, so the refund is announced and arrives.
    window.orders.select_order(_order_of(window, "墨香书店"))
    dialog_script.answers = [True]
    qtbot.mouseClick(window.orders.buttons["cancel"], LEFT)
    assert "goes back to your balance" in dialog_script.shown[-1][2]
    assert window.header.balance.text() == "¥440.99"
    assert window.orders.model.rowCount() == 1
    assert window.orders.tabs.tabText(6) == "Cancelled (1)"

    # The shop ships the other order; the buyer confirms receipt and reviews it.
    lakeside_order = window.orders.model.order(0).id
    staff = auth.login("lakeside", "lakeside")
    shop.ship(staff.token, lakeside_order)
    window.orders.tabs.setCurrentIndex(3)
    assert window.orders.model.rowCount() == 1
    assert window.orders.buttons["received"].isVisibleTo(window)
    assert not window.orders.buttons["cancel"].isVisibleTo(window)
    dialog_script.answers = [True]
    qtbot.mouseClick(window.orders.buttons["received"], LEFT)
    assert dialog_script.shown[-2][:2] == ("ask", "Confirm receipt")
    assert dialog_script.shown[-1][:2] == ("inform", "Confirm receipt")
    window.orders.tabs.setCurrentIndex(4)
    window.orders.select_order(lakeside_order)
    qtbot.mouseClick(window.orders.buttons["review"], LEFT)
    assert window.stack.currentWidget() is window.detail
    review = window.detail.review
    assert review.isVisibleTo(window)
    qtbot.mouseClick(review.stars[3], LEFT)
    qtbot.keyClicks(review.comment, "Quick and well packed.")
    qtbot.mouseClick(review.submit_button, LEFT)
    assert window.detail.status.text() == "Completed"
    assert "★★★★☆" in window.detail.review_shown.text()
    assert orders.info(window.session.token, lakeside_order).mark == 4


def _order_of(window, shop_name):
    model = window.orders.model
    return next(model.order(r).id for r in range(model.rowCount())
                if model.order(r).shop_name == shop_name)


def test_out_of_stock_names_the_book_and_keeps_the_cart(qtbot, demo_shop, tasks, open_window):
    window = open_window(auth.login("reader", "reader"))
    add_first(qtbot, window, "Middlemarch")  # one copy in stock
    add_first(qtbot, window, "Emma")
    qtbot.mouseClick(window.header.nav["cart"], LEFT)
    spin = window.cart.spin_box(row_of(window.cart.model, "Middlemarch"))
    spin.setValue(2)
    qtbot.mouseClick(window.cart.order_button, LEFT)
    qtbot.mouseClick(window.preview.submit_button, LEFT)

    assert window.stack.currentWidget() is window.cart
    assert window.cart.error.isVisibleTo(window)
    assert window.cart.error.text() == "Not enough copies in stock for: Middlemarch"
    assert window.cart.model.rowCount() == 2
    assert len(window.cart.model.chosen_lines()) == 2
    assert {line.title: line.cnt for line in cart.get(window.session.token)} == {
        "Middlemarch": 2, "Emma": 1}
    assert orders.list(window.session.token) == []
    assert catalog.search("Middlemarch")[0].stock == 1


def test_out_of_stock_is_told_from_the_titles_it_carries():
    """The window names the books from the error's titles, never by reading its words."""
    error = OutOfStock("Insufficient stock (code 501)", book_ids=(4, 9),
                       titles=("Emma", "Middlemarch"))
    assert messages.describe(error) == "Not enough copies in stock for: Emma, Middlemarch"


def test_insufficient_balance_shows_the_shortfall_and_keeps_the_order(
        qtbot, demo_shop, tasks, open_window):
    window = open_window(auth.login("guest", "guest"))
    search(qtbot, window, "Moby-Dick")
    window.catalog.list.setCurrentIndex(window.catalog.model.index(0))
    window.catalog.panel.count.setValue(2)
    qtbot.mouseClick(window.catalog.panel.buy_button, LEFT)
    assert window.preview.grand_total.text() == "Total ¥51.00"
    qtbot.mouseClick(window.preview.submit_button, LEFT)
    assert window.payment.balance_after.text() == "¥21.00 short"
    assert not window.payment.pay_button.isEnabled()

    assert window.stack.currentWidget() is window.payment
    assert "Please top up ¥21.00 at the counter" in window.payment.error.text()
    assert window.payment.error.isVisibleTo(window)
    assert window.header.balance.text() == "¥30.00"
    pending = orders.list(window.session.token, OrderStatus.PENDING_PAYMENT)
    assert [order.total for order in pending] == [Decimal("51.00")]

    qtbot.mouseClick(window.payment.later_button, LEFT)
    assert window.orders.status() == OrderStatus.PENDING_PAYMENT
    assert window.orders.model.rowCount() == 1
    assert window.orders.buttons["pay"].isVisibleTo(window)


def test_payment_page_shows_what_the_shop_changed(qtbot, demo_shop, tasks, open_window):
    window = open_window(auth.login("reader", "reader"))
    add_first(qtbot, window, "Frankenstein", count=2)
    qtbot.mouseClick(window.header.nav["cart"], LEFT)
    qtbot.mouseClick(window.cart.order_button, LEFT)
    qtbot.mouseClick(window.preview.submit_button, LEFT)
    order_id = window.payment.order_ids()[0]
    qtbot.mouseClick(window.payment.later_button, LEFT)

    staff = auth.login("lakeside", "lakeside")
    book_id = catalog.search("Frankenstein")[0].id
    shop.set_lines(staff.token, order_id, [{"book_id": book_id, "cnt": 1, "money": Decimal("5")}],
                   approval=("admin", "admin"))  # a cut past the demo shop's 20 % limit

    window.orders.show_status(OrderStatus.PENDING_PAYMENT)
    window.orders.select_order(order_id)
    qtbot.mouseClick(window.orders.buttons["pay"], LEFT)
    notice = window.payment.changes
    assert notice.isVisibleTo(window)
    assert "The shop changed your order" in notice.text()
    assert "Frankenstein × 2 (¥15.18)" in notice.text()
    assert "Frankenstein × 1 (¥5.00)" in notice.text()
    assert "¥37.18 → ¥27.00" in notice.text()
    assert window.payment.amount.text() == "¥27.00"
    qtbot.mouseClick(window.payment.pay_button, LEFT)
    assert window.header.balance.text() == "¥473.00"


def test_unpaid_order_cancel_says_no_money_moves(qtbot, demo_shop, tasks, open_window,
                                                 dialog_script):
    window = open_window(auth.login("reader", "reader"))
    search(qtbot, window, "Emma")
    window.catalog.list.setCurrentIndex(window.catalog.model.index(0))
    qtbot.mouseClick(window.catalog.panel.buy_button, LEFT)
    qtbot.mouseClick(window.preview.submit_button, LEFT)
    order_id = window.payment.order_ids()[0]
    qtbot.keyClick(window.payment.pay_button, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.orders
    window.orders.select_order(order_id)
    qtbot.keyClick(window.orders.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.detail
    assert window.detail.model.rowCount() == 1
    assert window.detail.total.text() == "¥30.54"
    assert window.detail.shipping.text() == "¥22.00"
    dialog_script.answers = [False]
    qtbot.mouseClick(window.detail.buttons["cancel"], LEFT)
    assert "no money moves" in dialog_script.shown[-1][2]
    assert orders.info(window.session.token, order_id).status == OrderStatus.PENDING_PAYMENT
    dialog_script.answers = [True]
    qtbot.mouseClick(window.detail.buttons["cancel"], LEFT)
    assert window.detail.status.text() == "Cancelled"
    assert not window.detail.buttons["cancel"].isVisibleTo(window)
    assert window.header.balance.text() == "¥500.00"


def test_after_paying_the_orders_and_their_counts_are_read_once(
        qtbot, demo_shop, threaded, monkeypatch):
    tasks = threaded()
    window = BuyerWindow(auth.login("reader", "reader"), tasks)
    qtbot.addWidget(window)
    window.show()
    add_first(qtbot, window, "Emma")
    qtbot.waitUntil(lambda: window.header.nav["cart"].text() == "Cart (1)" and not tasks.busy)
    window.go("cart")
    qtbot.waitUntil(lambda: window.cart.order_button.isEnabled() and not tasks.busy)
    qtbot.mouseClick(window.cart.order_button, LEFT)
    qtbot.waitUntil(lambda: window.preview.submit_button.isEnabled())
    qtbot.mouseClick(window.preview.submit_button, LEFT)
    qtbot.waitUntil(lambda: window.payment.pay_button.isEnabled() and not tasks.busy)
    reads = []
    for name in ("first_page", "list", "counts"):
        read = getattr(orders, name)
        monkeypatch.setattr(orders, name, lambda *a, read=read, name=name, **k: (
            reads.append(name), read(*a, **k))[1])
    qtbot.mouseClick(window.payment.pay_button, LEFT)
    qtbot.waitUntil(lambda: window.current_page() == "orders" and not tasks.busy
                    and window.orders.model.rowCount() == 1)
    assert window.orders.model.order(0).status == OrderStatus.PENDING_SHIPMENT
    assert window.header.balance.text() != "¥500.00"
    assert reads == ["first_page"]  # the list and every count, in one call
