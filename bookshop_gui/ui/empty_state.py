"""The screen of an empty list: what is missing and what to do, centred where the list would be.

A page that loses its list (an empty cart, no orders yet) keeps its heading
and tabs where they were; the message and its action take the list's room.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


def empty_state(message: QLabel, action: QPushButton) -> QWidget:
    """A message and what to do about it, in the middle of the room a list would take."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.addStretch()
    message.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(message)
    layout.addSpacing(8)
    layout.addWidget(action, alignment=Qt.AlignmentFlag.AlignHCenter)
    layout.addStretch()
    return holder
