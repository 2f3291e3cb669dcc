"""Database work off the GUI thread: one worker, results handed back by signal.

Every service call a window makes goes through `Tasks.run`, so the window
keeps painting and taking keystrokes while the database works, and a slow or
unreachable shared server never freezes it. One worker thread runs the calls
in the order they were asked for, which keeps results in order and gives each
window one database connection. Under test, `Tasks.serial` runs calls inline.

The sign-in window needs this module before its first paint, so it loads
nothing slow: `Task` is a plain class rather than a dataclass.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from bookshop_gui.errors import BookshopError, DatabaseUnavailable

log = logging.getLogger(__name__)


class Task:
    """One call asked for, with what to do with its result; `job` once it is queued."""

    __slots__ = ("fn", "args", "kwargs", "done", "failed", "key", "job")

    def __init__(self, fn: Callable, args: tuple, kwargs: dict, done: Callable | None = None,
                 failed: Callable | None = None, key: str | None = None):
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.done, self.failed, self.key = done, failed, key
        self.job: QRunnable | None = None


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted from the worker is delivered there."""

    finished = Signal(object, object, object)


class _Job(QRunnable):
    def __init__(self, task: Task, relay: _Relay):
        super().__init__()
        self.setAutoDelete(False)
        self.task, self.relay = task, relay

    def run(self):
        try:
            result, error = self.task.fn(*self.task.args, **self.task.kwargs), None
        except BaseException as exc:  # handed to the GUI thread, which decides
            result, error = None, exc
        self.relay.finished.emit(self.task, result, error)


class Tasks(QObject):
    """Runs service calls on one worker thread and calls back on the GUI thread."""

    busy_changed = Signal(bool)
    serial = False

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the thread, and so its connection
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finish)
        self._running: set[Task] = set()
        self._queued: dict[str, Task] = {}
        # Called with (error, retry) when the database is unreachable; the app sets it.
        self.on_unavailable: Callable | None = None
        self.on_error: Callable | None = None

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(self, fn, *args, done=None, failed=None, key=None, **kwargs) -> Task:
        """Call `fn(*args, **kwargs)` on the worker; then `done(result)` or `failed(error)`.

        A `key` makes the call replace a queued, not yet started call with the
        same key: typing a search drops the searches for the earlier letters.
        """
        task = Task(fn, args, kwargs, done, failed, key)
        self._drop_queued(key)
        self._running.add(task)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        if self.serial:
            _Job(task, self._relay).run()
            return task
        task.job = _Job(task, self._relay)
        if key:
            self._queued[key] = task
        self._pool.start(task.job)
        return task

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued work is done (shutting down, or a test)."""
        return self._pool.waitForDone(msecs)

    def _drop_queued(self, key):
        old = self._queued.pop(key, None) if key else None
        if old is not None and old.job is not None and self._pool.tryTake(old.job):
            self._forget(old)

    def _forget(self, task: Task):
        self._running.discard(task)
        if self._queued.get(task.key) is task:
            del self._queued[task.key]
        if not self._running:
            self.busy_changed.emit(False)

    def _finish(self, task: Task, result, error):
        self._forget(task)
        if error is None:
            if task.done:
                task.done(result)
        elif isinstance(error, DatabaseUnavailable) and self.on_unavailable:
            self.on_unavailable(error, lambda: self._retry(task), task.failed)
        elif isinstance(error, BookshopError):
            handler = task.failed or self.on_error
            if handler:
                handler(error)
            else:
                log.warning("unhandled service error: %s", error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def _retry(self, task: Task):
        self.run(task.fn, *task.args, done=task.done, failed=task.failed, key=task.key,
                 **task.kwargs)
