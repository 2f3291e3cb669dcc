"""One transaction per service call, retried when workstations collide.

Two workstations updating the same rows can deadlock (PostgreSQL, MariaDB);
the database then rolls one back, and running that call again is always safe
because it changed nothing. A connection found dead before its transaction
began (the server restarted or dropped it while it sat idle) is replaced and
the call run once more, unseen. A connection lost during the call is closed
so the next call opens a fresh one, and reported as `DatabaseUnavailable`:
the call in flight was rolled back, never half done. What an error means is
told by the driver's code (`db_errors`), never by its message.

A connection lost while committing is different: the server may have
committed before the reply was lost, so `OutcomeUnknown` says so. A call made
with a request id is then asked again once on a new connection, which safely
answers with the first attempt's result if it was committed.

Over a long line every round trip counts. So the service code says which of its
statements need not wait for an answer of their own: `later` for writes whose
outcome nothing reads (they go with COMMIT), `together` for statements that need
nothing from each other. On PostgreSQL each group is one round trip, and BEGIN
goes with the first statement (bookshop_gui/pipelined.py); elsewhere they run
one by one. These are the only ways statements travel together: reads take
their rows from `together` through services/together.py, which also sends a
read call's session check with its statements.
"""

import contextlib
import functools
import random
import threading
import time

from bookshop_gui import deadline
from bookshop_gui._peewee import peewee
from bookshop_gui.db import CONNECTION_ERRORS
from bookshop_gui.db_errors import Fault, fault
from bookshop_gui.errors import (
    BookshopError,
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseUnavailable,
    OutcomeUnknown,
)
from bookshop_gui.models import database
from bookshop_gui.pipelined import PipelinedPostgresqlDatabase
from bookshop_gui.services import changes, sessions

ATTEMPTS = 6
SQLITE_TURN_SECONDS = 0.12  # longer than the busy handler's longest sleep (100 ms)


def writes(fn=None, *, seconds: float | None = None):
    """Run `fn` as one write transaction (on SQLite: BEGIN IMMEDIATE).

    The transaction also logs what `fn` changes (services/changes.py), so
    every window, on this workstation or another, can show it. `seconds`
    bounds the call on a server (default `deadline.CALL_SECONDS`); only calls
    known to be long (reports, exports) take more.
    """
    def wrap(fn):
        return changes.noted(_in_transaction(changes.logged(fn), write=True, seconds=seconds))

    return wrap if fn is None else wrap(fn)


def reads(fn=None, *, seconds: float | None = None):
    """Run `fn` as a read call: one read transaction on SQLite, so what it returns is one
    consistent picture; on a server, statements that each read what is committed."""
    if fn is None:
        return lambda fn: _in_transaction(fn, write=False, seconds=seconds)
    return _in_transaction(fn, write=False, seconds=seconds)


def _in_transaction(fn, *, write, seconds):
    @functools.wraps(fn)
    def call(*args, **kwargs):
        if database.in_transaction() or (not write and getattr(_reading, "now", False)):
            return fn(*args, **kwargs)
        try:
            return _attempts(fn, args, kwargs, write, seconds)
        except OutcomeUnknown:
            if not kwargs.get("request_id"):
                raise
        # The same request id makes asking again safe: on a new connection the
        # call finds its own record if the first attempt was committed.
        try:
            return _attempts(fn, args, kwargs, write, seconds)
        except DatabaseUnavailable as exc:
            raise _unknown() from exc

    return call


def _attempts(fn, args, kwargs, write, seconds):
    reconnected = False
    for attempt in range(1, ATTEMPTS + 1):
        stale, began, committing, watch = _connect(), False, False, None
        try:
            with deadline.watch(database.obj, seconds or deadline.CALL_SECONDS) as watch, \
                    contextlib.ExitStack() as transaction:
                transaction.enter_context(_begin(write, seconds))
                transaction.enter_context(sessions.remembered())
                began = True
                result = fn(*args, **kwargs)
                committing = write
            return result
        except BookshopError:
            raise
        except Exception as exc:
            kind = fault(exc)
            if kind is Fault.CONFLICT and attempt < ATTEMPTS:
                time.sleep(random.uniform(0.01, 0.05) * attempt)
                continue
            if kind is Fault.LOST:
                _drop_connection()
                if committing and not isinstance(database.obj, peewee.SqliteDatabase):
                    raise _unknown() from exc
                timed_out = getattr(watch, "expired", False)
                began = began and _begun()
                if stale and (not began or not write) and not timed_out and not reconnected:
                    reconnected = True  # dead before BEGIN, or a read: nothing was changed
                    continue
            _raise_typed(kind, exc)
            raise


def round_trip() -> None:
    """One statement outside any transaction: the cheapest proof that a host takes this
    program again. Bounded like a call; raises `DatabaseUnavailable` while no host does
    (and drops the connection, so the next look opens a new one)."""
    _connect()
    try:
        with deadline.watch(database.obj, deadline.CALL_SECONDS):
            database.execute_sql("SELECT 1")
    except Exception as exc:
        _raise_typed(fault(exc), exc)
        raise


def _unknown() -> OutcomeUnknown:
    """The server may have committed before the connection went: nobody can say yet."""
    return OutcomeUnknown(
        "The connection to the shop database was lost while saving, so it may or may "
        "not have been saved. Check before doing it again."
    )


def _connect() -> bool:
    """Open this thread's connection if needed; True if it was already open (maybe stale)."""
    if not database.is_closed():
        return True
    try:
        database.connect()
    except CONNECTION_ERRORS as exc:  # no connection at all: the server is away
        kind = fault(exc)
        _raise_typed(Fault.LOST if kind is Fault.OTHER else kind, exc)
    return False


def _raise_typed(kind: Fault, exc: Exception) -> None:
    """Raise the contract's error for a fault the person can act on; return for the rest."""
    if kind is Fault.LOST:
        _drop_connection()
        raise DatabaseUnavailable(
            "The shop database cannot be reached. Nothing was changed; try again."
        ) from exc
    if kind is Fault.BUSY or kind is Fault.CONFLICT:
        raise DatabaseBusy(
            "The shop database is busy with another workstation's work. "
            "Nothing was changed; try again in a moment."
        ) from exc
    if kind in (Fault.DAMAGED, Fault.NOT_A_DATABASE):
        raise DatabaseDamaged(
            "The shop database file is damaged. Restore the latest backup.",
            not_a_database=kind is Fault.NOT_A_DATABASE,
        ) from exc


_reading = threading.local()  # `now`: this thread is in a read call outside a transaction


@contextlib.contextmanager
def _begin(write: bool, seconds: float):
    if isinstance(database.obj, peewee.SqliteDatabase):
        with database.atomic(lock_type="IMMEDIATE" if write else "DEFERRED"):
            yield
        return
    if isinstance(database.obj, peewee.MySQLDatabase):
        deadline.limit_mysql(database.connection(), seconds)
    if not write and not seconds:
        # The servers read committed data: every statement sees what was
        # committed when it began, in a transaction or not. So a read call
        # sends its statements alone, without BEGIN and COMMIT, two round
        # trips each that bought nothing.
        _reading.now = True
        try:
            yield
        finally:
            _reading.now = False
        return
    with database.atomic():
        if seconds and isinstance(database.obj, peewee.PostgresqlDatabase):
            _with_begin(f"SET LOCAL statement_timeout = {int(seconds * 1000)}")
        yield


def _begun() -> bool:
    """Whether the server answered the transaction's BEGIN: on PostgreSQL it waits to
    travel with the first statement, so a connection found dead then was dead before."""
    return not pipelined() or database.obj.begun()


def _with_begin(sql: str) -> None:
    """Run `sql` first in the transaction: on PostgreSQL with the BEGIN it owes, no round
    trip of its own (bookshop_gui/pipelined.py)."""
    if pipelined():
        database.obj.with_begin(sql)
    else:
        database.execute_sql(sql)


def together(*queries) -> list:
    """Run `queries`, none of which needs another's answer, and wait for them once: their
    driver cursors, in order (read rows and row counts from them; a call that wants
    only rows has `together.rows`).

    On PostgreSQL they travel in one pipeline, a single round trip (with the
    transaction's BEGIN if it is still owed); elsewhere they run one after another.
    """
    if pipelined():
        return database.obj.together([query.sql() for query in queries])
    return [database.execute(query) for query in queries]


def pipelined() -> bool:
    """Whether statements sent `together` cost one round trip (PostgreSQL), not one each."""
    return isinstance(database.obj, PipelinedPostgresqlDatabase)


def rows(query, cursor) -> list:
    """What `query` gives when run (model objects, tuples…), from the cursor `together`
    returned for it."""
    return list(query._get_cursor_wrapper(cursor))


def later(query) -> None:
    """Run the write `query` whose row count and rows the call never reads, at the latest
    with the commit.

    On PostgreSQL it is queued and sent with COMMIT, in the same round trip:
    history and ledger rows, daily totals, the change-log row and a request's
    stored answer cost no round trip of their own. Nothing in the call may
    read what such a write changes (the rows are not there until COMMIT), and
    what fails in it (a deadlock on a daily-totals row) fails the commit with
    its own error, which `_attempts` retries like any other. Guarded updates
    (stock, balances, status moves) must never come here: their row counts are
    read. Inside a savepoint the write runs at once, as rolling the savepoint
    back must take it too (pipelined.py counts savepoints, which peewee's
    `transaction_depth` does not). SQLite and MySQL run it at once: SQLite has
    no line to save, and PyMySQL sends each statement alone whenever it runs,
    so keeping it back would change nothing but the order of errors.
    """
    if pipelined() and database.transaction_depth() == 1:
        sql, params = query.sql()
        database.obj.defer(sql, params)
    else:
        query.execute()


def let_others_write() -> None:
    """Between the batches of a long job, give a writer waiting on SQLite's file lock a turn.

    SQLite's busy handler sleeps up to 100 ms between tries and has no queue:
    a job that takes the lock again at once would starve a kiosk paying. The
    servers lock rows, not the file, and need no pause.
    """
    if isinstance(database.obj, peewee.SqliteDatabase):
        time.sleep(SQLITE_TURN_SECONDS)


def _drop_connection():
    """Forget a dead connection so the next call opens a new one."""
    try:
        database.close()
    except Exception:  # the connection is already unusable; only its state matters
        database.obj._state.reset()


def for_update(query):
    """Lock the selected rows until the transaction ends, where the backend can.

    SQLite has no row locks; there a write transaction already holds the
    whole database (BEGIN IMMEDIATE), which is stronger.
    """
    return query.for_update() if database.obj.for_update else query
