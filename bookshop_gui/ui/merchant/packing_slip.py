"""A packing slip for the parcel: shop, buyer, lines and totals, printed or saved as PDF.

The slip is one QTextDocument, so the screen preview, the printer and the
PDF show exactly the same thing. Its fonts name a CJK family after the
Latin ones, so Chinese titles print as characters rather than boxes.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout

from bookshop_gui.domain import OrderDetail
from bookshop_gui.ui import dialogs, formatting, resources

FONTS = "'DejaVu Sans', 'Noto Sans', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif"
SLIP_WIDTH = 620


def _labels() -> dict[str, str]:
    """The slip's headings in the person's language, each escaped for HTML."""
    words = {
        "slip": QCoreApplication.translate("PackingSlip", "Packing slip"),
        "order": QCoreApplication.translate("PackingSlip", "Order"),
        "date": QCoreApplication.translate("PackingSlip", "Date"),
        "ship_to": QCoreApplication.translate("PackingSlip", "Ship to"),
        "status": QCoreApplication.translate("PackingSlip", "Status"),
        "book": QCoreApplication.translate("PackingSlip", "Book"),
        "qty": QCoreApplication.translate("PackingSlip", "Qty"),
        "amount": QCoreApplication.translate("PackingSlip", "Amount"),
        "items": QCoreApplication.translate("PackingSlip", "Items"),
        "shipping": QCoreApplication.translate("PackingSlip", "Shipping"),
        "total": QCoreApplication.translate("PackingSlip", "Total"),
        "thanks": QCoreApplication.translate("PackingSlip", "Thank you for shopping with us."),
    }
    return {key: html.escape(text) for key, text in words.items()}


def slip_html(order: OrderDetail) -> str:
    t = _labels()
    rows = "".join(
        f"<tr><td>{html.escape(line.name)}</td><td align='right'>{line.cnt}</td>"
        f"<td align='right'>{formatting.money(line.money)}</td></tr>"
        for line in order.lines
    )
    e = html.escape
    return f"""
<div style="font-family: {FONTS}; font-size: 11pt; color: #222;">
<h2 style="color:#1f5f56; margin-bottom:2px;">{e(order.shop_name)}</h2>
<p style="color:#666; margin-top:0;">{t['slip']}</p>
<table width="100%" cellspacing="0" cellpadding="2">
<tr><td><b>{t['order']}</b> #{order.id}</td>
<td align="right"><b>{t['date']}</b> {e(formatting.when(order.created_at))}</td></tr>
<tr><td><b>{t['ship_to']}</b> {e(order.buyer)}</td>
<td align="right"><b>{t['status']}</b> {e(formatting.status_name(order.status))}</td></tr>
</table>
<hr/>
<table width="100%" cellspacing="0" cellpadding="5" border="0">
<tr style="background:#f0ece4;"><th align="left">{t['book']}</th>
<th align="right">{t['qty']}</th><th align="right">{t['amount']}</th></tr>
{rows}
<tr><td colspan="2" align="right">{t['items']}</td>
<td align="right">{formatting.money(order.items_money)}</td></tr>
<tr><td colspan="2" align="right">{t['shipping']}</td>
<td align="right">{formatting.money(order.shipping)}</td></tr>
<tr><td colspan="2" align="right"><b>{t['total']}</b></td>
<td align="right"><b>{formatting.money(order.total)}</b></td></tr>
</table>
<hr/>
<p style="color:#666;">{t['thanks']}</p>
</div>"""


def document(order: OrderDetail) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(24)
    doc.setHtml(slip_html(order))
    doc.setTextWidth(SLIP_WIDTH)
    return doc


def save_pdf(order: OrderDetail, path: str) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A5),
                                      QPageLayout.Orientation.Portrait, QMarginsF(12, 12, 12, 12)))
    document(order).print_(printer)


def render_image(order: OrderDetail) -> QImage:
    """The slip as a picture (the README's screenshot)."""
    doc = document(order)
    size = doc.size().toSize()
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    doc.drawContents(painter)
    painter.end()
    return image


class SlipDialog(QDialog):
    """The slip on screen, with Print… and Save as PDF…."""

    def __init__(self, order: OrderDetail, parent=None):
        super().__init__(parent)
        self.order = order
        self.setWindowTitle(self.tr("Packing slip — order #%1").replace("%1", str(order.id)))
        self.resize(QSizeF(SLIP_WIDTH + 60, 640).toSize())
        self.preview = QTextBrowser()
        self.preview.setDocument(document(order))
        self.print_button = QPushButton(resources.icon("print"), self.tr("Print…"))
        self.print_button.clicked.connect(self.print_slip)
        self.pdf_button = QPushButton(resources.icon("export"), self.tr("Save as PDF…"))
        self.pdf_button.clicked.connect(self.save_as_pdf)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        row.addStretch()
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addLayout(row)

    def print_slip(self):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chooser = QPrintDialog(printer, self)
        if chooser.exec() == QDialog.DialogCode.Accepted:
            document(self.order).print_(printer)

    def save_as_pdf(self) -> str:
        path = dialogs.save_file_name(self, self.tr("Save packing slip"),
                                      f"packing-slip-{self.order.id}.pdf", self.tr("PDF (*.pdf)"))
        if path:
            save_pdf(self.order, path)
        return path
