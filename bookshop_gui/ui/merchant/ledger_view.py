"""A buyer's ledger in the members pane: every balance change, newest first, a page at
a time ("Show older"), and the whole of it saved as a CSV file for the accounts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import Session
from bookshop_gui.services import ledger
from bookshop_gui.ui import dialogs, formatting, messages, tables
from bookshop_gui.ui.merchant.ledger_model import COL_REASON, LedgerModel

PAGE = 100


class LedgerView(QWidget):
    """Emits `message(text)` for the status bar when an export is written."""

    message = Signal(str)

    def __init__(self, session: Session, tasks, parent=None):
        super().__init__(parent)
        self.session, self.tasks = session, tasks
        self.username: str | None = None
        self.model = LedgerModel(self)
        self.table = tables.table(self.tr("Balance history"), self.model, COL_REASON,
                                  grid=True)
        self.more_button = QPushButton(self.tr("Show &older"))
        self.more_button.clicked.connect(self.load_more)
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.clicked.connect(self.export)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Balance history"), objectName="heading"))
        row.addStretch()
        row.addWidget(self.more_button)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.empty = QLabel(objectName="hint", wordWrap=True,
                            alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)
        self.show_buyer(None)

    def show_buyer(self, username: str | None):
        """The newest page of `username`'s ledger; a line saying what to do when no
        buyer is chosen, and one saying so when the buyer's balance never changed."""
        self.username = username
        self.model.set_rows([])
        self.more_button.setEnabled(False)
        self.export_button.setEnabled(bool(username))
        self._say(self.tr("Choose a buyer above to see every change to their balance."))
        if username:
            self._fetch(username, 0, self._first_page)

    def _first_page(self, entries):
        self.model.set_rows(entries)
        self._say("" if entries else self.tr("No change to this buyer's balance yet."))

    def _say(self, text: str):
        """`text` in place of the table, or the table when there is nothing to say."""
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
        self.table.setVisible(not text)

    def load_more(self):
        if self.username:
            self._fetch(self.username, len(self.model.rows), self.model.add_rows)

    def _fetch(self, username: str, offset: int, show):
        def shown(entries):
            if username == self.username:
                show(entries)
                self.more_button.setEnabled(len(entries) == PAGE)

        self.tasks.run(ledger.statement, self.session.token, username, offset=offset,
                       limit=PAGE, done=shown, failed=self._failed, key="ledger")

    def export(self):
        username = self.username
        if not username:
            return
        path = dialogs.save_file_name(self, self.tr("Export balance history"),
                                      f"{username}-balance.csv", self.tr("CSV files (*.csv)"))
        if path:
            self.tasks.run(ledger.write_csv, self.session.token, username, path,
                           done=lambda n: self._exported(n, path), failed=self._failed)

    def _exported(self, count: int, path: str):
        text = self.tr("Saved %n balance entry(s) to %1.", "", count)
        self.message.emit(formatting.fill(text, path))

    def _failed(self, error):
        dialogs.warn(self, self.tr("Balance history"), messages.describe(error))
