"""What a person is told when a service call is refused, in their language."""

from PySide6.QtCore import QCoreApplication

from bookshop_gui import errors
from bookshop_gui.domain import ADDRESS_LIMITS, TRACKING_LENGTH
from bookshop_gui.ui import formatting
from bookshop_gui.ui.formatting import fill

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
    if isinstance(error, errors.InvalidInput) and error.field in _FIELDS:
        return _FIELDS[error.field]()
    return error.message


# What each value a window can point at must be, said the way the form asks for it. Each
# string is a literal in its translate() call, where lupdate finds it.
_FIELDS = {
    "name": lambda: fill(translate(
        "messages", "Type the receiver's name (at most %1 characters)."), ADDRESS_LIMITS["name"]),
    "phone": lambda: fill(translate(
        "messages", "Type a phone number of 6 to %1 digits (+, - and spaces may be used)."),
        ADDRESS_LIMITS["phone"]),
    "region": lambda: fill(translate(
        "messages", "Type the province, city and district (at most %1 characters in all)."),
        ADDRESS_LIMITS["region"]),
    "street": lambda: fill(translate(
        "messages", "Type the street, building and room (at most %1 characters)."),
        ADDRESS_LIMITS["street"]),
    "postcode": lambda: fill(translate(
        "messages", "A postcode is at most %1 letters or digits; leave it empty if unsure."),
        ADDRESS_LIMITS["postcode"]),
    "tracking": lambda: fill(translate(
        "messages", "A waybill number is %1 to %2 letters or digits, as the courier printed it."),
        *TRACKING_LENGTH),
}
