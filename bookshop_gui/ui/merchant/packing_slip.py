"""A packing slip for the parcel: where it goes, the order as barcodes, lines and totals,
printed on A5 or on a 100 × 150 mm label, or saved as PDF.

The slip is one QTextDocument, so the screen preview, the printer and the
PDF show exactly the same thing. Its fonts name a CJK family after the
Latin ones, so Chinese titles and addresses print as characters rather than
boxes. The Code 128 barcode holds the order number: scanned at the packing
bench, it picks the order in scan-to-ship.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from bookshop_gui.domain import OrderDetail
from bookshop_gui.ui import dialogs, formatting, resources, shortcuts
from bookshop_gui.ui.barcodes import code128_image, qr_image

FONTS = "'DejaVu Sans', 'Noto Sans', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif"
SLIP_WIDTH = 500
A5, LABEL = "a5", "label"
# Page, the width the slip is laid out at (screen pixels, scaled to fit the paper), and the
# margins in millimetres.
PAGES = {
    A5: (QPageSize(QPageSize.PageSizeId.A5), SLIP_WIDTH, 10),
    LABEL: (QPageSize(QSizeF(100, 150), QPageSize.Unit.Millimeter, "100 x 150 mm"), 360, 4),
}
BARCODE, QR_CODE = QUrl("slip:barcode"), QUrl("slip:qr")
# Drawn at four times the size shown, so the printer and the PDF get crisp edges.
SHARPER = 4
BAR_HEIGHT, QR_SIDE = 64, 116


def words() -> dict[str, str]:
    """The slip's own words in the person's language, each escaped for HTML.

    Asked for here, with literal contexts, rather than inside the HTML template,
    where lupdate cannot see them.
    """
    found = {
        "slip": QCoreApplication.translate("PackingSlip", "Packing slip"),
        "order": QCoreApplication.translate("PackingSlip", "Order"),
        "date": QCoreApplication.translate("PackingSlip", "Date"),
        "status": QCoreApplication.translate("PackingSlip", "Status"),
        "book": QCoreApplication.translate("PackingSlip", "Book"),
        "qty": QCoreApplication.translate("PackingSlip", "Qty"),
        "amount": QCoreApplication.translate("PackingSlip", "Amount"),
        "items": QCoreApplication.translate("PackingSlip", "Items"),
        "shipping": QCoreApplication.translate("PackingSlip", "Shipping"),
        "total": QCoreApplication.translate("PackingSlip", "Total"),
        "thanks": QCoreApplication.translate("PackingSlip", "Thank you for shopping with us."),
        "ship_to": QCoreApplication.translate("PackingSlip", "Ship to"),
        "postcode": QCoreApplication.translate("PackingSlip", "Postcode"),
        "no_address": QCoreApplication.translate("PackingSlip", "No address given"),
        "courier": QCoreApplication.translate("PackingSlip", "Courier"),
        "waybill": QCoreApplication.translate("PackingSlip", "Waybill"),
    }
    return {key: html.escape(text) for key, text in found.items()}


def slip_html(order: OrderDetail) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(line.name)}</td><td align='right'>{line.cnt}</td>"
        f"<td align='right'>{formatting.money(line.money)}</td></tr>"
        for line in order.lines
    )
    e, w = html.escape, words()
    return f"""
<div style="font-family: {FONTS}; font-size: 11pt; color: #222;">
<table width="100%" cellspacing="0" cellpadding="0"><tr>
<td><h2 style="color:#1f5f56; margin-bottom:2px;">{e(order.shop_name)}</h2>
<p style="color:#666; margin-top:0;">{w["slip"]}</p>
<p><img src="{BARCODE.toString()}" height="{BAR_HEIGHT}"/><br/>
<b>{w["order"]} #{order.id}</b></p></td>
<td align="right"><img src="{QR_CODE.toString()}" width="{QR_SIDE}"/></td></tr></table>
{address_html(order, w)}
<table width="100%" cellspacing="0" cellpadding="2">
<tr><td><b>{w["date"]}</b> {e(formatting.when(order.created_at))}</td>
<td align="right"><b>{w["status"]}</b> {e(formatting.status_name(order.status))}</td></tr>
{courier_html(order, w)}
</table>
<hr/>
<table width="100%" cellspacing="0" cellpadding="5" border="0">
<tr style="background:#f0ece4;"><th align="left">{w["book"]}</th>
<th align="right">{w["qty"]}</th><th align="right">{w["amount"]}</th></tr>
{rows}
<tr><td colspan="2" align="right">{w["items"]}</td>
<td align="right">{formatting.money(order.items_money)}</td></tr>
<tr><td colspan="2" align="right">{w["shipping"]}</td>
<td align="right">{formatting.money(order.shipping)}</td></tr>
<tr><td colspan="2" align="right"><b>{w["total"]}</b></td>
<td align="right"><b>{formatting.money(order.total)}</b></td></tr>
</table>
<hr/>
<p style="color:#666;">{w["thanks"]}</p>
</div>"""


def address_html(order: OrderDetail, w: dict[str, str]) -> str:
    """The receiver, their phone and the whole address, large: what the courier reads."""
    e = html.escape
    address = order.address
    if address is None:
        return f"<p><b>{w['ship_to']}</b> {e(order.buyer)} · {w['no_address']}</p>"
    return f"""
<table width="100%" cellspacing="0" cellpadding="6" style="border: 1px solid #999;">
<tr><td><span style="color:#666;">{w["ship_to"]}</span><br/>
<span style="font-size: 14pt;"><b>{e(address.name)}</b>&nbsp;&nbsp;{e(address.phone)}</span><br/>
<span style="font-size: 13pt;">{e(address.region)} {e(address.street)}</span><br/>
{w["postcode"]} {e(address.postcode or "—")}</td></tr></table>"""


def courier_html(order: OrderDetail, w: dict[str, str]) -> str:
    """Once shipped, who carries the parcel (in the reader's language) and its waybill."""
    if not order.courier:
        return ""
    e = html.escape
    return (f"<tr><td><b>{w['courier']}</b> {e(formatting.courier_name(order.courier))}</td>"
            f"<td align='right'><b>{w['waybill']}</b> {e(order.tracking or '—')}</td></tr>")


def document(order: OrderDetail, page: str = A5) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(24 if page == A5 else 8)
    number = str(order.id)
    barcode = code128_image(number, module=2 * SHARPER, height=BAR_HEIGHT * SHARPER)
    doc.addResource(QTextDocument.ResourceType.ImageResource, BARCODE, barcode)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QR_CODE,
                    qr_image(number, module=4 * SHARPER))
    doc.setHtml(slip_html(order))
    doc.setTextWidth(PAGES[page][1])
    return doc


def page_layout(page: str) -> QPageLayout:
    size, _width, margin = PAGES[page]
    return QPageLayout(size, QPageLayout.Orientation.Portrait,
                       QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter)


def save_pdf(order: OrderDetail, path: str, page: str = A5) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setPageLayout(page_layout(page))
    print_document(document(order, page), printer)


def print_document(doc: QTextDocument, printer: QPrinter) -> None:
    """The slip scaled to the paper's width, a page at a time.

    QTextDocument.print_ would add its own 2 cm margins, which leave little of
    a 100 mm label; here the page layout's margins are the only ones.
    """
    area = printer.pageRect(QPrinter.Unit.DevicePixel)
    scale = area.width() / doc.textWidth()
    doc.setPageSize(QSizeF(doc.textWidth(), area.height() / scale))
    painter = QPainter(printer)
    painter.scale(scale, scale)
    height = doc.pageSize().height()
    for number in range(doc.pageCount()):
        if number:
            printer.newPage()
        painter.save()
        painter.translate(0, -number * height)
        doc.drawContents(painter, QRectF(0, number * height, doc.textWidth(), height))
        painter.restore()
    painter.end()


class SlipDialog(QDialog):
    """The slip on screen, with Print… and Save as PDF…."""

    def __init__(self, order: OrderDetail, parent=None):
        super().__init__(parent)
        self.order = order
        self.setWindowTitle(formatting.fill(self.tr("Packing slip — order #%1"), order.id))
        self.resize(QSizeF(SLIP_WIDTH + 60, 640).toSize())
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(self.tr("Packing slip"))
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A5 sheet"), A5)
        self.paper.addItem(self.tr("Label 100 × 150 mm"), LABEL)
        self.paper.currentIndexChanged.connect(self._show_page)
        self._show_page()
        self.print_button = QPushButton(resources.icon("print"), self.tr("Print…"))
        self.print_button.clicked.connect(self.print_slip)
        shortcuts.bind(self.print_button, shortcuts.Key.Print)
        self.pdf_button = QPushButton(resources.icon("export"), self.tr("Save as PDF…"))
        self.pdf_button.clicked.connect(self.save_as_pdf)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.paper)
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        row.addStretch()
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addLayout(row)

    def page(self) -> str:
        return self.paper.currentData()

    def _show_page(self):
        self.document = document(self.order, self.page())
        self.preview.setDocument(self.document)

    def print_slip(self):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.page()))
        chooser = QPrintDialog(printer, self)
        if chooser.exec() == QDialog.DialogCode.Accepted:
            print_document(document(self.order, self.page()), printer)

    def save_as_pdf(self) -> str:
        path = dialogs.save_file_name(self, self.tr("Save packing slip"),
                                      f"packing-slip-{self.order.id}.pdf", self.tr("PDF (*.pdf)"))
        if path:
            save_pdf(self.order, path, self.page())
            dialogs.inform(self, self.tr("Save packing slip"),
                           formatting.fill(self.tr("The packing slip is saved as %1."), path))
        return path
