"""The cart as a table: a check box per line to choose it, quantity, and VIP money.

The model recomputes a line's money the moment its quantity changes (with the
same arithmetic the service uses), so totals never wait for the database;
the view saves the new count behind it.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor

from bookshop_gui import domain
from bookshop_gui.domain import CartLine
from bookshop_gui.ui import covers, formatting
from bookshop_gui.ui.columns import RIGHT, ROW_ROLE, Column, ColumnsModel

COL_CHOOSE, COL_BOOK, COL_SHOP, COL_PRICE, COL_COUNT, COL_MONEY, COL_REMOVE = range(7)
PROBLEM = QColor("#fdecea")


class CartModel(ColumnsModel):
    """Cart lines, which of them are chosen, and the per-shop totals of the chosen ones.

    The quantity and remove cells show no text: the cart page puts a spin box and a
    button over them.
    """

    count_changed = Signal(int, int)  # book id, new count
    totals_changed = Signal()

    def __init__(self, vip_ratio: Decimal = Decimal(1), parent=None):
        super().__init__(parent)
        covers.repaint_when_loaded(self)
        self.vip_ratio = vip_ratio
        self.shipping = domain.DEFAULT_SHIPPING_FEE
        self._chosen: set[int] = set()
        self._seen: set[int] = set()
        self.short_ids: set[int] = set()
        self.details_in_book = False  # the shop and price columns are hidden: the book says them
        self.modelReset.connect(self.totals_changed)

    def columns(self):
        return (
            Column(self.tr("Order"), None, check=lambda line: line.book_id in self._chosen),
            Column(self.tr("Book"), self._book_text,
                   picture=lambda line: covers.cover(line.pic, line.title, line.author, 40, 56),
                   tip=self._stock_note),
            Column(self.tr("Shop"), lambda line: line.shop_name),
            Column(self.tr("Your price"), lambda line: formatting.money(self._price(line)), RIGHT,
                   self._price),
            Column(self.tr("Quantity"), None, sort_key=lambda line: line.cnt,
                   edit=lambda line: line.cnt),
            Column(self.tr("Money"), lambda line: formatting.money(line.money), RIGHT,
                   lambda line: line.money),
            Column("", None),
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        """The columns' parts, with the lines the shop cannot fill in red."""
        if role == Qt.ItemDataRole.BackgroundRole:
            line = super().data(index, ROW_ROLE)
            return PROBLEM if line is not None and line.book_id in self.short_ids else None
        return super().data(index, role)

    def write(self, row: int, column: int, value) -> bool:
        if column == COL_CHOOSE:
            return self._choose(self.rows[row], value)
        return self._set_count(row, value)

    # -- the cart ---------------------------------------------------------

    def set_lines(self, lines: list[CartLine]) -> None:
        """New cart contents; lines never seen before start chosen, others keep their box."""
        ids = {line.book_id for line in lines}
        self._chosen = (self._chosen & ids) | (ids - self._seen)
        self._seen = ids | self._seen
        self.short_ids &= ids
        self.set_rows(lines)

    def clear(self) -> None:
        self._chosen, self._seen, self.short_ids = set(), set(), set()
        self.set_rows([])

    def lines(self) -> list[CartLine]:
        return list(self.rows)

    def chosen_lines(self) -> list[CartLine]:
        return [line for line in self.rows if line.book_id in self._chosen]

    def choose_all(self, chosen: bool) -> None:
        self._chosen = {line.book_id for line in self.rows} if chosen else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, COL_CHOOSE),
                                  self.index(len(self.rows) - 1, COL_CHOOSE))
        self.totals_changed.emit()

    def mark_short(self, book_ids) -> None:
        """Highlight lines the shop cannot fill, after an out-of-stock refusal."""
        self.short_ids = set(book_ids)
        self.set_rows(self.rows)

    def show_details_in_book(self, shown: bool) -> None:
        """Put the shop and the buyer's price per copy under the book's title and author
        (as on the catalog's cards), for a page too narrow for their own columns: a buyer
        still sees what one copy costs and who sends it."""
        if shown != self.details_in_book:
            self.details_in_book = shown
            if self.rows:
                self.dataChanged.emit(self.index(0, COL_BOOK),
                                      self.index(len(self.rows) - 1, COL_BOOK))

    def copies(self) -> int:
        return sum(line.cnt for line in self.rows)

    def shop_totals(self) -> list[tuple[str, Decimal, Decimal]]:
        """(shop name, items money, shipping) for each shop among the chosen lines."""
        shops: dict[str, Decimal] = {}
        for line in self.chosen_lines():
            shops[line.shop_name] = shops.get(line.shop_name, Decimal(0)) + line.money
        return [(name, money, self.shipping) for name, money in shops.items()]

    def grand_total(self) -> Decimal:
        return sum((money + shipping for _, money, shipping in self.shop_totals()), Decimal(0))

    # -- helpers ----------------------------------------------------------

    def _price(self, line: CartLine) -> Decimal:
        return domain.line_money(line.unit_price, 1, self.vip_ratio)

    def _book_text(self, line: CartLine) -> str:
        text = f"{line.title}\n{line.author}" if line.author else line.title
        if not self.details_in_book:
            return text
        each = formatting.fill(self.tr("%1 each"), formatting.money(self._price(line)))
        return f"{text}\n{line.shop_name}\n{each}"  # in a catalog card's order

    def _stock_note(self, line: CartLine) -> str:
        if line.stock <= 0:
            return self.tr("Out of stock")
        if line.cnt > line.stock:
            return formatting.fill(self.tr("Only %1 in stock"), line.stock)
        return ""

    def _choose(self, line: CartLine, chosen: bool) -> bool:
        (self._chosen.add if chosen else self._chosen.discard)(line.book_id)
        self.totals_changed.emit()
        return True

    def _set_count(self, row: int, value) -> bool:
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        if not 1 <= value <= domain.MAX_COUNT:
            return False
        line = self.rows[row]
        if value == line.cnt:
            return True
        money = domain.line_money(line.unit_price, value, self.vip_ratio)
        self.rows[row] = replace(line, cnt=value, money=money)
        self.count_changed.emit(line.book_id, value)
        self.totals_changed.emit()
        return True

