"""An administrator approves a price cut beyond the shop's limit, at the same desk.

The administrator types their own user name and password here; the editor
sends them with the save, and the order's history names both people. Nothing
is remembered: the dialog is emptied when it closes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)


class ApprovalDialog(QDialog):
    """Emits `approved(username, password)` when the administrator presses Approve."""

    approved = Signal(str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Administrator's approval"))
        self.reason = QLabel(wordWrap=True)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        self.username = QLineEdit()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Administrator"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.approve_button = self.buttons.addButton(
            self.tr("Approve and save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.reason, self.error):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def ask(self, reason: str, error: str = "") -> None:
        """Show why an approval is needed (and why the last one was refused)."""
        self.reason.setText(reason)
        self.error.setText(error)
        self.error.setVisible(bool(error))
        self.password.clear()
        self.open()
        (self.password if self.username.text() else self.username).setFocus()

    def accept(self):
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            return
        self.password.clear()
        super().accept()
        self.approved.emit(username, password)

    def reject(self):
        self.username.clear()
        self.password.clear()
        super().reject()
