"""An uncaught exception is logged and explained, instead of the window vanishing.

`install()` replaces `sys.excepthook` (PySide6 hands exceptions raised in
slots and event handlers to it). The hook writes the traceback to the log and
shows a dialog saying what happened and where the log is; the person may keep
working or quit. The dialog goes through `show_report`, which tests replace.
"""

from __future__ import annotations

import logging
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from bookshop_gui import logs
from bookshop_gui.redact import mask_password
from bookshop_gui.ui import formatting

log = logging.getLogger("bookshop.crash")
translate = QCoreApplication.translate


@dataclass(frozen=True)
class CrashReport:
    """What the person is told: a short summary, where the log is, and the details."""

    summary: str
    log_file: Path
    details: str


def report_for(exc_type, exc, tb) -> CrashReport:
    details = mask_password("".join(traceback.format_exception(exc_type, exc, tb)))
    summary = f"{exc_type.__name__}: {exc}" if str(exc) else exc_type.__name__
    return CrashReport(mask_password(summary), logs.current_file(), details)


def show_report(report: CrashReport) -> bool:
    """The dialog; True to keep working, False to quit. Tests replace this."""
    box = QMessageBox(QMessageBox.Icon.Critical, translate("crash", "Bookshop: unexpected error"),
                      message(report), parent=QApplication.activeWindow())
    box.setDetailedText(report.details)
    keep = box.addButton(translate("crash", "Keep working"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("crash", "Quit"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is keep


def message(report: CrashReport) -> str:
    return (
        formatting.fill(translate("crash", "Something went wrong inside Bookshop:\n%1\n\n"
                  "What you were doing may not have finished; check it before going on. "
                  "The details are in the log:\n%2"), report.summary, report.log_file)
    )


class _Hook:
    """The installed hook; ignores a second error raised while the first is shown."""

    def __init__(self, previous):
        self.previous = previous
        self.showing = False

    def __call__(self, exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if self.showing or QApplication.instance() is None:
            self.previous(exc_type, exc, tb)
            return
        self.showing = True
        try:
            keep_working = show_report(report_for(exc_type, exc, tb))
        finally:
            self.showing = False
        if not keep_working:
            QApplication.exit(1)


def install() -> _Hook:
    """Make `sys.excepthook` log and explain; returns the hook (its `previous` restores)."""
    hook = _Hook(sys.excepthook)
    sys.excepthook = hook
    return hook


def uninstall(hook: _Hook) -> None:
    if sys.excepthook is hook:
        sys.excepthook = hook.previous
