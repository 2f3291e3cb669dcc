"""The catalog page: search as you type, filter by shop, scan a barcode, pick a book."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import Book
from bookshop_gui.services import accounts, catalog
from bookshop_gui.ui import formatting, resources, tables, touch
from bookshop_gui.ui.buyer.address_form import TOUCH
from bookshop_gui.ui.buyer.book_delegate import BookDelegate
from bookshop_gui.ui.buyer.book_panel import BookPanel
from bookshop_gui.ui.buyer.catalog_model import BOOK_ROLE, CatalogModel
from bookshop_gui.ui.empty_state import empty_state
from bookshop_gui.ui.tasks import Tasks

TYPING_PAUSE_MS = 150


def looks_like_isbn(text: str) -> bool:
    """What a barcode scanner types: 10 or 13 digits (a final X allowed), maybe hyphenated."""
    code = catalog.normalise_isbn(text)
    return len(code) in (10, 13) and code[:-1].isdigit() and (code[-1].isdigit() or code[-1] == "X")


class BookGrid(QListView):
    """Cards in rows that use the whole width, with as much room left of them as right."""

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.fit_cards()

    def fit_cards(self):
        """Qt puts a card every `width + spacing` from one spacing in, and starts a new row
        where the next card would reach the edge. The cards take the width whole steps
        leave; the few pixels over, fewer than the columns, go half to each side as the
        viewport's margins, so the row sits in the middle."""
        delegate, gap, margins = self.itemDelegate(), self.spacing(), self.viewportMargins()
        room = self.viewport().width() + margins.left() + margins.right() - gap - 1
        columns = max(1, room // (delegate.natural_width(self.fontMetrics()) + gap))
        step = room // columns
        spare = room - columns * step
        if (margins.left(), margins.right()) != ((spare + 1) // 2, spare // 2):
            self.setViewportMargins((spare + 1) // 2, 0, spare // 2, 0)
        if step - gap != delegate.card_width and self.model() is not None:
            delegate.card_width = step - gap
            delegate.sizeHintChanged.emit(self.model().index(0, 0))


class CatalogPage(QWidget):
    """Emits `add_requested(book, cnt)` and `buy_requested(book, cnt)` from the book panel."""

    add_requested = Signal(object, int)
    buy_requested = Signal(object, int)

    def __init__(self, tasks: Tasks, vip_ratio, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.model = CatalogModel(tasks, vip_ratio, self)
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.run_search)
        self._build(vip_ratio)
        self.model.total_changed.connect(self._show_total)
        self.model.loaded.connect(self._keep_current)
        self.model.loaded.connect(self._show_empty)

    def _build(self, vip_ratio):
        self.search = QLineEdit()
        self._hints = (self.tr("Search title, author or ISBN — or scan a barcode"),
                       self.tr("Title, author or ISBN"))  # wide, and narrow
        self.search.setAccessibleName(self.tr("Search the catalog"))
        self.search.textEdited.connect(lambda _text: self._pause.start())
        self.clear_button = self._clear_button()
        self.search.returnPressed.connect(self._enter_pressed)
        self.shop = QComboBox()
        self.shop.setAccessibleName(self.tr("Shop"))
        self.shop.addItem(self.tr("All shops"), None)
        self.shop.currentIndexChanged.connect(lambda _i: self.run_search())
        self.total = QLabel(objectName="hint")
        self.notice = QLabel(objectName="notice", wordWrap=True)
        self.notice.hide()
        self.list = self._book_list()
        self.empty_state = self._empty_state()
        self.panel = BookPanel(vip_ratio)
        self.panel.add_requested.connect(self.add_requested)
        self.panel.buy_requested.connect(self.buy_requested)
        self._lay_out()
        self.setTabOrder(self.search, self.shop)
        self.setTabOrder(self.shop, self.list)
        self.setTabOrder(self.list, self.panel.count)
        self.setTabOrder(self.panel.count, self.panel.add_button)
        self.setTabOrder(self.panel.add_button, self.panel.buy_button)

    def _clear_button(self) -> QToolButton:
        """× at the search field's right end, inside it, a finger wide; shown while
        there is something to clear. Beside the field it sat a gap away, and Qt's own
        clear button is too small for a finger."""
        button = QToolButton(self.search, icon=resources.icon("clear"), objectName="inField")
        button.setAccessibleName(self.tr("Clear the search"))
        button.setToolTip(self.tr("Clear the search"))
        button.setCursor(Qt.CursorShape.ArrowCursor)
        button.setFixedSize(TOUCH, TOUCH)
        button.clicked.connect(self.clear_search)
        button.hide()
        self.search.textChanged.connect(lambda text: button.setVisible(bool(text)))
        inside = QHBoxLayout(self.search)
        inside.setContentsMargins(0, 1, 1, 1)  # inside the field's border
        inside.addStretch()
        inside.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.search.setTextMargins(0, 0, TOUCH, 0)  # typed text stops short of the ×
        return button

    def _book_list(self) -> QListView:
        view = BookGrid()
        view.setAccessibleName(self.tr("Books"))
        view.setViewMode(QListView.ViewMode.IconMode)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setMovement(QListView.Movement.Static)
        view.setUniformItemSizes(True)
        view.setSpacing(4)
        view.setWordWrap(True)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        touch.kinetic(view)
        view.verticalScrollBar().setSingleStep(24)
        view.setItemDelegate(BookDelegate(view))
        view.setModel(self.model)
        view.setIconSize(QSize(0, 0))
        view.selectionModel().currentChanged.connect(self._current_changed)
        view.activated.connect(lambda _index: self.panel.add_button.setFocus())
        return view

    def _empty_state(self) -> QWidget:
        """Shown in the grid's place when a search finds nothing: what, and the way back."""
        self.empty = QLabel(objectName="hint", wordWrap=True)
        self.clear_all = QPushButton(resources.icon("clear"), self.tr("Clear search"))
        self.clear_all.clicked.connect(self.go_back)
        holder = empty_state(self.empty, self.clear_all)
        holder.hide()
        return holder

    def _lay_out(self):
        # The search on a row of its own, and the count beside the shop: nothing
        # moves as the count's width changes.
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        filters = QHBoxLayout()
        filters.addWidget(self.shop)
        filters.addStretch()
        filters.addWidget(self.total)
        left = QVBoxLayout()
        left.addLayout(bar)
        left.addLayout(filters)
        left.addWidget(self.notice)
        left.addWidget(self.list, 1)
        left.addWidget(self.empty_state, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(16)
        layout.addLayout(left, 1)
        layout.addWidget(self.panel)

    def resizeEvent(self, event):
        """Narrow (a portrait kiosk at 150 %), the search's hint is the short one, whole."""
        super().resizeEvent(event)
        self.search.setPlaceholderText(self._hints[event.size().width() < tables.NARROW])

    # -- loading ----------------------------------------------------------

    def load(self):
        """The shop list and the first page of books."""
        self.tasks.run(accounts.list_shops, done=self._fill_shops)
        self.run_search()

    def _fill_shops(self, shops):
        self.shop.blockSignals(True)
        while self.shop.count() > 1:
            self.shop.removeItem(1)
        for shop in shops:
            self.shop.addItem(shop.name, shop.id)
        self.shop.blockSignals(False)

    def run_search(self):
        self._pause.stop()
        self.notice.hide()
        self.model.search(self.search.text(), self.shop.currentData())

    def refresh(self):
        """Search again (stock changed) and keep the chosen book's panel current."""
        self.model.refresh()

    def clear(self):
        """Forget what was typed and chosen: the next buyer starts fresh."""
        self._pause.stop()
        self.search.clear()
        self.shop.setCurrentIndex(0)
        self.notice.hide()
        self.panel.show_book(None)
        self.model.clear()
        self.total.clear()
        self._show_grid(True)

    def clear_search(self):
        self.search.clear()
        self.run_search()
        self.search.setFocus()

    def go_back(self) -> bool:
        """Escape clears the search first; True if there was something to clear."""
        if not self.search.text() and self.shop.currentIndex() == 0:
            return False
        self.search.clear()
        self.shop.setCurrentIndex(0)
        self.run_search()
        self.search.setFocus()
        return True

    # -- choosing ---------------------------------------------------------

    def _enter_pressed(self):
        text = self.search.text().strip()
        if looks_like_isbn(text):
            self._pause.stop()
            self.tasks.run(catalog.find_isbn, text, done=lambda book: self._scanned(text, book))
            return
        self.run_search()
        self.list.setFocus()

    def _scanned(self, code: str, book: Book | None):
        if book is None:
            self.notice.setText(formatting.fill(self.tr("No book has the ISBN %1."), code))
            self.notice.show()
            self.search.selectAll()
            return
        self.search.clear()
        self.run_search()
        self.open_book(book)

    def open_book(self, book: Book):
        """Show `book` in the panel, select its card if loaded, and get ready to add it."""
        row = self.model.row_of(book.id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        self.panel.show_book(book)
        self.panel.add_button.setFocus()

    def _current_changed(self, current, _previous):
        book = current.data(BOOK_ROLE) if current.isValid() else None
        if book is not None:
            self.panel.show_book(book)

    def _keep_current(self):
        if self.panel.book is not None:
            row = self.model.row_of(self.panel.book.id)
            if row >= 0:
                self.panel.show_book(self.model.book(row))
                self.list.selectionModel().setCurrentIndex(
                    self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _show_empty(self):
        """The grid, or once a search finds no book, what was searched and a way back to
        every book (none if nothing narrows the catalog: it has no books yet)."""
        found = self.model.rowCount() > 0
        self._show_grid(found)
        if found:
            return
        narrowed = bool(self.model.text) or self.model.shop_id is not None
        if self.model.text:
            text = formatting.fill(
                self.tr("Nothing matches “%1”. Try other words, or clear the search."),
                self.model.text)
        elif narrowed:
            text = self.tr("This shop has no books on sale yet.")
        else:
            text = self.tr("No books on sale yet.")
        self.empty.setText(text)
        self.clear_all.setVisible(narrowed)

    def _show_grid(self, shown: bool):
        self.list.setVisible(shown)
        self.empty_state.setVisible(not shown)

    def _show_total(self, total: int):
        self.total.setText(formatting.books_found(total))
