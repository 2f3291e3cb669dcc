"""The program's icon in every platform's form, drawn from resources/icons/bookshop.svg."""

import importlib.util
import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QImageReader

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("icons", ROOT / "packaging" / "icons.py")
icons = importlib.util.module_from_spec(spec)
spec.loader.exec_module(icons)


@pytest.fixture(autouse=True)
def application(qapp):
    """Drawing needs a Qt application: the tests' own, not one icons.py would make."""
    return qapp


def sizes(path: Path) -> list[int]:
    reader = QImageReader(str(path))
    found = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        found.append(reader.read().width())
    return sorted(found)


def test_menu_icons_at_each_size_and_the_svg(tmp_path):
    written = icons.write_hicolor(tmp_path)
    for size in icons.HICOLOR_SIZES:
        image = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "bookshop.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel() and image.pixelColor(size // 2, size // 2).alpha() == 255
    scalable = tmp_path / "hicolor" / "scalable" / "apps" / "bookshop.svg"
    assert scalable.read_bytes() == icons.SOURCE.read_bytes()
    assert len(written) == len(icons.HICOLOR_SIZES) + 1


def test_windows_icon_holds_every_size(tmp_path):
    path = icons.write_ico(tmp_path / "bookshop.ico")
    assert struct.unpack("<HHH", path.read_bytes()[:6]) == (0, 1, len(icons.ICO_SIZES))
    assert sizes(path) == sorted(icons.ICO_SIZES)


def test_macos_icon_holds_every_size(tmp_path):
    path = icons.write_icns(tmp_path / "bookshop.icns")
    data = path.read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    assert sizes(path) == sorted(icons.ICNS_TYPES)
