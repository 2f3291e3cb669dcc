"""Book covers: the shop's image when there is one, a generated cover when not.

A generated cover is a coloured card with the title and author, its colour
chosen from the title, so a catalog without pictures still reads at a glance
and the same book always looks the same.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

from bookshop_gui.ui import resources

PALETTE = ("#3b6e8f", "#8f3b4a", "#4a7d4f", "#7a5c2e", "#5b4a8f", "#2e6b6b", "#8f6a3b", "#48525e")


@lru_cache(maxsize=512)
def cover(pic: str, title: str, author: str, width: int = 96, height: int = 136) -> QPixmap:
    """The cover at the given size: the picture file if it loads, else a generated one."""
    picture = _load(pic)
    if picture is not None:
        return picture.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
    return placeholder(title, author, width, height)


def placeholder(title: str, author: str, width: int, height: int) -> QPixmap:
    pixmap = QPixmap(width, height)
    digest = hashlib.md5(title.encode(), usedforsecurity=False).digest()
    pixmap.fill(QColor(PALETTE[digest[0] % len(PALETTE)]))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(255, 255, 255, 60))
    painter.drawRect(4, 4, width - 9, height - 9)
    painter.setPen(QColor("white"))
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
    painter.end()
    return pixmap


def _load(pic: str) -> QPixmap | None:
    if not pic:
        return None
    candidate = Path(pic)
    if not candidate.is_absolute():
        candidate = resources.path("covers", pic)
    picture = QPixmap(str(candidate)) if candidate.is_file() else QPixmap()
    return None if picture.isNull() else picture
