"""The window's top bar: where to go, who is signed in, their balance and VIP level."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from bookshop_gui.domain import Account
from bookshop_gui.ui import formatting, resources

CATALOG, CART, ORDERS = "catalog", "cart", "orders"


def vip_text(ratio: Decimal) -> str:
    """0.95 reads as "VIP: 5% off"; 1 as "Standard prices"."""
    if ratio >= 1:
        return QCoreApplication.translate("Header", "Standard prices")
    off = ((1 - ratio) * 100).normalize()
    return formatting.fill(QCoreApplication.translate("Header", "VIP: %1% off"), f"{off:f}")


class Header(QFrame):
    """Emits `navigate(page name)` and `sign_out_requested`."""

    navigate = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, username: str, parent=None):
        super().__init__(parent, objectName="buyerHeader")
        self.nav: dict[str, QToolButton] = {}
        self.group = QButtonGroup(self, exclusive=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.brand = QLabel(self.tr("Bookshop"), objectName="brand")
        layout.addWidget(self.brand)
        for name, icon, text in ((CATALOG, "book", self.tr("Catalog")),
                                 (CART, "cart", self.tr("Cart")),
                                 (ORDERS, "orders", self.tr("My orders"))):
            layout.addWidget(self._nav_button(name, icon, text))
        layout.addStretch()
        self.busy = QProgressBar(minimum=0, maximum=0, textVisible=False)
        self.busy.setFixedWidth(80)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.hide()
        layout.addWidget(self.busy)
        layout.addLayout(self._who(username))
        self.sign_out = QPushButton(resources.icon("sign-out"), self.tr("Sign out"))
        self.sign_out.clicked.connect(self.sign_out_requested)
        layout.addWidget(self.sign_out)

    def add_action_button(self, action) -> QToolButton:
        """A small button for `action` (About) just before Sign out."""
        button = QToolButton(objectName="headerAction", iconSize=QSize(22, 22))
        button.setDefaultAction(action)
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.sign_out), button)
        return button

    def _nav_button(self, name: str, icon: str, text: str) -> QToolButton:
        button = QToolButton(objectName="nav", checkable=True, text=text,
                             icon=resources.icon(icon), iconSize=QSize(22, 22))
        button.setToolButtonStyle(button.toolButtonStyle().ToolButtonTextBesideIcon)
        button.clicked.connect(lambda _=False: self.navigate.emit(name))
        self.group.addButton(button)
        self.nav[name] = button
        return button

    def _who(self, username: str) -> QVBoxLayout:
        self.name = QLabel(username, objectName="money")
        self.vip = QLabel(objectName="hint")
        self.balance = QLabel(objectName="total")
        self.balance.setAccessibleName(self.tr("Balance"))
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.name)
        names.addWidget(self.vip)
        row = QHBoxLayout()
        row.addLayout(names)
        balance = QVBoxLayout()
        balance.setSpacing(0)
        balance.addWidget(QLabel(self.tr("Balance"), objectName="hint"))
        balance.addWidget(self.balance)
        row.addLayout(balance)
        outer = QVBoxLayout()
        outer.addLayout(row)
        return outer

    def show_account(self, account: Account):
        self.name.setText(account.username)
        self.vip.setText(vip_text(account.vip_ratio))
        self.balance.setText(formatting.money(account.balance))

    def set_page(self, name: str):
        if name in self.nav:
            self.nav[name].setChecked(True)
        else:
            self.group.setExclusive(False)
            for button in self.nav.values():
                button.setChecked(False)
            self.group.setExclusive(True)

    def set_cart_count(self, copies: int):
        text = formatting.fill(self.tr("Cart (%1)"), copies) if copies else self.tr("Cart")
        self.nav[CART].setText(text)

    def clear(self):
        self.balance.clear()
        self.set_cart_count(0)
