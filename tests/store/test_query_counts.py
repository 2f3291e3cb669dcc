"""Lists cost a fixed number of queries however many rows they hold: no query per row."""

import contextlib
import logging
import threading

import pytest

from bookshop_gui.errors import SessionEnded
from bookshop_gui.models import database
from bookshop_gui.services import auth, cart, orders, shop

from .builders import make_book, make_buyer


class QueryCounter(logging.Handler):
    """Counts the statements peewee sends (it logs each one on its 'peewee' logger)."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record):
        self.statements.append(str(record.msg))


@contextlib.contextmanager
def counting():
    logger = logging.getLogger("peewee")
    counter, level = QueryCounter(), logger.level
    logger.addHandler(counter)
    logger.setLevel(logging.DEBUG)
    try:
        yield counter.statements
    finally:
        logger.removeHandler(counter)
        logger.setLevel(level)


def queries(call):
    with counting() as statements:
        result = call()
    return len(statements), result


def test_the_buyers_order_list_costs_the_same_for_2_or_30_orders(world):
    few, many = make_buyer("few"), make_buyer("many")
    books = (make_book(world.shop_a, stock=100), make_book(world.shop_b, stock=100))
    for buyer, n in ((few, 2), (many, 30)):
        for i in range(n):
            orders.create(buyer.token, books[i % 2], 1)
    small, listed_few = queries(lambda: orders.list(few.token))
    large, listed_many = queries(lambda: orders.list(many.token))
    assert (len(listed_few), len(listed_many)) == (2, 30)
    assert all(o.items for o in listed_many)
    assert small == large
    assert 2 <= large <= 4


def two_and_thirty_orders(world) -> None:
    """Shop B gets 2 orders (alice's), shop A 30 (bob's): a shop's list must cost the same."""
    book_a, book_b = make_book(world.shop_a, stock=100), make_book(world.shop_b, stock=100)
    for _ in range(2):
        orders.create(world.alice.token, book_b, 1)
    for _ in range(30):
        orders.create(world.bob.token, book_a, 1)


def test_the_shops_order_list_costs_the_same_for_2_or_30_orders(world):
    two_and_thirty_orders(world)
    small, listed_b = queries(lambda: shop.list_orders(world.staff_b.token))
    large, listed_a = queries(lambda: shop.list_orders(world.staff_a.token))
    assert (len(listed_b), len(listed_a)) == (2, 30)
    assert all(o.lines and o.buyer == "bob" for o in listed_a)
    assert small == large
    assert 2 <= large <= 4


def test_the_cart_costs_the_same_for_2_or_30_lines(world):
    few, many = make_buyer("few"), make_buyer("many")
    books = [make_book(world.shop_a if i % 2 else world.shop_b) for i in range(30)]
    for book in books[:2]:
        cart.add(few.token, book, 1)
    for book in books:
        cart.add(many.token, book, 2)
    small, lines_few = queries(lambda: cart.get(few.token))
    large, lines_many = queries(lambda: cart.get(many.token))
    assert (len(lines_few), len(lines_many)) == (2, 30)
    assert {line.shop_id for line in lines_many} == {world.shop_a, world.shop_b}
    assert small == large
    assert 2 <= large <= 3


def _session_lookups(statements) -> int:
    """Look-ups of who is calling; a request id's claim takes the user id from the session
    itself, in the same round trip as the look-up, and is not one."""
    return sum("auth_sessions" in statement and not statement.startswith("('INSERT")
               for statement in statements)


def test_a_paid_order_with_a_request_id_checks_the_session_once(world):
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    with counting() as statements:
        orders.pay(world.alice.token, order_id, request_id="pay-once-0001")
    assert _session_lookups(statements) == 1
    with counting() as statements:  # the repeat, answered from its record
        orders.pay(world.alice.token, order_id, request_id="pay-once-0001")
    assert _session_lookups(statements) == 1


def test_each_call_checks_the_session_anew(world):
    """What one transaction learnt of a token is gone when it ends: a sign-out is seen at once."""
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    with counting() as statements:
        orders.info(world.alice.token, order_id)
        orders.info(world.alice.token, order_id)
    assert _session_lookups(statements) == 2
    auth.logout(world.alice.token)
    with pytest.raises(SessionEnded):
        orders.pay(world.alice.token, order_id, request_id="pay-once-0002")


def test_another_thread_checks_the_session_itself(world):
    order_id = orders.create(world.alice.token, world.book_a1, 1)
    seen = []

    def look_up():
        try:
            with counting() as statements:
                orders.info(world.alice.token, order_id)
            seen.append(_session_lookups(statements))
        finally:
            database.close()  # this thread's own connection

    worker = threading.Thread(target=look_up)
    worker.start()
    worker.join()
    assert seen == [1]
