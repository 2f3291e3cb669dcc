"""One order in full: every line with unit price and money, shipping, total, and actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import MAX_MARK, Kind, OrderDetail, allows
from bookshop_gui.errors import BookshopError
from bookshop_gui.services import orders
from bookshop_gui.ui import formatting, live, messages, resources, tables
from bookshop_gui.ui.buyer import order_actions
from bookshop_gui.ui.buyer.address_chooser import address_text
from bookshop_gui.ui.buyer.address_form import TOUCH
from bookshop_gui.ui.buyer.order_actions import CANCEL, PAY, RECEIVED, REVIEW, OrderActions
from bookshop_gui.ui.buyer.order_address import OrderAddressPanel
from bookshop_gui.ui.buyer.order_lines_model import COL_BOOK, OrderLinesModel
from bookshop_gui.ui.buyer.review_panel import ReviewPanel
from bookshop_gui.ui.buyer.tracking_view import TrackingView
from bookshop_gui.ui.tasks import Tasks


class OrderDetailPage(QWidget):
    """Emits `pay_requested(order_ids)` and `back_requested`; the order shown reads
    itself again whenever it changes."""

    pay_requested = Signal(list)
    back_requested = Signal()

    def __init__(self, tasks: Tasks, token: str, *, kiosk: bool = False, parent=None):
        super().__init__(parent)
        self.tasks, self.token, self.kiosk = tasks, token, kiosk
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
        self.table = tables.table(self.tr("Order lines"), self.model, COL_BOOK,
                                  stripes=False, row_height=68, kiosk=True)
        self.items_money = QLabel(objectName="money")
        self.shipping = QLabel(objectName="money")
        self.total = QLabel(objectName="total")
        self.review_shown = QLabel(wordWrap=True)
        self.review = ReviewPanel()
        self.review.submitted.connect(self._review)
        self._delivery()
        self._lay_out()

    def _delivery(self):
        """Where the parcel goes and, once it has left, how to follow it."""
        self.ship_to = QLabel(wordWrap=True)
        self.ship_to.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.move_button = QPushButton(self.tr("Change address"))
        self.move_button.setMinimumHeight(TOUCH)
        self.move_button.clicked.connect(self.change_address)
        self.move_panel = OrderAddressPanel(self.tasks, self.token)
        self.move_panel.moved.connect(lambda _order_id: self.move_panel.hide())
        self.move_panel.closed.connect(self.move_panel.hide)
        self.move_panel.hide()
        self.ship_to_row = QWidget()
        where = QHBoxLayout(self.ship_to_row)
        where.setContentsMargins(0, 0, 0, 0)
        where.addWidget(self.ship_to, 1)
        where.addWidget(self.move_button)
        self.courier = QLabel()
        self.tracking = TrackingView(kiosk=self.kiosk)
        self.delivery = QFormLayout()
        self.delivery.addRow(self.tr("Ship to"), self.ship_to_row)
        self.delivery.addRow(self.tr("Courier"), self.courier)
        self.delivery.addRow(self.tr("Tracking number"), self.tracking)
        self.tracking.level_with_field(self.delivery.labelForField(self.tracking))

    def change_address(self):
        if self.order is not None:
            self.move_panel.start(self.order.id)
            self.move_panel.show()

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
        left = QVBoxLayout()
        left.addLayout(self.delivery)
        left.addWidget(self.review_shown)
        totals.addLayout(left, 1)
        totals.addStretch(0)  # keeps the figures on the right when the left is empty
        totals.addLayout(figures)
        layout.addLayout(totals)
        layout.addWidget(self.move_panel)
        layout.addWidget(self.review)
        layout.addLayout(buttons)

    def resizeEvent(self, event):
        """Narrow, the heading wraps rather than lose the shop's name to the date."""
        super().resizeEvent(event)
        self.heading.setWordWrap(event.size().width() < tables.NARROW)

    def load(self, order_id: int, *, focus_review: bool = False):
        self.error.hide()
        self.tasks.run(orders.info, self.token, order_id,
                       done=lambda order: self._show(order, focus_review), failed=self._failed)

    def clear(self):
        self.order = None
        self.model.set_rows([])
        for label in (self.heading, self.status, self.placed, self.items_money, self.shipping,
                      self.total, self.review_shown, self.ship_to, self.courier):
            label.clear()
        self.tracking.clear()
        self.move_panel.clear()
        self.move_panel.hide()
        self.review.clear()
        self.error.hide()

    def _show(self, order: OrderDetail, focus_review: bool):
        self.order = order
        self.model.set_rows(order.lines)
        self.heading.setText(formatting.fill(self.tr("Order #%1 · %2"), order.id, order.shop_name))
        self.status.setText(formatting.status_name(order.status))
        self.placed.setText(
            formatting.fill(self.tr("Placed %1"), formatting.when(order.created_at)))
        self.items_money.setText(formatting.money(order.items_money))
        self.shipping.setText(formatting.money(order.shipping))
        self.total.setText(formatting.money(order.total))
        self._show_delivery(order)
        self._show_review(order)
        allowed = order_actions.allowed(order.status)
        for name, button in self.buttons.items():
            button.setVisible(name in allowed)
        self.buttons[PAY].setEnabled(order.address is not None)
        self.review.setVisible(REVIEW in allowed)
        if REVIEW in allowed:
            self.review.clear()
            if focus_review:
                self.review.stars[-1].setFocus()

    def _show_delivery(self, order: OrderDetail):
        """A buyer whose order has nowhere to go yet is asked where, before paying."""
        self.ship_to.setText(address_text(order.address) if order.address else self.tr(
            "No address yet: choose where to send it."))
        movable = allows("set_address", order.status)
        self.move_button.setVisible(movable)
        self.move_panel.hide()
        if movable and order.address is None:
            self.change_address()
        shipped = order.courier is not None
        self.delivery.setRowVisible(1, shipped)
        self.delivery.setRowVisible(2, shipped and bool(order.tracking))
        self.courier.setText(formatting.courier_name(order.courier or ""))
        self.tracking.show_number(order.tracking or "")

    def _show_review(self, order: OrderDetail):
        if order.mark is None:
            self.review_shown.hide()
            return
        stars = "★" * order.mark + "☆" * (MAX_MARK - order.mark)
        text = formatting.fill(self.tr("Your review: %1"), stars)
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
