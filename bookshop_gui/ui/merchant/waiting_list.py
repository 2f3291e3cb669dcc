"""Paid orders still in the shop two days later: a list to work through, not just a number.

Each can be opened, or several shipped at once with their waybill numbers;
the list reads itself again after every shipment.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import Session, WaitingOrder
from bookshop_gui.services import reports
from bookshop_gui.ui import formatting, messages, resources, tables
from bookshop_gui.ui.merchant.order_editor import OrderEditor
from bookshop_gui.ui.merchant.reports_model import WaitingModel
from bookshop_gui.ui.merchant.ship_dialog import ShipDialog, order_label


class WaitingList(QWidget):
    """Emits `message` with a line for the status bar."""

    message = Signal(str)

    def __init__(self, session: Session, tasks, parent=None):
        super().__init__(parent)
        self.session, self.tasks = session, tasks
        self.model = WaitingModel(self)
        self.heading = QLabel(objectName="heading", wordWrap=True)
        self.table = tables.table(self.tr("Orders waiting to ship"), self.model, None,
                                  many=True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.open_button = QPushButton(resources.icon("edit"), self.tr("Ope&n…"))
        self.open_button.clicked.connect(self.open_selected)
        self.ship_button = QPushButton(resources.icon("ship"), self.tr("Mark &shipped…"),
                                       objectName="primary")
        self.ship_button.clicked.connect(self.ship_selected)
        self.empty = QLabel(self.tr("Nothing waiting: every paid order has gone out within "
                                    "48 hours."), objectName="hint", wordWrap=True,
                            alignment=Qt.AlignmentFlag.AlignCenter)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.ship_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.empty, 1)
        self._show([])

    def refresh(self):
        self.tasks.run(reports.waiting_to_ship, self.session.token, done=self._show,
                       failed=lambda error: self.message.emit(messages.describe(error)),
                       key="waiting-to-ship")

    def _show(self, waiting: list[WaitingOrder]):
        self.model.set_rows(waiting)
        self.heading.setText(formatting.fill(
            self.tr("Paid over 48 hours ago, not shipped (%1)"), len(waiting)))
        # Nothing to open or ship: a line that says all is well, not an empty table.
        for widget in (self.open_button, self.ship_button, self.table):
            widget.setVisible(bool(waiting))
        self.empty.setVisible(not waiting)

    def selected(self) -> list[WaitingOrder]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.rows[row] for row in rows]

    def open_selected(self) -> OrderEditor | None:
        chosen = self.selected()
        if not chosen:
            return None
        editor = OrderEditor(self.session, self.tasks, chosen[0].order_id, self)
        editor.show()
        return editor

    def ship_selected(self) -> ShipDialog | None:
        chosen = self.selected() or list(self.model.rows)
        if not chosen:
            return None
        labels = [(o.order_id, order_label(o.order_id, o.buyer, o.city)) for o in chosen]
        dialog = ShipDialog(self.session, self.tasks, labels, self)
        dialog.shipped.connect(self._shipped)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _shipped(self, outcome):
        self.message.emit(self.tr("Marked %n order(s) shipped.", "", len(outcome.done)))
        if outcome.refused:
            self.message.emit("; ".join(f"#{order_id}: {messages.describe(error)}"
                                        for order_id, error in outcome.refused))
