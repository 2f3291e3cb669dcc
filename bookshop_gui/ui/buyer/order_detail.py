"""One order in full: every line with unit price and money, shipping, total, and actions."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import MAX_MARK, Kind, OrderDetail
from bookshop_gui.errors import BookshopError
from bookshop_gui.services import orders
from bookshop_gui.ui import formatting, live, messages, resources
from bookshop_gui.ui.buyer import order_actions
from bookshop_gui.ui.buyer.order_actions import CANCEL, PAY, RECEIVED, REVIEW, OrderActions
from bookshop_gui.ui.buyer.order_lines_model import COL_BOOK, OrderLinesModel
from bookshop_gui.ui.buyer.review_panel import ReviewPanel
from bookshop_gui.ui.tasks import Tasks


class OrderDetailPage(QWidget):
    """Emits `pay_requested(order_ids)` and `back_requested`; the order shown reads
    itself again whenever it changes."""

    pay_requested = Signal(list)
    back_requested = Signal()

    def __init__(self, tasks: Tasks, token: str, parent=None):
        super().__init__(parent)
        self.tasks, self.token = tasks, token
        self.order: OrderDetail | None = None
        self.model = OrderLinesModel(self)
        self.actions = OrderActions(tasks, token, self)
        self._build()
        live.follow(self, tasks, (Kind.ORDERS,), self._order_changed)

    def _build(self):
        self.heading = QLabel(objectName="heading")
        self.status = QLabel(objectName="notice")
        self.placed = QLabel(objectName="hint")
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Order lines"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setIconSize(QSize(40, 56))
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(68)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_BOOK, QHeaderView.ResizeMode.Stretch)
        self.items_money = QLabel(objectName="money")
        self.shipping = QLabel(objectName="money")
        self.total = QLabel(objectName="total")
        self.review_shown = QLabel(wordWrap=True)
        self.review = ReviewPanel()
        self.review.submitted.connect(self._review)
        self._lay_out()

    def _lay_out(self):
        figures = QFormLayout()
        figures.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        figures.addRow(self.tr("Items"), self.items_money)
        figures.addRow(self.tr("Shipping"), self.shipping)
        figures.addRow(self.tr("Total"), self.total)
        self.back_button = QPushButton(self.tr("Back to my orders"))
        self.back_button.clicked.connect(self.back_requested)
        self.buttons = {
            PAY: QPushButton(resources.icon("pay"), self.tr("Pay"), objectName="primary"),
            RECEIVED: QPushButton(resources.icon("received"), self.tr("Confirm receipt"),
                                  objectName="primary"),
            CANCEL: QPushButton(resources.icon("cancel"), self.tr("Cancel order"),
                                objectName="danger"),
        }
        for name, button in self.buttons.items():
            button.clicked.connect(lambda _=False, n=name: self._act(n))
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.status)
        top.addStretch()
        top.addWidget(self.placed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch()
        for name in (CANCEL, RECEIVED, PAY):
            buttons.addWidget(self.buttons[name])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        totals = QHBoxLayout()
        totals.addWidget(self.review_shown, 1)
        totals.addLayout(figures)
        layout.addLayout(totals)
        layout.addWidget(self.review)
        layout.addLayout(buttons)

    def load(self, order_id: int, *, focus_review: bool = False):
        self.error.hide()
        self.tasks.run(orders.info, self.token, order_id,
                       done=lambda order: self._show(order, focus_review), failed=self._failed)

    def clear(self):
        self.order = None
        self.model.set_lines([])
        for label in (self.heading, self.status, self.placed, self.items_money, self.shipping,
                      self.total, self.review_shown):
            label.clear()
        self.review.clear()
        self.error.hide()

    def _show(self, order: OrderDetail, focus_review: bool):
        self.order = order
        self.model.set_lines(order.lines)
        self.heading.setText(self.tr("Order #%1 · %2").replace("%1", str(order.id)).replace(
            "%2", order.shop_name))
        self.status.setText(formatting.status_name(order.status))
        self.placed.setText(self.tr("Placed %1").replace("%1", formatting.when(order.created_at)))
        self.items_money.setText(formatting.money(order.items_money))
        self.shipping.setText(formatting.money(order.shipping))
        self.total.setText(formatting.money(order.total))
        self._show_review(order)
        allowed = order_actions.allowed(order.status)
        for name, button in self.buttons.items():
            button.setVisible(name in allowed)
        self.review.setVisible(REVIEW in allowed)
        if REVIEW in allowed:
            self.review.clear()
            if focus_review:
                self.review.stars[-1].setFocus()

    def _show_review(self, order: OrderDetail):
        if order.mark is None:
            self.review_shown.hide()
            return
        stars = "★" * order.mark + "☆" * (MAX_MARK - order.mark)
        text = self.tr("Your review: %1").replace("%1", stars)
        if order.comment:
            text += f"\n“{order.comment}”"
        self.review_shown.setText(text)
        self.review_shown.show()

    def _act(self, name: str):
        order = self.order
        if order is None:
            return
        if name == PAY:
            self.pay_requested.emit([order.id])
        elif name == CANCEL:
            self.actions.cancel(order.id, order.status, order.total)
        elif name == RECEIVED:
            self.actions.confirm_receipt(order.id)

    def _review(self, mark: int, comment: str):
        if self.order is None:
            return
        order_id = self.order.id
        self.tasks.run(orders.review, self.token, order_id, mark, comment,
                       failed=self._review_failed)

    def _review_failed(self, error: BookshopError):
        self.review.submit_button.setEnabled(True)
        self._failed(error)

    def _order_changed(self, changes):
        if self.order is not None and (not changes.order_ids
                                       or self.order.id in changes.order_ids):
            self.load(self.order.id)

    def _failed(self, error: BookshopError):
        self.error.setText(messages.describe(error))
        self.error.show()
