"""Where the order goes: the buyer's addresses as big choices, the default already chosen,
and a new one typed in place without leaving the order.

A buyer with no address sees the form straight away: an order needs
somewhere to go before it is paid for.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from bookshop_gui.domain import Address
from bookshop_gui.services import accounts
from bookshop_gui.ui import messages, resources
from bookshop_gui.ui.buyer.address_form import TOUCH, AddressForm
from bookshop_gui.ui.tasks import Tasks


def address_text(address: Address) -> str:
    """Two lines: who and their phone, then where."""
    return f"{address.name}  {address.phone}\n{address.one_line}"


class AddressChoice(QRadioButton):
    """A radio button a finger can hit anywhere on its row, not just on its circle and text."""

    def hitButton(self, pos):
        return self.rect().contains(pos)


class AddressChooser(QFrame):
    """Emits `changed` whenever the chosen address (or the lack of one) changes."""

    changed = Signal()

    def __init__(self, tasks: Tasks, token: str, parent=None):
        super().__init__(parent, objectName="card")
        self.tasks, self.token = tasks, token
        self.addresses: list[Address] = []
        self.group = QButtonGroup(self, exclusive=True)
        self.group.idToggled.connect(lambda _id, on: on and self.changed.emit())
        self.heading = QLabel(self.tr("Ship to"), objectName="heading")
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        self.choices = QVBoxLayout()
        self.add_button = QPushButton(resources.icon("plus"), self.tr("Add a new address"))
        self.add_button.setMinimumHeight(TOUCH)
        self.add_button.clicked.connect(self.add_new)
        self.form = AddressForm(tasks, token)
        self.form.saved.connect(self._saved)
        self.form.cancelled.connect(self._form_closed)
        self.form.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.error)
        layout.addLayout(self.choices)
        layout.addWidget(self.add_button)
        layout.addWidget(self.form)

    def load(self, choose: int | None = None):
        """Read the address book again; `choose` (else the default) is chosen."""
        self.tasks.run(accounts.addresses, self.token, done=lambda found: self._show(found, choose),
                       failed=self._failed, key="addresses")

    def chosen_id(self) -> int | None:
        chosen = self.group.checkedId()
        return chosen if chosen > 0 else None

    def clear(self):
        self._show([], None)
        self.form.hide()

    def _show(self, found: list[Address], choose: int | None):
        self.addresses = list(found)
        for button in self.group.buttons():
            self.group.removeButton(button)
            button.deleteLater()
        for address in self.addresses:
            button = AddressChoice(address_text(address))
            button.setMinimumHeight(TOUCH * 3 // 2)
            self.group.addButton(button, address.id)
            self.choices.addWidget(button)
        wanted = choose if choose is not None else next(
            (a.id for a in self.addresses if a.is_default), None)
        if wanted is not None and self.group.button(wanted):
            self.group.button(wanted).setChecked(True)
        if not self.addresses:
            self.add_new()
        else:
            self._form_closed()
        self.changed.emit()

    def add_new(self):
        self.form.start(None, can_cancel=bool(self.addresses))
        self.form.show()
        self.add_button.hide()
        self.form.name.setFocus()

    def _saved(self, address_id: int):
        self.load(choose=address_id)

    def _form_closed(self):
        self.form.hide()
        self.add_button.show()

    def _failed(self, error):
        self.error.setText(messages.describe(error))
        self.error.show()
