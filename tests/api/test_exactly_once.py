"""The `Idempotency-Key` header: an action sent again after a lost answer happens once.

And a payment bound to the amount the client showed is refused when the shop
has changed the order since.
"""

from decimal import Decimal

from store.builders import balance, make_book, order_in, snapshot, stock

from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import Order
from bookshop_gui.services import cart, shop

from .server_process import read


def key(text: str) -> dict:
    return {"Idempotency-Key": text}


def test_seed_000_orders_and_pays_once_however_often_it_is_sent(api, world):
    alice = world.alice
    cart.add(alice.token, world.book_a1, 2)
    cart.add(alice.token, world.book_b1, 1)
    sent = {"goodsset": ["Dream of the Red Chamber", "Water Margin"]}
    first = api.seed000("/order/createorder", alice, headers=key("order-0001"), **sent)
    again = api.seed000("/order/createorder", alice, headers=key("order-0001"), **sent)
    assert first.status_code == again.status_code == 200
    assert read(again) == read(first)
    assert (Order.select().count(), stock(world.book_a1), stock(world.book_b1)) == (2, 8, 2)
    other = api.seed000("/order/createorder", alice, headers=key("order-0001"),
                        goodsset=["Water Margin"])
    assert other.status_code == 501 and read(other)["message"]

    order_id = read(first)["message"][0]["orderid"]
    for _ in range(2):
        paid = api.seed000("/order/paymentorder", alice, headers=key("pay-000001"),
                           orderid=order_id, balance=0)
        assert (paid.status_code, read(paid)) == (200, {"message": "ok"})
    assert balance(alice) == Decimal("458.00")  # 42.00 once
    for _ in range(2):
        cancelled = api.seed000("/order/cancelorder", alice, headers=key("cancel-0001"),
                                orderid=order_id)
        assert cancelled.status_code == 200
    assert balance(alice) == Decimal("500.00") and stock(world.book_a1) == 10
    bad = api.seed000("/order/cancelorder", alice, headers=key("no!"), orderid=order_id)
    assert bad.status_code == 501


def test_seed_001_creates_pays_and_cancels_once(api, world):
    made = [api.http.post("/order/create", headers=key("create-0001"), json={
        "uid": world.alice.id, "token": world.alice.token, "bid": world.book_a2, "cnt": 2})
        for _ in range(2)]
    assert read(made[0]) == read(made[1]) and read(made[0])["state"] == 0
    assert (Order.select().count(), stock(world.book_a2)) == (1, 3)
    for _ in range(2):
        paid = api.http.post("/order/operate", headers=key("pay-000002"), json={
            "uid": world.alice.id, "token": world.alice.token, "cid": read(made[0])["cid"],
            "opcode": 1})
        assert read(paid) == {"state": 0}
    assert balance(world.alice) == Decimal("427.00")  # 51.00 + 22.00, once

    paid = order_in(world, OrderStatus.PENDING_SHIPMENT)
    staff = {"uid": world.staff_a.id, "token": world.staff_a.token}
    for _ in range(2):
        answer = api.http.post("/shop/manage/operate", headers=key("cancel-0002"),
                               json={**staff, "cid": paid, "opcode": "cancel"})
        assert read(answer) == {"state": 0}
    assert balance(world.alice) == Decimal("427.00")  # 32.00 refunded once
    bad = api.http.post("/shop/manage/operate", headers=key("x" * 65),
                        json={**staff, "cid": paid, "opcode": "cancel"})
    assert read(bad)["state"] == -1


def test_paying_an_amount_the_shop_has_changed_charges_nothing(api, world):
    order_id = order_in(world, OrderStatus.PENDING_PAYMENT)  # 10.00 + 22.00
    shop.set_lines(world.staff_a.token, order_id,
                   [{"book_id": world.book_a1, "cnt": 1, "money": Decimal("8.00")}])
    before = snapshot()
    old = api.seed000("/order/paymentorder", world.alice, orderid=order_id, amount="32.00")
    assert old.status_code == 501 and read(old)["total"] == Decimal("30.00")
    new = api.seed001("/order/operate", world.alice, cid=order_id, opcode=1, amount=32)
    assert new["state"] == -1 and new["total"] == Decimal("30.00")
    assert snapshot() == before
    assert api.seed001("/order/operate", world.alice, cid=order_id, opcode=1,
                       amount="30.00") == {"state": 0}
    assert balance(world.alice) == Decimal("470.00")


def test_a_repeat_by_a_shared_title_gets_the_first_orders(api, world):
    """The first call takes the book out of the cart, so its title now names two books."""
    make_book(world.shop_b, price="12.00", title="Journey to the West")
    cart.add(world.alice.token, world.book_a2, 2)
    sent = {"goodsset": ["Journey to the West"]}
    first = api.seed000("/order/createorder", world.alice, headers=key("order-0002"), **sent)
    assert first.status_code == 200, first.text
    after_first = snapshot()
    again = api.seed000("/order/createorder", world.alice, headers=key("order-0002"), **sent)
    assert (again.status_code, read(again)) == (200, read(first))
    assert snapshot() == after_first
    assert [item["bid"] for item in read(first)["message"][0]["items"]] == [world.book_a2]
    assert Order.select().count() == 1


def test_a_title_is_taken_out_of_the_cart_in_one_call(api, world):
    twin = make_book(world.shop_b, price="12.00", title="Journey to the West")
    cart.add(world.alice.token, twin, 1)
    for _ in range(2):  # the repeat finds nothing to take out: still "ok"
        answer = api.seed000("/order/delcart", world.alice, goodsname="Journey to the West")
        assert (answer.status_code, read(answer)) == (200, {"message": "ok"})
    assert cart.get(world.alice.token) == []
