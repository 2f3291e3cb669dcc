"""The shop server gone, and back: calls that wait for it, and the looks for it.

When a call finds the server unreachable, the call waits and the worker looks
for the server again and again, with growing pauses (each look bounded by the
connection limits); a server with a standby answers again from the promoted
one. Only if a look fails too is the server gone: `reconnecting` tells the
windows once, which show one notice instead of a dialog per call, and once a
host answers they hide it and every view reads again. The calls that waited
then run again: reads, writes that changed nothing, and actions under their
same request id, whose answer is the truth whether an earlier attempt was
saved or not. A call that may have been saved without a request id is never
sent blindly again, and an action still waiting after `give_up_ms` is told to
the person, so nobody waits on a button for ever.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from bookshop_gui.errors import DatabaseUnavailable, OutcomeUnknown

if TYPE_CHECKING:
    from bookshop_gui.ui.tasks import Task, Tasks


class Outage(QObject):
    """The calls of one `Tasks` that wait for a lost server, and the looks for it."""

    # True once the server is found gone; False when a host answers again.
    reconnecting = Signal(bool)
    # Waits before each look for a server that a call lost; the last one repeats.
    probe_waits_ms: tuple[int, ...] = (200, 500, 1000, 2000, 4000)
    # Times a call is run again while the server does answer (replies lost on the way).
    reruns = 3
    give_up_ms = 30_000  # an action waiting this long for the server is told to the person

    def __init__(self, tasks: Tasks):
        super().__init__(tasks)
        self._tasks = tasks
        self.server_lost = False  # the reconnecting notice is up
        self.failed_looks = 0  # looks for the server failed since it was lost
        self._waiting: list[tuple[Task, DatabaseUnavailable]] = []  # run again once it answers
        self._looking = False  # looks are being made (under way or scheduled)

    def wait(self, task: Task, error: DatabaseUnavailable) -> bool:
        """Keep `task` until a host answers if running it again is safe; False: tell it now."""
        self._look_for_server()
        task.unknown = task.unknown or isinstance(error, OutcomeUnknown)
        safe = task.once or not task.unknown  # sending it again cannot do it twice
        if not safe or task.retries >= self.reruns:
            return False
        task.retries += 1
        task.lost_at = task.lost_at or time.monotonic()
        self._waiting.append((task, error))
        return True

    def drop(self, key: str | None = None) -> list[Task]:
        """Stop waiting on the calls under `key` (all of them without one); returns them."""
        dropped = [task for task, _error in self._waiting if key is None or task.key == key]
        self._waiting = [pair for pair in self._waiting if pair[0] not in dropped]
        return dropped

    def _look_for_server(self):
        if not self._looking:
            self._looking = True
            QTimer.singleShot(self.probe_waits_ms[0], self, self._look)

    def _look(self):
        """One round trip on the worker, behind whatever is queued there."""
        from bookshop_gui.services import connection  # loads peewee: not at start

        self._tasks.look(connection.ping, self._probed)

    def _probed(self, error):
        if not isinstance(error, DatabaseUnavailable):
            self._server_back()  # it answered (even a refusal is an answer)
            return
        if not self.server_lost:
            self.server_lost = True
            self.reconnecting.emit(True)
        self.failed_looks += 1
        wait = self.probe_waits_ms[min(self.failed_looks, len(self.probe_waits_ms) - 1)]
        QTimer.singleShot(wait, self, self._look)
        self._give_up_waiting()  # after the next look is set: the person may take a while

    def _give_up_waiting(self):
        """An action the person waits on is told after `give_up_ms`; other calls wait on."""
        now = time.monotonic()
        for task, error in list(self._waiting):
            if task.once and (now - task.lost_at) * 1000 >= self.give_up_ms:
                self._waiting.remove((task, error))
                self._tasks.give_up(task, error)

    def _server_back(self):
        """A host answers: the notice goes, the waiting calls run again, every view reads."""
        from bookshop_gui.domain import Changes, Kind

        self._looking, self.failed_looks = False, 0
        waiting, self._waiting = self._waiting, []
        was_lost, self.server_lost = self.server_lost, False
        for task, _error in waiting:
            task.lost_at = None
            self._tasks.resend(task)
        if was_lost:
            self.reconnecting.emit(False)
            self._tasks.publish(Changes(frozenset(Kind)))  # anything may have moved meanwhile
