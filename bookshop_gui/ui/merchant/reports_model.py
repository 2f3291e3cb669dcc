"""The reports pane's two tables: best-selling books, and totals by status."""

from __future__ import annotations

from bookshop_gui.ui import formatting
from bookshop_gui.ui.columns import RIGHT, Column, ColumnsModel


class TopBooksModel(ColumnsModel):
    def columns(self):
        return (
            Column(self.tr("Book"), lambda book: book.title),
            Column(self.tr("Copies sold"), lambda book: str(book.copies), RIGHT,
                   lambda book: book.copies),
            Column(self.tr("Revenue"), lambda book: formatting.money(book.revenue), RIGHT,
                   lambda book: book.revenue),
        )


class StatusTotalsModel(ColumnsModel):
    def columns(self):
        return (
            Column(self.tr("Status"), lambda total: formatting.status_name(total.status)),
            Column(self.tr("Orders"), lambda total: str(total.orders), RIGHT,
                   lambda total: total.orders),
            Column(self.tr("Total"), lambda total: formatting.money(total.total), RIGHT,
                   lambda total: total.total),
        )
