"""The one seam for modal questions and notices, so tests can answer them.

Windows call `ask`, `inform` and `warn` from this module (never QMessageBox
directly); tests replace these functions to click Yes or No without a modal
loop.
"""

from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def ask(parent: QWidget | None, title: str, text: str, *, yes: str, no: str) -> bool:
    """A yes/no question; True if the person chose `yes`."""
    box, yes_button = question(parent, title, text, yes=yes, no=no)
    box.exec()
    return box.clickedButton() is yes_button


def question(parent: QWidget | None, title: str, text: str, *, yes: str,
             no: str) -> tuple[QMessageBox, QAbstractButton]:
    """The box `ask` shows, not yet shown, and its `yes` button.

    `no` is the default: Enter, Escape or a second tap on a kiosk keeps
    things as they are, since `yes` is often the step that cannot be undone.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    return box, yes_button


def notice(parent: QWidget | None, title: str, text: str, *,
           warning: bool = False) -> QMessageBox:
    """The box `inform` (or, as a `warning`, `warn`) shows, not yet shown."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    return QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    notice(parent, title, text).exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    notice(parent, title, text, warning=True).exec()


def open_file_name(parent: QWidget | None, title: str, filters: str) -> str:
    """A file to read, chosen by the person; "" if they cancelled."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getOpenFileName(parent, title, start_folder(), filters)[0]


def save_file_name(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """Where to write a file, chosen by the person; "" if they cancelled."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getSaveFileName(
        parent, title, str(Path(start_folder()) / suggested), filters)[0]


def start_folder() -> str:
    """The person's documents folder, not the program's working folder."""
    from PySide6.QtCore import QStandardPaths

    return QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
