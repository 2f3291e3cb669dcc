"""What a buyer may do with an order in each status, shared by the list and the detail.

The buttons shown are exactly the ones the status allows; cancelling asks
first and says whether the money comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import BookshopError
from bookshop_gui.services import orders
from bookshop_gui.ui import dialogs, formatting, messages
from bookshop_gui.ui.tasks import Tasks

PAY, CANCEL, RECEIVED, REVIEW = "pay", "cancel", "received", "review"

ALLOWED = {
    OrderStatus.PENDING_PAYMENT: (PAY, CANCEL),
    OrderStatus.PENDING_SHIPMENT: (CANCEL,),
    OrderStatus.PENDING_RECEIPT: (RECEIVED,),
    OrderStatus.PENDING_REVIEW: (REVIEW,),
    OrderStatus.COMPLETED: (),
    OrderStatus.CANCELLED: (),
}


def allowed(status) -> tuple[str, ...]:
    return ALLOWED[OrderStatus(status)]


class OrderActions(QObject):
    """Runs cancel and confirm-receipt; emits `changed(order_id)` after either succeeds."""

    changed = Signal(int)

    def __init__(self, tasks: Tasks, token: str, parent: QWidget):
        super().__init__(parent)
        self.tasks, self.token, self.window = tasks, token, parent

    def cancel(self, order_id: int, status, total) -> None:
        if OrderStatus(status) == OrderStatus.PENDING_SHIPMENT:
            text = self.tr("Cancel order #%1? You have paid for it, so %2 goes back to your "
                           "balance.").replace("%2", formatting.money(total))
        else:
            text = self.tr("Cancel order #%1? You have not paid for it, so no money moves.")
        if dialogs.ask(self.window, self.tr("Cancel order"), text.replace("%1", str(order_id)),
                       yes=self.tr("Cancel the order"), no=self.tr("Keep it")):
            self.tasks.act(orders.cancel, self.token, order_id, action=("cancel", order_id),
                           done=lambda _: self.changed.emit(order_id), failed=self._failed)

    def confirm_receipt(self, order_id: int) -> None:
        """Asked first: on a touch screen a stray tap must not end the shop's duty to deliver."""
        question = self.tr("Have you received every book of order #%1?").replace(
            "%1", str(order_id))
        if dialogs.ask(self.window, self.tr("Confirm receipt"), question,
                       yes=self.tr("Yes, I have them"), no=self.tr("Not yet")):
            self.tasks.run(orders.confirm_receipt, self.token, order_id,
                           done=lambda _: self._received(order_id), failed=self._failed)

    def _received(self, order_id: int) -> None:
        self.changed.emit(order_id)
        dialogs.inform(self.window, self.tr("Confirm receipt"), self.tr(
            "Thank you! Order #%1 is marked as received. You can review it now.").replace(
            "%1", str(order_id)))

    def _failed(self, error: BookshopError) -> None:
        dialogs.warn(self.window, self.tr("Bookshop"), messages.describe(error))
