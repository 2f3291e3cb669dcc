"""The window's top bar: where to go, who is signed in, their balance and VIP level."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
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
    """Emits `navigate(page name)` and `sign_out_requested`.

    Narrower than its full form needs (a portrait kiosk at 150 % is 720 px wide),
    it turns compact: the page buttons and Sign out show their icons only, saying
    their names in tooltips and to screen readers, the cart keeps its count, and
    the balance goes under the buyer's name. Wide enough again, it turns back.
    """

    navigate = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, username: str, parent=None):
        super().__init__(parent, objectName="buyerHeader")
        self.nav: dict[str, QToolButton] = {}
        self.texts: dict[str, str] = {}  # each page button's full text
        self.compact = False
        self.copies = 0  # in the cart, shown on its button even when compact
        self._full_width = 0  # what the full form needed when last shown
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
        self.sign_out.setAccessibleName(self.tr("Sign out"))
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
        button.setAccessibleName(text)
        button.clicked.connect(lambda _=False: self.navigate.emit(name))
        self.group.addButton(button)
        self.nav[name], self.texts[name] = button, text
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
        self.balance_caption = QLabel(self.tr("Balance"), objectName="hint")
        balance.addWidget(self.balance_caption)
        balance.addWidget(self.balance)
        row.addLayout(balance)
        self.who_row = row
        outer = QVBoxLayout()
        outer.addLayout(row)
        return outer

    def show_account(self, account: Account):
        self.name.setText(account.username)
        self.vip.setText(vip_text(account.vip_ratio))
        self.balance.setText(formatting.money(account.balance))
        self._fit()

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
        self.texts[CART], self.copies = text, copies
        self._show_texts()
        self._fit()

    def clear(self):
        self.balance.clear()
        self.set_cart_count(0)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit()

    def _fit(self):
        """Compact when narrower than the full form; the full form is measured each
        time it is shown, since the cart count and the balance change its width."""
        if not self.compact:
            self.layout().invalidate()
            self._full_width = self.layout().sizeHint().width()
        compact = self.width() < self._full_width
        if compact != self.compact:
            self._set_compact(compact)
            if not compact:
                self._fit()  # longer texts since it was last measured may not fit

    def _set_compact(self, compact: bool):
        self.compact = compact
        direction = QBoxLayout.Direction.TopToBottom if compact else \
            QBoxLayout.Direction.LeftToRight
        self.who_row.setDirection(direction)
        self.who_row.setSpacing(0 if compact else -1)
        self.balance_caption.setVisible(not compact)
        self.balance.setToolTip(self.tr("Balance") if compact else "")
        self.sign_out.setText("" if compact else self.tr("Sign out"))
        self.sign_out.setToolTip(self.tr("Sign out") if compact else "")
        self._show_texts()

    def _show_texts(self):
        """Full texts beside the icons, or (compact) icons alone but for the cart's count."""
        for name, button in self.nav.items():
            text = self.texts[name]
            button.setAccessibleName(text)
            button.setToolTip(text if self.compact else "")
            counted = self.compact and name == CART and self.copies > 0
            button.setText(str(self.copies) if counted else text)
            style = Qt.ToolButtonStyle.ToolButtonIconOnly if self.compact and not counted \
                else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            button.setToolButtonStyle(style)
