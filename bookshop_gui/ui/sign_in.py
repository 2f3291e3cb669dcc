"""The start screen: sign in as a buyer at a kiosk or as staff at a workstation.

It is the first thing painted at start, so it loads neither the database code
(peewee, the services) nor the money and date formatting until someone signs in,
and its layout is made of stretches rather than alignments: the first use of
PySide6's `Qt` namespace builds all of its ninety-odd enums.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import Role
from bookshop_gui.errors import AuthError, BookshopError
from bookshop_gui.ui import formatting, resources
from bookshop_gui.ui.reconnecting import ReconnectingNotice
from bookshop_gui.ui.tasks import Tasks

if TYPE_CHECKING:
    from bookshop_gui.domain import Session

# (username, what the account is) shown on the demo database. Written out rather than
# read from the seeding code, which would load the database code before the window shows.
DEMO_ACCOUNTS = (
    ("reader", Role.BUYER),
    ("guest", Role.BUYER),
    ("lakeside", Role.STAFF),
    ("moxiang", Role.STAFF),
    ("admin", Role.ADMIN),
)


class SignInWindow(QWidget):
    """Username and password; emits `signed_in` with the new Session."""

    signed_in = Signal(object)
    settings_requested = Signal()

    def __init__(self, tasks: Tasks, *, kiosk: bool = False, can_remember: bool = True):
        super().__init__()
        self.tasks = tasks
        self.kiosk = kiosk
        self.setObjectName("signIn")
        self.setWindowTitle(self.tr("Bookshop — Sign in"))
        self.setWindowIcon(resources.app_icon())
        self._build(can_remember)

    def _build(self, can_remember: bool):
        card = QFrame(objectName="card")
        card.setMaximumWidth(460)
        form = QVBoxLayout(card)
        form.setSpacing(10)
        self.title = title = QLabel(self.tr("Bookshop"), objectName="appTitle")
        subtitle = QLabel(
            self.tr("Welcome! Sign in to browse, order and pay from your store balance.")
            if self.kiosk else self.tr("Sign in to your shop or your reader's account."),
            objectName="subtitle", wordWrap=True,
        )
        self.username = QLineEdit(placeholderText=self.tr("Username"))
        self.username.setAccessibleName(self.tr("Username"))
        self.password = QLineEdit(placeholderText=self.tr("Password"))
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember me on this computer"))
        self.remember_note = QLabel(objectName="hint", wordWrap=True)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        self.reconnecting_notice = ReconnectingNotice(self.tasks)
        self.sign_in_button = QPushButton(self.tr("Sign in"), objectName="primary")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        for widget in (title, subtitle, self.username, self.password, self.remember,
                       self.remember_note, self.error, self.reconnecting_notice,
                       self.sign_in_button):
            form.addWidget(widget)
        self.set_remember_available(can_remember)
        if self.kiosk:
            self.remember.hide()
            self.remember_note.hide()
        self.demo_box = self._demo_box()
        form.addWidget(self.demo_box)
        self.database_label = QLabel(objectName="hint", wordWrap=True)
        self.settings_button = QPushButton(self.tr("Database settings…"), objectName="link")
        self.settings_button.clicked.connect(self.settings_requested)
        self.settings_button.setVisible(not self.kiosk)
        form.addWidget(self.database_label)
        form.addLayout(_at_own_width(self.settings_button, centred=False))
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addLayout(_at_own_width(card))
        outer.addStretch()
        self.username.setFocus()

    def _demo_box(self) -> QFrame:
        box = QFrame(objectName="demoBox")
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("Demo accounts (the password is the username):"),
                              wordWrap=True), 0, 0, 1, 2)
        roles = {Role.BUYER: self.tr("buyer"), Role.STAFF: self.tr("staff"),
                 Role.ADMIN: self.tr("admin")}
        for row, (name, role) in enumerate(DEMO_ACCOUNTS, start=1):
            if self.kiosk and role != Role.BUYER:
                continue
            button = QPushButton(name, objectName="link")
            button.clicked.connect(lambda _=False, n=name: self.fill(n, n))
            grid.addWidget(button, row, 0)
            grid.addWidget(QLabel(roles[role]), row, 1)
        box.hide()
        return box

    def show_demo_accounts(self, shown: bool):
        self.demo_box.setVisible(shown)

    def set_database(self, description: str):
        """Staff see which database they sign in to; a kiosk's buyers have no use for it."""
        self.database_label.setVisible(not self.kiosk)
        self.database_label.setText(formatting.fill(self.tr("Database: %1"), description))

    def set_remember_available(self, available: bool):
        self.remember.setEnabled(available)
        if not available:
            self.remember.setChecked(False)
            self.remember_note.setText(self.tr(
                "Remembering sign-ins is off: this computer has no secure keyring to keep it in."
            ))
        self.remember_note.setVisible(not available and not self.kiosk)

    def fill(self, username: str, password: str):
        self.username.setText(username)
        self.password.setText(password)
        self.sign_in_button.setFocus()

    def clear(self):
        """Back to an empty form: the next person sees nothing of the last one."""
        self.password.clear()
        self.username.clear()
        self.error.hide()
        self.username.setFocus()

    def submit(self):
        from bookshop_gui.services import auth

        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.show_error(self.tr("Enter your username and password."))
            return
        self.sign_in_button.setEnabled(False)
        self.error.hide()
        self.tasks.run(auth.login, username, password, remember=self.remember.isChecked(),
                       done=self._signed_in, failed=self._failed)

    def _signed_in(self, session: Session):
        self.sign_in_button.setEnabled(True)
        self.password.clear()
        self.signed_in.emit(session)

    def _failed(self, error: BookshopError):
        self.sign_in_button.setEnabled(True)
        if isinstance(error, AuthError):
            self.show_error(self.tr("Wrong username or password."))
            self.password.selectAll()
            self.password.setFocus()
        else:
            from bookshop_gui.ui import messages

            self.show_error(messages.describe(error))

    def show_error(self, text: str):
        self.error.setText(text)
        self.error.show()


def _at_own_width(widget: QWidget, *, centred: bool = True) -> QHBoxLayout:
    """A row holding `widget` at its own width, centred or at the left, between stretches."""
    row = QHBoxLayout()
    if centred:
        row.addStretch()
    row.addWidget(widget)
    row.addStretch()
    return row
