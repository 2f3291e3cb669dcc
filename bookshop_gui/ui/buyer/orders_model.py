"""The buyer's orders as a table, a page at a time, newest first."""

from __future__ import annotations

from PySide6.QtCore import Signal

from bookshop_gui.domain import OrderStatus, OrderSummary
from bookshop_gui.services import orders
from bookshop_gui.ui import covers, formatting
from bookshop_gui.ui.columns import RIGHT, ROOT, ROW_ROLE, Column, ColumnsModel
from bookshop_gui.ui.tasks import Tasks

COL_ITEMS, COL_SHOP, COL_PLACED = 1, 2, 5
ORDER_ROLE = ROW_ROLE
PAGE = 50


class OrdersModel(ColumnsModel):
    """Orders of one status (or all), loaded lazily like the catalog."""

    loaded = Signal()
    counted = Signal(object)  # how many orders each status holds, read with the first page

    def __init__(self, tasks: Tasks, token: str, parent=None):
        super().__init__(parent)
        covers.repaint_when_loaded(self)
        self.tasks, self.token = tasks, token
        self.status: OrderStatus | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self._stamp = -1  # when the first page was last asked for (Tasks.stamp)

    def columns(self):
        return (
            Column(self.tr("Order"), lambda order: f"#{order.id}"),
            Column(self.tr("Items"), _items_text, picture=_first_cover),
            Column(self.tr("Shop"), lambda order: order.shop_name),
            Column(self.tr("Total"), lambda order: formatting.money(order.total), RIGHT),
            Column(self.tr("Status"), lambda order: formatting.status_name(order.status)),
            Column(self.tr("Placed"), lambda order: formatting.when(order.created_at)),
        )

    def canFetchMore(self, parent=ROOT) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent=ROOT) -> None:
        if self.canFetchMore(parent):
            self._request(len(self.rows))

    def show_status(self, status: OrderStatus | None) -> None:
        """Start over with orders of `status` (None for all)."""
        self.status = status
        self._generation += 1
        self._more = False
        self.set_rows([])
        self._request(0)

    def refresh(self) -> None:
        """Read the list again, unless a first page asked for since the last change is coming."""
        if not (self._loading and not self.rows and self.tasks.fresh(self._stamp)):
            self.show_status(self.status)

    def clear(self) -> None:
        self._generation += 1
        self._more, self._loading = False, False
        self.set_rows([])

    @property
    def loading(self) -> bool:
        return self._loading

    def order(self, row: int) -> OrderSummary | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, order_id: int) -> int:
        return next((row for row, o in enumerate(self.rows) if o.id == order_id), -1)

    def _request(self, offset: int) -> None:
        self._loading = True
        generation = self._generation

        def failed(_error):
            self._stopped(generation)

        if offset:
            self.tasks.run(orders.list, self.token, self.status, offset=offset, limit=PAGE,
                           done=lambda rows: self._arrived(generation, offset, rows),
                           failed=failed)
            return
        self._stamp = self.tasks.stamp()
        self.tasks.run(orders.first_page, self.token, self.status, limit=PAGE,
                       key="orders-list", done=lambda page: self._first(generation, *page),
                       failed=failed)

    def _first(self, generation: int, rows: list[OrderSummary], counts) -> None:
        self.counted.emit(counts)  # the counts hold for any tab, even one left meanwhile
        self._arrived(generation, 0, rows)

    def _arrived(self, generation: int, offset: int, rows: list[OrderSummary]) -> None:
        if generation != self._generation or offset != len(self.rows):
            return
        self._loading = False
        self._more = len(rows) == PAGE
        self.add_rows(rows)
        self.loaded.emit()

    def _stopped(self, generation: int) -> None:
        if generation == self._generation:
            self._loading = False


def _items_text(order: OrderSummary) -> str:
    return ", ".join(f"{name} × {cnt}" for name, cnt in order.items)


def _first_cover(order: OrderSummary):
    return covers.cover(order.pic, order.items[0][0] if order.items else "", "", 40, 56)
