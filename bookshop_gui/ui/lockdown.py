"""A kiosk that stays a kiosk: full screen, no closing, and a way out only for staff.

Closing (the window's button, Alt+F4, the window manager) is refused and a
window that leaves full screen goes back to it. Staff leave kiosk mode by a
deliberate gesture, holding a finger on the shop's name for `HOLD_MS`, then
signing in with a staff or administrator account; a buyer's account, a wrong
password or Cancel leaves everything as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import Role
from bookshop_gui.errors import BookshopError
from bookshop_gui.ui.tasks import Tasks

HOLD_MS = 3000
STAFF_ROLES = (Role.STAFF, Role.ADMIN)
PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
RELEASES = (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel,
            QEvent.Type.Leave)


class Hold(QObject):
    """Emits `held` when `widget` is pressed and kept pressed for `ms` milliseconds."""

    held = Signal()

    def __init__(self, widget: QWidget, ms: int | None = None):
        super().__init__(widget)
        self.timer = QTimer(self, singleShot=True, interval=ms or HOLD_MS)
        self.timer.timeout.connect(self.held)
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in PRESSES:
            self.timer.start()
        elif event.type() in RELEASES:
            self.timer.stop()
        return False


class UnlockDialog(QDialog):
    """Staff sign in here to leave kiosk mode; emits `unlocked` for a staff or admin account."""

    unlocked = Signal()

    def __init__(self, tasks: Tasks, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(self.tr("Leave kiosk mode"))
        self.setMinimumWidth(440)
        self.username = QLineEdit(placeholderText=self.tr("Staff username"))
        self.username.setAccessibleName(self.tr("Staff username"))
        self.password = QLineEdit(placeholderText=self.tr("Password"))
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        buttons = QDialogButtonBox()
        self.leave_button = buttons.addButton(self.tr("Leave kiosk mode"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Cancel"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.password.returnPressed.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Staff only: sign in to close the kiosk."), wordWrap=True))
        for widget in (self.username, self.password, self.error, buttons):
            layout.addWidget(widget)

    def submit(self):
        from bookshop_gui.services import auth

        self.error.hide()
        self.tasks.run(auth.login, self.username.text().strip(), self.password.text(),
                       done=self._signed_in, failed=self._refused)

    def _signed_in(self, session):
        from bookshop_gui.services import auth

        self.tasks.run(auth.logout, session.token)
        if session.role in STAFF_ROLES:
            self.accept()
            self.unlocked.emit()
        else:
            self._refused(None)

    def _refused(self, _error: BookshopError | None):
        self.password.clear()
        self.error.setText(self.tr("Only staff can leave kiosk mode. Check the username "
                                   "and password."))
        self.error.show()


class KioskLock(QObject):
    """Guards kiosk windows; emits `unlocked` once staff have signed in to leave."""

    unlocked = Signal()

    def __init__(self, tasks: Tasks, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.open = False
        self.dialog: UnlockDialog | None = None

    def guard(self, window: QWidget, handle: QWidget) -> None:
        """Keep `window` open and full screen; holding `handle` asks staff to unlock."""
        window.installEventFilter(self)
        Hold(handle).held.connect(lambda: self.ask(window))

    def ask(self, window: QWidget) -> UnlockDialog:
        if self.dialog is None:
            self.dialog = UnlockDialog(self.tasks, window)
            self.dialog.unlocked.connect(self._unlock)
            self.dialog.finished.connect(self._dialog_closed)
            self.dialog.open()
        return self.dialog

    def _dialog_closed(self, _result):
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _unlock(self):
        self.open = True
        self.unlocked.emit()

    def eventFilter(self, watched, event) -> bool:
        if self.open:
            return False
        if event.type() == QEvent.Type.Close:
            event.ignore()
            return True
        if event.type() == QEvent.Type.WindowStateChange and watched.isVisible() \
                and not watched.windowState() & Qt.WindowState.WindowFullScreen:
            QTimer.singleShot(0, watched.showFullScreen)
        return False
