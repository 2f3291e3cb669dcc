"""Order preview: what will be ordered, one order per shop with its total, then "Submit".

The same page serves the cart ("Create order") and a single book ("Buy now");
only the service call behind "Submit order" differs. An error leaves the
buyer's cart and choices exactly as they were.

The page follows the shop's settings, its books and the cart (ui/live.py): a
new shipping fee, price or title set at a workstation shows here before the
buyer submits, so the totals on screen are the ones the order will have.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui import domain
from bookshop_gui.domain import Book, CartLine, Changes, Kind
from bookshop_gui.errors import BookshopError
from bookshop_gui.services import cart, catalog, orders, settings
from bookshop_gui.ui import formatting, live, resources, touch
from bookshop_gui.ui.buyer.address_chooser import AddressChooser
from bookshop_gui.ui.tasks import Tasks


def line_for(book: Book, cnt: int, vip_ratio: Decimal) -> CartLine:
    """A "Buy now" book as a line, priced the way the order will price it."""
    return CartLine(book.id, book.title, book.shop_id, book.price, cnt,
                    domain.line_money(book.price, cnt, vip_ratio), book.stock,
                    book.shop_name, book.author, book.pic)


def by_shop(lines: list[CartLine]) -> dict[str, list[CartLine]]:
    shops: dict[str, list[CartLine]] = {}
    for line in lines:
        shops.setdefault(line.shop_name, []).append(line)
    return shops


class PreviewPage(QWidget):
    """Emits `placed(order_ids)` once orders exist, or `refused(error)` if none were made."""

    placed = Signal(list)
    refused = Signal(object)
    back_requested = Signal()

    def __init__(self, tasks: Tasks, token: str, vip_ratio: Decimal, parent=None):
        super().__init__(parent)
        self.tasks, self.token, self.vip_ratio = tasks, token, vip_ratio
        self.lines: list[CartLine] = []
        self.from_cart = True
        self.shipping = domain.DEFAULT_SHIPPING_FEE
        self._generation = 0  # lines read again for an earlier preview are dropped
        self._build()
        live.follow(self, tasks, (Kind.SETTINGS, Kind.BOOKS, Kind.CART), self._changed)

    def _build(self):
        self.heading = QLabel(objectName="heading")
        self.orders_box = QVBoxLayout()
        self.ship_to = AddressChooser(self.tasks, self.token)
        self.ship_to.changed.connect(self._address_changed)
        holder = QWidget()
        content = QVBoxLayout(holder)
        content.addWidget(self.ship_to)
        content.addLayout(self.orders_box)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        touch.kinetic(scroll)
        self.grand_total = QLabel(objectName="total")
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self.back_requested)
        self.submit_button = QPushButton(resources.icon("pay"), self.tr("Submit order"),
                                         objectName="primary")
        self.submit_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch()
        buttons.addWidget(self.grand_total)
        buttons.addSpacing(16)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.heading)
        self.hold_note = QLabel(objectName="hint", wordWrap=True)
        layout.addWidget(self.hold_note)
        self.address_note = QLabel(self.tr("Add the address to send your books to first."),
                                   objectName="error", wordWrap=True)
        self.address_note.hide()
        layout.addWidget(self.address_note)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def show_lines(self, lines: list[CartLine], *, from_cart: bool):
        """Preview `lines`; the shipping fee is read again so the totals are today's."""
        self.lines, self.from_cart = list(lines), from_cart
        self._generation += 1
        self.submit_button.setEnabled(False)  # until the address book has been read
        self._render()
        self.ship_to.load()
        self._read_settings()
        self.submit_button.setFocus()

    def _read_settings(self):
        self.tasks.run(settings.shipping_fee, done=self._set_shipping)
        self.tasks.run(settings.unpaid_minutes, done=self._set_hold)

    def _changed(self, changes: Changes):
        """What the preview is priced from changed: read it again."""
        if not self.lines:
            return
        if changes.touches(Kind.SETTINGS):
            self._read_settings()
        if changes.touches(Kind.BOOKS, Kind.CART):
            self._read_lines()

    def _read_lines(self):
        """The same books again, from the cart or, for "Buy now", from the catalog."""
        generation = self._generation
        ids = [line.book_id for line in self.lines]
        if self.from_cart:
            self.tasks.run(cart.get, self.token, done=lambda lines: self._lines_read(
                generation, [line for line in lines if line.book_id in ids]))
        else:
            cnt = self.lines[0].cnt
            self.tasks.run(catalog.get, ids[0], done=lambda book: self._lines_read(
                generation, [line_for(book, cnt, self.vip_ratio)]))

    def _lines_read(self, generation: int, lines: list[CartLine]):
        if generation == self._generation and lines != self.lines:
            self.lines = lines
            self._render()

    def clear(self):
        self.lines = []
        self._generation += 1
        self.ship_to.clear()
        self._render()

    def _address_changed(self):
        """No submitting until the order has somewhere to go."""
        chosen = self.ship_to.chosen_id() is not None
        self.submit_button.setEnabled(chosen)
        self.address_note.setVisible(not chosen and bool(self.lines))
        if chosen and self.isVisible():
            self.submit_button.setFocus()

    def order_count(self) -> int:
        return len(by_shop(self.lines))

    def _set_shipping(self, fee: Decimal):
        self.shipping = fee
        self._render()

    def _set_hold(self, minutes: int):
        self.hold_note.setText(formatting.fill(self.tr(
            "The books are set aside for you when you submit. Please pay within %1 minutes."
        ), minutes))

    def _render(self):
        while self.orders_box.count():
            item = self.orders_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        shops = by_shop(self.lines)
        self.heading.setText(
            self.tr("Check your order") if len(shops) < 2 else
            formatting.fill(self.tr("Check your orders: %1 orders, one per shop"), len(shops)))
        total = Decimal(0)
        for shop, lines in shops.items():
            card, order_total = self._order_card(shop, lines)
            self.orders_box.addWidget(card)
            total += order_total
        self.orders_box.addStretch()
        self.grand_total.setText(formatting.fill(self.tr("Total %1"), formatting.money(total)))

    def _order_card(self, shop: str, lines: list[CartLine]) -> tuple[QFrame, Decimal]:
        card = QFrame(objectName="card")
        grid = QGridLayout(card)
        grid.addWidget(QLabel(shop, objectName="heading"), 0, 0, 1, 3)
        for row, line in enumerate(lines, start=1):
            grid.addWidget(QLabel(line.title, wordWrap=True), row, 0)
            grid.addWidget(QLabel(formatting.fill(self.tr("× %1"), line.cnt)), row, 1)
            grid.addWidget(self._amount(line.money), row, 2)
        total = domain.order_total((line.money for line in lines), self.shipping)
        extra = len(lines) + 1
        grid.addWidget(QLabel(self.tr("Shipping"), objectName="hint"), extra, 0)
        grid.addWidget(self._amount(self.shipping), extra, 2)
        grid.addWidget(QLabel(self.tr("Order total"), objectName="money"), extra + 1, 0)
        grid.addWidget(self._amount(total, "total"), extra + 1, 2)
        grid.setColumnStretch(0, 1)
        return card, total

    def _amount(self, amount: Decimal, name: str = "money") -> QLabel:
        return QLabel(formatting.money(amount), objectName=name,
                      alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def submit(self):
        address_id = self.ship_to.chosen_id()
        if not self.lines or not self.submit_button.isEnabled() or address_id is None:
            return
        self.submit_button.setEnabled(False)
        if self.from_cart:
            ids = [line.book_id for line in self.lines]
            self.tasks.act(orders.create_from_cart, self.token, ids, address_id=address_id,
                           action=("order", address_id, *ids),
                           done=self._placed, failed=self._refused)
        else:
            line = self.lines[0]
            self.tasks.act(orders.create, self.token, line.book_id, line.cnt,
                           address_id=address_id,
                           action=("buy", line.book_id, line.cnt, address_id),
                           done=lambda order_id: self._placed([order_id]), failed=self._refused)

    def _placed(self, order_ids: list[int]):
        self.submit_button.setEnabled(True)
        self.placed.emit(list(order_ids))

    def _refused(self, error: BookshopError):
        self.submit_button.setEnabled(True)
        self.refused.emit(error)
