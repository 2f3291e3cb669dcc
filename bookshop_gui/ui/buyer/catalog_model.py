"""The catalog as a lazy list model: pages of books arrive as the buyer scrolls.

Only the rows already shown are held; `fetchMore` asks the service for the
next page on the worker thread, so a catalog of 100,000 books opens as fast
as one of ten. A new search bumps a generation number, and pages that arrive
for an older search are dropped instead of mixing two result lists.

The kiosk shows the catalog as a grid of cards, not as a table, so this stays a
list model rather than a `ColumnsModel`: a card has no columns, titles, alignment
or sort order of its own (the service sorts the catalog, and the card delegate
draws every part of a book from `BOOK_ROLE`, which is the tables' `ROW_ROLE`).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractListModel, QCoreApplication, Qt, Signal

from bookshop_gui import domain
from bookshop_gui.domain import Book
from bookshop_gui.services import catalog
from bookshop_gui.ui import covers, formatting
from bookshop_gui.ui.columns import ROOT, ROW_ROLE
from bookshop_gui.ui.tasks import Tasks

BOOK_ROLE = ROW_ROLE
VIP_PRICE_ROLE = ROW_ROLE + 1
PAGE = 50
LOW_STOCK = 5


class CatalogModel(QAbstractListModel):
    """Books matching the current search text and shop, loaded a page at a time."""

    loaded = Signal()
    total_changed = Signal(int)

    def __init__(self, tasks: Tasks, vip_ratio: Decimal = Decimal(1), parent=None):
        super().__init__(parent)
        covers.repaint_when_loaded(self)
        self.tasks = tasks
        self.vip_ratio = vip_ratio
        self.text = ""
        self.shop_id: int | None = None
        self.total = 0
        self._books: list[Book] = []
        self._more = False
        self._loading = False
        self._generation = 0

    # -- Qt model ---------------------------------------------------------

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self._books)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self.checkIndex(index, self.CheckIndexOption.IndexIsValid):
            return None
        book = self._books[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return book.title
        if role == BOOK_ROLE:
            return book
        if role == VIP_PRICE_ROLE:
            return self.vip_price(book)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(book)
        return None

    def canFetchMore(self, parent=ROOT) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent=ROOT) -> None:
        if self.canFetchMore(parent):
            self._request(len(self._books))

    # -- searching --------------------------------------------------------

    def search(self, text: str = "", shop_id: int | None = None) -> None:
        """Start over with new criteria; the first page follows from the worker."""
        self.text, self.shop_id = text.strip(), shop_id
        self._generation += 1
        self.beginResetModel()
        self._books, self._more = [], False
        self.endResetModel()
        self._request(0)

    def refresh(self) -> None:
        """Search again with the same criteria: stock moved after an order."""
        self.search(self.text, self.shop_id)

    def clear(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._books, self._more, self._loading = [], False, False
        self.endResetModel()
        self.text, self.shop_id, self.total = "", None, 0

    def book(self, row: int) -> Book | None:
        return self._books[row] if 0 <= row < len(self._books) else None

    def row_of(self, book_id: int) -> int:
        return next((row for row, book in enumerate(self._books) if book.id == book_id), -1)

    def vip_price(self, book: Book) -> Decimal:
        return domain.line_money(book.price, 1, self.vip_ratio)

    def _request(self, offset: int) -> None:
        self._loading = True
        generation = self._generation
        self.tasks.run(
            catalog.search, self.text, shop_id=self.shop_id, offset=offset, limit=PAGE,
            key="catalog-search" if offset == 0 else None,
            done=lambda books: self._arrived(generation, offset, books),
            failed=lambda _error: self._stopped(generation),
        )

    def _arrived(self, generation: int, offset: int, books: list[Book]) -> None:
        if generation != self._generation or offset != len(self._books):
            return
        self._loading = False
        self._more = len(books) == PAGE
        if offset == 0:
            self._count(generation, books)
        if books:
            self.beginInsertRows(ROOT, offset, offset + len(books) - 1)
            self._books.extend(books)
            self.endInsertRows()
        self.loaded.emit()

    def _stopped(self, generation: int) -> None:
        if generation == self._generation:
            self._loading = False

    def _count(self, generation: int, first_page: list[Book]) -> None:
        """A first page that is not full is every match: counting again would only read
        the catalog a second time (all of it, for a rare two-letter text)."""
        if not self._more:
            self._counted(generation, len(first_page))
            return
        self.tasks.run(catalog.count, self.text, shop_id=self.shop_id,
                       up_to=formatting.BOOKS_COUNTED + 1, key="catalog-count",
                       done=lambda total: self._counted(generation, total))

    def _counted(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self.total = total
            self.total_changed.emit(total)

    def _describe(self, book: Book) -> str:
        return formatting.fill(self.tr("%1 by %2, %3, %4"), book.title,
                               book.author or self.tr("unknown author"), book.shop_name,
                               formatting.money(self.vip_price(book)))


def stock_badge(stock: int) -> tuple[str, str] | None:
    """(text, style) of the stock badge a book shows, or None when plenty are left."""
    if stock <= 0:
        return QCoreApplication.translate("CatalogModel", "Out of stock"), "badgeOut"
    if stock <= LOW_STOCK:
        text = QCoreApplication.translate("CatalogModel", "Only %1 left")
        return formatting.fill(text, stock), "badgeLow"
    return None

