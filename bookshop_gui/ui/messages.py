"""What a person is told when a service call is refused, in their language."""

from PySide6.QtCore import QCoreApplication

from bookshop_gui import errors
from bookshop_gui.ui import formatting

translate = QCoreApplication.translate


def describe(error: errors.BookshopError) -> str:
    """A sentence for a shop assistant or buyer; the service's own words as a fallback."""
    if isinstance(error, errors.InsufficientBalance):
        text = translate(
            "messages",
            "Your balance is %1 but this order costs %2. Please top up %3 at the counter.",
        )
        return formatting.fill(text, *map(formatting.money,
                                          (error.balance, error.amount, error.shortfall)))
    if isinstance(error, errors.OutOfStock):
        text = translate("messages", "Not enough copies in stock for: %1")
        return formatting.fill(text, ", ".join(error.titles) or error.message)
    if isinstance(error, errors.StaleOrder) and error.total is not None:
        return formatting.fill(translate(
            "messages",
            "The shop changed this order meanwhile: it now costs %1. Nothing was charged.",
        ), formatting.money(error.total))
    if isinstance(error, errors.StaleOrder):
        return translate(
            "messages",
            "Someone else changed this order meanwhile. It has been reloaded; check it and make your change again.",  # noqa: E501
        )
    if isinstance(error, errors.ApprovalRequired):
        return formatting.fill(translate(
            "messages", "A line is cut more than %1% below its list price. An administrator must approve it.",  # noqa: E501
        ), f"{error.limit.normalize():f}" if error.limit is not None else "")
    if isinstance(error, errors.ApprovalRefused):
        return translate(
            "messages", "That is not an administrator's user name and password. Nothing was saved.",
        )
    if isinstance(error, errors.OutcomeUnknown):
        return translate(
            "messages",
            "The connection to the shop database was lost while saving, so it is not known yet whether it was saved. Check before doing it again.",  # noqa: E501
        )
    if isinstance(error, errors.DatabaseBusy):
        return translate(
            "messages",
            "The shop database is busy with another workstation's work. Nothing was changed; try again in a moment.",  # noqa: E501
        )
    if isinstance(error, errors.DatabaseUnavailable):
        # Only a call rolled back before saving is reported so (OutcomeUnknown otherwise).
        return translate("messages", "The shop database cannot be reached. Nothing was changed.")
    if isinstance(error, errors.DatabaseDamaged):
        return translate(
            "messages",
            "The shop database file is damaged. Restore the latest backup (see \"Backups\" in the manual).",  # noqa: E501
        )
    if isinstance(error, errors.SchemaTooNew):
        return translate(
            "messages",
            "This database was upgraded by a newer version of Bookshop. Please install that version.",  # noqa: E501
        )
    if isinstance(error, errors.SessionEnded):
        return translate("messages", "Your session has ended. Please sign in again.")
    return error.message
