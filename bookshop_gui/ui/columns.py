"""Tables described as data: each column once (title, text, alignment, sort key), and one
model that shows any list of rows through them (Anki's browser columns)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

ROOT = QModelIndex()  # "no parent": the top level of a flat table
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's own value


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    align: int = LEFT
    sort_key: Callable[[Any], Any] | None = None  # by default the text
    picture: Callable[[Any], Any] | None = None  # drawn before the text (a book's cover)


class ColumnsModel(QAbstractTableModel):
    """Read-only rows shown through `columns()`, which a subclass lists (titles via self.tr)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self._columns = self.columns()
        self._order: tuple[int, Qt.SortOrder] | None = None  # the last sort asked for

    def columns(self) -> tuple[Column, ...]:
        raise NotImplementedError

    def set_rows(self, rows) -> None:
        """New rows, in the order the table is sorted by, if it is."""
        self.beginResetModel()
        self.rows = list(rows)
        if self._order is not None:
            self.rows.sort(key=self._key(self._order[0]),
                           reverse=self._order[1] == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def add_rows(self, rows) -> None:
        """The next page of a long list, below the rows already shown (or in sort order)."""
        rows = list(rows)
        if self._order is not None:
            self.set_rows([*self.rows, *rows])
        elif rows:
            self.beginInsertRows(ROOT, len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def _key(self, column: int) -> Callable[[Any], Any]:
        return self._columns[column].sort_key or self._columns[column].text

    def rowCount(self, parent=ROOT):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=ROOT):
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DecorationRole and column.picture is not None:
            return column.picture(row)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the column's own key (money as money, not as text); selections follow."""
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        held = [self.rows[index.row()] for index in kept]
        self.rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        where = {id(row): number for number, row in enumerate(self.rows)}
        moved = [self.index(where[id(row)], index.column())
                 for row, index in zip(held, kept, strict=True)]
        self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()
