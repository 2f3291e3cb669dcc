"""The errors every layer speaks: services raise them, windows turn them into messages.

Each carries the status code the seed specs give it (`code`) and a message fit to
show a person. Attributes beyond the message (the books out of stock, the
shortfall) let a window say more, or say it in another language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named: the sign-in window loads this module before its first paint
    from decimal import Decimal


class BookshopError(Exception):
    """Base of every error a service call raises on purpose."""

    code: int = -1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class AuthError(BookshopError):
    """Bad credentials, an unknown or expired token, or the wrong role."""

    code = 401


class SessionEnded(AuthError):
    """The token is unknown, expired or signed out: the person must sign in again."""


class ApprovalRefused(AuthError):
    """An approval given with a wrong password, or by someone who is not an administrator.

    Still an AuthError, as the contract says, but the person who asked is
    signed in all along: a window asks for the approval again instead of
    sending them to sign in, and the API answers "refused", not "sign in".
    """


class NotFound(BookshopError):
    """An unknown book, order or user, or an order that is not the caller's."""


class InvalidInput(BookshopError):
    """A value no shop would accept: a bad count, mark, amount or text.

    `field` names the value refused ("phone", "tracking") when the rule is one
    a window can explain in the person's language and point at; empty otherwise.
    """

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.field = field


class AmbiguousTitle(InvalidInput):
    """A book named by title alone, where several books share that title.

    Seed 000's clients name books by title; two shops, or two editions, can
    share one. `books` lists each as (book id, shop name, price), for the
    caller to choose one by its id.
    """

    def __init__(self, title: str, books):
        self.books = tuple(books)
        listed = "; ".join(f"bid {book_id}: {shop}, {price}" for book_id, shop, price in self.books)
        super().__init__(f'Several books are called "{title}" ({listed}). '
                         'Send "bid" to say which.')


class InvalidState(BookshopError):
    """The order's status does not allow the operation."""


class StaleOrder(InvalidState):
    """The order changed since the caller read it; reload before saving again.

    `total` is the order's total now, when it matters: a payment page that
    showed another amount shows this one and asks again.
    """

    def __init__(self, message: str, total: Decimal | None = None):
        super().__init__(message)
        self.total = total


class ApprovalRequired(BookshopError):
    """A price cut beyond the shop's limit needs an administrator's approval.

    `book_ids` names the lines cut too far and `limit` is the percentage allowed.
    """

    def __init__(self, message: str, book_ids=(), limit: Decimal | None = None):
        super().__init__(message)
        self.book_ids = tuple(book_ids)
        self.limit = limit


class OutOfStock(BookshopError):
    """Not enough copies for one or more lines; `book_ids` and `titles` name them."""

    code = 501

    def __init__(self, message: str, book_ids=(), titles=()):
        super().__init__(message)
        self.book_ids = tuple(book_ids)
        self.titles = tuple(titles)


class InsufficientBalance(BookshopError):
    """The buyer's balance is below the order total."""

    code = 501

    def __init__(self, message: str, amount: Decimal, balance: Decimal):
        super().__init__(message)
        self.amount = amount
        self.balance = balance

    @property
    def shortfall(self) -> Decimal:
        return self.amount - self.balance


class DatabaseUnavailable(BookshopError):
    """The database cannot be reached; the call did not happen and may be retried.

    Unlike the errors above this one is the environment's fault, not the
    caller's: windows offer a retry instead of an explanation.
    """

    code = 503


class OutcomeUnknown(DatabaseUnavailable):
    """The connection was lost while the database was committing the call.

    It may have happened or not; only the database knows. Repeating the call
    with the same request id is safe: it happens at most once, and answers
    with the first call's result if that one did happen.
    """


class SchemaTooNew(BookshopError):
    """The database was upgraded by a newer program; this one must not touch it."""

    code = 503


class DatabaseBusy(DatabaseUnavailable):
    """Another workstation held the database for longer than a call may wait.

    Nothing was changed, and trying again in a moment works: on SQLite another
    process is writing, on a server a lock or the call's time limit ran out.
    """


class DatabaseDamaged(BookshopError):
    """The SQLite file is damaged, or is not a shop database at all.

    Trying again does not help: the way out is a backup (README, "Backups").
    `not_a_database` tells a file of another kind from a database with broken pages.
    """

    code = 503

    def __init__(self, message: str, *, not_a_database: bool = False):
        super().__init__(message)
        self.not_a_database = not_a_database
