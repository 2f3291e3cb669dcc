"""What the API adds to the seeds: the buyer's addresses, an order sent to one of them,
and an administrator's approval for a big price cut on setinfo."""

from decimal import Decimal

from store.builders import PASSWORD, make_person, order_in, snapshot

from bookshop_gui.domain import OrderStatus
from bookshop_gui.services import accounts, cart, orders, settings, shop

from .server_process import read

REFUSED, NOT_SIGNED_IN = -1, -10


def two_addresses(person) -> tuple[int, int]:
    home = accounts.save_address(person.token, name="张伟", phone="13800138000",
                                 region="广东省 深圳市 南山区", street="科技园路 1 号",
                                 postcode="518057")
    office = accounts.save_address(person.token, name="张伟", phone="13800138000",
                                   region="北京市 北京市 朝阳区", street="建国路 1 号")
    return home, office


def test_a_buyer_lists_their_addresses_and_orders_to_one(api, world):
    home, office = two_addresses(world.alice)
    listed = api.seed001("/user/addresses", world.alice)
    assert listed == {"state": 0, "items": [
        {"address_id": home, "name": "张伟", "phone": "13800138000",
         "region": "广东省 深圳市 南山区", "street": "科技园路 1 号", "postcode": "518057",
         "default": True},
        {"address_id": office, "name": "张伟", "phone": "13800138000",
         "region": "北京市 北京市 朝阳区", "street": "建国路 1 号", "postcode": "",
         "default": False}]}
    assert api.seed001("/user/addresses", world.bob) == {"state": 0, "items": []}

    made = api.seed001("/order/create", world.alice, bid=world.book_a1, cnt=1,
                       address_id=office)
    assert orders.info(world.alice.token, made["cid"]).address.street == "建国路 1 号"
    cart.add(world.alice.token, world.book_a2, 1)
    answer = api.seed000("/order/createorder", world.alice, goodsset=[world.book_a2],
                         address_id=office)
    assert answer.status_code == 200, answer.text
    [order] = read(answer)["message"]
    assert orders.info(world.alice.token, order["orderid"]).address.street == "建国路 1 号"
    default = api.seed001("/order/create", world.alice, bid=world.book_a1, cnt=1)
    assert orders.info(world.alice.token, default["cid"]).address.street == "科技园路 1 号"


def test_another_buyers_address_is_refused_and_nothing_is_ordered(api, world):
    _home, office = two_addresses(world.bob)
    cart.add(world.alice.token, world.book_a2, 1)
    before = snapshot()
    direct = api.seed001("/order/create", world.alice, bid=world.book_a1, cnt=1,
                         address_id=office)
    assert direct["state"] == REFUSED and direct["message"]
    from_cart = api.seed000("/order/createorder", world.alice, goodsset=[world.book_a2],
                            address_id=office)
    assert from_cart.status_code == 501 and read(from_cart)["message"]
    bad = api.seed001("/order/create", world.alice, bid=world.book_a1, cnt=1, address_id="x")
    assert bad["state"] == REFUSED
    assert snapshot() == before
    for person in ({"uid": world.alice.id, "token": "not-a-token"},
                   {"uid": world.staff_a.id, "token": world.staff_a.token}):
        answer = api.seed001("/user/addresses", **person)
        assert answer["state"] == NOT_SIGNED_IN and "items" not in answer


def test_a_big_price_cut_needs_an_administrators_approval(api, world):
    admin = make_person("boss", "admin")
    settings.set_price_cut_limit(admin.token, Decimal("20"))
    unpaid = order_in(world, OrderStatus.PENDING_PAYMENT, cnt=2)  # 20.00 of books
    cut = {"cid": unpaid, "list": [{"bid": world.book_a1, "cnt": 2, "money": "10.00"}]}
    before = snapshot()
    missing = api.seed001("/shop/manage/setinfo", world.staff_a, **cut)
    assert missing["state"] == REFUSED and missing["message"]
    assert missing["bids"] == [world.book_a1]
    for approver, password in (("boss", "wrong"), ("clerk_a", PASSWORD), ("boss", None)):
        fields = {"approver": approver} | ({"approver_password": password} if password else {})
        refused = api.seed001("/shop/manage/setinfo", world.staff_a, **cut, **fields)
        assert refused["state"] == REFUSED and refused["message"], approver
    assert snapshot() == before
    approved = api.seed001("/shop/manage/setinfo", world.staff_a, **cut, approver="boss",
                           approver_password=PASSWORD)
    assert approved == {"state": 0}
    assert shop.get_order(world.staff_a.token, unpaid).total == Decimal("32.00")
    assert api.seed001("/shop/manage/getlist", world.staff_a)["state"] == 0  # still signed in


def test_a_buyer_sending_setinfo_is_not_signed_in_as_staff_with_or_without_an_approval(
        api, world):
    admin = make_person("boss", "admin")
    settings.set_price_cut_limit(admin.token, Decimal("20"))
    unpaid = order_in(world, OrderStatus.PENDING_PAYMENT, cnt=2)
    cut = {"cid": unpaid, "list": [{"bid": world.book_a1, "cnt": 2, "money": "10.00"}]}
    before = snapshot()
    alone = api.seed001("/shop/manage/setinfo", world.alice, **cut)
    approved = api.seed001("/shop/manage/setinfo", world.alice, **cut, approver="boss",
                           approver_password=PASSWORD)
    assert alone["state"] == approved["state"] == NOT_SIGNED_IN
    assert snapshot() == before
