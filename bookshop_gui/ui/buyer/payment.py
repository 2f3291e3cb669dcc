"""The payment page: amount, balance, balance after, staff changes, and "Pay".

Several orders (one per shop) are paid one after another; if the balance runs
out part way, the paid ones stay paid and the page shows what is still due.

Each payment names the amount the page showed: if staff changed the order
meanwhile, nothing is charged, the page shows the change and the buyer is
asked to pay the new amount or not. Paying an order for an amount is one
action with one request id until it is answered, so pressing Pay again after
a lost connection finishes that payment and never charges twice.

The page follows balances and orders (ui/live.py): a top-up at the counter or
a change the shop makes shows here without the buyer leaving the page. A
total read again that differs from the one shown is said in words, as a
refused payment would say it, and Pay then sends the new amount.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import AuditEntry, Changes, Kind, OrderDetail, PaymentRequest
from bookshop_gui.errors import BookshopError, DatabaseUnavailable, InsufficientBalance, StaleOrder
from bookshop_gui.services import orders
from bookshop_gui.ui import dialogs, formatting, live, messages, resources, touch
from bookshop_gui.ui.tasks import Tasks


class PaymentPage(QWidget):
    """Emits `paid(order_ids)` when every order on the page is paid."""

    paid = Signal(list)
    later_requested = Signal()

    def __init__(self, tasks: Tasks, token: str, parent=None):
        super().__init__(parent)
        self.tasks, self.token = tasks, token
        self.requests: list[tuple[PaymentRequest, OrderDetail]] = []
        self._wanted: list[int] = []  # the orders the page is for, from the last `load`
        self._paid: list[int] = []
        self._confirm: tuple[int, Decimal] | None = None  # (order, amount it was shown at)
        self._paying = False
        self._generation = 0  # a read answered after a newer one, or after Pay, is dropped
        self._reading = False
        self._stamp = 0  # when the read under way was sent: see Tasks.fresh
        self._then = self._show  # what the read under way does with its answer
        self._build()
        live.follow(self, tasks, (Kind.BALANCES, Kind.ORDERS), self._changed)

    def _build(self):
        self.heading = QLabel(self.tr("Pay from your store balance"), objectName="heading")
        self.changes = QLabel(objectName="notice", wordWrap=True)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.orders_box = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.orders_box)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        touch.kinetic(scroll)
        self.amount = QLabel(objectName="total")
        self.balance = QLabel(objectName="money")
        self.balance_after = QLabel(objectName="money")
        self.later_button = QPushButton(self.tr("Pay later"))
        self.later_button.clicked.connect(self.later_requested)
        self.pay_button = QPushButton(resources.icon("pay"), self.tr("Pay"), objectName="primary")
        self.pay_button.clicked.connect(self.pay)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        for widget in (self.heading, self.changes, self.error):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._figures())
        self.clear()

    def _figures(self) -> QFrame:
        """Amount, balance and balance after, beside the Pay button."""
        card = QFrame(objectName="panel")
        figures = QFormLayout()
        figures.addRow(self.tr("Amount to pay"), self.amount)
        figures.addRow(self.tr("Your balance"), self.balance)
        figures.addRow(self.tr("Balance after paying"), self.balance_after)
        row = QHBoxLayout(card)
        row.addWidget(self.later_button, alignment=Qt.AlignmentFlag.AlignBottom)
        row.addStretch()
        row.addLayout(figures)
        row.addSpacing(24)
        self.pay_button.setMinimumWidth(160)
        row.addWidget(self.pay_button, alignment=Qt.AlignmentFlag.AlignBottom)
        return card

    def load(self, order_ids: list[int], *, error: str = "", paid=(),
             confirm: tuple[int, Decimal] | None = None):
        """Show what `order_ids` cost; `error` is kept on screen (a refused payment).

        `paid` lists orders already paid from this page; `confirm` (an order and
        the amount it was shown at) asks the buyer about the order's new amount.
        """
        self._wanted, self._paid, self._confirm = list(order_ids), list(paid), confirm
        self._paying = False
        self._show_error(error)
        self.pay_button.setEnabled(False)
        self._read(self._show)

    def _read(self, show):
        """Read the orders wanted; `show` the answer unless a newer read or Pay came since."""
        self._generation += 1
        generation = self._generation
        self._reading, self._stamp, self._then = True, self.tasks.stamp(), show

        def answered(then, *args):
            if generation == self._generation:
                self._reading = False
                then(*args)

        self.tasks.run(orders.to_pay, self.token, list(self._wanted),
                       done=lambda requests: answered(show, requests),
                       failed=lambda error: answered(self._load_failed, error))

    def _changed(self, changes: Changes):
        """A balance, or perhaps an order on the page, changed: read the page again.

        Not while paying (the payment's own answer decides what is shown next),
        nor when a read sent since the change is still to come; one sent before
        it is sent again, to be shown as it would have been.
        """
        if not self._wanted or self._paying:
            return
        if (not changes.touches(Kind.BALANCES) and changes.order_ids
                and changes.order_ids.isdisjoint(self._wanted)):
            return
        if not (self._reading and self.tasks.fresh(self._stamp)):
            self._read(self._then if self._reading else self._read_again)

    def _read_again(self, requests):
        """Show the page read again; a message about the old figures stays while they hold."""
        if [request for request, _ in requests] == [request for request, _ in self.requests]:
            return
        shown = {request.order_id: request.amount for request, _ in self.requests}
        notes = [self._changed_text(request.order_id, request.amount, shown[request.order_id])
                 for request, _ in requests
                 if request.order_id in shown and request.amount != shown[request.order_id]]
        self._show_error("\n".join(notes))
        self._show(requests)

    def clear(self):
        self.requests, self._wanted, self._paid, self._confirm = [], [], [], None
        self._generation += 1
        self._paying = self._reading = False
        self._render_orders()
        for label in (self.amount, self.balance, self.balance_after):
            label.clear()
        self.changes.hide()
        self.error.hide()
        self.pay_button.setEnabled(False)

    def order_ids(self) -> list[int]:
        return [request.order_id for request, _ in self.requests]

    def _show(self, requests):
        self.requests = list(requests)
        self._render_orders()
        amount = sum((request.amount for request, _ in self.requests), Decimal(0))
        balance = self.requests[0][0].balance if self.requests else Decimal(0)
        self.amount.setText(formatting.money(amount))
        self.balance.setText(formatting.money(balance))
        short = balance < amount
        self.balance_after.setText(
            formatting.fill(self.tr("%1 short"), formatting.money(amount - balance)) if short
            else formatting.money(balance - amount))
        self._show_changes()
        if self.requests and short and self.error.isHidden():
            self._show_error(messages.describe(InsufficientBalance("", amount, balance)))
        # Paying would only be refused: the buyer tops up at the counter, or pays later.
        self.pay_button.setEnabled(bool(self.requests) and not short)
        self.pay_button.setFocus()
        if self._confirm:
            self._ask_new_amount(*self._confirm)

    def _render_orders(self):
        while self.orders_box.count():
            item = self.orders_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for request, detail in self.requests:
            self.orders_box.addWidget(self._order_row(request, detail))
        self.orders_box.addStretch()

    def _order_row(self, request: PaymentRequest, detail: OrderDetail) -> QFrame:
        card = QFrame(objectName="card")
        row = QHBoxLayout(card)
        items = ", ".join(f"{line.name} × {line.cnt}" for line in detail.lines)
        text = formatting.fill(self.tr("Order #%1 · %2"), detail.id, detail.shop_name)
        column = QVBoxLayout()
        column.addWidget(QLabel(text, objectName="money"))
        column.addWidget(QLabel(items, objectName="hint", wordWrap=True))
        shipping = formatting.fill(self.tr("incl. %1 shipping"), formatting.money(detail.shipping))
        column.addWidget(QLabel(shipping, objectName="hint"))
        row.addLayout(column, 1)
        row.addWidget(QLabel(formatting.money(request.amount), objectName="total"))
        return card

    def _show_changes(self):
        parts = [self._describe_change(request.order_id, entry)
                 for request, _ in self.requests for entry in request.changes]
        self.changes.setText(
            self.tr("The shop changed your order after you placed it. Please check before paying:")
            + "\n" + "\n".join(parts))
        self.changes.setVisible(bool(parts))

    def _ask_new_amount(self, order_id: int, shown: Decimal):
        """The shop changed an order after the page showed it: pay the new amount, or not.

        A yes pays only the figures the question was asked over: if the page was
        read again meanwhile, the buyer looks at the new figures and presses Pay.
        """
        self._confirm = None
        asked = self.requests
        request = next((r for r, _ in asked if r.order_id == order_id), None)
        if request is None:
            return
        changes = "\n".join(self._describe_change(order_id, e) for e in request.changes)
        new = formatting.money(request.amount)
        text = self._changed_text(order_id, request.amount, shown)
        if dialogs.ask(self, self.tr("The order was changed"),
                       f"{text}\n{changes}\n\n" + formatting.fill(self.tr("Pay %1 now?"), new),
                       yes=formatting.fill(self.tr("Pay %1"), new), no=self.tr("Do not pay")) \
                and self.requests is asked:
            self.pay()

    def _changed_text(self, order_id: int, new: Decimal, shown: Decimal) -> str:
        return formatting.fill(self.tr("The shop changed order #%1 after this page showed it: "
                                       "it now costs %2 instead of %3."),
                               order_id, formatting.money(new), formatting.money(shown))

    def _describe_change(self, order_id: int, entry: AuditEntry) -> str:
        """The order's new total, then each line the shop changed on a row of its own:
        before → after, "none" on the side where a line was added or taken out."""
        detail = entry.detail
        rows = [formatting.fill(self.tr("Order #%1: total %2 → %3"), order_id,
                                formatting.money(Decimal(detail.get("total_before", "0"))),
                                formatting.money(Decimal(detail.get("total_after", "0"))))]
        for before, after in _changed_lines(detail.get("before", []), detail.get("after", [])):
            rows.append("    " + formatting.fill(self.tr("%1 → %2"),
                                                 self._line_text(before), self._line_text(after)))
        return "\n".join(rows)

    def _line_text(self, line: dict | None) -> str:
        if line is None:
            return self.tr("none")
        return (f"{line.get('name', '')} × {line.get('cnt', '')} "
                f"({formatting.money(Decimal(str(line.get('money', '0'))))})")

    def pay(self):
        """Pay the orders in turn; stop at the first refusal."""
        if not self.requests or not self.pay_button.isEnabled():
            return
        self.pay_button.setEnabled(False)
        self._paying = True
        self._generation += 1  # a read still to come shows figures from before paying
        self._reading = False
        self._pay_next([request.order_id for request, _ in self.requests
                        if request.order_id not in self._paid])

    def _pay_next(self, remaining: list[int]):
        if not remaining:
            self.paid.emit(list(self._paid))
            return
        order_id, rest = remaining[0], remaining[1:]
        amount = next(r.amount for r, _ in self.requests if r.order_id == order_id)
        self.tasks.act(orders.pay, self.token, order_id, expected_total=amount,
                       action=("pay", order_id, amount),
                       done=lambda _: self._one_paid(order_id, rest),
                       failed=lambda error: self._refused(error, remaining, amount))

    def _one_paid(self, order_id: int, rest: list[int]):
        self._paid.append(order_id)
        self._pay_next(rest)

    def _refused(self, error: BookshopError, remaining: list[int], amount: Decimal):
        paid = list(self._paid)
        text = messages.describe(error)
        if paid:
            numbers = ", ".join(f"#{order_id}" for order_id in paid)
            text = formatting.sentences(formatting.fill(self.tr("Paid: %1."), numbers), text)
        if isinstance(error, DatabaseUnavailable):
            # Not known to have failed: the page stays, and Pay sends the same payments again.
            self._show_error(formatting.sentences(text, self.tr(
                "Press Pay again to finish: the same payment is sent, so you are never charged "
                "twice.")))
            self.pay_button.setEnabled(True)
            self._paying = False
            return
        changed = isinstance(error, StaleOrder) and error.total is not None
        self.load(remaining, error=text, paid=paid,
                  confirm=(remaining[0], amount) if changed else None)

    def _load_failed(self, error: BookshopError):
        self._show_error(messages.describe(error))
        self.pay_button.setEnabled(False)  # what paying would mean is not known

    def _show_error(self, text: str):
        self.error.setText(text)
        self.error.setVisible(bool(text))


def _changed_lines(before: list[dict], after: list[dict]) -> list[tuple]:
    """(line before, line after) for each book whose line the change added, took out or
    altered, in the order the lines were listed; None for a side without the book."""
    was = {line.get("book_id"): line for line in before}
    now = {line.get("book_id"): line for line in after}
    books = [*was, *(book for book in now if book not in was)]
    return [(was.get(book), now.get(book)) for book in books
            if _as_shown(was.get(book)) != _as_shown(now.get(book))]


def _as_shown(line: dict | None):
    """What the buyer reads of a line: the same amount written "7.5" or "7.50" is the same."""
    if line is None:
        return None
    return line.get("name"), line.get("cnt"), Decimal(str(line.get("money", "0")))
