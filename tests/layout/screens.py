"""Every screen of the kiosk and the workstation, shown in turn for `walk.look`.

The kiosk is shown full screen with the kiosk style, the workstation
maximised: each fills the screen the process was started with.
"""

from __future__ import annotations

from contextlib import contextmanager
from decimal import Decimal

from PySide6.QtWidgets import QApplication

from bookshop_gui.domain import OrderStatus, Session
from bookshop_gui.services import accounts, addresses, auth, cart, catalog, orders, shop
from bookshop_gui.ui import dialogs, resources
from bookshop_gui.ui.about import show_about
from bookshop_gui.ui.buyer.order_actions import CANCEL, RECEIVED
from bookshop_gui.ui.buyer.window import ADDRESSES, CART, CATALOG, ORDERS, BuyerWindow
from bookshop_gui.ui.lockdown import KioskLock
from bookshop_gui.ui.merchant.approval_dialog import ApprovalDialog
from bookshop_gui.ui.merchant.order_lines_model import COL_COUNT
from bookshop_gui.ui.merchant.scan_ship import ScanShipDialog
from bookshop_gui.ui.merchant.ship_dialog import ShipDialog, order_label
from bookshop_gui.ui.merchant.window import MerchantWindow
from bookshop_gui.ui.sign_in import SignInWindow
from bookshop_gui.ui.tasks import Tasks
from bookshop_gui.ui.touch import KioskStyle


def walk_all(walk, made: dict[str, int], *, kiosk_only: bool = False) -> None:
    """The kiosk as `main --kiosk` styles it, then (unless `kiosk_only`) the
    workstation as `main` does."""
    application = QApplication.instance()
    desktop = application.style().name()
    application.setStyle(KioskStyle())
    application.setStyleSheet(resources.style_sheet(kiosk=True))
    sign_in(walk, kiosk=True)
    buyer_empty(walk, f"new-{walk.language.lower()}")
    buyer(walk, made)
    application.setStyle(desktop)
    application.setStyleSheet(resources.style_sheet())
    if kiosk_only:
        return
    sign_in(walk, kiosk=False)
    merchant(walk, made)
    admin(walk)


def _close(window) -> None:
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def sign_in(walk, *, kiosk: bool) -> None:
    window = SignInWindow(Tasks(), kiosk=kiosk)
    window.set_database("sqlite:////var/lib/bookshop/shop.db")
    window.show_demo_accounts(True)
    window.showFullScreen() if kiosk else window.showMaximized()
    walk.look(window, "kiosk-sign-in" if kiosk else "sign-in", kiosk=kiosk)
    window.show_error(window.tr("Wrong username or password."))
    walk.look(window, "kiosk-sign-in-error" if kiosk else "sign-in-error", kiosk=kiosk)
    reconnecting(walk, window, "kiosk-sign-in" if kiosk else "sign-in", kiosk=kiosk)
    _close(window)


def reconnecting(walk, window, name: str, *, kiosk: bool) -> None:
    """The screen as it is while the shop server is away: with the reconnecting notice."""
    window.tasks.outage.reconnecting.emit(True)
    walk.look(window, f"{name}-reconnecting", kiosk=kiosk)
    window.tasks.outage.reconnecting.emit(False)


def _buyer_window(username: str) -> BuyerWindow:
    session = auth.login(username, username)
    window = BuyerWindow(session, Tasks(), kiosk=True, idle_seconds=600)
    window.showFullScreen()
    return window


def buyer_empty(walk, username: str) -> None:
    """A new buyer with little money: no book chosen, an empty cart, no orders yet."""
    accounts.create_user(username, username, "buyer", balance=Decimal("30"))
    window = _buyer_window(username)
    walk.look(window, "kiosk-catalog", kiosk=True)
    window.catalog.search.setText("Nothing by this name")
    window.catalog.run_search()
    walk.look(window, "kiosk-catalog-no-match", kiosk=True)
    window.catalog.go_back()
    window.go(CART)
    walk.look(window, "kiosk-cart-empty", kiosk=True)
    window.go(ORDERS)
    walk.look(window, "kiosk-orders-empty", kiosk=True)
    book = catalog.search("Dracula")[0]
    cart.add(window.session.token, book.id, 3)
    window.go(CART)
    window.cart.order_button.click()
    walk.look(window, "kiosk-preview-no-address", kiosk=True)
    addresses.save_address(window.session.token, name="Li Lei", phone="13800000000",
                           region="Zhejiang Hangzhou Xihu", street="1 Lake Road")
    window.go(CART)
    window.cart.order_button.click()
    window.preview.submit_button.click()
    walk.look(window, "kiosk-payment-short", kiosk=True)
    _close(window)


def buyer(walk, made: dict[str, int]) -> None:
    window = _buyer_window("reader")
    window.go(CATALOG)
    window.catalog.list.setCurrentIndex(window.catalog.model.index(1))
    walk.look(window, "kiosk-catalog-book", kiosk=True)
    for title, copies in (("Emma", 1), ("Dracula", 2), ("西游记", 1), ("Meditations", 1),
                          ("红楼梦", 1)):
        cart.add(window.session.token, catalog.search(title)[0].id, copies)
    window.go(CART)
    walk.look(window, "kiosk-cart", kiosk=True)
    window.cart.order_button.click()
    walk.look(window, "kiosk-preview", kiosk=True)
    window.pay([made["unpaid"]])
    walk.look(window, "kiosk-payment", kiosk=True)
    reconnecting(walk, window, "kiosk-payment", kiosk=True)
    for status in (None, *OrderStatus):
        window.show_orders(status)
        name = "all" if status is None else status.name.lower()
        walk.look(window, f"kiosk-orders-{name}", kiosk=True)
    for stage in ("unpaid", "paid", "shipped", "done"):
        window.show_order(made[stage], review=stage == "done")
        walk.look(window, f"kiosk-order-{stage}", kiosk=True)
    questions(walk, window, made)
    window.go(ADDRESSES)
    walk.look(window, "kiosk-addresses", kiosk=True)
    window.addresses.edit(None)
    walk.look(window, "kiosk-address-form", kiosk=True)
    for line in cart.get(window.session.token):
        cart.remove(window.session.token, line.book_id)
    unlock = KioskLock(Tasks()).ask(window)
    walk.look(unlock, "kiosk-unlock", kiosk=True)
    unlock.reject()
    about = show_about(window, Tasks())
    walk.look(about, "kiosk-about", kiosk=True)
    _close(about)
    _close(window)


@contextmanager
def boxes(walk, names: list[str], *, kiosk: bool, answer: bool):
    """The questions and notices of `dialogs` shown as the person sees them, but without
    a modal loop: each is walked under the next of `names`, and every question answered
    `answer`."""
    left = list(names)

    def look(box):
        box.show()
        walk.look(box, left.pop(0), kiosk=kiosk)
        _close(box)

    def ask(parent, title, text, *, yes, no):
        look(dialogs.question(parent, title, text, yes=yes, no=no)[0])
        return answer

    saved = dialogs.ask, dialogs.inform, dialogs.warn
    dialogs.ask = ask
    dialogs.inform = lambda parent, title, text: look(dialogs.notice(parent, title, text))
    dialogs.warn = lambda parent, title, text: look(
        dialogs.notice(parent, title, text, warning=True))
    try:
        yield
    finally:
        dialogs.ask, dialogs.inform, dialogs.warn = saved
    assert not left, f"not shown: {left}"


def questions(walk, window: BuyerWindow, made: dict[str, int]) -> None:
    """Cancelling a paid order (kept), and confirming receipt of a parcel (on an order
    of its own, so the orders the other screens show keep their status) with the thanks
    after."""
    window.show_order(made["paid"])
    with boxes(walk, ["kiosk-cancel-question"], kiosk=True, answer=False):
        window.detail.buttons[CANCEL].click()
    window.show_order(_shipped(window.session))
    with boxes(walk, ["kiosk-receipt-question", "kiosk-receipt-notice"], kiosk=True,
               answer=True):
        window.detail.buttons[RECEIVED].click()


def _shipped(buyer: Session) -> int:
    """A new order of `buyer`'s from the first shop, paid and shipped."""
    staff = auth.login("lakeside", "lakeside")
    book = next(b for b in catalog.search("") if b.shop_id == staff.shop_id and b.stock > 1)
    order_id = orders.create(buyer.token, book.id, 1)
    orders.pay(buyer.token, order_id)
    shop.ship(staff.token, order_id, tracking="SF1234567890")
    return order_id


def _merchant_window(username: str) -> MerchantWindow:
    session = auth.login(username, username)
    window = MerchantWindow(session, Tasks())
    window.showMaximized()
    return window


def merchant(walk, made: dict[str, int]) -> None:
    window = _merchant_window("lakeside")
    orders = window.show_pane("orders")
    for index in range(orders.tabs.count()):
        orders.tabs.setCurrentIndex(index)
        walk.look(window, f"merchant-orders-{index}", kiosk=False)
    orders.tabs.setCurrentIndex(0)
    orders.search.setText("Nobody by this name")
    orders.search.search_now()
    walk.look(window, "merchant-orders-no-match", kiosk=False)
    orders.search.clear()
    orders.search.search_now()
    reconnecting(walk, window, "merchant-orders", kiosk=False)
    orders.select_order(made["paid"])
    editor = orders.open_order(orders.current_order())
    walk.look(editor, "merchant-order-editor", kiosk=False)
    editor.open_picker()
    walk.look(editor.picker, "merchant-book-picker", kiosk=False)
    _close(editor.picker)
    approval = ApprovalDialog(editor)
    approval.show()
    walk.look(approval, "merchant-approval", kiosk=False)
    _close(approval)
    editor.close()
    from bookshop_gui.ui.merchant.packing_slip import SlipDialog

    slip = SlipDialog(shop.get_order(window.session.token, made["paid"]), window)
    slip.show()
    walk.look(slip, "merchant-packing-slip", kiosk=False)
    _close(slip)
    chosen = [(made[stage], order_label(made[stage], "reader", "杭州市"))
              for stage in ("unpaid", "paid", "shipped")]
    shipping = ShipDialog(window.session, window.tasks, chosen, window)
    shipping.show()
    walk.look(shipping, "merchant-ship", kiosk=False)
    _close(shipping)
    scanning = ScanShipDialog(window.session, window.tasks, window)
    scanning.show()
    walk.look(scanning, "merchant-scan-ship", kiosk=False)
    _close(scanning)
    pane = window.show_pane("catalog")
    walk.look(window, "merchant-catalog", kiosk=False)
    for name, book in (("add", None), ("edit", pane.model.book_at(0))):
        book_editor = pane.open_editor(book)
        walk.look(book_editor, f"merchant-book-{name}", kiosk=False)
        _close(book_editor)
    window.show_pane("members")
    walk.look(window, "merchant-members", kiosk=False)
    window.show_pane("reports")
    walk.look(window, "merchant-reports", kiosk=False)
    staff_questions(walk, window, made)
    about = show_about(window, window.tasks)
    walk.look(about, "merchant-about", kiosk=False)
    _close(about)
    _close(window)


def staff_questions(walk, window: MerchantWindow, made: dict[str, int]) -> None:
    """Cancelling a paid order (with its refund) and topping up a buyer's balance, both
    asked and declined, so the screens after them are as they were; and closing an unpaid
    order with a changed count, its change thrown away."""
    pane = window.show_pane("orders")
    pane.select_order(made["paid"])
    with boxes(walk, ["merchant-cancel-question"], kiosk=False, answer=False):
        pane.cancel_button.click()
    pane.select_order(made["unpaid"])
    editor = pane.open_order(pane.current_order())
    editor.lines.setData(editor.lines.index(0, COL_COUNT), 2)
    with boxes(walk, ["merchant-discard-question"], kiosk=False, answer=True):
        editor.close()
    pane = window.show_pane("members")
    pane.select("reader")
    pane.amount.setText("50.00")
    with boxes(walk, ["merchant-top-up-question"], kiosk=False, answer=False):
        pane.top_up_button.click()
    pane.amount.clear()


def admin(walk) -> None:
    window = _merchant_window("admin")
    for key in ("members", "settings"):
        window.show_pane(key)
        walk.look(window, f"admin-{key}", kiosk=False)
    from bookshop_gui.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Tasks(), session=window.session, parent=window)
    dialog.show()
    walk.look(dialog, "settings-dialog", kiosk=False)
    _close(dialog)
    _close(window)
