"""The program's icon in every form a platform wants, drawn from one SVG.

resources/icons/bookshop.svg is the only drawing. From it this makes:

- a freedesktop `hicolor` tree (PNG at the usual sizes plus the SVG) for the .deb,
- `bookshop.ico` for the Windows .exe and installer (PNG images inside, Vista on),
- `bookshop.icns` for the macOS .app.

    python packaging/icons.py OUT_DIR      # writes OUT_DIR/hicolor/, .ico and .icns

Qt draws the SVG (PySide6 is already a dependency); the .ico and .icns
containers are written here because Qt's writers store one size only.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "bookshop.svg"
NAME = "bookshop"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's type codes for PNG images in an .icns file, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08",
              512: b"ic09", 1024: b"ic10"}


def png(size: int) -> bytes:
    """The SVG drawn on a transparent square of `size` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        png.app = QGuiApplication([])  # kept: Qt's painting needs one while it runs
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"error: cannot read {SOURCE}")
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def write_hicolor(folder: Path) -> list[Path]:
    """folder/hicolor/<n>x<n>/apps/bookshop.png at each size, and scalable/apps/bookshop.svg."""
    written = []
    for size in HICOLOR_SIZES:
        target = folder / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png(size))
        written.append(target)
    scalable = folder / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    return [*written, scalable]


def write_ico(path: Path) -> Path:
    """A Windows icon holding every size in ICO_SIZES, each stored as PNG."""
    images = [png(size) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, data in zip(ICO_SIZES, images, strict=True):
        side = size % 256  # 0 stands for 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    path.write_bytes(header + entries + payload)
    return path


def write_icns(path: Path) -> Path:
    """A macOS icon holding every size in ICNS_TYPES, each stored as PNG."""
    body = b""
    for size, kind in ICNS_TYPES.items():
        data = png(size)
        body += kind + struct.pack(">I", 8 + len(data)) + data
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return path


def write_all(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_hicolor(folder)
    write_ico(folder / f"{NAME}.ico")
    write_icns(folder / f"{NAME}.icns")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    write_all(Path(sys.argv[1]))
