"""Shop-wide settings an administrator keeps: the shipping fee every order pays."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import Session
from bookshop_gui.services import settings
from bookshop_gui.ui import dialogs, formatting, messages
from bookshop_gui.ui.merchant.book_editor import mark


class SettingsPane(QWidget):
    message = Signal(str)

    def __init__(self, session: Session, tasks, parent=None):
        super().__init__(parent)
        self.session, self.tasks = session, tasks
        card = QFrame(objectName="card")
        self.fee = QLineEdit()
        self.save_button = QPushButton(self.tr("Save"), objectName="primary")
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.fee)
        row.addWidget(self.save_button)
        inner = QVBoxLayout(card)
        inner.addWidget(QLabel(self.tr("Shipping fee"), objectName="heading"))
        inner.addWidget(QLabel(self.tr("Charged once on every new order. Orders already made "
                                       "keep the fee they were made with."),
                               objectName="hint", wordWrap=True))
        inner.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(card)
        layout.addStretch()
        self.tasks.run(settings.shipping_fee, done=lambda fee: self.fee.setText(f"{fee:.2f}"),
                       failed=self._failed)

    def save(self):
        fee = formatting.parse_money(self.fee.text())
        mark(self.fee, fee is None)
        if fee is not None:
            self.tasks.run(settings.set_shipping_fee, self.session.token, fee,
                           done=lambda _r: self.message.emit(self.tr("The shipping fee is now %1.")
                                                             .replace("%1", formatting.money(fee))),
                           failed=self._failed)

    def _failed(self, error):
        dialogs.warn(self, self.tr("Settings"), messages.describe(error))
