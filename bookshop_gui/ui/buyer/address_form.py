"""One address, typed the way a Chinese waybill is written: receiver, mobile, province,
city, district, street, postcode.

The three parts of the region are typed apart (so the shop can sort parcels
by city) and stored as one "province city district" text, which is what the
address book holds. The service checks the values; the form shows its answer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from bookshop_gui.domain import Address
from bookshop_gui.errors import BookshopError
from bookshop_gui.services import accounts
from bookshop_gui.ui import messages
from bookshop_gui.ui.tasks import Tasks

TOUCH = 48  # the least a fingertip hits reliably, in pixels


def region_parts(region: str) -> tuple[str, str, str]:
    """"浙江省 杭州市 西湖区" back into its three boxes (extra words stay with the district)."""
    parts = region.split()
    if len(parts) <= 3:
        return tuple(parts + [""] * (3 - len(parts)))
    return parts[0], parts[1], " ".join(parts[2:])


def centre_labels(form: QFormLayout) -> None:
    """Each row's label as tall as a finger-high field, so its text sits level with the
    field's middle: QFormLayout gives a label at most 7/4 of its own height and puts it
    at the top of the row, a little above the middle of a 48 px field."""
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and item.widget() is not None:
            item.widget().setMinimumHeight(TOUCH)


class AddressForm(QFrame):
    """Emits `saved(address_id)` once the address book holds it, `cancelled` otherwise."""

    saved = Signal(int)
    cancelled = Signal()

    def __init__(self, tasks: Tasks, token: str, parent=None):
        super().__init__(parent, objectName="card")
        self.tasks, self.token = tasks, token
        self.address_id: int | None = None
        self._build()

    def _field(self, placeholder: str, hints=Qt.InputMethodHint.ImhNone) -> QLineEdit:
        field = QLineEdit(placeholderText=placeholder)
        field.setMinimumHeight(TOUCH)
        field.setInputMethodHints(hints)
        field.returnPressed.connect(self.focusNextChild)
        return field

    def _build(self):
        self.title = QLabel(objectName="heading")
        self.name = self._field(self.tr("Full name"))
        self.phone = self._field(self.tr("Mobile phone number"),
                                 Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.province = self._field(self.tr("Province"))
        self.city = self._field(self.tr("City"))
        self.district = self._field(self.tr("District"))
        self.street = self._field(self.tr("Street, building, room"))
        self.postcode = self._field(self.tr("Postcode (optional)"),
                                    Qt.InputMethodHint.ImhPreferNumbers)
        self.postcode.returnPressed.connect(self.save)
        self.default = QCheckBox(self.tr("Use as my default address"))
        self.default.setMinimumHeight(TOUCH)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        region = QHBoxLayout()
        for field in (self.province, self.city, self.district):
            field.setAccessibleName(field.placeholderText())  # three fields, one row label
            region.addWidget(field)
        form = QFormLayout()
        form.addRow(self.tr("Receiver"), self.name)
        form.addRow(self.tr("Mobile phone"), self.phone)
        form.addRow(self.tr("Province / city / district"), region)
        form.addRow(self.tr("Street address"), self.street)
        form.addRow(self.tr("Postcode"), self.postcode)
        form.addRow("", self.default)
        centre_labels(form)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancelled)
        self.save_button = QPushButton(self.tr("Save address"), objectName="primary")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (self.cancel_button, self.save_button):
            button.setMinimumHeight(TOUCH)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.start(None)

    def start(self, address: Address | None, *, can_cancel: bool = True):
        """Empty for a new address, or filled with `address` to change it."""
        self.address_id = address.id if address else None
        self.title.setText(self.tr("Change address") if address else self.tr("New address"))
        province, city, district = region_parts(address.region) if address else ("", "", "")
        values = ((self.name, "name"), (self.phone, "phone"), (self.street, "street"),
                  (self.postcode, "postcode"))
        for field, attribute in values:
            field.setText(getattr(address, attribute) if address else "")
        for field, value in ((self.province, province), (self.city, city),
                             (self.district, district)):
            field.setText(value)
        self.default.setChecked(bool(address and address.is_default))
        self.cancel_button.setVisible(can_cancel)
        self.save_button.setEnabled(True)
        self.error.hide()

    def region(self) -> str:
        parts = (self.province.text(), self.city.text(), self.district.text())
        return " ".join(part.strip() for part in parts if part.strip())

    def save(self):
        if not self.save_button.isEnabled():
            return
        self.save_button.setEnabled(False)
        self.error.hide()
        self.tasks.run(accounts.save_address, self.token, name=self.name.text(),
                       phone=self.phone.text(), region=self.region(), street=self.street.text(),
                       postcode=self.postcode.text(), address_id=self.address_id,
                       default=self.default.isChecked(), done=self._saved, failed=self._refused)

    def _saved(self, address_id: int):
        self.save_button.setEnabled(True)
        self.saved.emit(address_id)

    def _refused(self, error: BookshopError):
        self.save_button.setEnabled(True)
        self.error.setText(messages.describe(error))
        self.error.show()
        box = self._box(getattr(error, "field", ""))
        if box is not None:  # the cursor waits where the fix is typed
            box.setFocus()
            box.selectAll()

    def _box(self, field: str) -> QLineEdit | None:
        """The box holding the address part `field` names (the region starts at the province)."""
        return {"name": self.name, "phone": self.phone, "region": self.province,
                "street": self.street, "postcode": self.postcode}.get(field)
