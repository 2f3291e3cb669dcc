"""Short ways to build shops, people and books, and to read back what a user would check.

People are written straight to the tables with one password hash computed
once, and signed in through the service's own session store: the slow,
salted hash is tested in test_auth, not paid for in every other test.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import (
    AuditLog,
    AuthSession,
    BalanceEntry,
    Book,
    CartLine,
    Order,
    OrderLine,
    Review,
    Shop,
    User,
    database,
)
from bookshop_gui.services import orders, shop
from bookshop_gui.services.passwords import hash_password
from bookshop_gui.services.sessions import open_session

PASSWORD = "open sesame"
_PASSWORD_HASH = hash_password(PASSWORD)


@dataclass(frozen=True)
class Person:
    id: int
    username: str
    token: str


def make_shop(name: str) -> int:
    return Shop.create(name=name).id


def make_person(username: str, role: str, *, shop_id=None, balance="0.00", vip="1") -> Person:
    with database.atomic():
        user = User.create(
            username=username, password_hash=_PASSWORD_HASH, role=role, shop=shop_id,
            vip_ratio=Decimal(vip), balance=Decimal(balance),
        )
        token = open_session(user)
    return Person(user.id, username, token)


def make_buyer(username: str, *, balance="0.00", vip="1") -> Person:
    return make_person(username, "buyer", balance=balance, vip=vip)


def make_staff(username: str, shop_id: int) -> Person:
    return make_person(username, "staff", shop_id=shop_id)


def make_book(shop_id: int, *, price="10.00", stock=10, title=None, pic="") -> int:
    title = title or f"Book {Book.select().count() + 1}"
    return Book.create(shop=shop_id, title=title, price=Decimal(price), stock=stock, pic=pic).id


def stock(book_id: int) -> int:
    return Book.get_by_id(book_id).stock


def balance(person: Person) -> Decimal:
    return User.get_by_id(person.id).balance


def status(order_id: int) -> int:
    return Order.get_by_id(order_id).status


def set_price(book_id: int, price: str) -> None:
    Book.update(price=Decimal(price)).where(Book.id == book_id).execute()


def snapshot() -> dict:
    """Everything a failed call must leave as it was: stock, balances, carts, orders."""
    return {
        "stock": dict(Book.select(Book.id, Book.stock).tuples()),
        "balances": dict(User.select(User.id, User.balance).tuples()),
        "balance_entries": BalanceEntry.select().count(),
        "cart": sorted(CartLine.select(CartLine.user, CartLine.book, CartLine.cnt).tuples()),
        "orders": sorted(Order.select(Order.id, Order.status, Order.total, Order.version).tuples()),
        "lines": sorted(OrderLine.select(
            OrderLine.order, OrderLine.book, OrderLine.cnt, OrderLine.money).tuples()),
        "reviews": sorted(Review.select(Review.order, Review.mark, Review.comment).tuples()),
        "audit": AuditLog.select().count(),
        "sessions": AuthSession.select().count(),
    }


@dataclass(frozen=True)
class World:
    """Two shops with a member of staff and books each, and two buyers with money."""

    shop_a: int
    shop_b: int
    staff_a: Person
    staff_b: Person
    alice: Person
    bob: Person
    book_a1: int
    book_a2: int
    book_b1: int


def make_world() -> World:
    shop_a, shop_b = make_shop("Shop A"), make_shop("Shop B")
    return World(
        shop_a=shop_a,
        shop_b=shop_b,
        staff_a=make_staff("clerk_a", shop_a),
        staff_b=make_staff("clerk_b", shop_b),
        alice=make_buyer("alice", balance="500.00"),
        bob=make_buyer("bob", balance="500.00"),
        book_a1=make_book(shop_a, price="10.00", stock=10, title="Dream of the Red Chamber"),
        book_a2=make_book(shop_a, price="25.50", stock=5, title="Journey to the West"),
        book_b1=make_book(shop_b, price="8.80", stock=3, title="Water Margin"),
    )


def order_in(world: World, wanted, *, buyer: Person | None = None, book: int | None = None,
             cnt: int = 1) -> int:
    """A new order of `book` (shop A's first book by default) walked to status `wanted`."""
    buyer = buyer or world.alice
    book = book or world.book_a1
    staff = world.staff_a if Book.get_by_id(book).shop_id == world.shop_a else world.staff_b
    order_id = orders.create(buyer.token, book, cnt)
    wanted = OrderStatus(wanted)
    if wanted == OrderStatus.CANCELLED:
        orders.cancel(buyer.token, order_id)
        return order_id
    steps = [
        lambda: orders.pay(buyer.token, order_id),
        lambda: shop.ship(staff.token, order_id),
        lambda: orders.confirm_receipt(buyer.token, order_id),
        lambda: orders.review(buyer.token, order_id, 4, "Good"),
    ]
    for step in steps[: int(wanted)]:
        step()
    assert Order.get_by_id(order_id).status == wanted
    return order_id


def write_catalog(path, rows: int) -> None:
    """A supplier's CSV of `rows` books with valid ISBN-13s, written in one go."""
    lines = ["isbn,title,author,price,stock,pic"]
    for n in range(rows):
        body = f"978{n:09d}"
        check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body)) % 10) % 10
        lines.append(f"{body}{check},Book {n},Author {n % 97},{5 + n % 40}.50,{n % 9},")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
