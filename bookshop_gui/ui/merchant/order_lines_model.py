"""An order's lines while staff edit them: typed text is kept as typed until it is valid.

A value that is not a quantity (1..999) or an amount of money (at least 0,
at most two places) stays in its cell, drawn in red with the reason as its
tooltip, and `valid` turns False so the editor cannot save. Nothing is ever
corrected silently behind the person's back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor

from bookshop_gui.domain import CENT, MAX_COUNT, Book, OrderDetail
from bookshop_gui.ui import formatting
from bookshop_gui.ui.columns import RIGHT, ROOT, Column, ColumnsModel

COL_BOOK, COL_UNIT, COL_COUNT, COL_MONEY = range(4)
BAD_BACKGROUND = QColor("#fdecea")
BAD_TEXT = QColor("#b3261e")


@dataclass(frozen=True)
class EditLine:
    """One line as the editor holds it: the count and money as the text typed."""

    book_id: int
    name: str
    unit_price: Decimal
    cnt_text: str
    money_text: str

    @property
    def cnt(self) -> int | None:
        text = self.cnt_text.strip()
        return int(text) if text.isdigit() and 1 <= int(text) <= MAX_COUNT else None

    @property
    def money(self) -> Decimal | None:
        return formatting.parse_money(self.money_text)


class OrderLinesModel(ColumnsModel):
    """Editable while `editable`; emits `changed` after every edit, add or removal.

    A cell's tooltip is why its value cannot be saved (see `problem`).
    """

    changed = Signal()
    editable = False

    def __init__(self, parent=None):
        super().__init__(parent)
        self.original: list[EditLine] = []
        self.shipping = Decimal("0.00")

    def columns(self):
        return (
            Column(self.tr("Book"), lambda line: line.name),
            Column(self.tr("Unit price"), lambda line: formatting.money(line.unit_price), RIGHT,
                   lambda line: line.unit_price),
            Column(self.tr("Quantity"), lambda line: line.cnt_text, RIGHT,
                   lambda line: line.cnt or 0, tip=self._count_problem,
                   edit=lambda line: line.cnt_text),
            Column(self.tr("Line money"), _money_text, RIGHT,
                   lambda line: line.money if line.money is not None else Decimal(-1),
                   tip=self._money_problem, edit=lambda line: line.money_text),
        )

    def load(self, order: OrderDetail, *, editable: bool):
        self.shipping, self.editable = order.shipping, editable
        self.set_rows(EditLine(line.book_id, line.name, line.unit_price, str(line.cnt),
                               f"{line.money:.2f}") for line in order.lines)
        self.original = list(self.rows)
        self.changed.emit()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        """The columns' parts, with a cell that cannot be saved in red."""
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if not index.isValid() or not self.problem(index.row(), index.column()):
                return None
            return BAD_BACKGROUND if role == Qt.ItemDataRole.BackgroundRole else BAD_TEXT
        return super().data(index, role)

    def write(self, row: int, column: int, value) -> bool:
        text = str(value).strip()
        line = self.rows[row]
        if column == COL_COUNT:
            self.rows[row] = _with_count(line, text)
        else:
            self.rows[row] = replace(line, money_text=text)
        self.changed.emit()
        return True

    # -- what the editor asks ------------------------------------------------

    def problem(self, row: int, column: int) -> str:
        """Why a cell's value cannot be saved, or "" if it can."""
        tip = self._columns[column].tip
        return tip(self.rows[row]) if tip is not None else ""

    def _count_problem(self, line: EditLine) -> str:
        if line.cnt is not None:
            return ""
        return formatting.fill(self.tr("A quantity is a whole number from 1 to %1."), MAX_COUNT)

    def _money_problem(self, line: EditLine) -> str:
        if line.money is not None:
            return ""
        return self.tr("An amount of money, 0 or more, with at most two decimal places.")

    def first_problem(self) -> str:
        return next((problem for row in range(len(self.rows))
                     for column in (COL_COUNT, COL_MONEY)
                     if (problem := self.problem(row, column))), "")

    @property
    def valid(self) -> bool:
        return bool(self.rows) and all(line.cnt and line.money is not None
                                        for line in self.rows)

    @property
    def dirty(self) -> bool:
        return self.rows != self.original

    def items_money(self) -> Decimal | None:
        if not self.valid:
            return None
        return sum((line.money for line in self.rows), Decimal("0.00"))

    def total(self) -> Decimal | None:
        items = self.items_money()
        return None if items is None else items + self.shipping

    def service_lines(self) -> list[dict]:
        """The lines as `shop.set_lines` takes them (only when `valid`)."""
        return [{"book_id": line.book_id, "cnt": line.cnt, "money": line.money}
                for line in self.rows]

    def add_book(self, book: Book) -> int:
        """Add a copy of `book`: one more on its line, or a new line; returns the row."""
        row = self._row_of(book.id)
        if row >= 0:
            line = self.rows[row]
            self.setData(self.index(row, COL_COUNT), str((line.cnt or 0) + 1))
            return row
        self.add_rows([EditLine(book.id, book.title, book.price, "1", f"{book.price:.2f}")])
        self.changed.emit()
        return self._row_of(book.id)

    def remove(self, row: int):
        if self.editable and 0 <= row < len(self.rows):
            self.beginRemoveRows(ROOT, row, row)
            del self.rows[row]
            self.endRemoveRows()
            self.changed.emit()

    def _row_of(self, book_id: int) -> int:
        return next((i for i, line in enumerate(self.rows) if line.book_id == book_id), -1)


def _money_text(line: EditLine) -> str:
    """The money as money once it is valid; until then as typed."""
    return line.money_text if line.money is None else formatting.money(line.money)


def _with_count(line: EditLine, text: str) -> EditLine:
    """A new quantity; the line money follows at the line's own price per copy."""
    old_cnt, old_money = line.cnt, line.money
    changed = replace(line, cnt_text=text)
    new_cnt = changed.cnt
    if old_cnt and new_cnt and old_money is not None and new_cnt != old_cnt:
        money = (old_money / old_cnt * new_cnt).quantize(CENT, rounding=ROUND_HALF_UP)
        changed = replace(changed, money_text=f"{money:.2f}")
    return changed
