"""Lists cost a fixed number of queries however many rows they hold: no query per row."""

import contextlib
import logging

from bookshop_gui.services import cart, orders, shop

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


def test_the_shops_order_list_costs_the_same_for_2_or_30_orders(world):
    book_a, book_b = make_book(world.shop_a, stock=100), make_book(world.shop_b, stock=100)
    for _ in range(2):
        orders.create(world.alice.token, book_b, 1)
    for _ in range(30):
        orders.create(world.bob.token, book_a, 1)
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
