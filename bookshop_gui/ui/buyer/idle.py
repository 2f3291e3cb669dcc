"""Noticing that nobody is at the kiosk any more.

An application-wide event filter restarts a single-shot timer on every key
press, click, touch or wheel turn; when it fires, `idle` is emitted and the
window signs the buyer out, so the next person never sees their cart.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.InputMethod,
})


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, seconds: int, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True, interval=max(1, seconds) * 1000)
        self.timer.timeout.connect(self.idle)

    def start(self) -> None:
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self.timer.stop()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False
