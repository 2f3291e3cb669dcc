"""Tables described as data: each column once (title, text, alignment, sort key), and one
model that shows any list of rows through them (Anki's browser columns).

A column may also carry a picture, a tooltip, a check box or an editor's value; the
model turns each into its Qt role, so a table's subclass lists its columns and adds
only what is its own (colours, and what an edit does to its rows, in `write`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

ROOT = QModelIndex()  # "no parent": the top level of a flat table
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's own value

_Role = Qt.ItemDataRole


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str] | None  # None: no text (a check box, or a widget over the cell)
    align: int = LEFT
    sort_key: Callable[[Any], Any] | None = None  # by default the text (or the tick)
    picture: Callable[[Any], Any] | None = None  # drawn before the text (a book's cover)
    tip: Callable[[Any], str] | None = None  # the cell's tooltip; "" for none
    edit: Callable[[Any], Any] | None = None  # what an editor starts from: the cell is editable
    check: Callable[[Any], bool] | None = None  # a check box, ticked while this is True


class ColumnsModel(QAbstractTableModel):
    """Rows shown through `columns()`, which a subclass lists (titles via self.tr).

    Read-only unless a column has `edit` or `check`: those cells take what the person
    types or ticks while `editable` is True, through the subclass's `write`.
    """

    editable = True

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self._columns = self.columns()
        self._order: tuple[int, Qt.SortOrder] | None = None  # the last sort asked for

    def columns(self) -> tuple[Column, ...]:
        raise NotImplementedError

    def write(self, row: int, column: int, value) -> bool:
        """Take an edit of a cell (a tick as True or False); False refuses it, changing nothing."""
        return False

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
        column = self._columns[column]
        return column.sort_key or column.text or column.check or (lambda row: 0)

    def rowCount(self, parent=ROOT):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=ROOT):
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self._columns[index.column()]
        if column.check is not None and self.editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if column.edit is not None and self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(self, section, orientation, role=_Role.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == _Role.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index, role=_Role.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], self._columns[index.column()]
        if role == ROW_ROLE:
            return row
        if role == _Role.TextAlignmentRole:
            return column.align
        if role == _Role.DisplayRole:
            return column.text(row) if column.text else None
        if role == _Role.DecorationRole:
            return column.picture(row) if column.picture else None
        if role == _Role.ToolTipRole:
            return (column.tip(row) or None) if column.tip else None
        if role == _Role.EditRole:
            return column.edit(row) if column.edit else None
        if role == _Role.CheckStateRole:
            return _check_state(column.check(row)) if column.check else None
        return None

    def setData(self, index, value, role=_Role.EditRole) -> bool:
        """An edit or a tick, handed to `write`; the row is drawn again once it is taken."""
        flags = self.flags(index)
        if not flags or not 0 <= index.row() < self.rowCount():
            return False
        if role == _Role.CheckStateRole and flags & Qt.ItemFlag.ItemIsUserCheckable:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != _Role.EditRole or not flags & Qt.ItemFlag.ItemIsEditable:
            return False
        if not self.write(index.row(), index.column(), value):
            return False
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), len(self._columns) - 1))
        return True

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


def _check_state(ticked: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
