"""The buyer's main screens on the demo database: catalog, cart, payment, orders, detail.

Called by make_screenshots.py with the demo database open; drives a real
BuyerWindow the way a buyer would and saves each page as a PNG.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from bookshop_gui.domain import OrderStatus
from bookshop_gui.services import auth, cart, catalog
from bookshop_gui.ui.buyer.window import CART, BuyerWindow
from bookshop_gui.ui.tasks import Tasks

SIZE = (1280, 800)


def _save(window: BuyerWindow, out_dir: Path, name: str) -> Path:
    QApplication.processEvents()
    path = out_dir / f"buyer-{name}.png"
    window.grab().save(str(path))
    return path


def _fill_cart(token: str) -> None:
    """Two books from each shop, so the cart shows one order per shop."""
    for title, cnt in (("Emma", 1), ("Dracula", 2), ("西游记", 1), ("Meditations", 1)):
        cart.add(token, catalog.search(title)[0].id, cnt)


def capture(out_dir: Path) -> list[Path]:
    Tasks.serial = True
    session = auth.login("reader", "reader")
    window = BuyerWindow(session, Tasks(), idle_seconds=120)
    window.resize(*SIZE)
    window.show()
    saved = []
    window.catalog.list.setCurrentIndex(window.catalog.model.index(1))
    saved.append(_save(window, out_dir, "catalog"))
    _fill_cart(session.token)
    window.go(CART)
    saved.append(_save(window, out_dir, "cart"))
    window.cart.order_button.click()
    saved.append(_save(window, out_dir, "preview"))
    window.preview.submit_button.click()
    saved.append(_save(window, out_dir, "payment"))
    window.payment.pay_button.click()
    window.show_orders(None)
    saved.append(_save(window, out_dir, "orders"))
    window.show_order(window.orders.model.order(0).id)
    saved.append(_save(window, out_dir, "order-detail"))
    window.show_orders(OrderStatus.PENDING_SHIPMENT)
    window.close()
    auth.logout(session.token)
    return saved
