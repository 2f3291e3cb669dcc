"""Seed 000 over HTTP: the cart and orders by title, the `token` header, 200 / 401 / 501."""

from decimal import Decimal

from store.builders import balance, make_book, make_buyer, order_in, snapshot, status, stock

from bookshop_gui.domain import OrderStatus
from bookshop_gui.services import cart, orders

from .server_process import read

FORM = "application/x-www-form-urlencoded"


def cart_of(person) -> list[tuple[int, int]]:
    return [(line.book_id, line.cnt) for line in cart.get(person.token)]


def test_a_cart_filled_and_emptied_by_title(api, world):
    alice = world.alice
    assert read(api.seed000("/order/getcart", alice)) == {"message": []}
    added = api.seed000("/order/addcart", alice, goodsname="Journey to the West")
    assert (added.status_code, read(added)) == (200, {"message": "ok"})
    api.seed000("/order/addcart", alice, goodsname="Journey to the West", cnt=2)
    api.seed000("/order/addcart", alice, bid=world.book_b1)
    assert cart_of(alice) == [(world.book_b1, 1), (world.book_a2, 3)]

    answer = api.seed000("/order/getcart", alice)
    assert answer.status_code == 200
    assert read(answer)["message"] == [
        {"bid": world.book_b1, "goodsname": "Water Margin", "cnt": 1, "price": Decimal("8.80"),
         "money": Decimal("8.80"), "sid": world.shop_b, "sname": "Shop B", "stock": 3, "pic": ""},
        {"bid": world.book_a2, "goodsname": "Journey to the West", "cnt": 3,
         "price": Decimal("25.50"), "money": Decimal("76.50"), "sid": world.shop_a,
         "sname": "Shop A", "stock": 5, "pic": ""},
    ]
    assert '"money":76.50' in answer.text and '"price":8.80' in answer.text

    removed = api.seed000("/order/delcart", alice, goodsname="Journey to the West")
    assert (removed.status_code, read(removed)) == (200, {"message": "ok"})
    assert read(api.seed000("/order/delcart", alice, goodsname="Journey to the West")) == {
        "message": "ok"}  # not in the cart any more: nothing to do
    api.seed000("/order/delcart", alice, bid=world.book_b1)
    assert cart_of(alice) == []


def test_a_title_several_books_share_is_refused_with_the_choices(api, world):
    twin = make_book(world.shop_b, price="12.00", title="Journey to the West")
    before = snapshot()
    answer = api.seed000("/order/addcart", world.alice, goodsname="Journey to the West")
    assert answer.status_code == 501
    body = read(answer)
    assert f"bid {world.book_a2}" in body["message"] and f"bid {twin}" in body["message"]
    assert body["choices"] == [
        {"bid": world.book_a2, "sname": "Shop A", "price": Decimal("25.50")},
        {"bid": twin, "sname": "Shop B", "price": Decimal("12.00")},
    ]
    assert snapshot() == before
    assert api.seed000("/order/addcart", world.alice, bid=twin).status_code == 200
    assert api.seed000("/order/addcart", world.alice, bid=world.book_a2).status_code == 200
    ambiguous = api.seed000("/order/createorder", world.alice, goodsset=["Journey to the West"])
    assert ambiguous.status_code == 501 and "choices" in read(ambiguous)
    assert api.seed000("/order/delcart", world.alice, goodsname="Journey to the West"
                       ).status_code == 501
    assert cart_of(world.alice) == [(world.book_a2, 1), (twin, 1)]


def test_unknown_books_and_bad_fields_are_refused_and_change_nothing(api, world):
    alice = world.alice
    before = snapshot()
    for body in ({"goodsname": "No Such Book"}, {"bid": 999_999}, {"goodsname": "  "}, {},
                 {"goodsname": "Water Margin", "cnt": 0}, {"bid": True},
                 {"goodsname": "Water Margin", "cnt": "many"}, {"bid": 1.5}):
        answer = api.seed000("/order/addcart", alice, **body)
        assert answer.status_code == 501, body
        assert read(answer)["message"], body
    assert api.seed000("/order/delcart", alice, goodsname="No Such Book").status_code == 501
    assert api.http.post("/order/getcart", content=b"{not json",
                         headers={"token": alice.token, "content-type": "application/json"}
                         ).status_code == 501
    assert api.http.post("/order/getcart", json=["a", "list"],
                         headers={"token": alice.token}).status_code == 501
    assert snapshot() == before


def test_a_bad_token_or_another_user_name_is_401(api, world):
    alice, bob = world.alice, world.bob
    cart.add(alice.token, world.book_a1)
    order_id = order_in(world, OrderStatus.PENDING_PAYMENT)
    before = snapshot()
    for path in ("/order/getcart", "/order/addcart", "/order/delcart", "/order/createorder",
                 "/order/submitorder", "/order/paymentorder", "/order/cancelorder",
                 "/order/allorder"):
        for headers, username in (({}, "alice"), ({"token": "not-a-token"}, "alice"),
                                  ({"token": alice.token}, "bob")):
            answer = api.seed000(path, headers=headers, username=username, bid=world.book_a1,
                                 goodsset=[world.book_a1], orderid=order_id, balance=0)
            assert answer.status_code == 401, (path, headers, username)
            assert read(answer)["message"]
    staff = api.seed000("/order/getcart", world.staff_a)
    assert staff.status_code == 401
    assert snapshot() == before  # the cart, the order and the balance as they were
    assert cart_of(alice) == [(world.book_a1, 1)] and cart_of(bob) == []


def test_ordering_the_cart_one_order_per_shop(api, world):
    alice = world.alice
    cart.add(alice.token, world.book_a1, 2)
    cart.add(alice.token, world.book_b1, 1)
    cart.add(alice.token, world.book_a2, 1)
    answer = api.seed000("/order/createorder", alice,
                         goodsset=["Dream of the Red Chamber", world.book_b1])
    assert answer.status_code == 200
    made = read(answer)["message"]
    assert [order["sid"] for order in made] == [world.shop_a, world.shop_b]
    first, second = made
    assert first == {"orderid": first["orderid"], "type": 0, "sid": world.shop_a,
                     "sname": "Shop A", "shipping": Decimal("22.00"), "total": Decimal("42.00"),
                     "items": [{"bid": world.book_a1, "goodsname": "Dream of the Red Chamber",
                                "cnt": 2, "money": Decimal("20.00")}]}
    assert second["total"] == Decimal("30.80")
    assert (stock(world.book_a1), stock(world.book_b1)) == (8, 2)
    assert cart_of(alice) == [(world.book_a2, 1)]


def test_an_order_for_books_out_of_stock_is_501_and_changes_nothing(api, world):
    cart.add(world.alice.token, world.book_b1, 4)  # 3 on the shelf
    before = snapshot()
    answer = api.seed000("/order/createorder", world.alice, goodsset=["Water Margin"])
    assert answer.status_code == 501 and read(answer)["message"]
    for goodsset in (["Journey to the West"], [], "Water Margin", [999_999]):
        assert api.seed000("/order/createorder", world.alice,
                           goodsset=goodsset).status_code == 501, goodsset
    assert snapshot() == before


def test_submit_pay_and_cancel(api, world):
    alice = world.alice
    order_id = orders.create(alice.token, world.book_a2, 2)  # 51.00 + 22.00
    submitted = api.seed000("/order/submitorder", alice, orderid=str(order_id))
    assert submitted.status_code == 200
    assert read(submitted) == {"message": {"orderid": order_id, "amount": Decimal("73.00"),
                                           "balance": Decimal("500.00")}}
    paid = api.seed000("/order/paymentorder", alice, orderid=order_id, balance=0)
    assert (paid.status_code, read(paid)) == (200, {"message": "ok"})
    assert balance(alice) == Decimal("427.00")
    assert status(order_id) == OrderStatus.PENDING_SHIPMENT
    assert api.seed000("/order/paymentorder", alice, orderid=order_id,
                       balance=1000).status_code == 501  # paid already
    cancelled = api.seed000("/order/cancelorder", alice, orderid=order_id)
    assert (cancelled.status_code, read(cancelled)) == (200, {"message": "ok"})
    assert (status(order_id), balance(alice), stock(world.book_a2)) == (
        OrderStatus.CANCELLED, Decimal("500.00"), 5)


def test_the_balance_a_client_sends_is_never_believed(api, world):
    poor = make_buyer("poor", balance="10.00")
    order_id = orders.create(poor.token, world.book_a1, 1)  # 32.00
    before = snapshot()
    answer = api.seed000("/order/paymentorder", poor, orderid=order_id, balance="99999.00")
    assert answer.status_code == 501 and read(answer)["message"]
    assert snapshot() == before and balance(poor) == Decimal("10.00")


def test_another_buyers_order_looks_absent(api, world):
    theirs = order_in(world, OrderStatus.PENDING_PAYMENT, buyer=world.bob)
    before = snapshot()
    for path in ("/order/submitorder", "/order/paymentorder", "/order/cancelorder"):
        mine = read(api.seed000(path, world.alice, orderid=theirs, balance=1))
        missing = api.seed000(path, world.alice, orderid=999_999, balance=1)
        assert missing.status_code == 501 and mine == read(missing), path
        assert api.seed000(path, world.alice, orderid="x").status_code == 501
    assert snapshot() == before


def test_all_orders_newest_first_and_none_is_501(api, world):
    none = api.seed000("/order/allorder", world.alice)
    assert none.status_code == 501 and read(none)["message"]
    older = order_in(world, OrderStatus.PENDING_SHIPMENT, cnt=2)
    newer = order_in(world, OrderStatus.PENDING_PAYMENT, book=world.book_b1)
    order_in(world, OrderStatus.PENDING_PAYMENT, buyer=world.bob)
    answer = api.seed000("/order/allorder", world.alice)
    assert answer.status_code == 200
    assert read(answer)["message"] == [
        {"orderid": newer, "type": 0, "sid": world.shop_b, "sname": "Shop B", "pic": "",
         "total": Decimal("30.80"), "items": [{"goodsname": "Water Margin", "cnt": 1}]},
        {"orderid": older, "type": 1, "sid": world.shop_a, "sname": "Shop A", "pic": "",
         "total": Decimal("42.00"),
         "items": [{"goodsname": "Dream of the Red Chamber", "cnt": 2}]},
    ]
    page = read(api.seed000("/order/allorder", world.alice, offset=1, limit=1))["message"]
    assert [order["orderid"] for order in page] == [older]


def test_form_fields_work_as_json_does(api, world):
    alice = world.alice
    token = {"token": alice.token}
    added = api.http.post("/order/addcart", headers=token,
                          data={"username": "alice", "goodsname": "Water Margin", "cnt": "2"})
    assert (added.status_code, read(added)) == (200, {"message": "ok"})
    api.http.post("/order/addcart", headers=token,
                  data={"username": "alice", "bid": str(world.book_a1)})
    assert cart_of(alice) == [(world.book_a1, 1), (world.book_b1, 2)]
    made = api.http.post(  # a list field repeated, as an HTML form sends it
        "/order/createorder", headers={**token, "content-type": FORM},
        content="goodsset=Water+Margin&goodsset=Dream+of+the+Red+Chamber")
    assert made.status_code == 200, made.text
    assert [order["sid"] for order in read(made)["message"]] == [world.shop_a, world.shop_b]
    assert cart_of(alice) == []
    paid = api.http.post("/order/paymentorder", headers=token, data={
        "username": "alice", "orderid": str(read(made)["message"][0]["orderid"]),
        "balance": "0"})
    assert (paid.status_code, read(paid)) == (200, {"message": "ok"})


def test_json_sent_with_a_form_type_is_read_as_json(api, world):
    """What `curl -d '{"username": …}'` sends: JSON labelled as a form."""
    token = {"token": world.alice.token, "content-type": FORM}
    added = api.http.post("/order/addcart", headers=token,
                          content='{"username": "alice", "goodsname": "Water Margin", "cnt": 2}')
    assert (added.status_code, read(added)) == (200, {"message": "ok"})
    assert cart_of(world.alice) == [(world.book_b1, 2)]
    listed = api.http.post("/order/getlist", headers={"content-type": FORM}, content=(
        f'{{"uid": {world.alice.id}, "token": "{world.alice.token}"}}'))
    assert read(listed) == {"state": 0, "items": []}
    broken = api.http.post("/order/getcart", headers=token, content='{"username": "alice"')
    assert broken.status_code == 501 and read(broken)["message"]
