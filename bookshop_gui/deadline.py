"""Time limits on each call to a database server: the server's own, and the program's.

libpq waits for a reply for as long as its socket is open. TCP keepalives and
`tcp_user_timeout` close the socket when the kernel finds the link dead, and
`statement_timeout` stops a statement the server received, but a link that
stays up while nothing comes back (a router or proxy that still acknowledges
packets and forwards none) would hold the call, and the window's worker
behind it, for ever. So each call is watched: past its time the socket is shut
down, libpq sees the connection end, and the call fails as a lost connection.
PyMySQL needs none of this: its `read_timeout` and `write_timeout` do the same.

On MySQL and MariaDB the server's limit on a statement is set per call
(`limit_mysql`), as PostgreSQL's `statement_timeout` is: a long call such as
a report gets its minute there too, and the program waits a second longer
than the server, so a statement that runs too long is told as busy, never
as a lost connection.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import weakref

CALL_SECONDS = 10.0  # with the 5 s to connect, a person hears back within about 15 s

# The statement limit each MySQL / MariaDB connection has now, so the usual
# call, which shares the default, costs no statement to set it again.
_MYSQL_LIMITS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class Deadline:
    """Cuts `connection`'s socket if the `with` block outlives `seconds`."""

    def __init__(self, connection, seconds: float):
        self.connection, self.seconds = connection, seconds
        self.expired = False
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._cut)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        with self._lock:
            self._timer.cancel()
            self.connection = None  # the socket may be closed and its number reused

    def _cut(self) -> None:
        with self._lock:
            if self.connection is None:
                return
            self.expired = True
            with contextlib.suppress(OSError, ValueError):
                _shut_down(self.connection.fileno())


def _shut_down(fd: int) -> None:
    """End the TCP connection behind `fd` for both sides, without closing `fd` itself."""
    sock = socket.socket(fileno=fd)
    try:
        sock.shutdown(socket.SHUT_RDWR)
    finally:
        sock.detach()  # the descriptor stays the driver's


def watch(database, seconds: float = CALL_SECONDS):
    """A `Deadline` on `database`'s open PostgreSQL connection; a no-op elsewhere."""
    conn = getattr(database, "_state", None) and database._state.conn
    if conn is None or type(conn).__module__.split(".")[0] != "psycopg":
        return contextlib.nullcontext()
    return Deadline(conn, seconds)


def limit_mysql(connection, seconds: float | None = None) -> None:
    """Give a PyMySQL `connection` the limits of the call about to run on it.

    The server stops each statement after `seconds` (by default a second short
    of CALL_SECONDS, as PostgreSQL's session default is) and the program waits
    a second more for a reply, so the server's error (busy) comes first.
    MariaDB counts in seconds and stops any statement; MySQL counts in
    milliseconds and stops only SELECTs.
    """
    limit = seconds or CALL_SECONDS - 1
    # PyMySQL applies these before each read and write; it has no setter for them.
    connection._read_timeout = connection._write_timeout = limit + 1
    if _MYSQL_LIMITS.get(connection) == limit:
        return
    with connection.cursor() as cursor:
        if "MariaDB" in connection.get_server_info():
            cursor.execute("SET SESSION max_statement_time = %s", (limit,))
        else:
            cursor.execute("SET SESSION max_execution_time = %s", (int(limit * 1000),))
    _MYSQL_LIMITS[connection] = limit
