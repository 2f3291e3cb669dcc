"""Shop-wide settings an administrator keeps: the shipping fee every order pays, and
how far staff may cut an order's price without an administrator's approval."""

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

from bookshop_gui.domain import Kind, Session
from bookshop_gui.services import settings
from bookshop_gui.ui import dialogs, formatting, live, messages, shortcuts
from bookshop_gui.ui.merchant.book_editor import mark


class SettingsPane(QWidget):
    message = Signal(str)

    def __init__(self, session: Session, tasks, parent=None):
        super().__init__(parent)
        self.session, self.tasks = session, tasks
        self.fee = QLineEdit()
        self.fee.setAccessibleName(self.tr("Shipping fee"))
        self.save_button = QPushButton(self.tr("&Save"), objectName="primary")
        self.save_button.setAccessibleName(self.tr("Save the shipping fee"))
        self.save_button.clicked.connect(self.save)
        self.cut_limit = QLineEdit(placeholderText=self.tr("No limit"))
        self.cut_limit.setAccessibleName(self.tr("Price cut limit (%)"))
        self.cut_limit_button = QPushButton(self.tr("Sa&ve", "the price cut limit"))
        self.cut_limit_button.setAccessibleName(self.tr("Save the price cut limit"))
        self.cut_limit_button.clicked.connect(self.save_cut_limit)
        layout = QVBoxLayout(self)
        layout.addWidget(_card(self.tr("Shipping &fee"), self.tr(
            "Charged once on every new order. Orders already made keep the fee they were "
            "made with."), self.fee, self.save_button))
        layout.addWidget(_card(self.tr("Price &cut limit (%)"), self.tr(
            "How far below its list price staff may set an order line on their own. A deeper "
            "cut needs an administrator's user name and password. Leave empty for no limit."),
            self.cut_limit, self.cut_limit_button))
        layout.addStretch()
        shortcuts.refresh(self, self.load)
        live.follow(self, tasks, (Kind.SETTINGS,), lambda _changes: self.load(),
                    first_read_when_shown=True)

    def load(self):
        self.tasks.run(settings.shipping_fee, done=lambda fee: self.fee.setText(f"{fee:.2f}"),
                       failed=self._failed)
        self.tasks.run(settings.price_cut_limit, done=self._show_cut_limit, failed=self._failed)

    def save(self):
        fee = formatting.parse_money(self.fee.text())
        mark(self.fee, fee is None)
        if fee is not None:
            self.tasks.run(settings.set_shipping_fee, self.session.token, fee,
                           done=lambda _r: self.message.emit(formatting.fill(
                               self.tr("The shipping fee is now %1."), formatting.money(fee))),
                           failed=self._failed)

    def _show_cut_limit(self, limit):
        self.cut_limit.setText("" if limit is None else f"{limit.normalize():f}")

    def save_cut_limit(self):
        text = self.cut_limit.text().strip().rstrip("%").strip()
        limit = formatting.parse_money(text) if text else None
        bad = bool(text) and (limit is None or limit > 100)
        mark(self.cut_limit, bad)
        if not bad:
            self.tasks.run(settings.set_price_cut_limit, self.session.token, limit,
                           done=lambda _r: self._cut_limit_saved(limit), failed=self._failed)

    def _cut_limit_saved(self, limit):
        self.message.emit(
            formatting.fill(self.tr("Staff may now cut prices by up to %1% on their own."),
                            f"{limit.normalize():f}") if limit is not None
            else self.tr("Staff may now cut prices without limit."))

    def _failed(self, error):
        dialogs.warn(self, self.tr("Settings"), messages.describe(error))


def _card(title: str, hint: str, field: QLineEdit, button: QPushButton) -> QFrame:
    card = QFrame(objectName="card")
    row = QHBoxLayout()
    row.addWidget(field)
    row.addWidget(button)
    inner = QVBoxLayout(card)
    inner.addWidget(QLabel(title, objectName="heading", buddy=field))
    inner.addWidget(QLabel(hint, objectName="hint", wordWrap=True))
    inner.addLayout(row)
    return card
