"""Opening and closing the shop database on behalf of the windows.

The windows never touch peewee; they ask for a URL to be opened here, on
their worker thread, and for the thread's connection to be closed on exit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from urllib.parse import quote, urlparse

from bookshop_gui import db, server_url
from bookshop_gui.db_errors import Fault, driver_error, fault
from bookshop_gui.errors import (
    BookshopError,
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseUnavailable,
    InvalidInput,
    SchemaTooNew,
)
from bookshop_gui.models import database
from bookshop_gui.redact import mask_password
from bookshop_gui.services import transactions


class Problem(enum.Enum):
    """Why a database could not be opened, in the terms a person can act on."""

    UNREACHABLE = "unreachable"  # no server answers at that host and port
    WRONG_PASSWORD = "wrong_password"  # the server refused the user name or password
    MISSING_DATABASE = "missing_database"  # the server has no database of that name
    NOT_ALLOWED = "not_allowed"  # the server does not let this user or computer in
    SCHEMA_TOO_NEW = "schema_too_new"  # a newer Bookshop upgraded it
    NOT_A_DATABASE = "not_a_database"  # the local file is something else altogether
    DAMAGED = "damaged"  # the local file has broken pages
    LOCKED = "locked"  # another program holds the local file's lock
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


# What a server's refusal at sign-in means, by MySQL error number and PostgreSQL SQLSTATE.
_MYSQL_CODES = {
    2002: Problem.UNREACHABLE, 2003: Problem.UNREACHABLE, 2005: Problem.UNREACHABLE,
    2006: Problem.UNREACHABLE, 2013: Problem.UNREACHABLE,
    1045: Problem.WRONG_PASSWORD, 1049: Problem.MISSING_DATABASE,
    1044: Problem.NOT_ALLOWED, 1130: Problem.NOT_ALLOWED,
}
_PG_CODES = {
    "28P01": Problem.WRONG_PASSWORD, "28000": Problem.WRONG_PASSWORD,
    "3D000": Problem.MISSING_DATABASE, "42501": Problem.NOT_ALLOWED,
}
# libpq reports a failed connection with no SQLSTATE at all, only its own
# (English, fixed) sentences: these are the one place words are read.
_LIBPQ_PHRASES = (
    ("password authentication failed", Problem.WRONG_PASSWORD),
    ("no password supplied", Problem.WRONG_PASSWORD),
    ("authentication failed", Problem.WRONG_PASSWORD),
    ("role \"", Problem.WRONG_PASSWORD),
    ("does not exist", Problem.MISSING_DATABASE),
    ("no pg_hba.conf entry", Problem.NOT_ALLOWED),
    ("permission denied", Problem.NOT_ALLOWED),
)
_OPENING_ERRORS = (DatabaseUnavailable, SchemaTooNew, DatabaseDamaged, InvalidInput)
# A file that is not a database, or a damaged one, is a DatabaseError, not a connection error.
_CHECK_ERRORS = (*db.CONNECTION_ERRORS, db.peewee.DatabaseError)


def open_database(url: str, *, seed_demo_if_empty: bool = False) -> None:
    """Open (and migrate) the database; fill a brand-new embedded one with the demo shop."""
    db.connect(url)
    if seed_demo_if_empty:
        from bookshop_gui.services import accounts, demo_data

        if not accounts.list_shops():
            demo_data.seed()


def open_or_explain(url: str, *, seed_demo_if_empty: bool = False) -> ConnectionProblem | None:
    """`open_database`, with a failure to connect returned as what went wrong.

    Start-up uses this so that an unreachable server leads to one dialog with
    the reason, Retry and Settings, not to the generic retry prompt.
    """
    try:
        open_database(url, seed_demo_if_empty=seed_demo_if_empty)
    except _OPENING_ERRORS as exc:
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
    except (*_CHECK_ERRORS, InvalidInput) as exc:
        return ConnectionCheck(explain(exc, url))
    try:
        status = db.runner(candidate).status()
        unknown = [m.name for m in status if m.path is None]
        if unknown:
            return ConnectionCheck(explain(SchemaTooNew(", ".join(sorted(unknown))), url))
        pending = tuple(m.name for m in status if not m.applied)
        empty = not candidate.table_exists(db.HISTORY_TABLE)
        return ConnectionCheck(None, pending, empty)
    except _CHECK_ERRORS as exc:
        return ConnectionCheck(explain(exc, url))
    finally:
        candidate.close()


def explain(error: BaseException, url: str = "") -> ConnectionProblem:
    """Classify a failure to open a database, with the driver's message as detail."""
    kind = classify(error)
    cause = driver_error(error)
    detail = " ".join(str(cause).split()) or type(cause).__name__
    password = urlparse(url).password if url else None
    if password:
        detail = detail.replace(password, "***")
    return ConnectionProblem(kind, mask_password(detail))


def classify(error: BaseException) -> Problem:
    """Which `Problem` a driver error (or the error wrapping it) stands for, by its code."""
    typed = _typed_problem(error)
    if typed is not None:
        return typed
    cause = driver_error(error)
    module = type(cause).__module__.split(".")[0]
    if module == "pymysql" and cause.args and cause.args[0] in _MYSQL_CODES:
        return _MYSQL_CODES[cause.args[0]]
    if module == "psycopg":
        state = getattr(cause, "sqlstate", None)
        if state in _PG_CODES:
            return _PG_CODES[state]
        if state is None:
            message = str(cause).lower()
            for phrase, problem in _LIBPQ_PHRASES:
                if phrase in message:
                    return problem
    if isinstance(cause, OSError) or fault(error) is Fault.LOST:
        return Problem.UNREACHABLE  # refused, unknown host, timed out, or cut
    return Problem.OTHER


def _typed_problem(error: BaseException) -> Problem | None:
    kind = fault(error)
    if kind in (Fault.DAMAGED, Fault.NOT_A_DATABASE, Fault.BUSY) and not isinstance(
            error, BookshopError):
        error = db.opening_error(error)
    if isinstance(error, SchemaTooNew):
        return Problem.SCHEMA_TOO_NEW
    if isinstance(error, DatabaseDamaged):
        return Problem.NOT_A_DATABASE if error.not_a_database else Problem.DAMAGED
    if isinstance(error, DatabaseBusy):
        return Problem.LOCKED
    return None


def with_password(url: str, password: str | None) -> str:
    """`url` with `password` put in (quoted); unchanged when there is none."""
    if not password:
        return url
    user = urlparse(url).username or ""  # as the URL has it: already quoted
    return server_url.with_userinfo(url, f"{user}:{quote(password, safe='')}")


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
    from bookshop_gui.services import demo_data

    return demo_data.is_demo_database()


def describe(url: str) -> str:
    """Where a URL points, without its password: for status bars and dialogs."""
    parts = urlparse(url)
    if parts.scheme.startswith("sqlite"):
        return parts.path[1:]  # sqlite:///C:/x or sqlite:////home/x: the path after "///"
    hosts = server_url.join(server_url.hosts(url))
    return f"{parts.scheme.split('+')[0]}://{parts.username or ''}@{hosts}{parts.path}"


def ping() -> None:
    """Whether the shop server is back, asked while the windows show it lost: returns
    once a host accepts this program again, else raises `DatabaseUnavailable`."""
    transactions.round_trip()
