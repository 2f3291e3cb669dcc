"""One transaction per service call, retried when workstations collide.

Two workstations updating the same rows can deadlock (PostgreSQL, MariaDB) or
find the file locked (SQLite); the database then rolls one back, and running
that call again is always safe because it changed nothing. A lost connection
is closed so the next call opens a fresh one, and reported as
`DatabaseUnavailable`: the call in flight was rolled back, never half done.

A connection lost while committing is different: the server may have
committed before the reply was lost, so `OutcomeUnknown` says so. A call made
with a request id is then asked again once on a new connection, which safely
answers with the first attempt's result if it was committed.
"""

import functools
import random
import time

from bookshop_gui._peewee import peewee
from bookshop_gui.db import CONNECTION_ERRORS
from bookshop_gui.errors import DatabaseUnavailable, OutcomeUnknown
from bookshop_gui.models import database
from bookshop_gui.services import changes

ATTEMPTS = 6

_CONFLICTS = ("deadlock", "could not serialize", "lock wait timeout", "database is locked")
_LOST = (
    "server closed", "terminating connection", "connection is closed", "connection is lost",
    "connection refused", "gone away", "lost connection", "connection already closed",
    "the connection", "(0, '')", "connection timeout", "can't connect", "could not connect",
)


def writes(fn):
    """Run `fn` as one write transaction (on SQLite: BEGIN IMMEDIATE).

    The transaction also logs what `fn` changes (services/changes.py), so
    every window, on this workstation or another, can show it.
    """
    return changes.noted(_in_transaction(changes.logged(fn), write=True))


def reads(fn):
    """Run `fn` in one read transaction, so what it returns is one consistent picture."""
    return _in_transaction(fn, write=False)


def _in_transaction(fn, *, write):
    @functools.wraps(fn)
    def call(*args, **kwargs):
        if database.in_transaction():
            return fn(*args, **kwargs)
        try:
            return _attempts(fn, args, kwargs, write)
        except OutcomeUnknown:
            if not kwargs.get("request_id"):
                raise
        # The same request id makes asking again safe: on a new connection the
        # call finds its own record if the first attempt was committed.
        try:
            return _attempts(fn, args, kwargs, write)
        except DatabaseUnavailable as exc:
            raise _unknown() from exc

    return call


def _attempts(fn, args, kwargs, write):
    for attempt in range(1, ATTEMPTS + 1):
        committing = False
        try:
            with _begin(write):
                result = fn(*args, **kwargs)
                committing = write
            return result
        except CONNECTION_ERRORS as exc:
            message = str(exc).lower()
            if any(word in message for word in _CONFLICTS) and attempt < ATTEMPTS:
                time.sleep(random.uniform(0.01, 0.05) * attempt)
                continue
            if any(word in message for word in _LOST) or not message.strip():
                _drop_connection()
                if committing and not isinstance(database.obj, peewee.SqliteDatabase):
                    raise _unknown() from exc
                raise DatabaseUnavailable(
                    "The shop database cannot be reached. Nothing was changed; try again."
                ) from exc
            raise


def _unknown() -> OutcomeUnknown:
    """The server may have committed before the connection went: nobody can say yet."""
    return OutcomeUnknown(
        "The connection to the shop database was lost while saving, so it may or may "
        "not have been saved. Check before doing it again."
    )


def _begin(write: bool):
    if isinstance(database.obj, peewee.SqliteDatabase):
        return database.atomic(lock_type="IMMEDIATE" if write else "DEFERRED")
    return database.atomic()


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
