"""The merchant panes' search field: a clear button, a search icon, and a pause before searching.

Searching on every keystroke would send a query per letter; `searched`
fires once the person stops typing for `PAUSE_MS`.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit

from bookshop_gui.ui import resources

PAUSE_MS = 300


class SearchBox(QLineEdit):
    """Emits `searched(text)` with the trimmed text after a pause in typing."""

    searched = Signal(str)

    def __init__(self, placeholder: str, parent=None, *, pause_ms: int = PAUSE_MS):
        super().__init__(parent, placeholderText=placeholder)
        self.setAccessibleName(placeholder)  # what a screen reader says for the field
        self.setClearButtonEnabled(True)
        self.addAction(resources.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.pause = QTimer(self, singleShot=True, interval=pause_ms)
        self.pause.timeout.connect(self.search_now)
        self.textChanged.connect(self.pause.start)

    def query(self) -> str:
        return self.text().strip()

    def search_now(self) -> None:
        self.pause.stop()
        self.searched.emit(self.query())
