"""The one notice a window shows while the shop server is away.

When the shared server goes (a restart, a network cut, a primary failing
over to its standby), every call in flight and every poll would have
something to say; a dialog for each would bury the window. Instead the
window shows this line, once per outage, and carries on: the calls wait and
run again by themselves (ui/outage.py), and the line goes when a host answers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


class ReconnectingNotice(QLabel):
    """Shown while `tasks.outage.server_lost`; never takes the focus or blocks a click."""

    def __init__(self, tasks, parent=None):
        super().__init__(parent, objectName="notice", wordWrap=True)
        self.setText(self.tr("Connection to the shop server lost — reconnecting…"))
        self.setAccessibleName(self.tr("Connection status"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setVisible(tasks.outage.server_lost)
        tasks.outage.reconnecting.connect(self.setVisible)
