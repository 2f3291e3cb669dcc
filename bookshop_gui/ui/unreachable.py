"""What a window says when the shop database could not be reached during a call.

A call that was rolled back changed nothing and may simply be tried again. A
call whose connection was lost while the database was saving it may or may
not have happened: an action with a request id is checked again with the same
id (it is never done twice); any other call is not sent again blindly.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from bookshop_gui.errors import DatabaseUnavailable, OutcomeUnknown
from bookshop_gui.ui import dialogs, messages

translate = QCoreApplication.translate


def tell(parent: QWidget | None, error: DatabaseUnavailable, retry: Callable | None,
         failed: Callable | None) -> None:
    """Offer to try again (or to check again) when that is safe; else say what is known."""
    title = translate("unreachable", "Database unreachable")
    text = messages.describe(error)
    if retry is not None:
        unknown = isinstance(error, OutcomeUnknown)
        again = (translate("unreachable", "Check again") if unknown
                 else translate("unreachable", "Retry"))
        later = translate("unreachable", "Later") if unknown else translate("unreachable", "Cancel")
        if dialogs.ask(parent, title, text, yes=again, no=later):
            retry()
            return
    elif failed is None:
        dialogs.warn(parent, title, text)
    if failed:
        failed(error)
