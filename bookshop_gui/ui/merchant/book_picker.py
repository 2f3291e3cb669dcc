"""Choosing one of the shop's books to add to an order: type a few letters, pick."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from bookshop_gui.domain import Book, Session
from bookshop_gui.services import catalog
from bookshop_gui.ui import covers, formatting, messages
from bookshop_gui.ui.search_box import SearchBox

BOOK_ROLE = Qt.ItemDataRole.UserRole + 1


class BookPicker(QDialog):
    """Lists the shop's books matching the search; `chosen` carries the Book picked."""

    chosen = Signal(object)

    def __init__(self, session: Session, tasks, parent=None):
        super().__init__(parent)
        self.session, self.tasks = session, tasks
        self.setWindowTitle(self.tr("Add a book to the order"))
        self.resize(460, 520)
        self.search = SearchBox(self.tr("Title, author or ISBN"))
        self.books = QListWidget()
        self.books.setAccessibleName(self.tr("Books"))
        self.books.setIconSize(covers.cover("", "", "", 28, 40).size())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton(self.tr("Add to order"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.choose)
        buttons.rejected.connect(self.reject)
        self.books.itemDoubleClicked.connect(lambda _item: self.choose())
        layout = QVBoxLayout(self)
        for widget in (self.search, self.books, buttons):
            layout.addWidget(widget)
        self.search.searched.connect(lambda _text: self.refresh())
        covers.loaded().connect(self._show_covers)
        self.refresh()

    def refresh(self):
        self.tasks.run(catalog.search, self.search.query(), shop_id=self.session.shop_id,
                       limit=100, done=self._show, failed=self._failed, key="picker")

    def _show(self, books: list[Book]):
        self.books.clear()
        for book in books:
            text = formatting.fill(self.tr("%1 — %2 · %3 in stock"), book.title,
                                   formatting.money(book.price), book.stock)
            item = QListWidgetItem(covers.cover(book.pic, book.title, book.author, 28, 40), text)
            item.setData(BOOK_ROLE, book)
            self.books.addItem(item)
        if books:
            self.books.setCurrentRow(0)

    def _show_covers(self):
        for row in range(self.books.count()):
            item = self.books.item(row)
            book = item.data(BOOK_ROLE)
            if book is not None:
                item.setIcon(covers.cover(book.pic, book.title, book.author, 28, 40))

    def _failed(self, error):
        self.books.clear()
        self.books.addItem(messages.describe(error))

    def choose(self):
        item = self.books.currentItem()
        book = item.data(BOOK_ROLE) if item else None
        if book is not None:
            self.chosen.emit(book)
            self.accept()
