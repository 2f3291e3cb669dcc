"""What keeps the server safe on a network: a cap on request bodies, and on sign-in guessing."""

from __future__ import annotations

import threading
import time
from collections import deque

from bookshop_gui.server.errors import failure

MAX_BODY = 64 * 1024  # a seed request is a few hundred bytes; a big order's lines a few KB


class BodyLimit:
    """ASGI middleware: a body over `max_bytes` is answered 413 before any endpoint sees it.

    The body is read here (at most `max_bytes`), so a client that says nothing
    of its length, or lies about it, is stopped as soon as it passes the cap.
    """

    def __init__(self, app, max_bytes: int = MAX_BODY):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if _declared_length(scope) > self.max_bytes:
            return await self._too_large(scope, receive, send)
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return None  # the client went away
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return await self._too_large(scope, receive, send)
            chunks.append(chunk)
            more = message.get("more_body", False)
        pending = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

        async def replay():
            return pending.pop() if pending else await receive()

        return await self.app(scope, replay, send)

    async def _too_large(self, scope, receive, send):
        response = failure(scope["path"], f"The request is too large (at most {self.max_bytes:,} "
                           "bytes).", status=413, headers={"Connection": "close"})
        await response(scope, receive, send)


def _declared_length(scope) -> int:
    for key, value in scope["headers"]:
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0
    return 0


class SignInThrottle:
    """Failed sign-ins counted per user name from one address, and per address.

    After `per_name` failures for one user name from one address within
    `window` seconds, that pair is refused until the oldest failure is older
    than the window, even with the right password; `per_address` failures from
    one address, whatever the names, close it the same way. Counting the pair
    (not the name alone) keeps a stranger from locking a buyer out.
    """

    def __init__(self, per_name: int = 5, per_address: int = 30, window: float = 60.0,
                 clock=time.monotonic):
        self.per_name, self.per_address, self.window, self.clock = (
            per_name, per_address, window, clock)
        self._failures: dict[tuple, deque] = {}
        self._lock = threading.Lock()

    def wait(self, username: str, address: str) -> float:
        """Seconds until this pair may try again: 0 if it may now."""
        now = self.clock()
        with self._lock:
            waits = [self._wait(key, limit, now) for key, limit in self._keys(username, address)]
        return max(waits)

    def failed(self, username: str, address: str) -> None:
        now = self.clock()
        with self._lock:
            if len(self._failures) > 10_000:
                self._forget_old(now)
            for key, _ in self._keys(username, address):
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            self._failures.pop(("name", username.strip().casefold(), address), None)

    def _keys(self, username: str, address: str):
        return ((("name", username.strip().casefold(), address), self.per_name),
                (("address", address), self.per_address))

    def _wait(self, key, limit: int, now: float) -> float:
        times = self._failures.get(key)
        if not times:
            return 0.0
        while times and times[0] <= now - self.window:
            times.popleft()
        return times[-limit] + self.window - now if len(times) >= limit else 0.0

    def _forget_old(self, now: float) -> None:
        self._failures = {key: times for key, times in self._failures.items()
                          if times and times[-1] > now - self.window}
