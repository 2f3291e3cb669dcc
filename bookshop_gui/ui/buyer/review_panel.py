"""Rating an order: 0 to 5 stars (tap a star, or use the arrow keys) and a comment."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from bookshop_gui.domain import MAX_MARK
from bookshop_gui.ui import formatting, resources


class ReviewPanel(QFrame):
    """Emits `submitted(mark, comment)`."""

    submitted = Signal(int, str)

    def __init__(self, parent=None):
        super().__init__(parent, objectName="card")
        self.mark = MAX_MARK
        self.stars: list[QToolButton] = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("How was this order?"), objectName="heading"))
        row = QHBoxLayout()
        for number in range(1, MAX_MARK + 1):
            star = QToolButton(iconSize=QSize(32, 32), autoRaise=True)
            star.setAccessibleName(formatting.fill(self.tr("%1 of 5 stars"), number))
            star.clicked.connect(lambda _=False, n=number: self.set_mark(n))
            self.stars.append(star)
            row.addWidget(star)
        self.mark_label = QLabel(objectName="hint")
        row.addWidget(self.mark_label)
        row.addStretch()
        layout.addLayout(row)
        self.comment = QPlainTextEdit(
            placeholderText=self.tr("A few words for the shop (optional)"))
        self.comment.setAccessibleName(self.tr("Comment"))
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(120)
        layout.addWidget(self.comment)
        self.submit_button = QPushButton(resources.icon("star"), self.tr("Submit review"),
                                         objectName="primary")
        self.submit_button.clicked.connect(self._submit)
        layout.addWidget(self.submit_button, alignment=Qt.AlignmentFlag.AlignRight)
        self.set_mark(MAX_MARK)

    def set_mark(self, mark: int):
        """Tapping the only lit star again takes it away, so 0 stars is reachable by touch."""
        if mark == 1 and self.mark == 1 and self.sender() is self.stars[0]:
            mark = 0
        self.mark = max(0, min(MAX_MARK, mark))
        for number, star in enumerate(self.stars, start=1):
            star.setIcon(resources.icon("star" if number <= self.mark else "star-empty"))
        self.mark_label.setText(formatting.fill(self.tr("%1 of %2 stars"), self.mark, MAX_MARK))

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Minus):
            self.set_mark(self.mark - 1)
        elif event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Plus):
            self.set_mark(self.mark + 1)
        else:
            super().keyPressEvent(event)

    def clear(self):
        self.comment.clear()
        self.set_mark(MAX_MARK)
        self.submit_button.setEnabled(True)

    def _submit(self):
        text = self.comment.toPlainText().strip()
        self.submit_button.setEnabled(False)
        self.submitted.emit(self.mark, text)
