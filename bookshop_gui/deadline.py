"""A time limit on each call to a PostgreSQL server, kept by the program itself.

libpq waits for a reply for as long as its socket is open. TCP keepalives and
`tcp_user_timeout` close the socket when the kernel finds the link dead, and
`statement_timeout` stops a statement the server received, but a link that
stays up while nothing comes back (a router or proxy that still acknowledges
packets and forwards none) would hold the call, and the window's worker
behind it, for ever. So each call is watched: past its time the socket is shut
down, libpq sees the connection end, and the call fails as a lost connection.
PyMySQL needs none of this: its `read_timeout` and `write_timeout` do the same.
"""

from __future__ import annotations

import contextlib
import socket
import threading

CALL_SECONDS = 10.0  # with the 5 s to connect, a person hears back within about 15 s


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
