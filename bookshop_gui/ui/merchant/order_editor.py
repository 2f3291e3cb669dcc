"""One order, opened by staff: its lines editable while unpaid, its history always.

Saving sends the version the editor loaded, so a change made meanwhile (the
buyer paid at a kiosk, another workstation edited the lines) refuses the save
instead of overwriting it; the editor then says so and shows the order as it
now is. Any other failure keeps the edits on screen to try again.

A cut deeper than the shop's limit is refused until an administrator approves
it in the approval dialog; the save is then sent again with their approval,
as a save of its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui import errors
from bookshop_gui.domain import Kind, OrderDetail, OrderStatus, Session, allows
from bookshop_gui.services import shop
from bookshop_gui.ui import dialogs, formatting, live, messages, resources, shortcuts, tables
from bookshop_gui.ui.merchant import history_text
from bookshop_gui.ui.merchant.approval_dialog import ApprovalDialog
from bookshop_gui.ui.merchant.book_picker import BookPicker
from bookshop_gui.ui.merchant.order_lines_model import COL_BOOK, COL_COUNT, OrderLinesModel
from bookshop_gui.ui.merchant.problem_delegate import ProblemDelegate


class OrderEditor(QDialog):
    """Emits `saved(order_id)` for the status bar, and `closed`. Reads the order again
    whenever it changes, here or elsewhere, unless there are unsaved edits (saving
    them then says the order moved on)."""

    saved = Signal(int)
    closed = Signal()

    def __init__(self, session: Session, tasks, order_id: int, parent=None):
        super().__init__(parent)
        self.session, self.tasks, self.order_id = session, tasks, order_id
        self.order: OrderDetail | None = None
        self.picker: BookPicker | None = None
        self._discard_ok = False
        self._cut_lines = ""
        self.approval = ApprovalDialog(self)
        self.approval.approved.connect(lambda name, password: self._send((name, password)))
        self.approval.rejected.connect(self._update_totals)
        self.setWindowTitle(formatting.fill(self.tr("Order #%1"), order_id))
        self.setWindowIcon(resources.app_icon())
        self.resize(760, 560)
        self.lines = OrderLinesModel(self)
        self.lines.changed.connect(self._update_totals)
        self._build()
        live.follow(self, tasks, (Kind.ORDERS,), self._order_changed)
        self.load()

    # -- layout ------------------------------------------------------------------

    def _build(self):
        self.heading = QLabel(objectName="heading")
        self.subheading = QLabel(objectName="hint")
        self.destination = QLabel(wordWrap=True)
        self.destination.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel(objectName="notice", wordWrap=True)
        self.notice.hide()
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._lines_tab(), resources.icon("edit"), self.tr("&Lines"))
        self.tabs.addTab(self._history_tab(), resources.icon("history"), self.tr("&History"))
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.subheading, self.destination, self.notice, self.error,
                       self.tabs):
            layout.addWidget(widget)
        layout.addLayout(self._buttons())

    def _lines_tab(self) -> QWidget:
        page = QWidget()
        self.table = tables.table(self.tr("Lines"), self.lines, COL_BOOK, grid=True,
                                  editable=True)
        self.table.setItemDelegate(ProblemDelegate(self.table))
        self.add_button = QPushButton(resources.icon("plus"), self.tr("&Add book…"))
        self.add_button.clicked.connect(self.open_picker)
        self.remove_button = QPushButton(resources.icon("trash"), self.tr("&Remove line"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.items_label = QLabel(objectName="money")
        self.shipping_label = QLabel(objectName="hint")
        self.total_label = QLabel(objectName="total")
        self.invalid_hint = QLabel(objectName="error", wordWrap=True)
        self.invalid_hint.hide()
        row = QHBoxLayout()
        for widget in (self.add_button, self.remove_button):
            row.addWidget(widget)
        row.addStretch()
        for widget in (self.items_label, self.shipping_label, self.total_label):
            row.addWidget(widget)
        layout = QVBoxLayout(page)
        layout.addWidget(self.table)
        layout.addWidget(self.invalid_hint)
        layout.addLayout(row)
        return page

    def _history_tab(self) -> QWidget:
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"),
                                      self.tr("Before → after")])
        header = self.history.header()
        header.setStretchLastSection(True)
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.history.setWordWrap(True)
        return self.history

    def _buttons(self) -> QHBoxLayout:
        self.slip_button = QPushButton(resources.icon("print"), self.tr("&Packing slip…"))
        self.slip_button.clicked.connect(self.open_slip)
        self.revert_button = QPushButton(resources.icon("refresh"), self.tr("&Undo changes"))
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("&Save"), objectName="primary")
        self.save_button.clicked.connect(self.save)
        shortcuts.bind(self.save_button, shortcuts.Key.Save)
        shortcuts.bind(self.slip_button, shortcuts.Key.Print)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.slip_button)
        row.addStretch()
        for button in (self.revert_button, self.save_button, self.close_button):
            row.addWidget(button)
        return row

    # -- loading ------------------------------------------------------------------

    def load(self):
        self.setEnabled(False)
        self.tasks.run(shop.order_with_history, self.session.token, self.order_id,
                       done=self._arrived, failed=self._load_failed)

    def _arrived(self, answer):
        order, entries = answer
        self._loaded(order)
        self._show_history(entries)

    def _order_changed(self, changes):
        mine = not changes.order_ids or self.order_id in changes.order_ids
        if mine and not (self.lines.editable and self.lines.dirty):
            self.load()

    def _loaded(self, order: OrderDetail):
        self.setEnabled(True)
        self.order = order
        editable = allows("shop.set_lines", order.status)
        self.lines.load(order, editable=editable)
        self.heading.setText(formatting.fill(self.tr("Order #%1 · %2"), order.id, order.buyer))
        self.subheading.setText(formatting.fill(self.tr("%1 · created %2"),
                                                formatting.status_name(order.status),
                                                formatting.when(order.created_at)))
        self.destination.setText(self.destination_text(order))
        reason = self.read_only_reason(order.status)
        self.notice.setText(reason)
        self.notice.setVisible(bool(reason))
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)

    def _load_failed(self, error):
        self.setEnabled(True)
        self.show_error(messages.describe(error))
        self.save_button.setEnabled(False)

    def _show_history(self, entries):
        self.history.clear()
        for entry in entries:
            change = history_text.change_text(entry)
            item = QTreeWidgetItem(self.history, [formatting.when(entry.at), entry.username,
                                                  history_text.action_name(entry), change])
            item.setToolTip(3, change)

    def destination_text(self, order: OrderDetail) -> str:
        """Who receives the parcel and where, and how it travels once shipped."""
        address = order.address
        whom = (" · ".join((address.name, address.phone, address.one_line)) if address
                else self.tr("no address given"))
        text = formatting.fill(self.tr("Ship to: %1"), whom)
        if order.courier:
            text += "\n" + formatting.fill(self.tr("Shipped with %1, waybill %2"),
                                            formatting.courier_name(order.courier),
                                            order.tracking or "—")
        return text

    def read_only_reason(self, status: OrderStatus) -> str:
        """Why this order's lines cannot be changed, in a sentence; "" when they can."""
        reasons = {
            OrderStatus.PENDING_SHIPMENT: self.tr(
                "The buyer has paid for this order, so its lines can no longer be changed."),
            OrderStatus.PENDING_RECEIPT: self.tr(
                "This order has been shipped, so its lines can no longer be changed."),
            OrderStatus.PENDING_REVIEW: self.tr(
                "This order has been received, so its lines can no longer be changed."),
            OrderStatus.COMPLETED: self.tr(
                "This order is completed, so its lines can no longer be changed."),
            OrderStatus.CANCELLED: self.tr(
                "This order was cancelled, so its lines can no longer be changed."),
        }
        return reasons.get(OrderStatus(status), "")

    # -- editing ------------------------------------------------------------------

    def _update_totals(self):
        shipping = self.lines.shipping
        items, total = self.lines.items_money(), self.lines.total()
        self.items_label.setText(formatting.fill(
            self.tr("Items %1"), formatting.money(items) if items is not None else "—"))
        self.shipping_label.setText(formatting.fill(
            self.tr("+ shipping %1"), formatting.money(shipping)))
        self.total_label.setText(formatting.fill(
            self.tr("Total %1"), formatting.money(total) if total is not None else "—"))
        editing = self.lines.editable and self.lines.dirty
        self.save_button.setEnabled(editing and self.lines.valid)
        self.revert_button.setEnabled(editing)
        hint = "" if self.lines.valid or not self.lines.rows else formatting.sentences(
            self.tr("Correct the values marked in red before saving."), self.lines.first_problem())
        self.save_button.setToolTip(hint)
        self.invalid_hint.setText(hint)
        self.invalid_hint.setVisible(bool(hint))

    def open_picker(self):
        self.picker = BookPicker(self.session, self.tasks, self)
        self.picker.chosen.connect(self.add_book)
        self.picker.open()

    def add_book(self, book):
        """Add `book` and pick its line's quantity, the cell staff change next."""
        row = self.lines.add_book(book)
        self.table.setCurrentIndex(self.lines.index(row, COL_COUNT))

    def remove_selected(self):
        """Remove the line of the picked cell."""
        picked = self.table.selectionModel().selectedIndexes()
        if picked:
            self.lines.remove(picked[0].row())

    def revert(self):
        if self.order is not None:
            self.lines.load(self.order, editable=self.lines.editable)
        self.error.hide()

    # -- saving ------------------------------------------------------------------

    def save(self):
        if self.order is None or not self.lines.valid or not self.lines.dirty:
            return
        self.save_button.setEnabled(False)
        self.error.hide()
        self._send(None)

    def _send(self, approval: tuple[str, str] | None):
        self.save_button.setEnabled(False)
        lines = self.lines.service_lines()
        action = ("set_lines", self.order.id, self.order.version,
                  tuple(tuple(line.items()) for line in lines), approval is not None)
        self.tasks.act(shop.set_lines, self.session.token, self.order.id, lines,
                       expected_version=self.order.version, approval=approval, action=action,
                       done=self._saved, failed=self._save_failed)

    def _saved(self, _result):
        self.saved.emit(self.order_id)
        self.load()

    def _save_failed(self, error):
        if isinstance(error, errors.ApprovalRequired):
            self.approval.ask(self._approval_reason(error))
            return
        if isinstance(error, errors.ApprovalRefused):
            self.approval.ask(self._approval_reason(None), messages.describe(error))
            return
        if isinstance(error, errors.InvalidState):
            dialogs.warn(self, self.tr("Not saved"), self._changed_meanwhile(error))
            self.load()
            return
        self.show_error(messages.describe(error))
        self._update_totals()

    def _approval_reason(self, error: errors.ApprovalRequired | None) -> str:
        """Which lines are cut too far, and what an administrator is asked to do."""
        if error is not None:
            names = [line.name for line in self.lines.rows if line.book_id in error.book_ids]
            self._cut_lines = messages.describe(error) + "\n" + ", ".join(names)
        return self._cut_lines + "\n\n" + self.tr(
            "An administrator can approve this cut by typing their own user name and password.")

    def _changed_meanwhile(self, error) -> str:
        if isinstance(error, errors.StaleOrder):
            reason = messages.describe(error)
        else:
            reason = self.tr("The order is no longer waiting for payment (the buyer may have "
                             "paid or cancelled it), so it cannot be edited.")
        return reason + "\n\n" + self.tr(
            "Your changes were not saved. The order has been reloaded as it is now.")

    def show_error(self, text: str):
        self.error.setText(text)
        self.error.show()

    def open_slip(self):
        if self.order is not None:
            from bookshop_gui.ui.merchant.packing_slip import SlipDialog

            SlipDialog(self.order, self).open()

    # -- closing ------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """True if there is nothing unsaved, or the person agrees to throw it away."""
        if self._discard_ok or not (self.lines.editable and self.lines.dirty):
            return True
        self._discard_ok = dialogs.ask(
            self, self.tr("Unsaved changes"),
            formatting.fill(self.tr("Order #%1 has changes that are not saved. Discard them?"),
                            self.order_id),
            yes=self.tr("Discard changes"), no=self.tr("Keep editing"))
        return self._discard_ok

    def closeEvent(self, event):
        if self.confirm_discard():
            event.accept()
            self.closed.emit()
            self.deleteLater()
        else:
            event.ignore()

    def reject(self):
        """Escape closes like the Close button, asking first about unsaved edits."""
        self.close()
