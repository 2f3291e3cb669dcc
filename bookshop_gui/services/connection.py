"""Opening and closing the shop database on behalf of the windows.

The windows never touch peewee; they ask for a URL to be opened here, on
their worker thread, and for the thread's connection to be closed on exit.
"""

from __future__ import annotations

import enum
import getpass
import socket
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlparse, urlsplit

from bookshop_gui import db, server_check, server_url
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

    UNREACHABLE = "unreachable"  # nothing listens at that host and port: server down, port wrong
    UNKNOWN_HOST = "unknown_host"  # the host name resolves to no address
    TIMED_OUT = "timed_out"  # nothing came back in time: a silent network or a firewall
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
    2002: Problem.UNREACHABLE, 2003: Problem.UNREACHABLE, 2006: Problem.UNREACHABLE,
    2013: Problem.UNREACHABLE, 2005: Problem.UNKNOWN_HOST,
    1045: Problem.WRONG_PASSWORD, 1049: Problem.MISSING_DATABASE,
    1044: Problem.NOT_ALLOWED, 1130: Problem.NOT_ALLOWED,
}
_PG_CODES = {
    "28P01": Problem.WRONG_PASSWORD,  # invalid_password (also an unknown user, asked one)
    "28000": Problem.NOT_ALLOWED,  # invalid_authorization_specification: no such user, pg_hba
    "3D000": Problem.MISSING_DATABASE,  # invalid_catalog_name
    "42501": Problem.NOT_ALLOWED,  # insufficient_privilege: CONNECT not granted
}
# How far the network got, where no server said anything.
_REACH = {
    server_check.Reach.UNKNOWN_HOST: Problem.UNKNOWN_HOST,
    server_check.Reach.REFUSED: Problem.UNREACHABLE,
    server_check.Reach.TIMED_OUT: Problem.TIMED_OUT,
}
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
    kind = classify(error, url)
    cause = driver_error(error)
    detail = " ".join(str(cause).split()) or type(cause).__name__
    password = urlparse(url).password if url else None
    if password:
        detail = detail.replace(password, "***")
    return ConnectionProblem(kind, mask_password(detail))


def classify(error: BaseException, url: str = "") -> Problem:
    """Which `Problem` a failure to open `url` stands for: by code, never by message.

    A PostgreSQL connection that fails gives no SQLSTATE, so the program
    looks for itself (server_check.py); MySQL's error numbers say it all, with
    the socket's own exception kept under a "cannot connect" one.
    """
    typed = _typed_problem(error)
    if typed is not None:
        return typed
    cause = driver_error(error)
    module = type(cause).__module__.split(".")[0]
    if module == "pymysql" and cause.args and cause.args[0] in _MYSQL_CODES:
        network = getattr(cause, "original_exception", None) or cause.__context__
        if _MYSQL_CODES[cause.args[0]] is Problem.UNREACHABLE and isinstance(network, OSError):
            return _network_problem(network)  # what the socket said, under "cannot connect"
        return _MYSQL_CODES[cause.args[0]]
    if module == "psycopg":
        state = getattr(cause, "sqlstate", None)
        if state in _PG_CODES:
            return _PG_CODES[state]
        if state is None and url and fault(cause) is Fault.LOST:
            return _postgres_problem(url)
    if isinstance(cause, OSError):
        return _network_problem(cause)
    if fault(error) is Fault.LOST:
        return Problem.UNREACHABLE
    return Problem.OTHER


def _network_problem(error: OSError) -> Problem:
    if isinstance(error, socket.gaierror):
        return Problem.UNKNOWN_HOST
    if isinstance(error, TimeoutError):
        return Problem.TIMED_OUT
    return Problem.UNREACHABLE


def _postgres_problem(url: str) -> Problem:
    """Why no host of `url` let this program in: each host tried as libpq tried them."""
    parts = urlsplit(url)
    user = unquote(parts.username or "") or getpass.getuser()  # libpq's default user
    password = unquote(parts.password) if parts.password is not None else None
    name = unquote(parts.path.lstrip("/")) or user
    seen = []
    for host, port in server_url.hosts(url):
        reached, sock = server_check.reach(host, port or 5432, db.CONNECT_SECONDS)
        if sock is None:
            seen.append(_REACH[reached])
            continue
        try:
            state = server_check.refusal(sock, user, password, name)
        except server_check.NeedsPassword:
            return Problem.WRONG_PASSWORD
        except OSError as exc:  # went quiet, or hung up, before saying why
            seen.append(_network_problem(exc))
            continue
        if state is not None:
            return _PG_CODES.get(state, Problem.OTHER)
    # A host that let this user in failed libpq for another reason (it only reads, say).
    for problem in (Problem.TIMED_OUT, Problem.UNREACHABLE, Problem.UNKNOWN_HOST):
        if problem in seen:
            return problem
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
