"""Views that stay true: each reads its data again when a change touches it.

`Tasks.changed` carries what every operation of this window changed, and
`Watcher` adds what other workstations and kiosks changed, read from the
change log every few seconds. A view follows the kinds of data it shows with
`follow`: a shown view reads again at once, a hidden one when it is next shown.
A view out of sight when the window opens can make its first read wait for its
first showing too (`first_read_when_shown`): a workstation then signs in with
the reads of the one pane in view, not of every pane behind it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from bookshop_gui.domain import Changes, Kind

POLL_MS = 3000


class Watcher(QObject):
    """Reads the change log every few seconds and publishes other windows' changes.

    A poll that finds the server gone is how an idle window learns of it: the
    Tasks then put up the reconnecting notice and look for the server
    themselves, so polling rests until a host answers again.
    """

    def __init__(self, tasks, session, parent: QObject | None = None):
        """Watch for `session` (a domain.Session): where its sign-in found the change log,
        if it looked, is where watching starts."""
        from bookshop_gui.services.feed import ChangeFeed

        super().__init__(parent)
        self.tasks, self.token = tasks, session.token
        self.feed = ChangeFeed(tasks.source)
        if session.log_position is not None:
            self.feed.start_at(session.log_position)
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.active = False
        tasks.outage.reconnecting.connect(self._reconnecting)

    def start(self) -> None:
        self.active = True
        if self.feed.last is None:
            self.poll()  # the first poll only notes where the log is now
        self.timer.start()

    def stop(self) -> None:
        self.active = False
        self.timer.stop()

    def _reconnecting(self, lost: bool) -> None:
        if lost:
            self.timer.stop()
        elif self.active:
            self.timer.start()

    def poll(self) -> None:
        self.tasks.run(self._read, done=self.tasks.publish, failed=lambda _error: None,
                       key=f"change-feed-{self.tasks.source}")

    def _read(self) -> Changes:
        """One look at the log (on the worker)."""
        return self.feed.poll(self.token)


class _Follower(QObject):
    def __init__(self, view: QWidget, tasks, kinds: tuple[Kind, ...],
                 refresh: Callable[[Changes], None], unread: bool):
        super().__init__(view)
        self.view, self.kinds, self.refresh = view, kinds, refresh
        # A view that has read nothing yet has, in effect, missed every change it follows.
        self.missed = Changes(frozenset(kinds)) if unread else Changes()
        tasks.changed.connect(self._changed)
        view.installEventFilter(self)
        if unread and view.isVisible():
            self._show_missed()

    def _changed(self, changes: Changes) -> None:
        if not changes.touches(*self.kinds):
            return
        if self.view.isVisibleTo(self.view.window()):
            self.refresh(changes)
        else:
            self.missed = self.missed | changes

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show and self.missed:
            self._show_missed()
        return False

    def _show_missed(self) -> None:
        missed, self.missed = self.missed, Changes()
        self.refresh(missed)


def follow(view: QWidget, tasks, kinds: tuple[Kind, ...],
           refresh: Callable[[Changes], None], *, first_read_when_shown: bool = False) -> None:
    """Call `refresh(changes)` whenever a change touches `kinds`; while `view` is hidden,
    once when it is next shown. With `first_read_when_shown`, the view has read nothing
    yet: `refresh` makes its first read when the view is first shown (at once if it is)."""
    _Follower(view, tasks, kinds, refresh, first_read_when_shown)
