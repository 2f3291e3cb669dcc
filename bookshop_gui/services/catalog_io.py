"""A shop's catalog to and from CSV: the spreadsheet every supplier sends.

An import adds the new books and updates the ones the shop already has,
matched on ISBN, so importing the same file twice changes nothing the second
time. A row that cannot be taken is refused with its line number and the
reason, and the rest of the file still goes in. It is saved `BATCH_ROWS` rows
per transaction, with a pause between batches on SQLite: a kiosk paying
meanwhile waits for one batch, never for the whole file. Stopping part way keeps the batches
already saved; importing the file again carries on from there, since the rows
already in are matched and left unchanged.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from bookshop_gui import domain
from bookshop_gui.domain import Role
from bookshop_gui.errors import BookshopError, InvalidInput
from bookshop_gui.models import Book
from bookshop_gui.services import csv_files
from bookshop_gui.services.catalog import MAX_STOCK, clean_isbn
from bookshop_gui.services.sessions import caller
from bookshop_gui.services.transactions import let_others_write, reads, writes

COLUMNS = ("isbn", "title", "author", "price", "stock", "pic")
REQUIRED = ("isbn", "title", "price")
BATCH_ROWS = 500  # a quarter of a second of SQLite's write lock on a slow machine
FIELDS = ("title", "author", "price", "stock", "pic")


class ImportCancelled(BookshopError):
    """The person stopped the import; the rows before `line` were saved.

    `done` of the file's `total` rows were saved, for a window to say so in
    the person's language.
    """

    def __init__(self, message: str, line: int, done: int = 0, total: int = 0):
        super().__init__(message)
        self.line, self.done, self.total = line, done, total


@dataclass(frozen=True)
class Refusal:
    line: int
    reason: str


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    unchanged: int
    refused: tuple[Refusal, ...]

    @property
    def taken(self) -> int:
        return self.added + self.updated + self.unchanged


@reads(seconds=60)  # writes a file as it reads: a big catalog takes a while
def export_csv(token, path: str | Path) -> int:
    """Write the shop's books to `path` in COLUMNS order; returns how many."""
    staff = caller(token, Role.STAFF)
    query = Book.select().where(Book.shop == staff.shop_id).order_by(Book.id)
    written = 0
    with csv_files.writing(path) as writer:
        writer.writerow(COLUMNS)
        for book in query.iterator():
            writer.writerow([book.isbn, book.title, book.author, book.price, book.stock, book.pic])
            written += 1
    return written


def import_csv(token, path: str | Path, *, progress: Callable | None = None) -> ImportReport:
    """Add or update the shop's books from `path`; `progress(done, total)` False stops it.

    Progress is reported after each batch is saved, so a stop never leaves half a batch.
    """
    _check_importer(token)
    rows = _read(path)
    seen: dict[str, int] = {}
    counts: Counter = Counter()
    refused: list[Refusal] = []
    for start in range(0, len(rows), BATCH_ROWS):
        batch = []
        for line, row in rows[start:start + BATCH_ROWS]:
            try:
                batch.append(_clean(row, seen, line))
            except InvalidInput as refusal:
                refused.append(Refusal(line, refusal.message))
        counts.update(_store_batch(token, batch))
        let_others_write()
        done = min(start + BATCH_ROWS, len(rows))
        if progress is not None and progress(done, len(rows)) is False and done < len(rows):
            raise ImportCancelled(
                f"The import was stopped after {done} of {len(rows)} rows; those are saved. "
                "Import the same file again to finish it.", rows[done][0], done, len(rows))
    return ImportReport(counts["added"], counts["updated"], counts["unchanged"], tuple(refused))


@reads
def _check_importer(token) -> None:
    caller(token, Role.STAFF)


@writes
def _store_batch(token, batch: list[dict]) -> Counter:
    """Save one batch in one transaction; the token is checked again, as for any call."""
    shop_id = caller(token, Role.STAFF).shop_id
    if not batch:
        return Counter()
    isbns = [fields["isbn"] for fields in batch]
    existing = {book.isbn: book for book in
                Book.select().where(Book.shop == shop_id, Book.isbn.in_(isbns))}
    return Counter(_store(shop_id, existing, fields) for fields in batch)


def _read(path) -> list[tuple[int, dict]]:
    """(line number, row) pairs; InvalidInput if the file or its header is unusable."""
    try:
        with open(csv_files.source(path), newline="", encoding="utf-8-sig") as source:
            reader = csv.DictReader(source)
            header = {(name or "").strip().lower() for name in reader.fieldnames or ()}
            missing = [name for name in REQUIRED if name not in header]
            if missing:
                raise InvalidInput(f"The file has no {', '.join(missing)} column.")
            return [(reader.line_num, _lower_keys(row)) for row in reader if any(row.values())]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InvalidInput(f"The file cannot be read as CSV: {exc}") from exc


def _lower_keys(row: dict) -> dict:
    return {(key or "").strip().lower(): csv_files.original((value or "").strip())
            for key, value in row.items() if isinstance(value, str)}


def _clean(row: dict, seen: dict[str, int], line: int) -> dict:
    """The row as book fields, or InvalidInput saying why it is refused."""
    isbn = clean_isbn(row.get("isbn", ""))
    if not isbn:
        raise InvalidInput("No ISBN: a book is matched on its ISBN.")
    if isbn in seen:
        raise InvalidInput(f"ISBN {isbn} is already on line {seen[isbn]}.")
    fields = {
        "isbn": isbn,
        "title": domain.text(row.get("title", ""), "Title", 300, required=True),
        "author": domain.text(row.get("author", ""), "Author", 200),
        "price": domain.money(_decimal(row.get("price", "")), "Price"),
        "pic": domain.text(row.get("pic", ""), "Cover", 500),
    }
    if row.get("stock"):
        fields["stock"] = _stock(row["stock"])
    seen[isbn] = line
    return fields


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text.replace("¥", "").replace(",", "").strip())
    except InvalidOperation:
        raise InvalidInput(f"Price {text!r} is not an amount of money.") from None


def _stock(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_STOCK:
        raise InvalidInput(f"Stock {text!r} is not a whole number from 0 to {MAX_STOCK}.")
    return int(text)


def _store(shop_id: int, existing: dict[str, Book], fields: dict) -> str:
    """Add the book or bring the matching one up to date; says which it did."""
    book = existing.get(fields["isbn"])
    if book is None:
        existing[fields["isbn"]] = Book.create(shop=shop_id, **{"stock": 0, **fields})
        return "added"
    changes = {name: fields[name] for name in FIELDS
               if name in fields and getattr(book, name) != fields[name]}
    if not changes:
        return "unchanged"
    Book.update(**changes).where(Book.id == book.id).execute()
    for name, value in changes.items():
        setattr(book, name, value)
    return "updated"
