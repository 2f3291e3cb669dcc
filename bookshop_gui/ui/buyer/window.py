"""The buyer's window: header, and one page at a time for catalog, cart, orders and paying.

The window wires the pages together (add to cart, checkout, pay, track) and
owns what must be forgotten when the buyer leaves. Each page reads its data
again when a change notice touches it (ui/live.py), whether the change was
made here or by staff at a workstation. At a kiosk, after
`idle_seconds` without a touch or key, every page is cleared and
`signed_out` is emitted so the shell returns to the start screen.

Only the catalog, the cart (whose count the header shows) and the header are
built at sign-in; every other page is built when first wanted (ui/lazy_pages.py),
so a buyer sees the catalog without waiting for pages they may never open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from bookshop_gui.domain import Book, Kind, OrderStatus, Session
from bookshop_gui.errors import BookshopError, OutOfStock
from bookshop_gui.services import accounts, cart
from bookshop_gui.ui import dialogs, formatting, live, messages, preferences, resources
from bookshop_gui.ui.about import about_action
from bookshop_gui.ui.buyer.address_book import AddressBookPage
from bookshop_gui.ui.buyer.cart_view import CartPage
from bookshop_gui.ui.buyer.catalog_view import CatalogPage
from bookshop_gui.ui.buyer.checkout import PreviewPage, line_for
from bookshop_gui.ui.buyer.header import CART, CATALOG, ORDERS, Header
from bookshop_gui.ui.buyer.idle import IdleWatcher
from bookshop_gui.ui.buyer.order_detail import OrderDetailPage
from bookshop_gui.ui.buyer.orders_view import OrdersPage
from bookshop_gui.ui.buyer.payment import PaymentPage
from bookshop_gui.ui.lazy_pages import LazyPages
from bookshop_gui.ui.reconnecting import ReconnectingNotice
from bookshop_gui.ui.tasks import Tasks

PREVIEW, PAYMENT, DETAIL, ADDRESSES = "preview", "payment", "detail", "addresses"


class BuyerWindow(QMainWindow):
    """Everything a buyer does, from browsing to reviewing an order."""

    signed_out = Signal()

    def __init__(self, session: Session, tasks: Tasks, *, kiosk: bool = False,
                 idle_seconds: int = preferences.DEFAULT_IDLE_SECONDS):
        super().__init__()
        self.session, self.tasks, self.kiosk = session, tasks, kiosk
        self._back_to = CATALOG  # where the order preview goes back to
        self._unpaid_back_to = ORDERS  # where the payment page goes back to, unpaid
        self.setObjectName("buyerWindow")
        # A closed window is never reopened: free it, and the buyer's data with it.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(formatting.fill(self.tr("Bookshop — %1"), session.username))
        self.setWindowIcon(resources.app_icon())
        # A kiosk holds on a portrait screen set to 150 % too (720 px wide for the program).
        self.setMinimumSize(720 if kiosk else 1024, 700)
        self.resize(1280, 800)
        self._build()
        # A kiosk's header holds only what buyers use; F1 still opens About.
        self.about_button.setVisible(not kiosk)
        self._connect()
        self._follow()
        self.watcher = live.Watcher(tasks, session, self)
        self.watcher.start()
        self.idle = IdleWatcher(idle_seconds, self)
        self.idle.idle.connect(self.sign_out)
        if kiosk:
            self.idle.start()
        self.go(CATALOG)
        self.load()

    def _build(self):
        token, ratio = self.session.token, self.session.vip_ratio
        self.header = Header(self.session.username)
        self.about_button = self.header.add_action_button(about_action(self, self.tasks))
        self.catalog = CatalogPage(self.tasks, ratio)
        self.cart = CartPage(self.tasks, token, ratio)
        self.stack = QStackedWidget()
        tasks, catalog, cart = self.tasks, self.catalog, self.cart  # not the window itself
        kiosk = self.kiosk
        self.pages = LazyPages(self.stack, {
            CATALOG: lambda: catalog, CART: lambda: cart,
            PREVIEW: lambda: PreviewPage(tasks, token, ratio),
            PAYMENT: lambda: PaymentPage(tasks, token),
            ORDERS: lambda: OrdersPage(tasks, token),
            DETAIL: lambda: OrderDetailPage(tasks, token, kiosk=kiosk),
            ADDRESSES: lambda: AddressBookPage(tasks, token),
        }, self._wire)
        for name in (CATALOG, CART):  # in place from the start
            self.pages.make(name)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        self.reconnecting_notice = ReconnectingNotice(self.tasks)
        layout.addWidget(self.reconnecting_notice)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.go_back)

    def _connect(self):
        self.header.navigate.connect(self.go)
        self.header.sign_out_requested.connect(self.sign_out)
        self.tasks.busy_changed.connect(self._show_busy)
        self.catalog.add_requested.connect(self.add_to_cart)
        self.catalog.buy_requested.connect(self.buy_now)
        self.cart.checkout_requested.connect(
            lambda lines: self._preview(lines, from_cart=True))
        self.cart.browse_requested.connect(lambda: self.go(CATALOG))
        self.cart.model.totals_changed.connect(self._cart_changed)

    def _wire(self, name: str, page: QWidget):
        """Connect a page just built to the rest of the window."""
        if name == PREVIEW:
            page.placed.connect(self._placed)
            page.refused.connect(self._refused)
            page.back_requested.connect(self.go_back)
        elif name == PAYMENT:
            page.paid.connect(self._paid)
            page.later_requested.connect(self._leave_payment)
        elif name == ORDERS:
            page.detail_requested.connect(self.show_order)
            page.browse_requested.connect(lambda: self.go(CATALOG))
            page.review_requested.connect(lambda oid: self.show_order(oid, review=True))
            page.pay_requested.connect(lambda ids: self.pay(ids, back_to=ORDERS))
            page.addresses_requested.connect(lambda: self.go(ADDRESSES))
        elif name == DETAIL:
            page.pay_requested.connect(lambda ids: self.pay(ids, back_to=DETAIL))
            page.back_requested.connect(lambda: self.show_orders(self.orders.status()))

    @property
    def preview(self) -> PreviewPage:
        return self.pages[PREVIEW]

    @property
    def payment(self) -> PaymentPage:
        return self.pages[PAYMENT]

    @property
    def orders(self) -> OrdersPage:
        return self.pages[ORDERS]

    @property
    def detail(self) -> OrderDetailPage:
        return self.pages[DETAIL]

    @property
    def addresses(self) -> AddressBookPage:
        return self.pages[ADDRESSES]

    def _follow(self):
        """The header is always in view: the balance, and the cart count it shows."""
        live.follow(self.header, self.tasks, (Kind.BALANCES, Kind.MEMBERS),
                    lambda _changes: self.refresh_account())
        live.follow(self.header, self.tasks, (Kind.CART, Kind.BOOKS),
                    lambda _changes: self.cart.refresh())
        live.follow(self.catalog, self.tasks, (Kind.BOOKS,),
                    lambda _changes: self.catalog.refresh())

    # -- navigation -------------------------------------------------------

    def go(self, name: str):
        """Show page `name`; the cart and orders reload so they are never stale."""
        if name == CART:
            self.cart.load()
        elif name == ORDERS:
            self.orders.load()
        elif name == ADDRESSES:
            self.addresses.load()
        self.stack.setCurrentWidget(self.pages[name])
        self.header.set_page(name)
        self._focus(name)

    def current_page(self) -> str:
        return next(n for n, page in self.pages.built().items()
                    if page is self.stack.currentWidget())

    def go_back(self):
        """Escape: one step back towards the catalog."""
        page = self.current_page()
        if page == CATALOG:
            self.catalog.go_back()
        elif page == PREVIEW:
            self.go(self._back_to)
        elif page == PAYMENT:
            self._leave_payment()
        elif page in (DETAIL, ADDRESSES):
            self.show_orders(self.orders.status())
        else:
            self.go(CATALOG)

    def _focus(self, name: str):
        targets = {CATALOG: lambda: self.catalog.search, CART: lambda: self.cart.order_button,
                   ORDERS: lambda: self.orders.tabs, PAYMENT: lambda: self.payment.pay_button,
                   PREVIEW: lambda: self.preview.submit_button,
                   DETAIL: lambda: self.detail.back_button,
                   ADDRESSES: lambda: self.addresses.add_button}
        targets[name]().setFocus()

    def show_orders(self, status: OrderStatus | None = None):
        self.orders.show_status(status)  # first: shown, the list then needs no second read
        self.stack.setCurrentWidget(self.orders)
        self.header.set_page(ORDERS)
        self.orders.tabs.setFocus()

    def show_order(self, order_id: int, *, review: bool = False):
        self.detail.load(order_id, focus_review=review)
        self.stack.setCurrentWidget(self.detail)
        self.header.set_page(ORDERS)
        if not review:
            self.detail.back_button.setFocus()

    # -- loading ----------------------------------------------------------

    def _show_busy(self, busy: bool):
        self.header.busy.setVisible(busy)

    def load(self):
        self.refresh_account()
        self.catalog.load()
        self.cart.load()

    def refresh_account(self):
        self.tasks.run(accounts.me, self.session.token, done=self.header.show_account,
                       failed=self._failed)

    def _cart_changed(self):
        self.header.set_cart_count(self.cart.model.copies())

    # -- buying -----------------------------------------------------------

    def add_to_cart(self, book: Book, cnt: int):
        self.tasks.run(cart.add, self.session.token, book.id, cnt,
                       done=lambda _: self._added(book, cnt), failed=self._failed)

    def _added(self, book: Book, cnt: int):
        self.statusBar().showMessage(
            formatting.fill(self.tr("Added %1 × %2 to your cart."), cnt, book.title), 4000)

    def buy_now(self, book: Book, cnt: int):
        self._preview([line_for(book, cnt, self.session.vip_ratio)], from_cart=False)

    def _preview(self, lines, *, from_cart: bool):
        self._back_to = CART if from_cart else CATALOG
        self.preview.show_lines(lines, from_cart=from_cart)
        self.stack.setCurrentWidget(self.preview)
        self.header.set_page(PREVIEW)
        self.preview.submit_button.setFocus()

    def _placed(self, order_ids: list[int]):
        self.pay(order_ids, back_to=ORDERS)

    def _refused(self, error: BookshopError):
        """Nothing was ordered: back where the buyer came from, choices intact."""
        text = messages.describe(error)
        if self._back_to == CART:
            self.go(CART)
            if isinstance(error, OutOfStock):
                self.cart.model.mark_short(error.book_ids)
            self.cart.show_error(text)
        else:
            self.go(CATALOG)
            self.catalog.notice.setText(text)
            self.catalog.notice.show()
        self.catalog.refresh()

    def pay(self, order_ids: list[int], *, back_to: str = ORDERS):
        """The payment page; leaving it unpaid returns to `back_to` (ORDERS or DETAIL)."""
        self._unpaid_back_to = back_to
        self.payment.load(order_ids)
        self.stack.setCurrentWidget(self.payment)
        self.header.set_page(PAYMENT)
        self.payment.pay_button.setFocus()

    def _leave_payment(self):
        if self._unpaid_back_to == DETAIL and self.detail.order is not None:
            self.show_order(self.detail.order.id)
        else:
            self.show_orders(OrderStatus.PENDING_PAYMENT)

    def _paid(self, order_ids: list[int]):
        self.statusBar().showMessage(self.tr("Paid. Thank you! The shop will ship soon."), 6000)
        self.show_orders(OrderStatus.PENDING_SHIPMENT)
        if order_ids:
            self.orders.select_order(order_ids[0])

    def _failed(self, error: BookshopError):
        dialogs.warn(self, self.tr("Bookshop"), messages.describe(error))

    # -- leaving ----------------------------------------------------------

    def clear(self):
        """Forget every trace of this buyer on screen."""
        for page in self.pages.built().values():
            page.clear()
        self.header.clear()
        self.statusBar().clearMessage()
        self.stack.setCurrentWidget(self.catalog)

    def sign_out(self):
        """Close whatever is open (a question, the staff sign-in), clear, and hand back."""
        self.idle.stop()
        self.watcher.stop()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self.clear()
        self.signed_out.emit()

    def closeEvent(self, event):
        self.idle.stop()
        self.watcher.stop()
        super().closeEvent(event)
