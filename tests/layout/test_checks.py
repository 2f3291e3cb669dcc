"""The kiosk's touch check measures what a finger can reach: the part of a control its
parents leave in view, widgets laid over table cells included."""

from __future__ import annotations

import checks
import pytest
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

ROWS = 12
STEPPER = """
QSpinBox { min-width: 60px; max-width: 60px; min-height: 48px;
           padding-left: 48px; padding-right: 48px; }
QSpinBox::up-button, QSpinBox::down-button { subcontrol-origin: border;
           width: 48px; height: 48px; }
QSpinBox::up-button { subcontrol-position: center right; }
QSpinBox::down-button { subcontrol-position: center left; }
"""


@pytest.fixture
def window(qtbot):
    page = QWidget()
    page.setStyleSheet(STEPPER)
    QVBoxLayout(page)
    page.resize(500, 300)
    qtbot.addWidget(page)
    return page


def _table(window: QWidget, column_width: int) -> QTableView:
    """A table of finger-high rows, its second column `column_width` wide."""
    table = QTableView()
    table.setModel(QStandardItemModel(ROWS, 2, table))
    table.verticalHeader().setDefaultSectionSize(64)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.setColumnWidth(0, 100)
    table.setColumnWidth(1, column_width)
    window.layout().addWidget(table)
    return table


def _in_cell(table: QTableView, row: int, widget: QWidget) -> QWidget:
    """`widget` with 6 px each side, laid over the second cell of `row`."""
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(6, 0, 6, 0)
    layout.addWidget(widget)
    table.setIndexWidget(table.model().index(row, 1), holder)
    return widget


def _problems(qtbot, window: QWidget) -> list[str]:
    window.show()
    qtbot.waitExposed(window)
    return [problem for problem in checks.problems(window, kiosk=True)
            if "touch target" in problem]


def test_a_stepper_wider_than_its_cell_is_reported(qtbot, window):
    table = _table(window, 150)
    stepper = _in_cell(table, 0, QSpinBox())
    stepper.setAccessibleName("Quantity")

    found = _problems(qtbot, window)

    assert stepper.geometry().right() >= stepper.parentWidget().width()  # its cell cuts it
    assert any("the + " in problem and "'Quantity'" in problem for problem in found), found


def test_a_stepper_that_fits_its_cell_passes(qtbot, window):
    table = _table(window, 200)
    _in_cell(table, 0, QSpinBox()).setAccessibleName("Quantity")

    assert _problems(qtbot, window) == []


def test_a_button_cut_by_its_cell_is_reported(qtbot, window):
    table = _table(window, 40)
    _in_cell(table, 0, QPushButton("Remove")).setMinimumSize(64, 48)

    found = _problems(qtbot, window)

    assert any("QPushButton('Remove')" in problem and "seen of 64x" in problem
               for problem in found), found


def test_a_row_half_scrolled_out_of_view_is_not_small(qtbot, window):
    """A swipe brings the rest of a list's last row in: only the cell's sides count."""
    table = _table(window, 200)
    for row in range(ROWS):
        _in_cell(table, row, QPushButton(f"Remove {row}")).setMinimumSize(64, 48)

    assert _problems(qtbot, window) == []
    assert table.verticalScrollBar().maximum() > 0
