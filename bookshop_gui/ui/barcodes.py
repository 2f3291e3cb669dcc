"""Barcodes as pictures: Code 128 for the scanner at the packing bench, QR for a phone.

python-barcode works out the bars and segno the QR modules; both are drawn
here pixel for pixel, whole pixels per module, so print and screen stay sharp
enough for any scanner.
"""

from __future__ import annotations

import segno
from barcode import Code128
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter

QUIET = 10  # modules of white either side, as Code 128 requires


def code128_image(text: str, *, module: int = 2, height: int = 64) -> QImage:
    """`text` as a Code 128 symbol, `module` pixels per bar width."""
    bars = Code128(text).build()[0]
    width = (len(bars) + 2 * QUIET) * module
    return _draw(width, height, (
        QRect((QUIET + i) * module, 0, module, height) for i, bar in enumerate(bars)
        if bar == "1"))


def qr_image(text: str, *, module: int = 4) -> QImage:
    """`text` as a QR code with its four-module quiet border."""
    matrix = segno.make(text, error="m", micro=False).matrix
    border = 4
    side = (len(matrix) + 2 * border) * module
    return _draw(side, side, (
        QRect((border + x) * module, (border + y) * module, module, module)
        for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark))


def _draw(width: int, height: int, dark_rects) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for rect in dark_rects:
        painter.fillRect(rect, QColor("black"))
    painter.end()
    return image
