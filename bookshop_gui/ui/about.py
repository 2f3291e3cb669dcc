"""The About box: which Bookshop this is and what it runs on, for support calls.

Both windows get the same "About Bookshop" action (F1, and a button). The box
lists the program's version with Qt's, PySide6's, Python's and the shop
database's; *Copy* puts the lot on the clipboard to paste into a message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.errors import BookshopError
from bookshop_gui.services import system
from bookshop_gui.ui import formatting, resources
from bookshop_gui.ui.tasks import Tasks
from bookshop_gui.version import runtime

translate = QCoreApplication.translate


def about_action(window: QWidget, tasks: Tasks) -> QAction:
    """"About Bookshop" for `window`: F1 anywhere in it, and for a button or menu."""
    action = QAction(resources.app_icon(), translate("AboutDialog", "About Bookshop"), window)
    action.setShortcut(QKeySequence.StandardKey.HelpContents)
    action.setMenuRole(QAction.MenuRole.AboutRole)
    action.triggered.connect(lambda: show_about(window, tasks))
    window.addAction(action)
    return action


def show_about(window: QWidget, tasks: Tasks) -> AboutDialog:
    """The window's About box (one per window, kept while it lives), freshly asked."""
    dialog = window.findChild(AboutDialog) or AboutDialog(tasks, window)
    dialog.refresh()
    dialog.open()
    return dialog


class AboutDialog(QDialog):
    """Versions of the program and its parts; the database's arrives from the worker."""

    def __init__(self, tasks: Tasks, parent: QWidget | None = None):
        super().__init__(parent, objectName="about")
        self.tasks = tasks
        self.setWindowTitle(self.tr("About Bookshop"))
        self.versions = runtime()
        self.database = QLabel(objectName="databaseVersion")
        self.values: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._heading())
        layout.addLayout(self._table())
        layout.addWidget(self._buttons())

    def refresh(self):
        """Ask the database for its version again: the program may have moved to another."""
        self.database.setText(self.tr("Asking the database…"))
        self.tasks.run(system.database_version, done=self._show_database,
                       failed=self._no_database)

    def _heading(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(pixmap=resources.app_icon().pixmap(64, 64)))
        title = QLabel(formatting.fill(self.tr("Bookshop %1"), self.versions["Bookshop"]),
                       objectName="heading")
        row.addWidget(title, 1)
        return row

    def _table(self) -> QFormLayout:
        form = QFormLayout()
        # Product names read the same in every language: only "Version" is translated.
        for key in self.versions:
            self.values[key] = QLabel(self.versions[key])
            form.addRow(self.tr("Version") if key == "Bookshop" else key, self.values[key])
        form.addRow(self.tr("Database"), self.database)
        for label in (*self.values.values(), self.database):
            label.setTextInteractionFlags(label.textInteractionFlags().TextSelectableByMouse)
        return form

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        return buttons

    def _show_database(self, version: str):
        self.database.setText(version)

    def _no_database(self, _error: BookshopError):
        self.database.setText(self.tr("not reachable now"))

    def text(self) -> str:
        """What *Copy* copies: one "name: version" line each."""
        lines = [f"{key}: {value}" for key, value in self.versions.items()]
        return "\n".join([*lines, f"Database: {self.database.text()}"])

    def copy(self):
        QGuiApplication.clipboard().setText(self.text())
