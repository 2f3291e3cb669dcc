"""One order's lines for the detail page: book, unit price, quantity, money."""

from __future__ import annotations

from bookshop_gui.ui import covers, formatting
from bookshop_gui.ui.columns import RIGHT, Column, ColumnsModel

COL_BOOK = 0


class OrderLinesModel(ColumnsModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        covers.repaint_when_loaded(self)

    def columns(self):
        return (
            Column(self.tr("Book"), lambda line: line.name,
                   picture=lambda line: covers.cover(line.pic, line.name, "", 40, 56)),
            Column(self.tr("Unit price"), lambda line: formatting.money(line.unit_price), RIGHT,
                   lambda line: line.unit_price),
            Column(self.tr("Quantity"), lambda line: str(line.cnt), RIGHT, lambda line: line.cnt),
            Column(self.tr("Money"), lambda line: formatting.money(line.money), RIGHT,
                   lambda line: line.money),
        )
