"""Catalog search finds the same books with or without the trigram index (migration 0003)."""

from decimal import Decimal

import pytest

from bookshop_gui.models import Book, Shop
from bookshop_gui.models import search as search_index
from bookshop_gui.services import catalog

BOOKS = (
    ("The Lighthouse Keeper", "Ingrid Lindqvist", "9780141439518"),
    ("Lighthouses of the North", "Tom Okafor", "9787020002207"),
    ("A Short Guide to Chess", "Zoë Müller", "9780140449136"),
    ("红楼梦", "曹雪芹", "9787020008728"),
    ("50% Off: A Sale Story", "Anna_Smith", "9780143035008"),
)


@pytest.fixture
def shelf(database):
    shop = Shop.create(name="Search Shop")
    return [Book.create(shop=shop, title=t, author=a, isbn=i, price=Decimal("9.99"), stock=3).id
            for t, a, i in BOOKS]


def titles(text, **kwargs):
    return sorted(book.title for book in catalog.search(text, **kwargs))


@pytest.mark.parametrize(("text", "expected"), [
    ("lighthouse", ["Lighthouses of the North", "The Lighthouse Keeper"]),
    ("LIGHTHOUSE", ["Lighthouses of the North", "The Lighthouse Keeper"]),
    ("hous", ["Lighthouses of the North", "The Lighthouse Keeper"]),
    ("Li", ["Lighthouses of the North", "The Lighthouse Keeper"]),
    ("lindqvist", ["The Lighthouse Keeper"]),
    ("978-7-020", ["Lighthouses of the North", "红楼梦"]),
    ("0002207", ["Lighthouses of the North"]),
    ("红楼梦", ["红楼梦"]),
    ("楼梦", ["红楼梦"]),
    ("50%", ["50% Off: A Sale Story"]),
    ("a_s", ["50% Off: A Sale Story"]),
    ("nowhere at all", []),
])
def test_search_matches_title_author_and_isbn_substrings(shelf, text, expected):
    assert titles(text) == expected
    assert catalog.count(text) == len(expected)


def test_common_text_is_found_by_reading_the_newest_books(shelf, monkeypatch):
    monkeypatch.setattr(search_index, "MAX_CANDIDATES", 1)
    assert titles("lighthouse") == ["Lighthouses of the North", "The Lighthouse Keeper"]
    assert [b.id for b in catalog.search("o")] == sorted(
        (b for b in shelf if any("o" in f.lower() for f in BOOKS[shelf.index(b)])), reverse=True
    )


def test_the_index_follows_new_changed_and_deleted_books(shelf):
    Book.update(title="The Harbour Keeper").where(Book.id == shelf[0]).execute()
    assert titles("lighthouse") == ["Lighthouses of the North"]
    assert titles("harbour keep") == ["The Harbour Keeper"]
    Book.delete().where(Book.id == shelf[1]).execute()
    assert titles("lighthouse") == []
    shop = Shop.get(Shop.name == "Search Shop")
    Book.create(shop=shop, title="Lighthouse Again", price=Decimal(1), isbn="9780000000002")
    assert titles("lighthouse") == ["Lighthouse Again"]
    assert titles("000000000") == ["Lighthouse Again"]


def test_pages_of_a_search_are_newest_first(shelf):
    page = catalog.search("o", limit=2)
    rest = catalog.search("o", offset=2)
    ids = [b.id for b in page + rest]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)


def test_search_within_one_shop(shelf):
    shop_id = Book.get_by_id(shelf[0]).shop_id
    assert titles("lighthouse", shop_id=shop_id) == [
        "Lighthouses of the North", "The Lighthouse Keeper"]
    assert titles("lighthouse", shop_id=shop_id + 1) == []
    assert catalog.count("lighthouse", shop_id=shop_id + 1) == 0


def test_a_count_asked_to_stop_stops_there_and_is_exact_below(shelf):
    assert catalog.count("lighthouse", up_to=1) == 1
    assert catalog.count("lighthouse", up_to=2) == 2
    assert catalog.count("lighthouse", up_to=3) == 2  # all there are
    assert catalog.count("", up_to=3) == 3
    assert catalog.count("Li", up_to=50) == 2  # under three letters: no index, same answer
    assert catalog.count("nowhere at all", up_to=5) == 0
