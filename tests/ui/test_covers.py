"""Cover pictures in the windows: checked before decoding, decoded off the GUI thread."""

import struct
import zlib
from decimal import Decimal

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread
from PySide6.QtGui import QColor, QImage

from bookshop_gui.errors import InvalidInput
from bookshop_gui.models import CoverImage
from bookshop_gui.services import catalog
from bookshop_gui.services import covers as stored_covers
from bookshop_gui.ui import covers, resources
from bookshop_gui.ui.tasks import Tasks


def png(width: int, height: int) -> bytes:
    """A grey PNG of any size, written row by row: 8000 × 8000 is some 70 KB, not 64 MB."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    packer = zlib.compressobj(9)
    row = b"\x00" + b"\x80" * width
    rows = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows)
            + chunk(b"IEND", b""))


@pytest.fixture
def picture_file(tmp_path):
    def write(data: bytes, name="cover.png"):
        path = tmp_path / name
        path.write_bytes(data)
        return str(path)
    return write


def test_a_huge_png_is_refused_from_its_header_and_nothing_is_stored(
        staff_session, picture_file):
    path = picture_file(png(8000, 8000))
    with pytest.raises(InvalidInput, match="8000 × 8000 pixels"):
        covers.import_file(staff_session.token, path)
    with pytest.raises(InvalidInput, match="4001 × 10 pixels"):
        covers.import_file(staff_session.token, picture_file(png(4001, 10)))
    assert CoverImage.select().count() == 0


def test_a_file_over_5_mb_is_refused_unread(staff_session, picture_file):
    path = picture_file(b"\x89PNG\r\n\x1a\n" + b"\x00" * (5 * 2**20))
    with pytest.raises(InvalidInput, match="over 5 MB"):
        covers.import_file(staff_session.token, path)
    assert CoverImage.select().count() == 0


def test_a_huge_png_already_in_the_database_shows_the_generated_cover(staff_session):
    data = png(8000, 8000)
    digest = stored_covers.store(staff_session.token, data).removeprefix("cover:")
    pic = "cover:" + digest
    assert covers.decode(pic, 60, 90) is None  # refused from its header, never decoded
    shown = covers.cover(pic, "Huge", "", 60, 90).toImage()
    assert shown.pixelColor(30, 45) != QColor(128, 128, 128)


def test_covers_are_decoded_off_the_gui_thread(qtbot, staff_session, picture_file, monkeypatch):
    monkeypatch.setattr(Tasks, "serial", False)
    pic = covers.import_file(staff_session.token, picture_file(png(400, 600)))
    threads = []
    decode = covers.decode

    def watched(*args):
        threads.append(QThread.currentThread())
        return decode(*args)

    monkeypatch.setattr(covers, "decode", watched)
    with qtbot.waitSignal(covers.loaded(), timeout=10_000):
        first = covers.cover(pic, "Grey", "", 41, 61).toImage()  # at once: the generated card
    assert first.pixelColor(20, 30) != QColor(128, 128, 128)
    shown = covers.cover(pic, "Grey", "", 41, 61).toImage()
    assert shown.pixelColor(20, 30) == QColor(128, 128, 128)
    assert threads and QThread.currentThread() not in threads


def test_a_bundled_demo_cover_named_by_its_file_name_still_shows(tmp_path, monkeypatch):
    (tmp_path / "covers").mkdir()
    image = QImage(30, 45, QImage.Format.Format_RGB32)
    image.fill(QColor("#225588"))
    image.save(str(tmp_path / "covers" / "demo-emma.png"))
    monkeypatch.setattr(resources, "ROOT", tmp_path)
    shown = covers.cover("demo-emma.png", "Emma", "", 30, 45).toImage()
    assert shown.pixelColor(15, 22) == QColor("#225588")


def test_a_model_outliving_the_cover_loader_goes_quietly(qtbot, monkeypatch):
    """At the program's end Qt may free the loader before a table's model."""
    monkeypatch.setattr(covers, "_LOADER", [])
    model = QObject()
    covers.repaint_when_loaded(model)
    shiboken6.delete(covers._loader())
    shiboken6.delete(model)  # an error in its `destroyed` handler would fail the test


@pytest.fixture
def secret_picture(tmp_path, monkeypatch):
    """A blue picture outside the bundled covers folder, and that folder (empty) beside it."""
    (tmp_path / "covers").mkdir()
    image = QImage(30, 45, QImage.Format.Format_RGB32)
    image.fill(QColor("#225588"))
    path = tmp_path / "secret.png"
    image.save(str(path))
    monkeypatch.setattr(resources, "ROOT", tmp_path)
    return path


def test_a_pic_naming_a_file_elsewhere_is_kept_but_never_opened(staff_session, secret_picture):
    """`pic` is the seed's picture URL: any text is kept, and the window reads none of it."""
    named = [str(secret_picture), secret_picture.as_uri(), "../secret.png",
             "covers/../../secret.png", "https://example.com/emma.png"]
    for pic in named:
        book_id = catalog.add_book(staff_session.token, title="Emma", price=Decimal("8.99"),
                                   stock=1, pic=pic)
        assert catalog.get(book_id).pic == pic
        assert covers.decode(pic, 30, 45) is None
        shown = covers.cover(pic, "Emma", "", 30, 45).toImage()
        assert shown.pixelColor(15, 22) != QColor("#225588")  # the generated card
    (secret_picture.parent / "covers" / "secret.png").write_bytes(secret_picture.read_bytes())
    assert covers.decode("secret.png", 30, 45) is not None  # as a bundled cover it shows
