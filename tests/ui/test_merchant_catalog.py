"""The catalog pane as staff use it: add and edit books, bad ISBNs refused, CSV round trip."""

import csv
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QPushButton

from bookshop_gui.services import catalog, catalog_io
from bookshop_gui.ui import covers, dialogs
from bookshop_gui.ui.merchant.catalog_model import CatalogModel


@pytest.fixture
def pane(staff_window):
    return staff_window.show_pane("catalog")


def titles(pane):
    return [pane.model.index(row, 0).data() for row in range(pane.model.rowCount())]


def test_the_shops_books_are_listed(pane):
    assert len(titles(pane)) == 20  # Lakeside's books only
    assert "Emma" in titles(pane) and "红楼梦" not in titles(pane)
    assert pane.count_label.text() == "20 book(s)"


def test_adding_a_book_refuses_a_bad_isbn_until_it_is_fixed(qtbot, pane, staff_session):
    qtbot.mouseClick(pane.add_button, Qt.MouseButton.LeftButton)
    editor = pane.editor
    assert editor.isVisible() and not editor.save_button.isEnabled()
    qtbot.keyClicks(editor.title, "The Signal and the Noise")
    qtbot.keyClicks(editor.author, "Nate Silver")
    qtbot.keyClicks(editor.isbn, "978-0-306-40615-8")  # last digit wrong
    qtbot.keyClicks(editor.price, "12.50")
    editor.stock.setValue(4)
    assert editor.isbn.property("invalid") is True
    assert "check digit" in editor.problems.text()
    assert not editor.save_button.isEnabled()
    editor.isbn.clear()
    qtbot.keyClicks(editor.isbn, "978-0-306-40615-7")
    assert editor.isbn.property("invalid") is False
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert titles(pane)[0] == "The Signal and the Noise"
    book = pane.model.book_at(0)
    assert (book.isbn, book.price, book.stock) == ("9780306406157", Decimal("12.50"), 4)


def test_a_price_with_three_decimals_is_refused(qtbot, pane):
    editor = pane.open_editor(None)
    qtbot.keyClicks(editor.title, "Cheap")
    qtbot.keyClicks(editor.price, "1.999")
    assert editor.price.property("invalid") is True
    assert not editor.save_button.isEnabled()
    editor.reject()


def test_a_new_cover_from_a_file_is_copied_into_the_shop_database(
        qtbot, pane, tmp_path, monkeypatch):
    row = titles(pane).index("Emma")
    pane.table.selectRow(row)
    qtbot.mouseClick(pane.edit_button, Qt.MouseButton.LeftButton)
    editor = pane.editor
    assert editor.title.text() == "Emma" and editor.isbn.text() == "9780141439587"
    picture = tmp_path / "emma.png"
    image = QPixmap(60, 90)
    image.fill(QColor("#884422"))
    image.save(str(picture))
    monkeypatch.setattr(dialogs, "open_file_name", lambda *args: str(picture))
    editor.choose_cover()
    editor.price.clear()
    qtbot.keyClicks(editor.price, "7.25")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    book = catalog.get(pane.model.book_at(titles(pane).index("Emma")).id)
    assert book.price == Decimal("7.25") and book.pic.startswith("cover:")
    picture.unlink()  # the file stays on this computer; every workstation reads the database
    shown = covers.cover(book.pic, book.title, book.author, 60, 90).toImage()
    assert shown.pixelColor(30, 45) == QColor("#884422")


def test_editing_into_a_bad_isbn_is_refused(qtbot, pane):
    editor = pane.open_editor(pane.model.book_at(0))
    editor.isbn.clear()
    qtbot.keyClicks(editor.isbn, "12345")
    assert not editor.save_button.isEnabled()
    editor.save()  # even pressed directly, nothing is sent
    assert editor.isVisible()
    editor.reject()


def test_csv_export_then_import_changes_nothing_and_reports_refusals(
        qtbot, pane, tmp_path, monkeypatch, dialog_script):
    exported = tmp_path / "catalog.csv"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *args: str(exported))
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    with open(exported, encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    assert len(rows) == 20
    monkeypatch.setattr(dialogs, "open_file_name", lambda *args: str(exported))
    qtbot.mouseClick(pane.import_button, Qt.MouseButton.LeftButton)
    assert dialog_script.shown[-1][2] == "0 added, 0 updated, 20 unchanged, 0 refused."
    assert len(titles(pane)) == 20
    with open(exported, "a", encoding="utf-8", newline="") as out:
        out.write("9780306406157,A New Book,Someone,5.00,2,\n")
        out.write("9780306406158,Bad Check Digit,Someone,5.00,2,\n")
    qtbot.mouseClick(pane.import_button, Qt.MouseButton.LeftButton)
    report = dialog_script.shown[-1][2]
    assert report.startswith("1 added, 0 updated, 20 unchanged, 1 refused.")
    assert "Line 23: ISBN 9780306406158 is not valid" in report
    assert len(titles(pane)) == 21
    qtbot.mouseClick(pane.import_button, Qt.MouseButton.LeftButton)
    assert dialog_script.shown[-1][2].startswith("0 added, 0 updated, 21 unchanged")
    assert len(titles(pane)) == 21


def test_a_file_that_is_not_a_catalog_is_refused_whole(pane, tmp_path, dialog_script):
    path = tmp_path / "other.csv"
    path.write_text("name,colour\nx,red\n", encoding="utf-8")
    pane.import_file(str(path))
    kind, title, text = dialog_script.shown[-1]
    assert (kind, title) == ("warn", "Import stopped")
    assert "no isbn, title, price column" in text


def test_the_catalog_model_passes_the_model_tester(qtmodeltester, staff_session, tasks):
    model = CatalogModel(staff_session, tasks)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 20
    assert not model.index(0, 0).data(Qt.ItemDataRole.DecorationRole).isNull()  # the cover
    assert model.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is None


def stop_at_first_batch(qtbot, pane, monkeypatch):
    """Press the progress dialog's Stop as the first batch is reported saved."""
    show_progress = pane._moved
    pressed = []

    def moved(done, total):
        show_progress(done, total)
        if not pressed:
            pressed.append(done)
            pane.progress.show()
            [stop] = pane.progress.findChildren(QPushButton)
            assert stop.text() == "Stop"
            qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(pane, "_moved", moved)
    return pressed


def test_stopping_an_import_keeps_the_saved_batches_and_says_so(
        qtbot, pane, staff_session, tmp_path, monkeypatch, dialog_script):
    monkeypatch.setattr(catalog_io, "BATCH_ROWS", 2)
    isbns = ["9791000000008", "9791000000015", "9791000000022",  # none in the demo catalog
             "9791000000039", "9791000000046", "9791000000053"]
    path = tmp_path / "new-books.csv"
    path.write_text("isbn,title,author,price,stock,pic\n" + "".join(
        f"{isbn},New Book {n},Someone,5.00,1,\n" for n, isbn in enumerate(isbns)),
        encoding="utf-8")
    pressed = stop_at_first_batch(qtbot, pane, monkeypatch)
    pane.import_file(str(path))

    assert pressed == [2]
    assert dialog_script.shown[-1] == (
        "inform", "Import stopped",
        "Stopped after 2 of 6 rows. Those rows are saved; import the same file again to finish it.")
    assert pane.progress is None
    new = sorted(t for t in titles(pane) if t.startswith("New Book"))
    assert new == ["New Book 0", "New Book 1"] and len(titles(pane)) == 22
    saved = catalog.search("New Book", shop_id=staff_session.shop_id)
    assert sorted(book.isbn for book in saved) == isbns[:2]

    pressed.append("no more")  # this time the import runs to its end
    pane.import_file(str(path))
    assert dialog_script.shown[-1][2] == "4 added, 0 updated, 2 unchanged, 0 refused."
    assert len(titles(pane)) == 26
