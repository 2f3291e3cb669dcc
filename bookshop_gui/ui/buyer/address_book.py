"""The buyer's address book: add, change, remove, and choose the default.

It reads the book again whenever addresses change, here or on another kiosk.

Orders keep their own copy of the address, so nothing here moves a parcel
already ordered.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import Address, Kind
from bookshop_gui.services import accounts
from bookshop_gui.ui import live, messages, resources, touch
from bookshop_gui.ui.buyer.address_chooser import address_text
from bookshop_gui.ui.buyer.address_form import TOUCH, AddressForm
from bookshop_gui.ui.tasks import Tasks


class AddressBookPage(QWidget):
    def __init__(self, tasks: Tasks, token: str, parent=None):
        super().__init__(parent)
        self.tasks, self.token = tasks, token
        self.addresses: list[Address] = []
        self.heading = QLabel(self.tr("My addresses"), objectName="heading")
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        self.cards = QVBoxLayout()
        self.add_button = QPushButton(resources.icon("plus"), self.tr("Add a new address"),
                                      objectName="primary")
        self.add_button.setMinimumHeight(TOUCH)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.form = AddressForm(tasks, token)
        self.form.saved.connect(lambda _id: self.form.hide())
        self.form.cancelled.connect(self.form.hide)
        self.form.hide()
        holder = QWidget()
        content = QVBoxLayout(holder)
        content.addLayout(self.cards)
        content.addWidget(self.form)
        content.addStretch()
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setWidget(holder)
        touch.kinetic(self.scroll)  # a buyer swipes through many addresses and the form
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch()
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.scroll, 1)
        live.follow(self, tasks, (Kind.MEMBERS,), lambda _changes: self.load())

    def load(self):
        self.error.hide()
        self.tasks.run(accounts.addresses, self.token, done=self._show, failed=self._failed,
                       key="address-book")

    def clear(self):
        self._show([])
        self.form.hide()

    def _show(self, found: list[Address]):
        self.addresses = list(found)
        while self.cards.count():
            item = self.cards.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for address in self.addresses:
            self.cards.addWidget(self._card(address))
        if not self.addresses:
            self.cards.addWidget(QLabel(self.tr("No address yet. Add one so the shop knows "
                                                "where to send your books."), wordWrap=True))
        self.form.hide()

    def _card(self, address: Address) -> QFrame:
        card = QFrame(objectName="card")
        text = QLabel(address_text(address), wordWrap=True)
        row = QHBoxLayout(card)
        row.addWidget(text, 1)
        if address.is_default:
            row.addWidget(QLabel(self.tr("Default"), objectName="notice"))
        else:
            row.addWidget(self._button(self.tr("Make default"),
                                       lambda: self._make_default(address)))
        row.addWidget(self._button(self.tr("Change"), lambda: self.edit(address)))
        row.addWidget(self._button(self.tr("Remove"), lambda: self.remove(address), "danger"))
        return card

    def _button(self, text: str, action, name: str = "") -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setMinimumHeight(TOUCH)
        button.clicked.connect(action)
        return button

    def edit(self, address: Address | None):
        self.form.start(address)
        self.form.show()
        self.scroll.ensureWidgetVisible(self.form)
        self.form.name.setFocus()

    def remove(self, address: Address):
        self.tasks.run(accounts.remove_address, self.token, address.id, failed=self._failed)

    def _make_default(self, address: Address):
        self.tasks.run(accounts.save_address, self.token, name=address.name,
                       phone=address.phone, region=address.region, street=address.street,
                       postcode=address.postcode, address_id=address.id, default=True,
                       failed=self._failed)

    def _failed(self, error):
        self.error.setText(messages.describe(error))
        self.error.show()
