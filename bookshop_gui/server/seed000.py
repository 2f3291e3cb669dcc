"""Seed 000: the cart and orders by book title, `token` header, HTTP status and `message`.

Books are named by `goodsname`, their title. Titles need not be unique, so
a title several books share is refused with the choices (each with its
`bid`), and `bid` may be sent instead of, or beside, the title.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header
from pydantic import BaseModel, Field

from bookshop_gui.domain import OrderDetail
from bookshop_gui.errors import InvalidInput, NotFound
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
    signed_in,
)
from bookshop_gui.server.render import SeedResponse
from bookshop_gui.services import cart, orders

router = APIRouter(route_class=SeedRoute, tags=["seed 000: cart and orders"],
                   default_response_class=SeedResponse,
                   responses={401: {"description": "bad token, or a user name not the token's"},
                              501: {"description": "refused by the shop's rules (message says "
                                                   "why): out of stock, balance too low…"}})
Token = Annotated[str | None, Header(description="the token from /user/login")]


class Buyer(BaseModel):
    username: Text = Field(description="the signed-in buyer's user name")


class Goods(Buyer):
    goodsname: Text | None = Field(None, description="the book's title")
    bid: Whole | None = Field(None, description="the book's id, when a title is not enough")


class AddGoods(Goods):
    cnt: Whole = Field(1, description="copies to add (1 if not given)")


class GoodsSet(BaseModel):
    username: Text | None = Field(None, description="checked against the token when given")
    goodsset: list[Whole | Text] = Field(description="titles (or ids) of books in the cart")
    address_id: AddressId = None


class OrderRef(Buyer):
    orderid: Whole


class Payment(OrderRef):
    balance: Money | None = Field(None, description="ignored: the balance is the shop's own")
    amount: Shown = None


class AllOrders(Buyer):
    offset: Offset = 0
    limit: Limit = MAX_PAGE


def ok(message="ok") -> SeedResponse:
    return SeedResponse({"message": message})


@router.post("/order/getcart", summary="getCart: the cart's lines")
def get_cart(body: Buyer, token: Token = None):
    signed_in(token, body.username)
    return ok([_cart_line(line) for line in cart.get(token)])


@router.post("/order/addcart", summary="addCart: add a book to the cart")
def add_cart(body: AddGoods, token: Token = None):
    signed_in(token, body.username)
    if body.bid is not None:
        cart.add(token, body.bid, body.cnt)
    else:
        cart.add_by_title(token, _required_name(body.goodsname), body.cnt)
    return ok()


@router.post("/order/delcart", summary="delCart: take a book out of the cart")
def del_cart(body: Goods, token: Token = None):
    signed_in(token, body.username)
    if body.bid is not None:
        cart.remove(token, body.bid)
    else:
        cart.remove_by_title(token, _required_name(body.goodsname))
    return ok()


@router.post("/order/createorder", summary="createOrder: order books from the cart",
             description="One order per shop; `message` lists the orders made.")
def create_order(body: GoodsSet, token: Token = None, request_id: RequestId = None):
    signed_in(token, body.username)
    order_ids = orders.create_from_cart_by_title(token, body.goodsset, address_id=body.address_id,
                                                 request_id=request_id)
    return ok([_order(orders.info(token, order_id)) for order_id in order_ids])


@router.post("/order/submitorder", summary="submitOrder: what the payment page shows")
def submit_order(body: OrderRef, token: Token = None):
    signed_in(token, body.username)
    request = orders.submit(token, body.orderid)
    return ok({"orderid": request.order_id, "amount": request.amount,
               "balance": request.balance})


@router.post("/order/paymentorder", summary="paymentOrder: pay from the store balance",
             description="The client's `balance` is never used: the order is paid from the "
                         "balance the shop holds, and refused (501) if that is too low.")
def payment_order(body: Payment, token: Token = None, request_id: RequestId = None):
    signed_in(token, body.username)
    orders.pay(token, body.orderid, expected_total=body.amount, request_id=request_id)
    return ok()


@router.post("/order/cancelorder", summary="cancelOrder: cancel (and refund if paid)")
def cancel_order(body: OrderRef, token: Token = None, request_id: RequestId = None):
    signed_in(token, body.username)
    orders.cancel(token, body.orderid, request_id=request_id)
    return ok()


@router.post("/order/allorder", summary="allOrder: the buyer's orders, newest first")
def all_orders(body: AllOrders, token: Token = None):
    signed_in(token, body.username)
    found = orders.list(token, offset=body.offset, limit=body.limit)
    if not found:
        raise NotFound("You have no orders yet.")
    return ok([{
        "orderid": order.id, "type": int(order.status), "sid": order.shop_id,
        "sname": order.shop_name, "pic": order.pic, "total": order.total,
        "items": [{"goodsname": name, "cnt": cnt} for name, cnt in order.items],
    } for order in found])


def _required_name(name: str | None) -> str:
    if name is None or not name.strip():
        raise InvalidInput('Name the book: send "goodsname" (or "bid").')
    return name


def _cart_line(line) -> dict:
    return {"bid": line.book_id, "goodsname": line.title, "cnt": line.cnt,
            "price": line.unit_price, "money": line.money, "sid": line.shop_id,
            "sname": line.shop_name, "stock": line.stock, "pic": line.pic}


def _order(order: OrderDetail) -> dict:
    return {
        "orderid": order.id, "type": int(order.status), "sid": order.shop_id,
        "sname": order.shop_name, "shipping": order.shipping, "total": order.total,
        "items": [{"bid": line.book_id, "goodsname": line.name, "cnt": line.cnt,
                   "money": line.money} for line in order.lines],
    }

