"""Opening and closing the shop database on behalf of the windows.

The windows never touch peewee; they ask for a URL to be opened here, on
their worker thread, and for the thread's connection to be closed on exit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from urllib.parse import quote, urlparse, urlunparse

from bookshop_gui import db
from bookshop_gui.errors import BookshopError, DatabaseUnavailable, SchemaTooNew
from bookshop_gui.models import database


class Problem(enum.Enum):
    """Why a database could not be opened, in the terms a person can act on."""

    UNREACHABLE = "unreachable"  # no server answers at that host and port
    WRONG_PASSWORD = "wrong_password"  # the server refused the user name or password
    MISSING_DATABASE = "missing_database"  # the server has no database of that name
    NOT_ALLOWED = "not_allowed"  # the server does not let this user or computer in
    SCHEMA_TOO_NEW = "schema_too_new"  # a newer Bookshop upgraded it
    OTHER = "other"


@dataclass(frozen=True)
class ConnectionProblem:
    problem: Problem
    detail: str  # the driver's own words, without the password


@dataclass(frozen=True)
class ConnectionCheck:
    """What "Test connection" found: a problem, or how the database will be opened."""

    problem: ConnectionProblem | None
    pending: tuple[str, ...] = ()  # migrations opening it would apply
    empty: bool = False  # no shop schema yet: opening it creates one

    @property
    def ok(self) -> bool:
        return self.problem is None


# Driver error codes and phrases, most specific first.
_MYSQL_CODES = {
    2002: Problem.UNREACHABLE, 2003: Problem.UNREACHABLE, 2005: Problem.UNREACHABLE,
    2006: Problem.UNREACHABLE, 2013: Problem.UNREACHABLE,
    1045: Problem.WRONG_PASSWORD, 1049: Problem.MISSING_DATABASE,
    1044: Problem.NOT_ALLOWED, 1130: Problem.NOT_ALLOWED,
}
_PHRASES = (
    ("password authentication failed", Problem.WRONG_PASSWORD),
    ("no password supplied", Problem.WRONG_PASSWORD),
    ("authentication failed", Problem.WRONG_PASSWORD),
    ("role \"", Problem.WRONG_PASSWORD),
    ("does not exist", Problem.MISSING_DATABASE),
    ("no pg_hba.conf entry", Problem.NOT_ALLOWED),
    ("permission denied", Problem.NOT_ALLOWED),
    ("connection refused", Problem.UNREACHABLE),
    ("could not translate host name", Problem.UNREACHABLE),
    ("failed to resolve host", Problem.UNREACHABLE),
    ("name or service not known", Problem.UNREACHABLE),
    ("timeout expired", Problem.UNREACHABLE),
    ("timed out", Problem.UNREACHABLE),
    ("no route to host", Problem.UNREACHABLE),
    ("network is unreachable", Problem.UNREACHABLE),
    ("server closed the connection", Problem.UNREACHABLE),
)


def open_database(url: str, *, seed_demo_if_empty: bool = False) -> None:
    """Open (and migrate) the database; fill a brand-new embedded one with the demo shop."""
    db.connect(url)
    if seed_demo_if_empty:
        from bookshop_gui.admin import demo_data
        from bookshop_gui.services import accounts

        if not accounts.list_shops():
            demo_data.seed()


def open_or_explain(url: str, *, seed_demo_if_empty: bool = False) -> ConnectionProblem | None:
    """`open_database`, with a failure to connect returned as what went wrong.

    Start-up uses this so that an unreachable server leads to one dialog with
    the reason, Retry and Settings, not to the generic retry prompt.
    """
    try:
        open_database(url, seed_demo_if_empty=seed_demo_if_empty)
    except (DatabaseUnavailable, SchemaTooNew) as exc:
        return explain(exc, url)
    return None


def check(url: str) -> ConnectionCheck:
    """Connect to `url` and look at its schema without changing anything.

    Neither binds the models nor migrates: the database this window works on
    stays as it is while another one is tried.
    """
    try:
        candidate = db.open_url(url)
        candidate.connect()
    except (*db.CONNECTION_ERRORS, ValueError) as exc:
        return ConnectionCheck(explain(exc, url))
    try:
        status = db.runner(candidate).status()
        unknown = [m.name for m in status if m.path is None]
        if unknown:
            return ConnectionCheck(explain(SchemaTooNew(", ".join(sorted(unknown))), url))
        pending = tuple(m.name for m in status if not m.applied)
        empty = not candidate.table_exists(db.HISTORY_TABLE)
        return ConnectionCheck(None, pending, empty)
    except db.CONNECTION_ERRORS as exc:
        return ConnectionCheck(explain(exc, url))
    finally:
        candidate.close()


def explain(error: BaseException, url: str = "") -> ConnectionProblem:
    """Classify a failure to open a database, with the driver's message as detail."""
    kind = classify(error)
    cause = _driver_error(error)
    detail = " ".join(str(cause).split()) or type(cause).__name__
    password = urlparse(url).password if url else None
    if password:
        detail = detail.replace(password, "***")
    return ConnectionProblem(kind, detail)


def classify(error: BaseException) -> Problem:
    """Which `Problem` a driver error (or the error wrapping it) stands for."""
    if isinstance(error, SchemaTooNew):
        return Problem.SCHEMA_TOO_NEW
    cause = _driver_error(error)
    args = getattr(cause, "args", ())
    if args and isinstance(args[0], int) and args[0] in _MYSQL_CODES:
        return _MYSQL_CODES[args[0]]
    message = str(cause).lower()
    for phrase, problem in _PHRASES:
        if phrase in message:
            return problem
    if isinstance(error, DatabaseUnavailable) or isinstance(cause, db.CONNECTION_ERRORS):
        return Problem.UNREACHABLE if not message.strip() else Problem.OTHER
    return Problem.OTHER


def _driver_error(error: BaseException) -> BaseException:
    """The innermost cause: the driver's exception under peewee's and ours."""
    while error.__cause__ is not None and isinstance(error, (BookshopError, *db.CONNECTION_ERRORS)):
        error = error.__cause__
    return error


def with_password(url: str, password: str | None) -> str:
    """`url` with `password` put in (quoted); unchanged when there is none."""
    if not password:
        return url
    parts = urlparse(url)
    user = quote(parts.username or "", safe="")
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    netloc = f"{user}:{quote(password, safe='')}@{host}{port}"
    return urlunparse(parts._replace(netloc=netloc))


def shipping_fee_if_open():
    """The shop's shipping fee, or None when this thread has no database open.

    Never opens one: the settings dialog may be shown before any database is.
    """
    if database.obj is None or database.is_closed():
        return None
    from bookshop_gui.services import settings

    try:
        return settings.shipping_fee()
    except DatabaseUnavailable:
        return None


def close() -> None:
    """Close this thread's connection, if it has one."""
    if database.obj is not None and not database.is_closed():
        database.close()


def is_demo() -> bool:
    from bookshop_gui.admin import demo_data

    return demo_data.is_demo_database()


def describe(url: str) -> str:
    """Where a URL points, without its password: for status bars and dialogs."""
    parts = urlparse(url)
    if parts.scheme.startswith("sqlite"):
        return parts.path
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme.split('+')[0]}://{parts.username or ''}@{host}{port}{parts.path}"
