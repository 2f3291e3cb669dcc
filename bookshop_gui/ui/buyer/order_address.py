"""Send an order somewhere else, while the shop has not shipped it yet.

The order keeps a copy of the address chosen here; an order placed without
one (before addresses existed) gets one the same way before it is paid.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from bookshop_gui.errors import BookshopError
from bookshop_gui.services import orders
from bookshop_gui.ui import messages
from bookshop_gui.ui.buyer.address_chooser import AddressChooser
from bookshop_gui.ui.buyer.address_form import TOUCH
from bookshop_gui.ui.tasks import Tasks


class OrderAddressPanel(QWidget):
    """Emits `moved(order_id)` once the order goes to the chosen address, `closed` otherwise."""

    moved = Signal(int)
    closed = Signal()

    def __init__(self, tasks: Tasks, token: str, parent=None):
        super().__init__(parent)
        self.tasks, self.token = tasks, token
        self.order_id: int | None = None
        self.chooser = AddressChooser(tasks, token)
        self.chooser.changed.connect(self._check)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        self.cancel_button = QPushButton(self.tr("Keep the address"))
        self.cancel_button.clicked.connect(self.closed)
        self.send_button = QPushButton(self.tr("Send it here"), objectName="primary")
        self.send_button.clicked.connect(self.send)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (self.cancel_button, self.send_button):
            button.setMinimumHeight(TOUCH)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chooser)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def start(self, order_id: int):
        self.order_id = order_id
        self.error.hide()
        self.chooser.load()

    def clear(self):
        self.order_id = None
        self.chooser.clear()

    def _check(self):
        self.send_button.setEnabled(self.chooser.chosen_id() is not None)

    def send(self):
        address_id = self.chooser.chosen_id()
        if self.order_id is None or address_id is None:
            return
        order_id = self.order_id
        self.tasks.run(orders.set_address, self.token, order_id, address_id,
                       done=lambda _r: self.moved.emit(order_id), failed=self._refused)

    def _refused(self, error: BookshopError):
        self.error.setText(messages.describe(error))
        self.error.show()
