"""Seed 001 over HTTP: sign-in, `uid` + `token` in the body, `state` 0 / -1 / -10."""

import json
from decimal import Decimal

from store.builders import PASSWORD, balance, make_book, order_in, snapshot, status, stock

from bookshop_gui.domain import OrderStatus
from bookshop_gui.services import orders, shop

from .server_process import read

REFUSED, NOT_SIGNED_IN = -1, -10


def test_sign_in_and_out(api, world):
    signed = api.seed001("/user/login", username="alice", password=PASSWORD)
    assert signed == {"state": 0, "uid": world.alice.id, "token": signed["token"]}
    me = {"uid": signed["uid"], "token": signed["token"]}
    assert api.seed001("/order/getlist", **me) == {"state": 0, "items": []}
    assert api.seed001("/user/logout", **me) == {"state": 0}
    ended = api.seed001("/order/getlist", **me)
    assert ended["state"] == NOT_SIGNED_IN and ended["message"]
    wrong = api.seed001("/user/login", username="alice", password="wrong")
    assert wrong["state"] == NOT_SIGNED_IN and "token" not in wrong
    nobody = api.seed001("/user/login", username="nobody", password=PASSWORD)
    assert nobody == wrong
    assert api.seed001("/user/login", username="alice")["state"] == REFUSED
    again = api.seed001("/user/login", username="alice", password=PASSWORD)
    by_header = api.http.post("/user/logout", headers={"token": again["token"]}, json={})
    assert read(by_header) == {"state": 0}
    assert api.seed001("/order/getlist", uid=again["uid"],
                       token=again["token"])["state"] == NOT_SIGNED_IN


def test_a_bad_token_or_another_uid_is_minus_10(api, world):
    order_id = order_in(world, OrderStatus.PENDING_PAYMENT)
    before = snapshot()
    for path, fields in (("/order/getlist", {}), ("/order/getinfo", {"cid": order_id}),
                         ("/order/operate", {"cid": order_id, "opcode": 1}),
                         ("/order/comment", {"cid": order_id, "mark": 5}),
                         ("/order/create", {"bid": world.book_a1, "cnt": 1}),
                         ("/shop/manage/getlist", {}),
                         ("/shop/manage/operate", {"cid": order_id, "opcode": "cancel"}),
                         ("/shop/manage/setinfo", {"cid": order_id, "list": [
                             {"bid": world.book_a1, "cnt": 1, "money": "1.00"}]}),
                         ("/user/logout", {})):
        for caller in ({"uid": world.alice.id, "token": "not-a-token"},
                       {"uid": world.bob.id, "token": world.alice.token},
                       {"uid": world.alice.id}, {"token": world.alice.token}, {}):
            answer = api.seed001(path, **caller, **fields)
            assert answer["state"] == NOT_SIGNED_IN and answer["message"], (path, caller)
    assert api.seed001("/shop/manage/getlist", world.alice)["state"] == NOT_SIGNED_IN
    assert api.seed001("/order/getlist", world.staff_a)["state"] == NOT_SIGNED_IN
    assert snapshot() == before  # no order made or changed, nobody signed out


def test_the_shops_list_of_an_unknown_status_is_refused(api, world):
    order_in(world, OrderStatus.PENDING_SHIPMENT)
    for bad in (7, -2, "sent", 1.5, True):
        answer = api.seed001("/shop/manage/getlist", world.staff_a, type=bad)
        assert answer["state"] == REFUSED and answer["message"], bad
        assert "items" not in answer
    assert len(api.seed001("/shop/manage/getlist", world.staff_a, type=1)["items"]) == 1


def test_the_buyers_orders_list_and_one_order(api, world):
    book = make_book(world.shop_a, price="12.35", stock=9, title="Analects", pic="analects.jpg")
    older = order_in(world, OrderStatus.PENDING_SHIPMENT, book=book, cnt=3)
    newer = order_in(world, OrderStatus.PENDING_PAYMENT, book=world.book_b1)
    order_in(world, OrderStatus.PENDING_PAYMENT, buyer=world.bob)
    listed = api.seed001("/order/getlist", world.alice)
    assert listed == {"state": 0, "items": [
        {"cid": newer, "type": 0, "sid": world.shop_b, "sname": "Shop B", "pic": "",
         "items": [{"name": "Water Margin", "cnt": 1}]},
        {"cid": older, "type": 1, "sid": world.shop_a, "sname": "Shop A",
         "pic": "analects.jpg", "items": [{"name": "Analects", "cnt": 3}]},
    ]}
    paid = api.seed001("/order/getlist", world.alice, type=1)
    assert [order["cid"] for order in paid["items"]] == [older]
    assert api.seed001("/order/getlist", world.alice, type=7)["state"] == REFUSED
    assert [o["cid"] for o in api.seed001("/order/getlist", world.alice, offset=1,
                                          limit=1)["items"]] == [older]

    answer = api.http.post("/order/getinfo", json={"uid": world.alice.id,
                                                   "token": world.alice.token, "cid": older})
    assert read(answer) == {"state": 0, "cid": older, "type": 1, "sid": world.shop_a,
                            "sname": "Shop A", "items": [
                                {"bid": book, "name": "Analects", "cnt": 3,
                                 "pic": "analects.jpg", "money": Decimal("37.05")}]}
    assert '"money":37.05' in answer.text


def test_another_buyers_order_looks_absent(api, world):
    theirs = order_in(world, OrderStatus.PENDING_REVIEW, buyer=world.bob)
    before = snapshot()
    for path, fields in (("/order/getinfo", {}), ("/order/operate", {"opcode": 2}),
                         ("/order/comment", {"mark": 5})):
        mine = api.seed001(path, world.alice, cid=theirs, **fields)
        missing = api.seed001(path, world.alice, cid=999_999, **fields)
        assert mine["state"] == REFUSED and mine == missing, path
    assert snapshot() == before


def test_a_buyer_walks_an_order_through_every_status(api, world):
    alice = world.alice
    made = api.seed001("/order/create", alice, bid=world.book_a2, cnt=2)
    assert made == {"state": 0, "cid": made["cid"]}
    order_id = made["cid"]
    assert (status(order_id), stock(world.book_a2)) == (OrderStatus.PENDING_PAYMENT, 3)
    assert api.seed001("/order/operate", alice, cid=order_id, opcode=3)["state"] == REFUSED
    assert api.seed001("/order/operate", alice, cid=order_id, opcode=1) == {"state": 0}
    assert balance(alice) == Decimal("427.00")
    assert api.seed001("/order/operate", alice, cid=order_id, opcode=1)["state"] == REFUSED
    assert balance(alice) == Decimal("427.00")
    shipped = api.seed001("/shop/manage/operate", world.staff_a, cid=order_id, opcode="sent")
    assert shipped == {"state": 0}
    assert api.seed001("/order/getinfo", alice, cid=order_id)["type"] == 2
    assert api.seed001("/order/operate", alice, cid=order_id, opcode=3) == {"state": 0}
    assert api.seed001("/order/comment", alice, cid=order_id, mark=6)["state"] == REFUSED
    assert api.seed001("/order/comment", alice, cid=order_id, mark=4,
                       comment="Well packed") == {"state": 0}
    detail = orders.info(alice.token, order_id)
    assert (detail.status, detail.mark, detail.comment) == (OrderStatus.COMPLETED, 4,
                                                           "Well packed")


def test_cancelling_returns_stock_and_money(api, world):
    order_id = order_in(world, OrderStatus.PENDING_SHIPMENT, book=world.book_a2, cnt=2)
    assert api.seed001("/order/operate", world.alice, cid=order_id, opcode=2) == {"state": 0}
    assert (status(order_id), stock(world.book_a2), balance(world.alice)) == (
        OrderStatus.CANCELLED, 5, Decimal("500.00"))
    staff_cancels = order_in(world, OrderStatus.PENDING_SHIPMENT)
    assert api.seed001("/shop/manage/operate", world.staff_a, cid=staff_cancels,
                       opcode="cancel") == {"state": 0}
    assert balance(world.alice) == Decimal("500.00")


def test_shipping_with_a_tracking_number(api, world):
    order_id = order_in(world, OrderStatus.PENDING_SHIPMENT)
    staff = world.staff_a
    assert api.seed001("/shop/manage/operate", staff, cid=order_id, opcode="sent",
                       tracking="SF12")["state"] == REFUSED
    assert api.seed001("/shop/manage/operate", staff, cid=order_id, opcode="sent",
                       tracking="SF1234567890", courier="ZTO Express") == {"state": 0}
    detail = shop.get_order(staff.token, order_id)
    assert (detail.status, detail.tracking, detail.courier) == (
        OrderStatus.PENDING_RECEIPT, "SF1234567890", "ZTO Express")


def test_bad_input_is_minus_1_and_changes_nothing(api, world):
    order_id = order_in(world, OrderStatus.PENDING_PAYMENT)
    before = snapshot()
    alice, staff = world.alice, world.staff_a
    for path, person, fields in (
        ("/order/create", alice, {"bid": world.book_a1, "cnt": 0}),
        ("/order/create", alice, {"bid": world.book_a1, "cnt": 1000}),
        ("/order/create", alice, {"bid": world.book_a1, "cnt": "2.5"}),
        ("/order/create", alice, {"bid": 999_999, "cnt": 1}),
        ("/order/create", alice, {"bid": world.book_b1, "cnt": 4}),  # 3 in stock
        ("/order/create", alice, {"bid": world.book_a1}),
        ("/order/operate", alice, {"cid": order_id, "opcode": 9}),
        ("/order/operate", alice, {"cid": order_id, "opcode": "pay"}),
        ("/order/getinfo", alice, {"cid": "first"}),
        ("/order/comment", alice, {"cid": order_id, "mark": 3}),  # not received yet
        ("/shop/manage/operate", staff, {"cid": order_id, "opcode": "ship"}),
        ("/shop/manage/operate", staff, {"cid": order_id, "opcode": "sent"}),  # not paid
        ("/shop/manage/operate", world.staff_b, {"cid": order_id, "opcode": "cancel"}),
        ("/shop/manage/setinfo", staff, {"cid": order_id, "list": []}),
        ("/shop/manage/setinfo", staff, {"cid": order_id, "list": [
            {"bid": world.book_a1, "cnt": 1, "money": "9.999"}]}),
        ("/shop/manage/setinfo", staff, {"cid": order_id, "list": [
            {"bid": world.book_b1, "cnt": 1, "money": 5}]}),  # another shop's book
        ("/shop/manage/setinfo", staff, {"cid": order_id, "list": "everything"}),
    ):
        answer = api.seed001(path, person, **fields)
        assert answer["state"] == REFUSED and answer["message"], (path, fields)
    assert snapshot() == before


def test_the_shops_orders_and_new_lines(api, world):
    unpaid = order_in(world, OrderStatus.PENDING_PAYMENT, cnt=2)
    paid = order_in(world, OrderStatus.PENDING_SHIPMENT, book=world.book_a2, buyer=world.bob)
    order_in(world, OrderStatus.PENDING_SHIPMENT, book=world.book_b1)
    listed = api.seed001("/shop/manage/getlist", world.staff_a)
    assert listed == {"state": 0, "items": [
        {"cid": paid, "type": 1, "items": [{"bid": world.book_a2, "name": "Journey to the West",
                                            "cnt": 1, "pic": "", "money": Decimal("25.50")}]},
        {"cid": unpaid, "type": 0, "items": [{"bid": world.book_a1,
                                              "name": "Dream of the Red Chamber", "cnt": 2,
                                              "pic": "", "money": Decimal("20.00")}]},
    ]}
    assert [o["cid"] for o in api.seed001("/shop/manage/getlist", world.staff_a,
                                          type=0)["items"]] == [unpaid]

    changed = api.seed001("/shop/manage/setinfo", world.staff_a, cid=unpaid, list=[
        {"bid": world.book_a1, "cnt": 3, "money": 27.1},
        {"bid": world.book_a2, "cnt": 1, "money": "20"}])
    assert changed == {"state": 0}
    detail = shop.get_order(world.staff_a.token, unpaid)
    assert [(line.book_id, line.cnt, line.money) for line in detail.lines] == [
        (world.book_a1, 3, Decimal("27.10")), (world.book_a2, 1, Decimal("20.00"))]
    assert detail.total == Decimal("69.10")
    assert (stock(world.book_a1), stock(world.book_a2)) == (7, 3)


def test_form_fields_work_as_json_does(api, world):
    order_id = order_in(world, OrderStatus.PENDING_PAYMENT)
    staff = {"uid": str(world.staff_a.id), "token": world.staff_a.token}
    answer = api.http.post("/shop/manage/setinfo", data={
        **staff, "cid": str(order_id),
        "list": f'[{{"bid": {world.book_a1}, "cnt": 2, "money": 18.90}}]'})
    assert read(answer) == {"state": 0}
    assert shop.get_order(world.staff_a.token, order_id).total == Decimal("40.90")
    signed = api.http.post("/user/login", data={"username": "bob", "password": PASSWORD})
    assert read(signed)["uid"] == world.bob.id
    made = api.http.post("/order/create", data={
        "uid": str(world.bob.id), "token": read(signed)["token"],
        "bid": str(world.book_b1), "cnt": "1"})
    assert read(made)["state"] == 0 and stock(world.book_b1) == 2
    untyped = api.http.post("/order/getlist", content=json.dumps(  # no Content-Type at all
        {"uid": world.bob.id, "token": read(signed)["token"]}).encode())
    assert "content-type" not in untyped.request.headers
    assert [order["cid"] for order in read(untyped)["items"]] == [read(made)["cid"]]
