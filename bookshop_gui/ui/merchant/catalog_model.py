"""The shop's books as a lazy table, loaded a page at a time as the view scrolls."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor

from bookshop_gui.domain import Book, Session
from bookshop_gui.services import catalog
from bookshop_gui.ui import covers, formatting
from bookshop_gui.ui.columns import RIGHT, ROOT, Column, ColumnsModel

PAGE = 100
LOW_STOCK = 3
COL_TITLE, COL_AUTHOR, COL_ISBN, COL_PRICE, COL_STOCK = range(5)
OUT_OF_STOCK = QColor("#9e3a36")
LOW = QColor("#8a5300")


class CatalogModel(ColumnsModel):
    loaded = Signal()
    failed = Signal(object)

    def __init__(self, session: Session, tasks, parent=None):
        super().__init__(parent)
        covers.repaint_when_loaded(self)
        self.session, self.tasks = session, tasks
        self.total = 0  # what the count found, at most BOOKS_COUNTED + 1
        self._beyond = False  # the count stopped short: pages go on until one comes back short
        self.search = ""
        self._fetching = False
        self._generation = 0

    def columns(self):
        return (
            Column(self.tr("Title"), lambda book: book.title,
                   picture=lambda book: covers.cover(book.pic, book.title, book.author, 20, 28)),
            Column(self.tr("Author"), lambda book: book.author),
            Column(self.tr("ISBN"), lambda book: book.isbn),
            Column(self.tr("Price"), lambda book: formatting.money(book.price), RIGHT,
                   lambda book: book.price),
            Column(self.tr("Stock"), lambda book: str(book.stock), RIGHT,
                   lambda book: book.stock),
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        """The columns' text and pictures, with low stock in colour."""
        book = self.book_at(index.row()) if index.isValid() else None
        if book is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STOCK:
            return OUT_OF_STOCK if book.stock == 0 else LOW if book.stock <= LOW_STOCK else None
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_STOCK and book.stock <= LOW_STOCK:
            return self.tr("Out of stock") if book.stock == 0 else self.tr("Low stock")
        return super().data(index, role)

    def canFetchMore(self, parent=ROOT):
        return not parent.isValid() and not self._fetching and (
            len(self.rows) < self.total or self._beyond)

    def fetchMore(self, parent=ROOT):
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        self.tasks.run(catalog.search, self.search, shop_id=self.session.shop_id,
                       offset=len(self.rows), limit=PAGE,
                       done=lambda page: self._append(generation, page), failed=self._failed)

    def reload(self, search: str = ""):
        self.search = search
        self._generation += 1
        generation = self._generation
        self.total, self._fetching, self._beyond = 0, True, False
        self.set_rows([])
        self.tasks.run(catalog.count, search, shop_id=self.session.shop_id,
                       up_to=formatting.BOOKS_COUNTED + 1,
                       done=lambda total: self._counted(generation, total),
                       failed=self._failed, key="catalog-count")

    def book_at(self, row: int) -> Book | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, book_id: int) -> int:
        return next((i for i, book in enumerate(self.rows) if book.id == book_id), -1)

    def _counted(self, generation, total):
        if generation != self._generation:
            return
        self.total, self._fetching = total, False
        self._beyond = total > formatting.BOOKS_COUNTED
        self.fetchMore()
        if not self.canFetchMore():
            self.loaded.emit()

    def _append(self, generation, page: list[Book]):
        if generation != self._generation:
            return
        self._fetching = False
        if len(page) < PAGE:
            self._beyond = False  # the last of the matches
        known = {book.id for book in self.rows}
        page = [book for book in page if book.id not in known]
        self.add_rows(page)
        if not page:
            self.total = len(self.rows)
        self.loaded.emit()

    def _failed(self, error):
        self._fetching = False
        self.failed.emit(error)
