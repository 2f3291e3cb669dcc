"""The chosen book beside the catalog: a large cover, the prices, and what to do with it."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from bookshop_gui import domain
from bookshop_gui.domain import Book
from bookshop_gui.ui import covers, formatting, resources
from bookshop_gui.ui.buyer.catalog_model import stock_badge

COVER = (180, 250)


class BookPanel(QFrame):
    """Emits `add_requested(book, cnt)` and `buy_requested(book, cnt)`."""

    add_requested = Signal(object, int)
    buy_requested = Signal(object, int)

    def __init__(self, vip_ratio: Decimal, parent=None):
        super().__init__(parent, objectName="panel")
        self.vip_ratio = vip_ratio
        self.book: Book | None = None
        self.setMinimumWidth(300)
        self.setMaximumWidth(380)
        self._build()
        self.show_book(None)
        covers.loaded().connect(self._show_cover)

    def _build(self):
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.cover = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(objectName="heading", wordWrap=True)
        self.author = QLabel(wordWrap=True)
        self.shop = QLabel(objectName="hint", wordWrap=True)
        self.isbn = QLabel(objectName="hint")
        self.price = QLabel(objectName="hint")
        self.vip_price = QLabel(objectName="total")
        self.badge = QLabel()
        self.empty = QLabel(self.tr("Choose a book to see it here, or scan its barcode."),
                            objectName="hint", wordWrap=True,
                            alignment=Qt.AlignmentFlag.AlignCenter)
        self.count = QSpinBox(minimum=1, maximum=domain.MAX_COUNT)
        self.count.setAccessibleName(self.tr("Quantity"))
        self.add_button = QPushButton(resources.icon("cart"), self.tr("Add to cart"),
                                      objectName="primary")
        self.buy_button = QPushButton(resources.icon("buy"), self.tr("Buy now"))
        self.add_button.clicked.connect(lambda: self._emit(self.add_requested))
        self.buy_button.clicked.connect(lambda: self._emit(self.buy_requested))
        for widget in (self.cover, self.title, self.author, self.shop, self.isbn,
                       self.price, self.vip_price, self.badge, self.empty):
            layout.addWidget(widget)
        layout.addStretch()
        row = QHBoxLayout()
        self.count_label = QLabel(self.tr("Quantity"))
        row.addWidget(self.count_label)
        row.addWidget(self.count, 1)
        layout.addLayout(row)
        layout.addWidget(self.add_button)
        layout.addWidget(self.buy_button)

    def show_book(self, book: Book | None):
        """Show `book`, or the empty hint; the quantity starts again at 1."""
        self.book = book
        self.count.setValue(1)
        details = (self.cover, self.title, self.author, self.shop, self.isbn, self.price,
                   self.vip_price, self.count_label, self.count, self.add_button,
                   self.buy_button)
        for widget in details:
            widget.setVisible(book is not None)
        self.empty.setVisible(book is None)
        self.badge.hide()
        if book is not None:
            self._fill(book)

    def _show_cover(self):
        if self.book is not None:
            book = self.book
            self.cover.setPixmap(covers.cover(book.pic, book.title, book.author, *COVER))

    def _fill(self, book: Book):
        self._show_cover()
        self.title.setText(book.title)
        self.author.setText(book.author or self.tr("Unknown author"))
        self.shop.setText(formatting.fill(self.tr("Sold by %1"), book.shop_name))
        self.isbn.setText(formatting.fill(self.tr("ISBN %1"), book.isbn) if book.isbn else "")
        self.isbn.setVisible(bool(book.isbn))
        vip = domain.line_money(book.price, 1, self.vip_ratio)
        self.price.setText(formatting.fill(self.tr("List price %1"), formatting.money(book.price)))
        label = self.tr("Your VIP price %1") if vip != book.price else self.tr("Price %1")
        self.vip_price.setText(formatting.fill(label, formatting.money(vip)))
        self.price.setVisible(vip != book.price)
        badge = stock_badge(book.stock)
        if badge:
            self.badge.setText(badge[0])
            self.badge.setObjectName(badge[1])
            self.badge.style().polish(self.badge)
            self.badge.show()
        in_stock = book.stock > 0
        self.count.setMaximum(max(1, min(domain.MAX_COUNT, book.stock)))
        for widget in (self.count, self.add_button, self.buy_button):
            widget.setEnabled(in_stock)

    def _emit(self, signal):
        if self.book is not None:
            signal.emit(self.book, self.count.value())
