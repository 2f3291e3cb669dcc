"""PostgreSQL with fewer round trips: BEGIN rides with the first statement, queued writes
with COMMIT.

peewee runs psycopg in autocommit and sends `BEGIN` and `COMMIT` as statements
of their own, each a round trip: over a 40 ms line, 80 ms a write call for
nothing. psycopg's pipeline mode sends several statements and waits for their
answers once, so:

- `begin` sends nothing: `BEGIN` (and any `SET LOCAL` the transaction asks
  for, `with_begin`) waits for the transaction's first statement and goes out
  in one pipeline with it, whatever that statement is;
- `together` sends statements that do not need each other's answers in one
  pipeline: who is calling with the claim of the call's request id, or with
  a read call's statements (services/together.py), and the like;
- `defer` queues a write whose outcome the call never reads (a history row,
  a daily total, the change-log row); `commit` sends every queued write, then
  `COMMIT`, in one pipeline.

Only these places pipeline: every other statement runs alone, as before,
since a guarded update must read its row count and psycopg has it only once
the pipeline is synced. Errors keep their types: a deadlock in a queued write
raises at commit as the driver's own error, and the transaction is rolled back
like any failed commit. A transaction that never sent a statement sends no
`ROLLBACK` either; one whose only statements are queued writes sends BEGIN
with them and COMMIT after, so a connection found dead in its first round
trip is known to have changed nothing (`begun`).
"""

from __future__ import annotations

import contextlib
import threading

from bookshop_gui._peewee import peewee


class PipelinedPostgresqlDatabase(peewee.PostgresqlDatabase):
    """`PostgresqlDatabase` whose transactions open with their first statement and send
    their deferred writes with COMMIT (see the module's docstring)."""

    def init(self, *args, **kwargs):
        super().init(*args, **kwargs)
        self._queued = threading.local()  # each thread has its own connection

    def begin(self, isolation_level=None):
        """Owe BEGIN to the first statement, rather than send it alone."""
        self._queued.owed, self._queued.deferred, self._queued.savepoints = [], [], 0
        self._queued.begun = bool(isolation_level or self._isolation_level)
        if self._queued.begun:
            return super().begin(isolation_level)
        self._queued.owed = [("BEGIN", None)]
        return None

    def begun(self) -> bool:
        """Whether the server has answered this thread's last BEGIN: a connection lost
        before then was lost before the transaction began."""
        return getattr(self._queued, "begun", True)

    def with_begin(self, sql: str) -> None:
        """Send `sql` (e.g. SET LOCAL) right behind the owed BEGIN; at once if it was sent."""
        owed = self._owed()
        if owed:
            owed.append((sql, None))
        else:
            self.execute_sql(sql)

    def defer(self, sql: str, params=None) -> None:
        """Send the write `sql` with this transaction's COMMIT; nothing may read its rows
        before then, and its row count is never known. Inside a savepoint it runs at
        once: rolling back to the savepoint must take it too."""
        if self._queued.savepoints:
            self.execute_sql(sql, params)
            return
        self._log_query(sql, params)
        self._queued.deferred.append((sql, params))

    def savepoint(self):
        """A savepoint `defer` knows it is in (peewee counts no savepoint in
        `transaction_depth`)."""
        return _Savepoint(self)

    def cursor(self, named_cursor=None):
        """A cursor for statements sent past `execute_sql` (executemany): the BEGIN owed
        is sent first, so they run inside the transaction."""
        if self._owed():
            self._opening([])
        return super().cursor(named_cursor)

    def execute_sql(self, sql, params=None):
        if not self._owed():
            return super().execute_sql(sql, params)
        return self.together([(sql, params)])[0]

    def together(self, statements: list[tuple[str, object]]) -> list:
        """Run `statements`, none of which needs another's answer, in one round trip
        (with the BEGIN owed, if any): their cursors, in order."""
        for sql, params in statements:
            self._log_query(sql, params)
        return self._opening(statements)

    def commit(self):
        deferred, self._queued.deferred = getattr(self._queued, "deferred", None) or [], []
        if self._owed() and not deferred:
            self._queued.owed = []
            return None  # the transaction sent nothing, so it has nothing to commit
        if self._owed():
            # Only writes nobody reads: BEGIN goes with them, and COMMIT after. A
            # connection found dead then was dead before the call, which can then
            # run again unseen; one lost on the way back from COMMIT may have committed.
            self._opening(deferred)
            return super().commit()
        if not deferred:
            return super().commit()
        self._pipelined([*deferred, ("COMMIT", None)])
        return None

    def rollback(self):
        owed = self._owed()
        self._queued.owed, self._queued.deferred = [], []
        return None if owed else super().rollback()  # an unsent BEGIN: nothing to undo

    def _opening(self, statements: list[tuple[str, object]]) -> list:
        """`statements` behind the BEGIN owed (if any), in one round trip: their cursors."""
        owed, self._queued.owed = self._owed(), []
        cursors = self._pipelined([*owed, *statements])[len(owed):]
        self._queued.begun = True
        return cursors

    def _owed(self) -> list:
        return getattr(self._queued, "owed", None) or []

    def _pipelined(self, statements: list[tuple[str, object]]) -> list:
        """Run `statements` in one round trip; their cursors, each with its results."""
        conn = self.connection()
        together = conn.pipeline() if _supported() else contextlib.nullcontext()
        cursors = []
        with peewee.__exception_wrapper__, together:
            for sql, params in statements:
                cursor = conn.cursor()
                cursor.execute(sql, params or ())
                cursors.append(cursor)
        return cursors


class _Savepoint(peewee._savepoint):
    """A savepoint counted while its block runs, so writes deferred inside it run at once."""

    def __enter__(self):
        entered = super().__enter__()
        self.db._queued.savepoints += 1
        return entered

    def __exit__(self, *exc_info):
        self.db._queued.savepoints -= 1
        return super().__exit__(*exc_info)


def _supported() -> bool:
    """Pipeline mode needs libpq 14 or later; older ones run each statement alone."""
    import psycopg

    return psycopg.Pipeline.is_supported()
