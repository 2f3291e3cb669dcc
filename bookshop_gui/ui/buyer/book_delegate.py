"""Paints a catalog book as a card: cover, title, author, shop, prices and stock badge.

Painting instead of a widget per book keeps a 100,000-book catalog as light
as a short one: only the visible cards are ever drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from bookshop_gui.domain import Book
from bookshop_gui.ui import covers, formatting
from bookshop_gui.ui.buyer.catalog_model import BOOK_ROLE, VIP_PRICE_ROLE, stock_badge

INK = QColor("#263238")
MUTED = QColor("#66737a")
ACCENT = QColor("#1f5f56")
BORDER = QColor("#e2ddd3")
SELECTED = QColor("#2c7a6e")
BADGES = {"badgeLow": (QColor("#fff1cc"), QColor("#8a5300")),
          "badgeOut": (QColor("#9e3a36"), QColor("#ffffff"))}


class BookDelegate(QStyledItemDelegate):
    """Card geometry scales with the font, so the kiosk's larger text still fits.

    The grid sets `card_width` so a row of cards fills the width it has.
    """

    card_width = 0

    @staticmethod
    def natural_width(metrics) -> int:
        return max(180, metrics.height() * 11)

    def sizeHint(self, option, index) -> QSize:
        line = option.fontMetrics.height()
        width = self.card_width or self.natural_width(option.fontMetrics)
        return QSize(width, self._cover_height(width) + line * 7 + 28)

    def paint(self, painter: QPainter, option, index) -> None:
        book: Book | None = index.data(BOOK_ROLE)
        if book is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = option.rect.adjusted(6, 6, -6, -6)
        self._paint_card(painter, card, option.state & QStyle.StateFlag.State_Selected)
        cover_width = card.width() - 40
        cover_height = self._cover_height(option.rect.width())
        picture = covers.cover(book.pic, book.title, book.author, cover_width, cover_height)
        painter.drawPixmap(card.left() + (card.width() - picture.width()) // 2,
                           card.top() + 12, picture)
        text_top = card.top() + 12 + cover_height + 8
        self._paint_text(painter, option, QRect(card.left() + 12, text_top, card.width() - 24,
                                                card.bottom() - text_top - 8), book,
                         index.data(VIP_PRICE_ROLE))
        painter.restore()

    def _cover_height(self, width: int) -> int:
        return int((width - 52) * 1.3)

    def _paint_card(self, painter: QPainter, rect: QRect, selected) -> None:
        painter.setPen(QPen(SELECTED if selected else BORDER, 2 if selected else 1))
        painter.setBrush(QColor("#f1f8f6") if selected else QColor("#ffffff"))
        painter.drawRoundedRect(rect, 10, 10)

    def _paint_text(self, painter: QPainter, option, rect: QRect, book: Book, vip_price) -> None:
        metrics = option.fontMetrics
        line = metrics.height()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(INK)
        title = painter.fontMetrics().elidedText(book.title, Qt.TextElideMode.ElideRight,
                                                 rect.width())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(option.font)
        painter.setPen(MUTED)
        for number, text in enumerate((book.author, book.shop_name), start=1):
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(QRect(rect.left(), rect.top() + line * number, rect.width(), line),
                             Qt.AlignmentFlag.AlignLeft, elided)
        price_top = rect.top() + line * 3 + 6
        self._paint_prices(painter, option, QRect(rect.left(), price_top, rect.width(), line),
                           book, vip_price)
        self._paint_badge(painter, option, rect.left(), price_top + line + 6, book.stock)

    def _paint_prices(self, painter: QPainter, option, rect: QRect, book: Book, vip_price):
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(ACCENT)
        price = formatting.money(vip_price)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, price)
        if vip_price != book.price:
            struck = QFont(option.font)
            struck.setStrikeOut(True)
            painter.setFont(struck)
            painter.setPen(MUTED)
            offset = painter.fontMetrics().horizontalAdvance(price) + 24
            painter.drawText(rect.adjusted(offset, 0, 0, 0), Qt.AlignmentFlag.AlignLeft,
                             formatting.money(book.price))

    def _paint_badge(self, painter: QPainter, option, left: int, top: int, stock: int) -> None:
        badge = stock_badge(stock)
        if badge is None:
            return
        text, style = badge
        background, foreground = BADGES[style]
        painter.setFont(option.font)
        width = painter.fontMetrics().horizontalAdvance(text) + 16
        rect = QRect(left, top, width, option.fontMetrics.height() + 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(foreground)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
