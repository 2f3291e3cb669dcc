"""Seed 001: orders by id, `uid` + `token` in the body, and `state` 0 / -1 / -10.

Money is a number with two places (`%.2f`); statuses are the seed's numbers
(0 unpaid … 4 completed, -1 cancelled).
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from bookshop_gui.domain import OrderDetail, OrderSummary
from bookshop_gui.server.bodies import SeedRoute
from bookshop_gui.server.fields import (
    MAX_PAGE,
    AddressId,
    Limit,
    Money,
    Offset,
    RequestId,
    Shown,
    Text,
    Whole,
    caller,
)
from bookshop_gui.server.render import SeedResponse
from bookshop_gui.services import orders, shop

router = APIRouter(route_class=SeedRoute, tags=["seed 001: orders and the shop's orders"],
                   default_response_class=SeedResponse)
STATUSES = "0 unpaid, 1 to ship, 2 shipped, 3 to review, 4 completed, -1 cancelled"


class Caller(BaseModel):
    uid: Whole | None = Field(None, description="the user id from /user/login")
    token: Text | None = Field(None, description="the token from /user/login")


class Listing(Caller):
    type: Whole | None = Field(None, description=f"only orders of this status: {STATUSES}")
    offset: Offset = 0
    limit: Limit = MAX_PAGE


class OrderRef(Caller):
    cid: Whole = Field(description="the order id")


class BuyerOperation(OrderRef):
    opcode: Whole = Field(description="1 pay, 2 cancel, 3 confirm receipt")
    amount: Shown = None


class Review(OrderRef):
    mark: Whole = Field(description="0 to 5 stars")
    comment: Text = ""


class DirectOrder(Caller):
    bid: Whole = Field(description="the book id")
    cnt: Whole = Field(description="copies, 1 to 999")
    address_id: AddressId = None


class ShopOperation(OrderRef):
    opcode: Text = Field(description='"sent" (shipped) or "cancel"')
    tracking: Text | None = Field(None, description='with "sent": 8 to 30 letters or digits')
    courier: Text | None = Field(None, description='with "sent": SF Express if not given')


class Line(BaseModel):
    bid: Whole
    cnt: Whole
    money: Money = Field(description="the line's new total, two places")


class NewLines(OrderRef):
    lines: list[Line] = Field(alias="list", description="the order's lines, all of them")
    approver: Text | None = Field(None, description="an administrator's user name, approving "
                                                    "a price cut past the shop's limit")
    approver_password: Text | None = Field(None, description="that administrator's password")


def ok(**fields) -> SeedResponse:
    return SeedResponse({"state": 0, **fields})


@router.post("/order/getlist", summary="the buyer's orders, newest first")
def buyer_orders(body: Listing):
    caller(body.uid, body.token)
    found = orders.list(body.token, body.type, offset=body.offset, limit=body.limit)
    return ok(items=[_summary(order) for order in found])


@router.post("/order/getinfo", summary="one of the buyer's orders")
def buyer_order(body: OrderRef):
    caller(body.uid, body.token)
    order = orders.info(body.token, body.cid)
    return ok(cid=order.id, type=int(order.status), sid=order.shop_id, sname=order.shop_name,
              items=_lines(order))


@router.post("/order/operate", summary="pay, cancel or confirm receipt")
def buyer_operate(body: BuyerOperation, request_id: RequestId = None):
    caller(body.uid, body.token)
    if body.opcode == 1 and body.amount is not None:
        orders.pay(body.token, body.cid, expected_total=body.amount, request_id=request_id)
    else:
        orders.operate(body.token, body.cid, body.opcode, request_id=request_id)
    return ok()


@router.post("/order/comment", summary="review a received order")
def buyer_comment(body: Review):
    caller(body.uid, body.token)
    orders.review(body.token, body.cid, body.mark, body.comment)
    return ok()


@router.post("/order/create", summary="order one book at once (the cart is left alone)")
def buyer_create(body: DirectOrder, request_id: RequestId = None):
    caller(body.uid, body.token)
    return ok(cid=orders.create(body.token, body.bid, body.cnt, address_id=body.address_id,
                               request_id=request_id))


@router.post("/shop/manage/getlist", summary="the shop's orders, newest first (staff)")
def shop_orders(body: Listing):
    caller(body.uid, body.token)
    found = shop.list_orders(body.token, body.type, offset=body.offset, limit=body.limit)
    return ok(items=[{"cid": order.id, "type": int(order.status), "items": _lines(order)}
                     for order in found])


@router.post("/shop/manage/operate", summary="mark shipped, or cancel with a refund (staff)")
def shop_operate(body: ShopOperation, request_id: RequestId = None):
    caller(body.uid, body.token)
    if body.opcode == "sent" and (body.tracking or body.courier):
        parcel = {"tracking": body.tracking or None}
        if body.courier:
            parcel["courier"] = body.courier
        shop.ship(body.token, body.cid, **parcel, request_id=request_id)
    else:
        shop.operate(body.token, body.cid, body.opcode, request_id=request_id)
    return ok()


@router.post("/shop/manage/setinfo", summary="replace an unpaid order's lines and prices (staff)")
def shop_set_lines(body: NewLines, request_id: RequestId = None):
    caller(body.uid, body.token)
    shop.set_lines(body.token, body.cid, [
        {"book_id": line.bid, "cnt": line.cnt, "money": line.money} for line in body.lines],
        approval=_approval(body), request_id=request_id)
    return ok()


def _approval(body: NewLines) -> tuple | None:
    """The services' (user name, password) approval; one of the two alone is refused there."""
    if body.approver is None and body.approver_password is None:
        return None
    return (body.approver, body.approver_password)


def _summary(order: OrderSummary) -> dict:
    return {"cid": order.id, "type": int(order.status), "sid": order.shop_id,
            "sname": order.shop_name, "pic": order.pic,
            "items": [{"name": name, "cnt": cnt} for name, cnt in order.items]}


def _lines(order: OrderDetail) -> list[dict]:
    return [{"bid": line.book_id, "name": line.name, "cnt": line.cnt, "pic": line.pic,
             "money": line.money} for line in order.lines]
