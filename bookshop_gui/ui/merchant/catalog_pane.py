"""The catalog pane: the shop's books, added and edited one by one or in bulk from CSV."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bookshop_gui.domain import Book, Kind, Session
from bookshop_gui.services import catalog_io
from bookshop_gui.ui import dialogs, formatting, live, messages, resources, shortcuts, tables
from bookshop_gui.ui.merchant.book_editor import BookEditor
from bookshop_gui.ui.merchant.catalog_model import (
    COL_AUTHOR,
    COL_ISBN,
    COL_PRICE,
    COL_STOCK,
    COL_TITLE,
    CatalogModel,
)
from bookshop_gui.ui.search_box import SearchBox

CSV_FILTER = "CSV (*.csv)"
REFUSALS_SHOWN = 25


class _Progress(QObject):
    """Carries the import's progress from the worker thread to the GUI thread."""

    moved = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.stopped = False

    def report(self, done: int, total: int) -> bool:
        self.moved.emit(done, total)
        return not self.stopped


class CatalogPane(QWidget):
    message = Signal(str)

    def __init__(self, session: Session, tasks, parent=None):
        super().__init__(parent)
        self.session, self.tasks = session, tasks
        self.editor: BookEditor | None = None
        self.progress: QProgressDialog | None = None
        self._keep: int | None = None  # the book to choose again once the list is read
        self.model = CatalogModel(session, tasks, self)
        self.model.failed.connect(lambda error: self.message.emit(messages.describe(error)))
        self.model.loaded.connect(self._show_count)
        self._build()
        live.follow(self, tasks, (Kind.BOOKS,), lambda _changes: self.refresh(),
                    first_read_when_shown=True)

    def _build(self):
        self.search = SearchBox(self.tr("Title, author or ISBN"))
        self.search.searched.connect(lambda _text: self.reload())
        self.add_button = QPushButton(resources.icon("plus"), self.tr("&Add book…"),
                                      objectName="primary")
        self.add_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton(resources.icon("edit"), self.tr("E&dit…"))
        self.edit_button.clicked.connect(lambda: self.open_editor(self.current_book()))
        self.import_button = QPushButton(resources.icon("import"), self.tr("&Import CSV…"))
        self.import_button.clicked.connect(self.choose_import)
        self.export_button = QPushButton(resources.icon("export"), self.tr("&Export CSV…"))
        self.export_button.clicked.connect(self.choose_export)
        self.count_label = QLabel(objectName="hint")
        self.edit_button.setEnabled(False)
        shortcuts.bind(self.add_button, shortcuts.Key.New)
        shortcuts.find(self, self.search)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for button in (self.import_button, self.export_button, self.edit_button, self.add_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._table())
        layout.addWidget(self.count_label)

    def _table(self) -> QTableView:
        self.table = tables.table(
            self.tr("Books"), self.model, COL_TITLE, fit=False, row_height=34,
            widths={COL_AUTHOR: 200, COL_ISBN: 150, COL_PRICE: 90, COL_STOCK: 70})
        self.table.activated.connect(
            lambda index: self.open_editor(self.model.book_at(index.row())))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        return self.table

    def reload(self):
        self.model.reload(self.search.query())

    def refresh(self):
        """Read the books again after a change (kiosks sell copies); the chosen book stays."""
        book = self.current_book()
        self._keep = book.id if book else None
        self.reload()

    def _show_count(self):
        self.count_label.setText(formatting.books_found(self.model.total))
        row = self.model.row_of(self._keep) if self._keep is not None else -1
        if row >= 0:
            self._keep = None
            self.table.selectRow(row)

    def _selection_changed(self, *_args):
        """Edit… edits the chosen book; with none chosen there is nothing to edit."""
        self.edit_button.setEnabled(self.current_book() is not None)

    def current_book(self) -> Book | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.book_at(rows[0].row()) if rows else None

    # -- one book ------------------------------------------------------------------

    def open_editor(self, book: Book | None) -> BookEditor:
        self.editor = BookEditor(self.session, self.tasks, book, self)
        self.editor.saved.connect(self._book_saved)
        self.editor.open()
        return self.editor

    def _book_saved(self, _book_id: int):
        self.message.emit(self.tr("Book saved."))

    # -- CSV ------------------------------------------------------------------

    def choose_import(self):
        path = dialogs.open_file_name(self, self.tr("Import books from CSV"), CSV_FILTER)
        if path:
            self.import_file(path)

    def import_file(self, path: str):
        relay = _Progress(self)
        self.progress = QProgressDialog(self.tr("Importing books…"), self.tr("Stop"), 0, 0, self)
        self.progress.setWindowTitle(self.tr("Import CSV"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(500)
        self.progress.canceled.connect(lambda: setattr(relay, "stopped", True))
        relay.moved.connect(self._moved)
        self.tasks.run(catalog_io.import_csv, self.session.token, path, progress=relay.report,
                       done=self._imported, failed=self._import_failed)

    def _moved(self, done: int, total: int):
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _end_progress(self):
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _imported(self, report):
        self._end_progress()
        self.reload()
        dialogs.inform(self, self.tr("Import finished"), self.import_summary(report))

    def import_summary(self, report) -> str:
        text = formatting.fill(self.tr("%1 added, %2 updated, %3 unchanged, %4 refused."),
                               report.added, report.updated, report.unchanged,
                               len(report.refused))
        lines = [formatting.fill(self.tr("Line %1: %2"), r.line, r.reason)
                 for r in report.refused[:REFUSALS_SHOWN]]
        if len(report.refused) > REFUSALS_SHOWN:
            lines.append(formatting.fill(self.tr("…and %1 more."),
                                         len(report.refused) - REFUSALS_SHOWN))
        return "\n".join([text, *lines])

    def _import_failed(self, error):
        self._end_progress()
        self.reload()  # a stopped import keeps the batches it saved
        if isinstance(error, catalog_io.ImportCancelled):  # Stop pressed: nothing went wrong
            dialogs.inform(self, self.tr("Import stopped"), formatting.fill(self.tr(
                "Stopped after %1 of %2 rows. Those rows are saved; import the same file again to finish it."),  # noqa: E501
                error.done, error.total))
        else:
            dialogs.warn(self, self.tr("Import stopped"), messages.describe(error))

    def choose_export(self):
        path = dialogs.save_file_name(self, self.tr("Export books to CSV"), "catalog.csv",
                                      CSV_FILTER)
        if path:
            self.export_file(path)

    def export_file(self, path: str):
        self.tasks.run(catalog_io.export_csv, self.session.token, path,
                       done=lambda n: self.message.emit(
                           self.tr("Exported %n book(s).", "", n)),
                       failed=lambda error: dialogs.warn(self, self.tr("Export failed"),
                                                         messages.describe(error)))
