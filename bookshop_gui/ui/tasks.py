"""Database work off the GUI thread: one worker, results handed back by signal.

Every service call a window makes goes through `Tasks.run`, so the window
keeps painting and taking keystrokes while the database works, and a slow or
unreachable shared server never freezes it. One worker thread runs the calls
in the order they were asked for, which keeps results in order and gives each
window one database connection. The worker is a Python thread (a standard
`ThreadPoolExecutor` of one): a Qt pool thread loses Python's thread-local
state, and with it the database connection, after every call. A call stuck
on a silent network holds only the worker; the window goes on, and the call
comes back within the database limits (`bookshop_gui.deadline`). Under test,
`Tasks.serial` runs calls inline.

A person's action that moves money or stock goes through `Tasks.act`: it gets
one request id when the button is pressed, and every retry of it, automatic or
asked for, sends that same id, so the database does it at most once. An
action the window names (`action=`) keeps its id until it gets an answer, so
pressing the button again for the same thing after a lost connection repeats
it rather than doing it twice.

A call that finds the server unreachable waits for it to answer again
(`ui/outage.py`); if that is not safe, or takes too long for a person's
action, the window is told (`on_unavailable`).

After each call, `changed` carries what it wrote (a `domain.Changes`, Anki's
operation_did_execute): every view that shows that kind of data reads it
again, and no view has to tell another that something moved.

The sign-in window needs this module before its first paint, so it loads
nothing slow: `Task` is a plain class rather than a dataclass.
"""

from __future__ import annotations

import logging
import sys
import uuid
from collections.abc import Callable
from concurrent import futures

from PySide6.QtCore import QObject, Signal

from bookshop_gui.errors import BookshopError, DatabaseUnavailable, OutcomeUnknown
from bookshop_gui.ui.outage import Outage

log = logging.getLogger(__name__)


class Task:
    """One call asked for, with what to do with its result; `job` once it is queued."""

    __slots__ = ("fn", "args", "kwargs", "done", "failed", "key", "job", "retries", "unknown",
                 "action", "lost_at")

    def __init__(self, fn: Callable, args: tuple, kwargs: dict, done: Callable | None = None,
                 failed: Callable | None = None, key: str | None = None):
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.done, self.failed, self.key = done, failed, key
        self.job: futures.Future | None = None
        self.retries = 0  # automatic retries made since the last answer or "Check again"
        self.unknown = False  # an attempt was lost while committing: it may have happened
        self.action = None  # what the window calls this action, while its id is kept
        self.lost_at: float | None = None  # when it first found the server gone (monotonic)

    @property
    def once(self) -> bool:
        """True for an action sent with a request id: repeating it is always safe."""
        return bool(self.kwargs.get("request_id"))


def new_request_id() -> str:
    """A fresh id for one person's action (the contract allows 8 to 64 of A-Z a-z 0-9 - _)."""
    return uuid.uuid4().hex


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted from the worker is delivered there."""

    finished = Signal(object, object, object, object)
    source = ""  # the Tasks' mark in the change log


def _work(task: Task, relay: _Relay) -> None:
    from bookshop_gui.services.changes import collecting  # loads the models: not at start

    with collecting(relay.source) as collected:
        try:
            result, error = task.fn(*task.args, **task.kwargs), None
        except BaseException as exc:  # handed to the GUI thread, which decides
            result, error = None, exc
    relay.finished.emit(task, result, error, collected.changes)


class Tasks(QObject):
    """Runs service calls on one worker thread and calls back on the GUI thread."""

    busy_changed = Signal(bool)
    changed = Signal(object)  # domain.Changes
    serial = False

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = futures.ThreadPoolExecutor(1, thread_name_prefix="bookshop-database")
        self._relay = _Relay(self)
        # Marks this window's rows in the change log, so it skips what it wrote itself.
        self.source = self._relay.source = uuid.uuid4().hex[:16]
        self._relay.finished.connect(self._finish)
        self._running: set[Task] = set()
        self._queued: dict[str, Task] = {}
        # Called with (error, retry, failed) when the database is unreachable; the app
        # sets it. `retry` is None when sending the call again could do it twice.
        self.on_unavailable: Callable | None = None
        self.on_error: Callable | None = None
        self._unanswered: dict = {}  # action → request id, until the action is answered
        self.outage = Outage(self)
        self._probe: Task | None = None  # the runner's own call under way: see `look`
        self.answers = 0  # calls answered so far: see `fresh`

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
        self._start(task)
        return task

    def act(self, fn, *args, done=None, failed=None, action=None, **kwargs) -> Task:
        """Run a person's action that moves money or stock, under one request id.

        `action` (hashable: what is done to what, e.g. ("pay", order_id,
        amount)) names the action: pressing the button again for it while its
        last attempt has no answer yet sends the same id again.
        """
        request_id = self._unanswered.get(action) if action is not None else None
        request_id = request_id or new_request_id()
        if action is not None:
            self._unanswered[action] = request_id
        task = Task(fn, args, {**kwargs, "request_id": request_id}, done, failed)
        task.action = action
        self._start(task)
        return task

    def _start(self, task: Task):
        self._hold(task)
        if task.key and not self.serial:
            self._queued[task.key] = task
        self._send(task)

    def _send(self, task: Task):
        if self.serial:
            _work(task, self._relay)
        else:
            task.job = self._pool.submit(_work, task, self._relay)

    def _hold(self, task: Task):
        """Count `task` as running (the window shows it is busy) until it answers."""
        if task in self._running:
            return
        self._running.add(task)
        if len(self._running) == 1:
            self.busy_changed.emit(True)

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued work is done (shutting down, or a test)."""
        jobs = [task.job for task in self._running if task.job is not None]
        _, pending = futures.wait(jobs, timeout=None if msecs < 0 else msecs / 1000)
        return not pending

    def _drop_queued(self, key):
        old = self._queued.pop(key, None) if key else None
        if old is not None and old.job is not None and old.job.cancel():
            self._forget(old)
        for waiting in self.outage.drop(key) if key else ():
            self._forget(waiting)  # a newer search or poll replaces the one that waited

    def _forget(self, task: Task):
        self._running.discard(task)
        if self._queued.get(task.key) is task:
            del self._queued[task.key]
        if not self._running:
            self.busy_changed.emit(False)

    def publish(self, changes) -> None:
        """Tell every view what changed (here or, read from the change log, elsewhere)."""
        if changes:
            self.changed.emit(changes)

    def stamp(self) -> int:
        """A mark for a read being sent now; see `fresh`."""
        return self.answers

    def fresh(self, stamp: int) -> bool:
        """True if a read stamped `stamp` was sent after every change told so far.

        Changes are told only as a call is answered, after they were
        committed: a read sent since the last answer will see them all, so a
        view waiting for one need not send another when told of a change.
        """
        return stamp == self.answers

    def _finish(self, task: Task, result, error, changes):
        if task is self._probe:
            self._probe = None
            task.done(error)
            return
        self.answers += 1
        self._forget(task)
        self._answer(task, result, error)
        self.publish(changes)

    def _answer(self, task: Task, result, error):
        if task.action is not None and not isinstance(error, DatabaseUnavailable):
            self._unanswered.pop(task.action, None)  # answered: the next press is a new action
        if error is None:
            if task.done:
                task.done(result)
        elif isinstance(error, DatabaseUnavailable):
            if self.outage.wait(task, error):
                self._hold(task)
            else:
                self._tell(task, error)
        elif isinstance(error, BookshopError):
            self._refused(task, error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def _refused(self, task: Task, error: BookshopError):
        handler = task.failed or self.on_error
        if handler:
            handler(error)
        else:
            log.warning("unhandled service error: %s", error)

    def _tell(self, task: Task, error: DatabaseUnavailable):
        if task.unknown and not isinstance(error, OutcomeUnknown):
            error = OutcomeUnknown(str(error))  # an earlier attempt may still have been saved
        # Without a request id, a call lost while committing must not be sent blindly again.
        safe = task.once or not isinstance(error, OutcomeUnknown)
        if self.on_unavailable:
            self.on_unavailable(error, (lambda: self._check_again(task)) if safe else None,
                                task.failed)
        else:
            self._refused(task, error)

    def _check_again(self, task: Task):
        """The person asked to try again: the same call, the same request id."""
        task.retries, task.lost_at = 0, None
        self._start(task)

    # -- for the outage: ui/outage.py ------------------------------------------

    def look(self, fn: Callable, answered: Callable) -> None:
        """Run `fn()` on the worker, behind what is queued, then `answered(error or None)`.

        A call of the runner's own (a look for the server): no window is busy
        with it, and its answer is not counted as one (`fresh`).
        """
        self._probe = Task(fn, (), {}, done=answered)
        self._send(self._probe)

    def resend(self, task: Task):
        """Run again a call that waited for the server, under its same request id."""
        self._start(task)

    def give_up(self, task: Task, error: DatabaseUnavailable):
        """A call waited too long for the server: tell the person now."""
        self._forget(task)
        self._tell(task, error)

    def drop_waiting(self):
        """Forget the calls waiting for the server: the person they were for has gone."""
        for task in self.outage.drop():
            self._forget(task)
