"""A TCP proxy between the program and a database server that fails on command.

Real shop floors lose networks in ways a stopped server does not show: a
cable pulled (the link goes silent, no reset), a router restarting (every
connection reset), or a reply lost after the server already committed. The
proxy forwards bytes both ways and can do each of those to every connection
that passes through it, so tests can watch the program face them for real.

A driver may send a statement's text only once: psycopg prepares a statement
it has run five times on a connection, and from then on runs it by name; in a
pipeline it even sends the text in one write and the order to run it in the
next. So the proxy reads the client's side of PostgreSQL's protocol
(`_PostgresStream`) and matches what each message runs: a lost reply armed
for COMMIT is lost once COMMIT runs, whether it travels as text or by name.

It can also hold every chunk for a while each way (`delay`), as a server in
another city does, and counts the round trips clients make (`round_trips`): on
PostgreSQL each time the client asks the server to answer what it sent (Sync,
a simple Query, Flush), so a pipeline of statements sent in several writes and
answered once counts once; on other servers each chunk a client sends, as their
drivers send a round trip's messages in one write.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import struct
import threading
import time
from urllib.parse import urlparse, urlunparse

CHUNK = 65536


class FaultProxy:
    """Listens on 127.0.0.1 on a free port and forwards to `target_host:target_port`."""

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._links: list[tuple[socket.socket, socket.socket]] = []
        self._flowing = threading.Event()
        self._flowing.set()
        self._cut_pattern: bytes | None = None
        self._cut_clients: set[socket.socket] = set()
        self.cuts = 0
        self._delay = 0.0
        self.round_trips = 0  # answers clients asked of the server (see _PostgresStream)
        threading.Thread(target=self._accept, daemon=True).start()

    @classmethod
    def for_url(cls, url: str) -> FaultProxy:
        parts = urlparse(url)
        return cls(parts.hostname, parts.port)

    def url(self, url: str) -> str:
        """`url` with its host and port replaced by the proxy's."""
        parts = urlparse(url)
        credentials = parts.netloc.rpartition("@")[0]
        netloc = f"{credentials}@127.0.0.1:{self.port}" if credentials else f"127.0.0.1:{self.port}"
        return urlunparse(parts._replace(netloc=netloc))

    # -- faults -------------------------------------------------------------

    def go_silent(self) -> None:
        """Stop forwarding in both directions and keep every socket open: a pulled cable."""
        self._flowing.clear()

    def resume(self) -> None:
        self._flowing.set()

    def reset(self) -> None:
        """Close every connection abruptly (TCP reset), as a restarting router does."""
        with self._lock:
            links, self._links = self._links, []
        for pair in links:
            for sock in pair:
                _abort(sock)

    def cut_after(self, pattern: bytes) -> None:
        """Arm a lost reply: the next client message containing `pattern` reaches the
        server, then the connection is cut before any answer comes back."""
        self._cut_pattern = pattern

    def delay(self, seconds: float) -> None:
        """Hold each chunk `seconds` before passing it on, in each direction (0: no delay).

        Chunks keep their order and are not held up by one another, as on a long
        line: a round trip costs twice `seconds`, however many bytes it carries.
        """
        self._delay = seconds

    def close(self) -> None:
        """Stop listening (new connections are refused) and reset every connection."""
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        self._listener.close()
        self._flowing.set()
        self.reset()

    # -- forwarding ---------------------------------------------------------

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
                server.settimeout(None)
            except OSError:
                _abort(client)
                continue
            for end in (client, server):  # as libpq and the server set theirs: no Nagle wait
                end.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._links.append((client, server))
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, upstream: bool) -> None:
        line = _Line(sink)
        try:
            self._forward(source, sink, upstream, line, _PostgresStream() if upstream else None)
        finally:
            line.close()

    def _forward(self, source, sink, upstream: bool, line: _Line,
                 stream: _PostgresStream | None) -> None:
        while True:
            try:
                data = source.recv(CHUNK)
            except OSError:
                data = b""
            self._flowing.wait()
            if not data or (not upstream and sink in self._cut_clients):
                line.flush()  # what was already on its way still arrives
                _abort(sink)
                _abort(source)
                return
            sent, asked = stream.read(data) if stream is not None else ([data], 1)
            pattern = self._cut_pattern
            cutting = upstream and pattern is not None and any(pattern in part for part in sent)
            if cutting:
                self._cut_pattern = None
                self._cut_clients.add(source)  # no reply may reach this client any more
            if upstream:
                with self._lock:
                    self.round_trips += asked
            try:
                if self._delay and not cutting:
                    line.put(data, self._delay)
                else:
                    line.flush()
                    sink.sendall(data)
            except OSError:
                _abort(source)
                _abort(sink)
                return
            if cutting:
                self.cuts += 1
                self._cut(source, sink)
                return

    def _cut(self, client: socket.socket, server: socket.socket) -> None:
        """Let the server read and run what was sent, then drop both sides before the reply.

        The client is dropped when the reply comes (or the server hangs up), not now:
        by then the server has done all it was sent, as when a reply is lost on its
        way back, so whoever looks next sees what the server did.
        """
        with contextlib.suppress(OSError):  # the server may have hung up first
            server.shutdown(socket.SHUT_WR)  # the server reads the message in full, then EOF
        with self._lock:
            self._links = [pair for pair in self._links if pair[0] is not client]


class _PostgresStream:
    """The client's messages of PostgreSQL's protocol, read as they pass, whatever the chunks.

    `read` returns the chunk itself and, for each Bind that runs a statement
    prepared by name earlier, that statement's Parse message: what the server
    runs, in the words it was first sent in. It also returns how many round
    trips the chunk began: a client waits for the server after a Sync, a
    simple Query or a Flush (and at start-up), and a Flush sent right behind a
    Sync (psycopg ends a pipeline so) waits for the same answer; so does a
    password message. A stream that
    does not open as PostgreSQL's (MySQL's client speaks second) is passed
    over, each chunk counted as a round trip.
    """

    ASKS = (b"S", b"Q", b"H")  # Sync, Query, Flush: the client then waits for an answer

    STARTUP = 196608  # protocol 3.0; SSLRequest and GSSENCRequest come before it
    PRE_STARTUP = (80877103, 80877104)

    def __init__(self):
        self._pending = b""
        self._started = False
        self._postgres: bool | None = None
        self._prepared: dict[bytes, bytes] = {}
        self._last = b""

    def read(self, data: bytes) -> tuple[list[bytes], int]:
        if self._postgres is False:
            return [data], 1
        self._pending += data
        runs, asked = [] if self._started else [data], 0
        while (message := self._next()) is not None:
            runs.extend(self._runs(*message))
            asked += self._asks(message[0])
        return runs, asked

    def _asks(self, kind: bytes) -> int:
        """1 if a message of `kind` makes the client wait for an answer it was not already
        waiting for."""
        last, self._last = self._last, kind
        if kind == b"":  # a start-up message: the server answers each
            return 1
        return int(kind in (b"Q", b"p") or (kind in self.ASKS and last not in (b"S", b"H")))

    def _next(self) -> tuple[bytes, bytes] | None:
        """The next whole message as (type, body); None until one has fully arrived."""
        buffer = self._pending
        if not self._started:  # startup messages: a length and a code, no type byte
            if len(buffer) < 8:
                return None
            length, code = struct.unpack("!ii", buffer[:8])
            if self._postgres is None:
                self._postgres = code == self.STARTUP or code in self.PRE_STARTUP
                if not self._postgres:
                    self._pending = b""
                    return None
            if len(buffer) < length:
                return None
            self._pending, self._started = buffer[length:], code == self.STARTUP
            return b"", b""
        if len(buffer) < 5:
            return None
        length = struct.unpack("!i", buffer[1:5])[0]
        if len(buffer) < 1 + length:
            return None
        self._pending = buffer[1 + length:]
        return buffer[:1], buffer[5:1 + length]

    def _runs(self, kind: bytes, body: bytes) -> list[bytes]:
        """What `kind`/`body` runs: a simple Query's text, or a Bind's parameters and the
        text its statement was parsed from. A Parse alone runs nothing: psycopg, preparing
        a statement in a pipeline, sends its Parse in one write and its Bind in the next."""
        if kind == b"Q":
            return [body]
        if kind == b"P":  # Parse: statement name (empty: the unnamed one), text, types
            self._prepared[body.split(b"\x00", 1)[0]] = body
        elif kind == b"B":  # Bind: portal name, statement name, parameters
            return [body, self._prepared.get(body.split(b"\x00", 2)[1], b"")]
        elif kind == b"C" and body[:1] == b"S":  # Close a statement: its name is free again
            self._prepared.pop(body[1:].split(b"\x00", 1)[0], None)
        return []


class _Line:
    """Delivers chunks to `sink` each at its due time, in order, from a thread of its own."""

    def __init__(self, sink: socket.socket):
        self.sink = sink
        self.queue: queue.Queue = queue.Queue()
        self.thread: threading.Thread | None = None

    def put(self, data: bytes, delay: float) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=self._deliver, daemon=True)
            self.thread.start()
        self.queue.put((time.monotonic() + delay, data))

    def flush(self) -> None:
        """Wait until every chunk put so far has been sent (or the sink has failed)."""
        if self.thread is not None:
            self.queue.join()

    def close(self) -> None:
        if self.thread is not None:
            self.queue.put((0.0, None))

    def _deliver(self) -> None:
        while True:
            due, data = self.queue.get()
            try:
                if data is None:
                    return
                time.sleep(max(0.0, due - time.monotonic()))
                self.sink.sendall(data)
            except OSError:
                _abort(self.sink)
            finally:
                self.queue.task_done()


def _abort(sock: socket.socket) -> None:
    """Close with SO_LINGER 0, so the peer gets a reset rather than a polite goodbye."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.close()
