"""Screens of the merchant workstation for the README: orders, order editor, catalog, slip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from bookshop_gui.services import auth, orders, shop
from bookshop_gui.ui.merchant import packing_slip
from bookshop_gui.ui.merchant.window import MerchantWindow
from bookshop_gui.ui.tasks import Tasks

# (buyer, book title, copies, how far the order goes: 0 unpaid, 1 paid, 2 shipped)
ORDERS = (
    ("reader", "Moby-Dick", 1, 2),
    ("guest", "Frankenstein", 2, 0),
    ("reader", "Pride and Prejudice", 2, 1),
    ("reader", "Dracula", 1, 1),
    ("guest", "Alice's Adventures in Wonderland", 1, 1),
    ("reader", "Jane Eyre", 3, 0),
    ("reader", "红楼梦", 1, 1),
)


def _book_id(title: str) -> int:
    from bookshop_gui.services import catalog

    return next(book.id for book in catalog.search(title) if book.title == title)


def _place_orders() -> list[int]:
    made = []
    for username, title, copies, stage in ORDERS:
        buyer = auth.login(username, username).token
        order_id = orders.create(buyer, _book_id(title), copies)
        if stage >= 1:
            orders.pay(buyer, order_id)
        if stage >= 2:
            staff = auth.login("lakeside", "lakeside").token
            shop.ship(staff, order_id)
        made.append(order_id)
    return made


def _settle(widget) -> None:
    for _ in range(5):
        QApplication.processEvents()
    widget.repaint()


def capture(out_dir: Path) -> list[Path]:
    Tasks.serial = True
    made = _place_orders()
    session = auth.login("lakeside", "lakeside")
    tasks = Tasks()
    window = MerchantWindow(session, tasks)
    window.resize(1180, 720)
    window.show()
    saved = []
    orders_pane = window.show_pane("orders")
    orders_pane.select_order(made[2])
    _settle(window)
    saved.append(_save(window.grab(), out_dir / "merchant-orders.png"))
    editor = orders_pane.open_order(orders_pane.model.order_at(orders_pane.model.row_of(made[5])))
    editor.resize(760, 480)
    editor.lines.setData(editor.lines.index(0, 2), "2")
    _settle(editor)
    saved.append(_save(editor.grab(), out_dir / "merchant-order-editor.png"))
    editor.lines.load(editor.order, editable=True)
    editor.close()
    window.show_pane("catalog")
    _settle(window)
    saved.append(_save(window.grab(), out_dir / "merchant-catalog.png"))
    detail = shop.get_order(session.token, made[2])
    path = out_dir / "merchant-packing-slip.png"
    packing_slip.render_image(detail).save(str(path))
    saved.append(path)
    window.close()
    window.deleteLater()
    return saved


def _save(pixmap, path: Path) -> Path:
    pixmap.save(str(path))
    return path
