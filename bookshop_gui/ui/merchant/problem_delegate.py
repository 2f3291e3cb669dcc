"""A red frame around a cell that cannot be saved, drawn over the selection too.

The model's red background is hidden by the selection's colour, so a wrong
quantity in the selected row looked right; the frame stays visible.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPen

from bookshop_gui.ui.tables import CellDelegate

PROBLEM = QColor("#b3261e")


class ProblemDelegate(CellDelegate):
    """Frames each cell for which the model's `problem(row, column)` gives a reason."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        if index.model().problem(index.row(), index.column()):
            painter.save()
            painter.setPen(QPen(PROBLEM, 2))
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()
