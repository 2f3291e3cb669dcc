"""Mark shipped: each chosen order gets its own waybill number, typed or scanned.

Enter moves to the next order's box (a scanner ends each number with Enter),
and Enter in the last one ships them all. The service checks each number;
a refused order is named and the rest are shipped. If the connection is lost
the dialog stays open: Ship again sends the same request, so no order ships twice.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import Session
from bookshop_gui.services.shop import DEFAULT_COURIER, ship_many
from bookshop_gui.ui import formatting, messages, resources

# Couriers offered first; any other can be typed in.
COURIERS = (DEFAULT_COURIER, "EMS", "JD Logistics", "ZTO Express", "YTO Express", "STO Express")


def courier_box() -> QComboBox:
    """The couriers by their names in the person's language, each keeping its stored name."""
    box = QComboBox(editable=True)
    for courier in COURIERS:
        box.addItem(formatting.courier_name(courier), courier)
    return box


def chosen_courier(box: QComboBox) -> str:
    """The stored name of the courier chosen in `box`, or the name typed there."""
    text = box.currentText().strip()
    index = box.findText(text)
    return box.itemData(index) if index >= 0 else text


def order_label(order_id: int, buyer: str, city: str) -> str:
    """"#12 · reader · 杭州市": which parcel a waybill box is for."""
    return " · ".join(part for part in (f"#{order_id}", buyer, city) if part)


class ShipDialog(QDialog):
    """Emits `shipped(outcome)` with what was shipped and what was refused."""

    shipped = Signal(object)

    def __init__(self, session: Session, tasks, chosen: list[tuple[int, str]], parent=None):
        """`chosen`: (order id, label) for each order to ship."""
        super().__init__(parent)
        self.session, self.tasks, self.chosen = session, tasks, list(chosen)
        self.setWindowTitle(self.tr("Mark shipped"))
        self.setWindowIcon(resources.icon("ship"))
        self.courier = courier_box()
        self.fields: dict[int, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("Courier"), self.courier)
        for order_id, label in self.chosen:
            field = QLineEdit(placeholderText=self.tr("Scan or type the waybill number"))
            field.textChanged.connect(self._check)
            field.returnPressed.connect(lambda f=field: self._next(f))
            self.fields[order_id] = field
            form.addRow(label, field)
        holder = QWidget()
        holder.setLayout(form)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(holder)
        self.ship_button = QPushButton(resources.icon("ship"), self.tr("Ship"),
                                       objectName="primary")
        self.ship_button.clicked.connect(self.ship)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        for button in (cancel, self.ship_button):
            button.setAutoDefault(False)  # Enter belongs to the waybill boxes (a scanner)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(cancel)
        buttons.addWidget(self.ship_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Each parcel's waybill number, as the courier printed it."),
                                wordWrap=True))
        layout.addWidget(scroll)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(520, min(160 + 44 * len(self.chosen), 600))
        self._check()
        if self.fields:
            next(iter(self.fields.values())).setFocus()

    def _check(self):
        self.ship_button.setEnabled(all(f.text().strip() for f in self.fields.values()))

    def _next(self, field: QLineEdit):
        boxes = list(self.fields.values())
        following = boxes[boxes.index(field) + 1:]
        empty = next((box for box in following if not box.text().strip()), None)
        if empty is not None:
            empty.setFocus()
        else:
            self.ship()

    def parcels(self) -> dict[int, str]:
        return {order_id: field.text().strip() for order_id, field in self.fields.items()}

    def ship(self):
        if not self.ship_button.isEnabled():
            return
        self.ship_button.setEnabled(False)
        self.error.hide()
        parcels, courier = self.parcels(), chosen_courier(self.courier)
        self.tasks.act(ship_many, self.session.token, parcels, courier=courier,
                       action=("ship", courier, *parcels.items()), done=self._done,
                       failed=self._failed)

    def _done(self, outcome):
        self.accept()
        self.shipped.emit(outcome)

    def _failed(self, error):
        self.error.setText(messages.describe(error))
        self.error.show()
        self._check()
