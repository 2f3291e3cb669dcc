"""What a driver's error means for the shop, told by its code, never by its words.

Driver messages change between versions and languages (a server set to
German says "Verbindung" where English says "connection"), so errors are
told apart as qutebrowser's `misc/sql.py` does: PostgreSQL by SQLSTATE
(`e.sqlstate`), MySQL/MariaDB by error number (`e.args[0]`), SQLite by its
result code (`e.sqlite_errorcode`). peewee wraps the driver's exception in
its own and keeps the original as `orig`.
"""

from __future__ import annotations

import enum


class Fault(enum.Enum):
    CONFLICT = "conflict"  # deadlock or serialisation failure: run the call again
    BUSY = "busy"  # another workstation holds the lock, or the server ran out of time
    LOST = "lost"  # the connection is gone: server restart, network cut, timeout
    DAMAGED = "damaged"  # an SQLite file with a broken page
    NOT_A_DATABASE = "not_a_database"  # a file that is not an SQLite database at all
    OTHER = "other"


# PostgreSQL SQLSTATE classes and codes (Appendix A of its manual).
_PG_CODES = {
    "40001": Fault.CONFLICT, "40P01": Fault.CONFLICT,  # serialization failure, deadlock
    "55P03": Fault.BUSY, "57014": Fault.BUSY,  # lock not available, statement timeout
    "57P01": Fault.LOST, "57P02": Fault.LOST, "57P03": Fault.LOST,  # shut down, cannot connect
    "57P05": Fault.LOST, "25P03": Fault.LOST,  # idle session / idle-in-transaction timeout
}
# MySQL / MariaDB error numbers (server 1xxx, client 2xxx).
_MYSQL_CODES = {
    1213: Fault.CONFLICT, 1205: Fault.CONFLICT,  # deadlock, lock wait timeout
    1969: Fault.BUSY, 3024: Fault.BUSY,  # statement time limit (MariaDB, MySQL)
    0: Fault.LOST,  # PyMySQL: the connection was already closed
    1053: Fault.LOST, 1077: Fault.LOST, 1927: Fault.LOST, 4031: Fault.LOST,
    2002: Fault.LOST, 2003: Fault.LOST, 2006: Fault.LOST, 2013: Fault.LOST, 2055: Fault.LOST,
}
# SQLite primary result codes (the low byte of an extended code).
_SQLITE_CODES = {5: Fault.BUSY, 6: Fault.BUSY, 11: Fault.DAMAGED, 26: Fault.NOT_A_DATABASE}


def driver_error(error: BaseException) -> BaseException:
    """The driver's own exception under peewee's wrapper (or `error` itself)."""
    for _ in range(5):  # peewee's wrapper, ours, and a few `raise ... from` at most
        inner = getattr(error, "orig", None) or error.__cause__
        if inner is None:
            break
        error = inner
    return error


def fault(error: BaseException) -> Fault:
    """Which `Fault` a database error (wrapped by peewee or not) stands for."""
    cause = driver_error(error)
    module = type(cause).__module__.split(".")[0]
    if module == "psycopg":
        return _postgres(cause)
    if module == "pymysql":
        code = cause.args[0] if cause.args and isinstance(cause.args[0], int) else None
        return _MYSQL_CODES.get(code, Fault.OTHER)
    code = getattr(cause, "sqlite_errorcode", None)
    if code is not None:
        return _SQLITE_CODES.get(code & 0xFF, Fault.OTHER)
    return Fault.OTHER


def _postgres(cause: BaseException) -> Fault:
    import psycopg

    state = getattr(cause, "sqlstate", None)
    if state in _PG_CODES:
        return _PG_CODES[state]
    if state is not None and state.startswith("08"):  # connection exception class
        return Fault.LOST
    # No SQLSTATE: libpq itself failed (socket closed, connection unusable).
    if state is None and isinstance(cause, (psycopg.OperationalError, psycopg.InterfaceError)):
        return Fault.LOST
    return Fault.OTHER
