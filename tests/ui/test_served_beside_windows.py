"""The seed API and the windows on one database: each sees the other's changes at once."""

import pytest
from api.server_process import Client, read, start_server, stop_server
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bookshop_gui.services import auth
from bookshop_gui.ui.buyer.header import CART
from bookshop_gui.ui.buyer.window import BuyerWindow
from bookshop_gui.ui.merchant.orders_model import COL_STATUS
from bookshop_gui.ui.merchant.window import MerchantWindow

from .live_helpers import enter_waybills

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def api(demo_shop, sqlite_url):
    server = start_server(sqlite_url)
    client = Client(server.url)
    yield client
    client.http.close()
    stop_server(server)


def signed_in(api, username):
    answer = read(api.http.post("/user/login", json={"username": username,
                                                     "password": username}))
    return answer["uid"], answer["token"]


def test_a_web_cart_shows_at_the_kiosk_and_a_shipped_order_shows_on_the_web(qtbot, api, tasks):
    uid, token = signed_in(api, "reader")
    added = api.http.post("/order/addcart", headers={"token": token},
                          json={"username": "reader", "goodsname": "Dracula", "cnt": 2})
    assert added.status_code == 200, added.text
    kiosk = BuyerWindow(auth.login("reader", "reader"), tasks)
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.mouseClick(kiosk.header.nav[CART], LEFT)
    assert [(line.title, line.cnt) for line in kiosk.cart.model.lines()] == [("Dracula", 2)]
    kiosk.close()

    made = read(api.http.post("/order/create", json={
        "uid": uid, "token": token, "bid": kiosk.cart.model.lines()[0].book_id, "cnt": 1}))
    order_id = made["cid"]
    assert read(api.http.post("/order/operate", json={
        "uid": uid, "token": token, "cid": order_id, "opcode": 1})) == {"state": 0}
    workstation = MerchantWindow(auth.login("lakeside", "lakeside"), tasks)
    qtbot.addWidget(workstation)
    workstation.show()
    pane = workstation.show_pane("orders")
    pane.reload()
    pane.table.selectRow(pane.model.row_of(order_id))
    qtbot.mouseClick(pane.ship_button, LEFT)
    enter_waybills(qtbot, pane, {order_id: "SF8000000001"})
    assert pane.model.index(pane.model.row_of(order_id), COL_STATUS).data() == "Shipped"
    workstation.close()
    QApplication.processEvents()
    listed = read(api.http.post("/order/getlist", json={"uid": uid, "token": token}))
    assert [(order["cid"], order["type"]) for order in listed["items"]] == [(order_id, 2)]


def test_an_open_kiosk_shows_a_cart_changed_over_http_once_it_polls(qtbot, api, tasks):
    """The buyer's phone and a kiosk, signed in as the same buyer at the same time."""
    _, token = signed_in(api, "reader")
    kiosk = BuyerWindow(auth.login("reader", "reader"), tasks)
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.mouseClick(kiosk.header.nav[CART], LEFT)
    assert kiosk.cart.model.lines() == []
    added = api.http.post("/order/addcart", headers={"token": token},
                          json={"username": "reader", "goodsname": "Dracula", "cnt": 3})
    assert added.status_code == 200, added.text
    kiosk.watcher.poll()
    assert [(line.title, line.cnt) for line in kiosk.cart.model.lines()] == [("Dracula", 3)]
    removed = api.http.post("/order/delcart", headers={"token": token},
                            json={"username": "reader", "goodsname": "Dracula"})
    assert removed.status_code == 200, removed.text
    kiosk.watcher.poll()
    assert kiosk.cart.model.lines() == []
    kiosk.close()
