"""Telling a person why the shop database did not open, and asking what to do.

Used at start (Retry, Settings or Quit) and by "Test connection" in the
settings dialog. `choose` and `ask_password` are the seams tests replace.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from bookshop_gui.services.connection import ConnectionProblem, Problem, describe
from bookshop_gui.ui import formatting

translate = QCoreApplication.translate

RETRY, SETTINGS, QUIT = "retry", "settings", "quit"


def problem_text(problem: ConnectionProblem, url: str) -> str:
    """One sentence on what failed and what to do, then the server's own words."""
    where = describe(url)
    texts = {
        Problem.UNREACHABLE: translate(
            "connection", "No database server answers at %1. Check that the server is running "
            "and that the host and port are right, and that the network is up."),
        Problem.UNKNOWN_HOST: translate(
            "connection", "No computer has the host name in %1. Check the name for typing "
            "mistakes, and that this computer's network is up."),
        Problem.TIMED_OUT: translate(
            "connection", "Nothing came back in time from %1. The network may be down or very "
            "slow, or a firewall may be blocking the way; check the network, then Retry."),
        Problem.WRONG_PASSWORD: translate(
            "connection", "The server at %1 refused the user name or password."),
        Problem.MISSING_DATABASE: translate(
            "connection", "The server answers, but it has no database named as in %1. "
            "Ask whoever runs the server to create it, or correct the name."),
        Problem.NOT_ALLOWED: translate(
            "connection", "The server at %1 does not let this user or this computer in."),
        Problem.SCHEMA_TOO_NEW: translate(
            "connection", "The database at %1 was upgraded by a newer version of Bookshop. "
            "Install that version on this computer to use it."),
        Problem.NOT_A_DATABASE: translate(
            "connection", "The file %1 is not a shop database: it may have been replaced by "
            "another file. Choose the right file in Settings, or restore the latest backup "
            "(see \"Backups\" in the manual)."),
        Problem.DAMAGED: translate(
            "connection", "The shop database file %1 is damaged. Restore the latest backup "
            "(see \"Backups\" in the manual) and open it again."),
        Problem.LOCKED: translate(
            "connection", "The shop database file %1 is locked by another program. Close that "
            "program, or wait for it to finish, then choose Retry."),
        Problem.OTHER: translate("connection", "The database at %1 could not be opened."),
    }
    sentence = formatting.fill(texts[problem.problem], where)
    return f"{sentence}\n\n{problem.detail}" if problem.detail else sentence


def choose(parent: QWidget | None, title: str, text: str, *, settings: bool = True) -> str:
    """Retry, Settings or Quit: returns RETRY, SETTINGS or QUIT."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    retry = box.addButton(translate("connection", "Retry"), QMessageBox.ButtonRole.AcceptRole)
    settings_button = (
        box.addButton(translate("connection", "Settings…"), QMessageBox.ButtonRole.ActionRole)
        if settings else None
    )
    box.addButton(translate("connection", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    if clicked is retry:
        return RETRY
    return SETTINGS if settings_button is not None and clicked is settings_button else QUIT


def ask_password(parent: QWidget | None, url: str) -> str | None:
    """The server's password, typed now and kept in memory only; None if cancelled."""
    text, ok = QInputDialog.getText(
        parent, translate("connection", "Database password"),
        formatting.fill(translate("connection", "Password for %1:"), describe(url)),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None
