"""The windows' tables, set up in one place so that they look and behave alike.

Every table here lists rows of a ColumnsModel: no row numbers (they mean nothing
to a bookseller), striped rows, and one column that takes the width left over,
so a wider window shows more of a title rather than empty space. A click or a tap
picks a whole row, as a row is what an action is for, except in a table whose cells
are edited, where it picks the cell that typing changes, as in a spreadsheet. What
differs is what the table is for, and each call says it: whether several rows are
picked at once, whether columns fit their contents or keep widths the person can
drag, and, on the kiosk, rows tall enough for a finger with a book's cover in them.

Tab never stays in a table: the arrows move between its rows and cells, and Tab
goes on to the next control, as in a form (a cell being edited keeps its value
first). Otherwise Tab walked the cells round and round and a keyboard alone
could never reach the buttons under the table.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
)

from bookshop_gui.ui import touch

_Behavior = QAbstractItemView.SelectionBehavior
_Mode = QAbstractItemView.SelectionMode
_Resize = QHeaderView.ResizeMode

COVER = QSize(40, 56)  # a book's cover beside its title, in a kiosk's row
NARROW = 800  # a page narrower than this (a portrait kiosk at 150 % is 720 px wide) drops columns


def table(name: str, model, stretch: int | None, *, many: bool = False, fit: bool = True,
          widths: dict[int, int] | None = None, row_height: int | None = None,
          stripes: bool = True, grid: bool = False, editable: bool = False,
          kiosk: bool = False) -> QTableView:
    """A table named `name` for screen readers, showing `model`, column `stretch` widest.

    `many` rows are picked with Shift and Ctrl, for an action on several; an `editable`
    table picks one cell. `fit` sizes columns to their contents; otherwise the person
    drags them, from `widths` (column: pixels). A `kiosk` table scrolls with a swipe
    and shows covers.
    """
    view = QTableView()
    view.setAccessibleName(name)
    view.setTabKeyNavigation(False)
    view.setModel(model)
    select(view, many=many, cells=editable)
    view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers if editable
                         else QAbstractItemView.EditTrigger.NoEditTriggers)
    if editable:
        view.setItemDelegate(CellDelegate(view))
    view.setAlternatingRowColors(stripes)
    view.setShowGrid(grid)
    view.verticalHeader().hide()
    if row_height is not None:
        view.verticalHeader().setDefaultSectionSize(row_height)
    if kiosk:
        touch.kinetic(view)
        view.setIconSize(COVER)
    _size_columns(view, stretch, fit, widths or {})
    return view


class CellDelegate(QStyledItemDelegate):
    """Edits a table's cells; Tab (or Shift+Tab) in a cell keeps what was typed and
    moves on to the control after (or before) the table, not to the next cell."""

    def eventFilter(self, editor, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab,
                                                                    Qt.Key.Key_Backtab):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.parent().focusNextPrevChild(event.key() == Qt.Key.Key_Tab)
            return True
        return super().eventFilter(editor, event)


def select(view: QAbstractItemView, *, many: bool = False, cells: bool = False) -> None:
    """Whole rows, one at a time or `many`; or one cell, where `cells` are edited."""
    view.setSelectionBehavior(_Behavior.SelectItems if cells else _Behavior.SelectRows)
    view.setSelectionMode(_Mode.ExtendedSelection if many else _Mode.SingleSelection)


def _size_columns(view: QTableView, stretch: int | None, fit: bool, widths: dict[int, int]):
    header = view.horizontalHeader()
    header.setSectionResizeMode(_Resize.ResizeToContents if fit else _Resize.Interactive)
    if stretch is not None:
        header.setSectionResizeMode(stretch, _Resize.Stretch)
    for column, width in widths.items():
        view.setColumnWidth(column, width)


def drop_when_narrow(view: QTableView, columns: tuple[int, ...], width: int) -> bool:
    """Hide `columns` while the page is `width` < NARROW wide, so the column that
    stretches keeps room for its titles; the hidden ones are shown elsewhere or least needed.
    True while they are hidden."""
    for column in columns:
        view.setColumnHidden(column, width < NARROW)
    return width < NARROW


class _WholeCell(QStyledItemDelegate):
    """Lays a widget set on a cell over the whole cell. The default lays it within the
    cell's text padding, so a column sized to the widget is that padding too narrow and
    cuts its right edge (the + of a quantity stepper)."""

    def updateEditorGeometry(self, editor, option, index):
        editor.setGeometry(option.rect)


def widgets_in(view: QTableView, columns: tuple[int, ...]) -> None:
    """`columns` hold widgets (a stepper, a button): each widget covers its whole cell,
    keeping off its neighbours by margins of its own."""
    delegate = _WholeCell(view)
    for column in columns:
        view.setItemDelegateForColumn(column, delegate)


def sort_by(view: QTableView, column: int) -> None:
    """Let a click on a column's title sort the rows; they start sorted by `column`, A to Z."""
    view.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
