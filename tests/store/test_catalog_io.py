"""Catalog CSV: saved in batches, refused rows with reasons, books matched on ISBN."""

import csv
from decimal import Decimal

import pytest

from bookshop_gui.errors import AuthError, InvalidInput
from bookshop_gui.models import Book
from bookshop_gui.services import catalog, catalog_io

HEADER = "isbn,title,author,price,stock,pic\n"


def write(tmp_path, text, name="books.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def shop_books(shop_id):
    query = Book.select().where(Book.shop == shop_id).order_by(Book.id)
    return [(b.isbn, b.title, b.price, b.stock) for b in query]


def test_import_adds_books_and_a_second_import_changes_nothing(world, tmp_path):
    path = write(tmp_path, HEADER + "978-0-14-143951-8,Pride and Prejudice,Jane Austen,9.99,12,\n"
                                    "0306406152,Signal Book,,12.50,3,\n")
    first = catalog_io.import_csv(world.staff_a.token, path)
    assert (first.added, first.updated, first.refused) == (2, 0, ())
    before = shop_books(world.shop_a)
    second = catalog_io.import_csv(world.staff_a.token, path)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
    assert shop_books(world.shop_a) == before
    assert ("9780141439518", "Pride and Prejudice", Decimal("9.99"), 12) in before


def test_a_matching_isbn_updates_the_book_in_place(world, tmp_path):
    book_id = catalog.add_book(world.staff_a.token, title="Emma", price=Decimal("8.99"),
                               stock=6, isbn="9780141439587")
    path = write(tmp_path, HEADER + "9780141439587,Emma (Penguin),Jane Austen,7.50,9,\n")
    result = catalog_io.import_csv(world.staff_a.token, path)
    assert (result.added, result.updated) == (0, 1)
    book = catalog.get(book_id)
    assert (book.title, book.price, book.stock) == ("Emma (Penguin)", Decimal("7.50"), 9)


def test_bad_rows_are_refused_with_their_line_and_reason(world, tmp_path):
    path = write(tmp_path, HEADER
                 + "9780141439518,Good,,9.99,1,\n"        # line 2: taken
                 + "9780141439519,Bad checksum,,9.99,1,\n"  # line 3
                 + ",No ISBN,,9.99,1,\n"                  # line 4
                 + "0306406152,,,9.99,1,\n"               # line 5: no title
                 + "080442957X,Cheap,,-1,1,\n"            # line 6: negative price
                 + "9780141439587,Odd,,1.234,1,\n"        # line 7: three places
                 + "9780141439662,Lots,,5,many,\n"        # line 8: stock not a number
                 + "978-0141439518,Again,,9.99,1,\n")     # line 9: same ISBN as line 2
    result = catalog_io.import_csv(world.staff_a.token, path)
    assert result.added == 1
    reasons = {r.line: r.reason for r in result.refused}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9]
    assert "check digit" in reasons[3]
    assert "No ISBN" in reasons[4]
    assert "Title" in reasons[5]
    assert "negative" in reasons[6]
    assert "two decimal places" in reasons[7]
    assert "Stock" in reasons[8]
    assert "line 2" in reasons[9]


def test_stopping_keeps_the_saved_batches_and_a_rerun_finishes(world, tmp_path, monkeypatch):
    monkeypatch.setattr(catalog_io, "BATCH_ROWS", 2)
    isbns = ["9780141439518", "9780141439587", "9780141439662"]
    rows = "".join(f"{isbn},Book {i},,5.00,1,\n" for i, isbn in enumerate(isbns))
    path = write(tmp_path, HEADER + rows)
    before = shop_books(world.shop_a)
    with pytest.raises(catalog_io.ImportCancelled) as stopped:
        catalog_io.import_csv(world.staff_a.token, path, progress=lambda done, total: False)
    assert stopped.value.line == 4  # the third book's line: the first two are saved
    assert shop_books(world.shop_a)[len(before):] == [
        (isbn, f"Book {i}", Decimal("5.00"), 1) for i, isbn in enumerate(isbns[:2])]

    again = catalog_io.import_csv(world.staff_a.token, path)
    assert (again.added, again.unchanged) == (1, 2)
    assert [row[0] for row in shop_books(world.shop_a)[len(before):]] == isbns


def test_progress_is_reported_to_the_last_row(world, tmp_path):
    path = write(tmp_path, HEADER + "9780141439518,One,,5.00,1,\n")
    seen = []
    catalog_io.import_csv(world.staff_a.token, path, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (1, 1)


def test_export_then_import_round_trips(world, tmp_path):
    catalog.add_book(world.staff_a.token, title="墨香 Ink", author="老子", price=Decimal("59.70"),
                     stock=4, isbn="9787020002207")
    path = tmp_path / "out.csv"
    written = catalog_io.export_csv(world.staff_a.token, path)
    assert written == len(shop_books(world.shop_a))
    with open(path, encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    assert {"isbn": "9787020002207", "title": "墨香 Ink", "author": "老子", "price": "59.70",
            "stock": "4", "pic": ""} in rows
    again = catalog_io.import_csv(world.staff_a.token, path)
    assert (again.added, again.updated) == (0, 0)


def test_a_file_without_the_needed_columns_is_refused_whole(world, tmp_path):
    with pytest.raises(InvalidInput, match="price"):
        catalog_io.import_csv(world.staff_a.token, write(tmp_path, "isbn,title\n1,a\n"))


def test_only_staff_import_and_export(world, tmp_path):
    with pytest.raises(AuthError):
        catalog_io.export_csv(world.alice.token, tmp_path / "x.csv")
    with pytest.raises(AuthError):
        catalog_io.import_csv(world.alice.token, write(tmp_path, HEADER))
