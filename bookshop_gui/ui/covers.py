"""Book covers: the shop's picture when there is one, a generated cover when not.

A generated cover is a coloured card with the title and author, its colour
chosen from the title, so a catalog without pictures still reads at a glance
and the same book always looks the same.

Pictures are decoded off the GUI thread: `cover` answers at once from a cache,
or with the generated card while a worker reads the picture (from the shop
database or a bundled demo cover; never a file or URL a book's `pic` names),
and `loaded` tells the views to look again. A picture over 5 MB or 4000 pixels a side is never
decoded: its size is checked in the file's header first, and Qt's allocation
limit stops anything that lies about it.
"""

from __future__ import annotations

import hashlib
import re
import weakref
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QObject,
    QRect,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QPainter, QPixmap

from bookshop_gui.domain import MAX_COVER_BYTES, MAX_COVER_SIDE
from bookshop_gui.errors import BookshopError, InvalidInput
from bookshop_gui.services import covers as stored_covers
from bookshop_gui.ui import formatting, resources
from bookshop_gui.ui.tasks import Tasks

PALETTE = ("#3b6e8f", "#8f3b4a", "#4a7d4f", "#7a5c2e", "#5b4a8f", "#2e6b6b", "#8f6a3b", "#48525e")
ALLOCATION_LIMIT_MB = 128  # a 4000 × 4000 picture at 64 bits a pixel, and no more
CACHED = 512
# A bundled demo cover is named by its bare file name: no folder, drive, scheme or "..".
BUNDLED_NAME = re.compile(r"[\w-][\w.-]*")

translate = QCoreApplication.translate
QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)


def cover(pic: str, title: str, author: str, width: int = 96, height: int = 136) -> QPixmap:
    """The cover at the given size: the picture once it is decoded, else a generated one."""
    picture = _loader().picture(pic, width, height) if pic else None
    return picture if picture is not None else placeholder(title, author, width, height)


def loaded() -> Signal:
    """Emitted on the GUI thread whenever a picture finished loading (or could not be)."""
    return _loader().loaded


def repaint_when_loaded(model) -> None:
    """Have `model`'s views ask for its covers again once pictures are decoded."""
    held = weakref.ref(model)

    def refresh():
        model = held()
        if model is None or not shiboken6.isValid(model):
            return
        rows, columns = model.rowCount(), model.columnCount()
        if rows and columns:
            model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1),
                                   [Qt.ItemDataRole.DecorationRole])

    def forget():
        if shiboken6.isValid(loader):  # at the program's end the loader may be gone first
            loader.loaded.disconnect(refresh)

    loader = _loader()
    loader.loaded.connect(refresh)
    model.destroyed.connect(forget)


def import_file(token: str, path: str) -> str:
    """Check a chosen picture and keep it in the shop database; returns the book's new `pic`.

    Runs on the window's worker: the file is read and decoded there, never on
    the GUI thread.
    """
    data = _read_limited(Path(path))
    if data is None:
        raise InvalidInput(formatting.fill(translate(
            "covers", "This picture is over %1 MB. Choose a smaller one."),
            MAX_COVER_BYTES // 2**20))
    reader, _buffer = _reader(data)
    size = reader.size()
    if not size.isValid():
        raise InvalidInput(translate("covers", "This file is not a picture Bookshop can show."))
    if max(size.width(), size.height()) > MAX_COVER_SIDE:
        raise InvalidInput(formatting.fill(translate(
            "covers", "This picture is %1 × %2 pixels; a cover can be at most %3 pixels a side."
        ), size.width(), size.height(), MAX_COVER_SIDE))
    if reader.read().isNull():
        raise InvalidInput(translate("covers", "This file is not a picture Bookshop can show."))
    return stored_covers.store(token, data)


SMALL = 64  # narrower than this, a cover shows the title's first letter, not the words


@lru_cache(maxsize=CACHED)
def placeholder(title: str, author: str, width: int, height: int) -> QPixmap:
    pixmap = QPixmap(width, height)
    digest = hashlib.md5(title.encode(errors="replace"), usedforsecurity=False).digest()
    pixmap.fill(QColor(PALETTE[digest[0] % len(PALETTE)]))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(255, 255, 255, 60))
    painter.drawRect(4, 4, width - 9, height - 9)
    painter.setPen(QColor("white"))
    if width < SMALL:
        _initial(painter, title, width, height)
    else:
        _words(painter, title, author, width, height)
    painter.end()
    return pixmap


def _initial(painter: QPainter, title: str, width: int, height: int) -> None:
    """A thumbnail too small for words: the first letter, large, rather than cut words."""
    font = QFont()
    font.setBold(True)
    font.setPixelSize(width // 2)
    painter.setFont(font)
    painter.drawText(QRect(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, title[:1])


def _words(painter: QPainter, title: str, author: str, width: int, height: int) -> None:
    margin = max(6, width // 12)
    title_font = QFont()
    title_font.setBold(True)
    title_font.setPixelSize(max(9, width // 8))
    painter.setFont(title_font)
    flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
    painter.drawText(QRect(margin, margin * 2, width - 2 * margin, height * 2 // 3), flags, title)
    author_font = QFont()
    author_font.setPixelSize(max(8, width // 11))
    painter.setFont(author_font)
    painter.drawText(QRect(margin, height * 2 // 3, width - 2 * margin, height // 3 - margin),
                     flags | Qt.AlignmentFlag.AlignBottom, author)


# -- reading and decoding, on a worker ----------------------------------------


def decode(pic: str, width: int, height: int) -> QImage | None:
    """The picture `pic` names, scaled to fit width × height; None if there is none fit to show."""
    data = _source(pic)
    if data is None:
        return None
    reader, _buffer = _reader(data)
    size = reader.size()  # read from the header: nothing decoded yet
    if not size.isValid() or max(size.width(), size.height()) > MAX_COVER_SIDE:
        return None
    image = reader.read()
    if image.isNull():
        return None
    return image.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


def _source(pic: str) -> bytes | None:
    """The bytes of a picture kept in the database or of a bundled demo cover, else None.

    Any other `pic` is text the catalog keeps for others (a URL from a
    supplier's file, an old path): the window reads no file it names, so a
    title imported from anywhere cannot make a workstation open a local file.
    """
    if stored_covers.is_stored(pic):
        try:
            return stored_covers.image(pic)
        except BookshopError:  # unreachable database: the generated cover stands in
            return None
    if not BUNDLED_NAME.fullmatch(pic):
        return None
    return _read_limited(resources.path("covers", pic))


def _read_limited(path: Path) -> bytes | None:
    """The file's bytes if it is a regular file of at most MAX_COVER_BYTES, else None."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_COVER_BYTES:
            return None
        with path.open("rb") as source:
            data = source.read(MAX_COVER_BYTES + 1)
    except (OSError, ValueError):
        return None
    return data if len(data) <= MAX_COVER_BYTES else None


def _reader(data: bytes) -> tuple[QImageReader, QBuffer]:
    """A reader of `data`, and the buffer it reads from, to be kept as long as the reader."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    return reader, buffer


class _Decode(QRunnable):
    def __init__(self, key: tuple, relay: _Loader):
        super().__init__()
        self.key, self.relay = key, relay

    def run(self):
        image = decode(*self.key)
        if shiboken6.isValid(self.relay):
            self.relay.decoded.emit(self.key, image)


class _Loader(QObject):
    """The cache of decoded covers and the one worker that decodes them."""

    loaded = Signal()
    decoded = Signal(object, object)  # (pic, width, height), QImage or None

    def __init__(self):
        super().__init__()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._cache: OrderedDict[tuple, QPixmap | None] = OrderedDict()
        self._pending: set[tuple] = set()
        self.decoded.connect(self._keep)

    def picture(self, pic: str, width: int, height: int) -> QPixmap | None:
        key = (pic, width, height)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        if key not in self._pending:
            self._pending.add(key)
            job = _Decode(key, self)
            if Tasks.serial:  # under test, as every task: inline
                job.run()
                return self._cache.get(key)
            self._pool.start(job)
        return None

    def _keep(self, key: tuple, image: QImage | None):
        self._pending.discard(key)
        self._cache[key] = QPixmap.fromImage(image) if image is not None else None
        while len(self._cache) > CACHED:
            self._cache.popitem(last=False)
        self.loaded.emit()


_LOADER: list[_Loader] = []


def _loader() -> _Loader:
    if not _LOADER:
        _LOADER.append(_Loader())
    return _LOADER[0]
