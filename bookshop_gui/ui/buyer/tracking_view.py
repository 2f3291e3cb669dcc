"""A shipped order's tracking number, the way the buyer can take it away.

At a workstation the number is copied to the clipboard. A kiosk has no
keyboard and nowhere to paste, so there the number is shown large and
selectable beside a QR code of it, which the buyer scans with a phone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from bookshop_gui.ui import resources
from bookshop_gui.ui.barcodes import qr_image
from bookshop_gui.ui.buyer.address_form import TOUCH

QR_MODULE = 3  # pixels per module: about 90 px for a waybill number, read from arm's length


class TrackingView(QWidget):
    def __init__(self, *, kiosk: bool, parent=None):
        super().__init__(parent)
        self.kiosk = kiosk
        self.field = QLineEdit(readOnly=True, objectName="tracking" if kiosk else "")
        self.field.setAccessibleName(self.tr("Tracking number"))
        self.field.setMinimumHeight(TOUCH)
        self.copy_button = QPushButton(resources.icon("export"), self.tr("Copy"))
        self.copy_button.setMinimumHeight(TOUCH)
        self.copy_button.clicked.connect(self.copy)
        self.copy_button.setVisible(not kiosk)
        self.qr = QLabel()
        self.qr.setAccessibleName(self.tr("QR code of the tracking number"))
        self.caption = QLabel(self.tr("Scan the code with your phone to follow the parcel."),
                              objectName="hint", wordWrap=True)
        for widget in (self.qr, self.caption):
            widget.setVisible(kiosk)
        self._lay_out()

    def _lay_out(self):
        number = QHBoxLayout()
        number.setContentsMargins(0, 0, 0, 0)
        number.addWidget(self.field, 1)
        number.addWidget(self.copy_button)
        left = QVBoxLayout()
        left.addLayout(number)
        left.addWidget(self.caption)
        left.addStretch()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 1)
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)

    def level_with_field(self, label: QLabel):
        """The row's `label` as tall as the number's field, so it reads level with the
        number rather than with the middle of the taller QR code."""
        self.field.ensurePolished()  # the kiosk's larger font, from the style sheet
        label.setFixedHeight(self.field.sizeHint().expandedTo(self.field.minimumSize()).height())

    def show_number(self, tracking: str):
        self.field.setText(tracking)
        self.copy_button.setText(self.tr("Copy"))
        if self.kiosk and tracking:
            self.qr.setPixmap(QPixmap.fromImage(qr_image(tracking, module=QR_MODULE)))

    def clear(self):
        self.field.clear()
        self.qr.clear()

    def copy(self):
        QGuiApplication.clipboard().setText(self.field.text())
        self.copy_button.setText(self.tr("Copied"))
