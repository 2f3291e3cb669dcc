"""Adding or editing one of the shop's books; a mistyped ISBN is caught as it is typed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from bookshop_gui.domain import Book, Session, isbn_valid
from bookshop_gui.services import catalog
from bookshop_gui.services.catalog import MAX_STOCK
from bookshop_gui.ui import covers, dialogs, formatting, messages, shortcuts


def mark(widget, bad: bool):
    """Red border on a field whose value cannot be saved (the style sheet's `invalid`)."""
    widget.setProperty("invalid", bad)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class BookEditor(QDialog):
    """`book=None` adds a new book; emits `saved(book_id)`."""

    saved = Signal(int)

    def __init__(self, session: Session, tasks, book: Book | None = None, parent=None):
        super().__init__(parent)
        self.session, self.tasks, self.book = session, tasks, book
        self.pic = book.pic if book else ""
        self.setWindowTitle(self.tr("Edit book") if book else self.tr("Add a book"))
        self.setMinimumWidth(440)
        self._build()
        if book:
            self._fill(book)
        self._validate()
        covers.loaded().connect(self._show_cover)

    def _build(self):
        self.title = QLineEdit()
        self.author = QLineEdit()
        self.isbn = QLineEdit(placeholderText=self.tr("ISBN-10 or ISBN-13"))
        self.price = QLineEdit(placeholderText="0.00")
        self.stock = QSpinBox(maximum=MAX_STOCK)
        self.cover = QLabel()
        self.cover.setFixedSize(84, 120)
        choose = QPushButton(self.tr("C&hoose image…"))
        choose.clicked.connect(self.choose_cover)
        clear = QPushButton(self.tr("&No image"))
        clear.clicked.connect(lambda: self.set_cover(""))
        cover_row = QHBoxLayout()
        cover_row.addWidget(self.cover)
        buttons_column = QVBoxLayout()
        buttons_column.addWidget(choose)
        buttons_column.addWidget(clear)
        buttons_column.addStretch()
        cover_row.addLayout(buttons_column)
        cover_row.addStretch()
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("A&uthor"), self.author)
        form.addRow(self.tr("&ISBN"), self.isbn)
        form.addRow(self.tr("&Price"), self.price)
        form.addRow(self.tr("St&ock"), self.stock)
        form.addRow(self.tr("Cover"), cover_row)
        self.problems = QLabel(objectName="error", wordWrap=True)
        self.problems.hide()
        self.save_button = QPushButton(self.tr("&Save"), objectName="primary")
        self.save_button.clicked.connect(self.save)
        shortcuts.bind(self.save_button, shortcuts.Key.Save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(cancel)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addLayout(row)
        for field in (self.title, self.isbn, self.price):
            field.textChanged.connect(self._validate)
        self.title.textChanged.connect(lambda _t: self.set_cover(self.pic))
        self.set_cover(self.pic)

    def _fill(self, book: Book):
        self.title.setText(book.title)
        self.author.setText(book.author)
        self.isbn.setText(book.isbn)
        self.price.setText(f"{book.price:.2f}")
        self.stock.setValue(book.stock)

    def set_cover(self, pic: str):
        self.pic = pic
        self._show_cover()

    def _show_cover(self):
        self.cover.setPixmap(covers.cover(self.pic, self.title.text(), self.author.text(), 84, 120))

    def choose_cover(self):
        """Check the chosen picture and copy it into the shop database, off the GUI thread."""
        path = dialogs.open_file_name(self, self.tr("Choose a cover image"),
                                      self.tr("Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp)"))
        if path:
            self.tasks.run(covers.import_file, self.session.token, path,
                           done=self.set_cover, failed=self._cover_refused)

    def _cover_refused(self, error):
        self.problems.setText(messages.describe(error))
        self.problems.show()

    def problems_found(self) -> list[str]:
        """Every reason the book cannot be saved yet, each field marked in red."""
        found = []
        bad_title = not self.title.text().strip()
        isbn = self.isbn.text().strip()
        bad_isbn = bool(isbn) and not isbn_valid(isbn)
        bad_price = formatting.parse_money(self.price.text()) is None
        for widget, bad, text in (
            (self.title, bad_title, self.tr("A book needs a title.")),
            (self.isbn, bad_isbn, self.tr("This ISBN's check digit is wrong: check for a typo.")),
            (self.price, bad_price, self.tr("A price is 0 or more, with at most two decimals.")),
        ):
            mark(widget, bad)
            if bad:
                found.append(text)
        return found

    def _validate(self):
        found = self.problems_found()
        untouched = not self.title.text() and not self.price.text() and not self.isbn.text()
        if untouched:  # a new, empty form: nothing is wrong yet, nothing in red
            for field in (self.title, self.isbn, self.price):
                mark(field, False)
        self.problems.setText("\n".join(found))
        self.problems.setVisible(bool(found) and not untouched)
        self.save_button.setEnabled(not found)

    def fields(self) -> dict:
        return {
            "title": self.title.text().strip(), "author": self.author.text().strip(),
            "isbn": self.isbn.text().strip(), "price": formatting.parse_money(self.price.text()),
            "stock": self.stock.value(), "pic": self.pic,
        }

    def save(self):
        if self.problems_found():
            self._validate()
            return
        self.save_button.setEnabled(False)
        if self.book is None:
            self.tasks.run(catalog.add_book, self.session.token, **self.fields(),
                           done=self._saved, failed=self._failed)
        else:
            self.tasks.run(catalog.update_book, self.session.token, self.book.id,
                           **self.fields(), done=lambda _r: self._saved(self.book.id),
                           failed=self._failed)

    def _saved(self, book_id: int):
        self.saved.emit(book_id)
        self.accept()

    def _failed(self, error):
        self.save_button.setEnabled(True)
        self.problems.setText(messages.describe(error))
        self.problems.show()
