"""Scan to ship: the packing slip's barcode, then the waybill's, and the parcel is shipped.

A barcode scanner types like a keyboard and ends each code with Enter, so the
whole mode is one text box that keeps the focus: a stack of parcels goes out
without touching the mouse. Each step says what to scan next; a wrong scan
(an order not waiting to ship, a bad waybill number) says why and waits for
the next one. Escape drops the order picked, a second Escape closes. A
waybill scanned again after a lost connection resends the same request, so
the order is shipped once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from bookshop_gui.domain import OrderDetail, Session, allows
from bookshop_gui.errors import BookshopError, NotFound
from bookshop_gui.services import shop
from bookshop_gui.ui import formatting, messages, resources
from bookshop_gui.ui.merchant.ship_dialog import chosen_courier, courier_box


def order_number(scanned: str) -> int | None:
    """The order a slip's barcode names ("1234", or "#1234" typed by hand)."""
    text = scanned.strip().removeprefix("#")
    return int(text) if text.isascii() and text.isdigit() and len(text) < 12 else None


class ScanShipDialog(QDialog):
    """Picks an order by its slip's barcode and ships it under the scanned waybill; the
    lists showing it redraw it from the change notice the shipping sends."""

    def __init__(self, session: Session, tasks, parent=None):
        super().__init__(parent)
        self.session, self.tasks = session, tasks
        self.order: OrderDetail | None = None
        self.setWindowTitle(self.tr("Scan to ship"))
        self.setWindowIcon(resources.icon("scan"))
        self.resize(560, 480)
        self.prompt = QLabel(objectName="heading", wordWrap=True)
        self.scan = QLineEdit()
        self.scan.setAccessibleName(self.tr("Scanned code"))
        self.scan.returnPressed.connect(self._scanned)
        self.problem = QLabel(objectName="error", wordWrap=True)
        self.problem.hide()
        self.picked = QLabel(wordWrap=True)
        self.courier = courier_box()
        self.courier.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.log = QListWidget()
        self.log.setAccessibleName(self.tr("Shipped just now"))
        self.log.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close = QPushButton(self.tr("Done"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.setAutoDefault(False)  # every Enter is the scanner's
        close.clicked.connect(self.accept)
        courier = QFormLayout()
        courier.addRow(self.tr("Courier"), self.courier)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(courier)
        for widget in (self.prompt, self.scan, self.problem, self.picked):
            layout.addWidget(widget)
        layout.addWidget(QLabel(self.tr("Shipped just now"), objectName="hint"))
        layout.addWidget(self.log, 1)
        layout.addLayout(bottom)
        self.start_over()

    def start_over(self):
        self.order = None
        self.picked.clear()
        self.prompt.setText(self.tr("Scan the order barcode on the packing slip."))
        self.scan.clear()
        self.scan.setFocus()

    def _scanned(self):
        text = self.scan.text().strip()
        self.scan.clear()
        if not text:
            return
        self.problem.hide()
        if self.order is None:
            self._pick(text)
        else:
            self._ship(self.order, text)

    def _pick(self, text: str):
        number = order_number(text)
        if number is None:
            self._refuse(self.tr("That is not an order barcode. Scan the packing slip first."))
            return
        self.tasks.run(shop.get_order, self.session.token, number, done=self._picked,
                       failed=lambda error: self._not_picked(number, error))

    def _not_picked(self, number: int, error: BookshopError):
        """A slip from another shop, or a mistyped number, names no order here."""
        if isinstance(error, NotFound):
            self._refuse(formatting.fill(self.tr("There is no order #%1 in this shop."), number))
        else:
            self._refuse(messages.describe(error))

    def _picked(self, order: OrderDetail):
        if not allows("shop.ship", order.status):
            self._refuse(formatting.fill(self.tr("Order #%1 is not waiting to be shipped (%2)."),
                                         order.id, formatting.status_name(order.status)))
            return
        self.order = order
        where = order.address.one_line if order.address else self.tr("No address given")
        receiver = order.address.name if order.address else order.buyer
        self.picked.setText(f"#{order.id} · {receiver} · {where}")
        self.prompt.setText(formatting.fill(self.tr("Now scan the waybill for order #%1."),
                                            order.id))

    def _ship(self, order: OrderDetail, tracking: str):
        courier = chosen_courier(self.courier)
        self.tasks.act(shop.ship, self.session.token, order.id, tracking=tracking,
                       courier=courier, action=("ship", order.id, courier, tracking),
                       done=lambda _r: self._shipped(order, tracking),
                       failed=lambda error: self._refuse(messages.describe(error)))

    def _shipped(self, order: OrderDetail, tracking: str):
        self.log.insertItem(0, formatting.fill(self.tr("#%1 shipped, waybill %2"),
                                               order.id, tracking))
        self.start_over()

    def _refuse(self, text: str):
        self.problem.setText(text)
        self.problem.show()
        self.scan.setFocus()

    def reject(self):
        """Escape: forget the order picked; with none picked, close."""
        if self.order is not None:
            self.start_over()
        else:
            super().reject()
