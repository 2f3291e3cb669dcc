"""What a buyer may do with an order in each status, shared by the list and the detail.

The buttons shown are exactly the ones the status machine (domain.TRANSITIONS)
allows; cancelling asks first and says whether the money comes back. What an
action changed reaches the pages as a change notice.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from bookshop_gui.domain import OrderStatus, allows
from bookshop_gui.errors import BookshopError
from bookshop_gui.services import orders
from bookshop_gui.ui import dialogs, formatting, messages
from bookshop_gui.ui.tasks import Tasks

PAY, CANCEL, RECEIVED, REVIEW = "pay", "cancel", "received", "review"

CALLS = {PAY: "pay", CANCEL: "cancel", RECEIVED: "confirm_receipt", REVIEW: "review"}


def allowed(status) -> tuple[str, ...]:
    """The buyer's buttons for an order in `status`."""
    return tuple(name for name, call in CALLS.items() if allows(call, status))


class OrderActions(QObject):
    """Runs cancel and confirm-receipt, asking first where the buyer should be sure."""

    def __init__(self, tasks: Tasks, token: str, parent: QWidget):
        super().__init__(parent)
        self.tasks, self.token, self.window = tasks, token, parent

    def cancel(self, order_id: int, status, total) -> None:
        if OrderStatus(status) == OrderStatus.PENDING_SHIPMENT:
            text = self.tr("Cancel order #%1? You have paid for it, so %2 goes back to your "
                           "balance.")
        else:
            text = self.tr("Cancel order #%1? You have not paid for it, so no money moves.")
        question = formatting.fill(text, order_id, formatting.money(total))
        if dialogs.ask(self.window, self.tr("Cancel order"), question,
                       yes=self.tr("Cancel the order"), no=self.tr("Keep it")):
            self.tasks.act(orders.cancel, self.token, order_id, action=("cancel", order_id),
                           failed=self._failed)

    def confirm_receipt(self, order_id: int) -> None:
        """Asked first: on a touch screen a stray tap must not end the shop's duty to deliver."""
        question = formatting.fill(self.tr("Have you received every book of order #%1?"),
                                   order_id)
        if dialogs.ask(self.window, self.tr("Confirm receipt"), question,
                       yes=self.tr("Yes, I have them"), no=self.tr("Not yet")):
            self.tasks.run(orders.confirm_receipt, self.token, order_id,
                           done=lambda _: self._received(order_id), failed=self._failed)

    def _received(self, order_id: int) -> None:
        dialogs.inform(self.window, self.tr("Confirm receipt"), formatting.fill(self.tr(
            "Thank you! Order #%1 is marked as received. You can review it now."), order_id))

    def _failed(self, error: BookshopError) -> None:
        dialogs.warn(self.window, self.tr("Bookshop"), messages.describe(error))
