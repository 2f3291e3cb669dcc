"""The one seam for modal questions and notices, so tests can answer them.

Windows call `ask`, `inform` and `warn` from this module (never QMessageBox
directly); tests replace these functions to click Yes or No without a modal
loop.
"""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget | None, title: str, text: str, *, yes: str, no: str) -> bool:
    """A yes/no question; True if the person chose `yes`.

    `no` is the default: Enter, Escape or a second tap on a kiosk keeps
    things as they are, since `yes` is often the step that cannot be undone.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


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
