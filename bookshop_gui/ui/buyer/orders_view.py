"""My orders: a tab for All and for each status with its count, the list, and actions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import Kind, OrderDetail, OrderStatus, OrderSummary
from bookshop_gui.services import orders
from bookshop_gui.ui import formatting, live, resources, tables
from bookshop_gui.ui.buyer import order_actions
from bookshop_gui.ui.buyer.order_actions import CANCEL, PAY, RECEIVED, REVIEW, OrderActions
from bookshop_gui.ui.buyer.orders_model import (
    COL_ITEMS,
    COL_PLACED,
    COL_SHOP,
    ORDER_ROLE,
    OrdersModel,
)
from bookshop_gui.ui.empty_state import empty_state
from bookshop_gui.ui.tasks import Tasks

TABS = (None, *formatting.STATUS_TABS)


class OrdersPage(QWidget):
    """Emits `detail_requested(order_id)`, `review_requested(order_id)`, `pay_requested(order_ids)`.

    Reads the orders again after every change to them, keeping the chosen one.
    """

    detail_requested = Signal(int)
    review_requested = Signal(int)
    pay_requested = Signal(list)
    browse_requested = Signal()
    addresses_requested = Signal()

    def __init__(self, tasks: Tasks, token: str, parent=None):
        super().__init__(parent)
        self.tasks, self.token = tasks, token
        self.model = OrdersModel(tasks, token, self)
        self.actions = OrderActions(tasks, token, self)
        self.counts: dict[OrderStatus, int] = {}
        self._wanted: int | None = None  # the order to select once the list has it
        self._build()
        live.follow(self, tasks, (Kind.ORDERS,), lambda _changes: self.refresh())
        self.model.modelReset.connect(self._update_buttons)
        self.model.loaded.connect(self._loaded)
        self.model.counted.connect(self._set_counts)  # each first page brings every count

    def _build(self):
        self.tabs = QTabBar()
        self.tabs.setAccessibleName(self.tr("Order status"))
        self.tabs.setExpanding(False)
        for _ in TABS:
            self.tabs.addTab("")
        self._name_tabs()
        self.tabs.currentChanged.connect(lambda _i: self.model.show_status(self.status()))
        self.table = self._table()
        self.empty = QLabel(self.tr("No orders here yet."), objectName="hint", wordWrap=True)
        self.browse = QPushButton(resources.icon("book"), self.tr("Browse the catalog"))
        self.browse.clicked.connect(self.browse_requested)
        self.empty_state = empty_state(self.empty, self.browse)
        self.buttons = {
            "detail": QPushButton(resources.icon("orders"), self.tr("Details")),
            PAY: QPushButton(resources.icon("pay"), self.tr("Pay"), objectName="primary"),
            RECEIVED: QPushButton(resources.icon("received"), self.tr("Confirm receipt"),
                                  objectName="primary"),
            REVIEW: QPushButton(resources.icon("star"), self.tr("Review"), objectName="primary"),
            CANCEL: QPushButton(resources.icon("cancel"), self.tr("Cancel order"),
                                objectName="danger"),
        }
        for name, button in self.buttons.items():
            button.clicked.connect(lambda _=False, n=name: self._act(n))
        row = QHBoxLayout()
        for name in ("detail", PAY, RECEIVED, REVIEW):
            row.addWidget(self.buttons[name])
        row.addStretch()
        row.addWidget(self.buttons[CANCEL])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        self.addresses_button = QPushButton(resources.icon("user"), self.tr("My addresses"))
        self.addresses_button.clicked.connect(self.addresses_requested)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("My orders"), objectName="heading"))
        top.addStretch()
        top.addWidget(self.addresses_button)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_state, 1)
        layout.addLayout(row)

    def _table(self) -> QTableView:
        table = tables.table(self.tr("Orders"), self.model, COL_ITEMS, row_height=68, kiosk=True)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        table.activated.connect(lambda _index: self._act("detail"))
        return table

    def resizeEvent(self, event):
        """Narrow, the list leaves the shop and the date to the order's own page."""
        super().resizeEvent(event)
        tables.drop_when_narrow(self.table, (COL_SHOP, COL_PLACED), event.size().width())

    # -- loading ----------------------------------------------------------

    def status(self) -> OrderStatus | None:
        return TABS[self.tabs.currentIndex()] if self.tabs.currentIndex() >= 0 else None

    def show_status(self, status: OrderStatus | None):
        """Switch to `status`'s tab and reload it and the counts."""
        index = TABS.index(status)
        if self.tabs.currentIndex() != index:
            self.tabs.setCurrentIndex(index)
        else:
            self.model.show_status(status)

    def load(self):
        self.model.show_status(self.status())

    def refresh(self):
        """Read the list again; the order chosen now stays chosen."""
        order = self.current()
        if order is not None and self._wanted is None:
            self._wanted = order.id
        self.model.refresh()

    def clear(self):
        self.counts = {}
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(0)
        self.tabs.blockSignals(False)
        self._name_tabs()
        self.model.clear()

    def select_order(self, order_id: int):
        """Select the order now if it is listed, else as soon as a load brings it."""
        row = self.model.row_of(order_id)
        if row >= 0 and not self.model.loading:
            self._wanted = None
            self.table.selectRow(row)
        else:
            self._wanted = order_id

    def _set_counts(self, counts):
        self.counts = dict(counts)
        self._name_tabs()

    def _name_tabs(self):
        total = sum(self.counts.values())
        self.tabs.setTabText(0, formatting.fill(self.tr("All (%1)"), total))
        for index, status in enumerate(TABS[1:], start=1):
            count = self.counts.get(status, 0)
            self.tabs.setTabText(index, f"{formatting.status_tab_name(status)} ({count})")

    def _loaded(self):
        wanted = self.model.row_of(self._wanted) if self._wanted is not None else -1
        if wanted >= 0:
            self._wanted = None
            self.table.selectRow(wanted)
        elif self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self._update_buttons()

    # -- acting -----------------------------------------------------------

    def current(self) -> OrderSummary | None:
        index = self.table.currentIndex()
        return index.siblingAtColumn(0).data(ORDER_ROLE) if index.isValid() else None

    def _update_buttons(self):
        order = self.current()
        allowed = order_actions.allowed(order.status) if order else ()
        self.buttons["detail"].setVisible(order is not None)
        for name in (PAY, CANCEL, RECEIVED, REVIEW):
            self.buttons[name].setVisible(name in allowed)
        has_rows = self.model.rowCount() > 0
        self.empty_state.setVisible(not has_rows)
        self.table.setVisible(has_rows)

    def _act(self, name: str):
        order = self.current()
        if order is None:
            return
        if name == "detail":
            self.detail_requested.emit(order.id)
        elif name == PAY:
            self.tasks.run(orders.info, self.token, order.id, done=self._pay_or_ask)
        elif name == CANCEL:
            self.actions.cancel(order.id, order.status, order.total)
        elif name == RECEIVED:
            self.actions.confirm_receipt(order.id)
        elif name == REVIEW:
            self.review_requested.emit(order.id)

    def _pay_or_ask(self, order: OrderDetail):
        """An order placed before addresses existed opens on its detail page, which
        asks where to send it; paying comes once it has somewhere to go."""
        if order.address is None:
            self.detail_requested.emit(order.id)
        else:
            self.pay_requested.emit([order.id])
