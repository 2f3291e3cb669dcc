"""The reports pane's tables: best-selling books, totals by status, parcels shipped per day,
and paid orders waiting too long to ship."""

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


class ShippedDaysModel(ColumnsModel):
    """The newest day first: what staff look at is how today and yesterday went."""

    def set_rows(self, rows):
        super().set_rows(reversed(list(rows)))

    def columns(self):
        return (
            Column(self.tr("Day"), lambda day: day.day),
            Column(self.tr("Parcels shipped"), lambda day: str(day.shipped), RIGHT,
                   lambda day: day.shipped),
        )


class WaitingModel(ColumnsModel):
    """Orders paid for more than two days ago and still in the shop, the oldest first."""

    def columns(self):
        return (
            Column(self.tr("Order"), lambda order: f"#{order.order_id}", RIGHT,
                   lambda order: order.order_id),
            Column(self.tr("Paid"), lambda order: formatting.when(order.paid_at), RIGHT,
                   lambda order: order.paid_at),
            Column(self.tr("Buyer"), lambda order: order.buyer, RIGHT),
            Column(self.tr("Ship to"), lambda order: order.city, RIGHT),
            Column(self.tr("Total"), lambda order: formatting.money(order.total), RIGHT,
                   lambda order: order.total),
        )
