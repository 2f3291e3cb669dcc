"""A search that matches more than a thousand books says "1,000+ books" and still lists them all.

Counting every match of one common letter would cost more than the page of
books it finds, so the windows ask for the count up to 1,001 and say so.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from bookshop_gui.models import Book, Shop
from bookshop_gui.services import auth
from bookshop_gui.ui.buyer.window import BuyerWindow
from bookshop_gui.ui.merchant.window import MerchantWindow

from .live_helpers import close

EXTRA = 1_200  # the demo shop's own books come on top


@pytest.fixture
def big_shelf(demo_shop):
    shop = Shop.get(Shop.name == "Lakeside Books")
    Book.insert_many([{"shop": shop.id, "title": f"Quayside Tale {n}", "author": "Ann Quill",
                       "price": Decimal("5.00"), "stock": 3} for n in range(EXTRA)]).execute()


WORDS = {"en": {"many": "1,000+ books", "one": "1 book", "three": "3 books",
                "none": "No books match."},
         "zh_CN": {"many": "1,000+ 本书", "one": "1 本书", "three": "3 本书",
                   "none": "没有匹配的图书。"}}


def test_the_kiosk_says_how_many_in_words_a_person_reads(qtbot, big_shelf, tasks, language):
    window = BuyerWindow(auth.login("reader", "reader"), tasks)
    window.show()
    page, words = window.catalog, WORDS[language]
    try:
        assert page.total.text() == words["many"]
        for text, expected in (("quayside tale 1199", "one"), ("quayside", "many"),
                               ("austen", "three"), ("no such book", "none"), ("q", "many")):
            page.search.setText(text)
            page.run_search()
            assert page.total.text() == words[expected], text
        page.search.setText("quayside tale 11")  # 11, 110-119, 1100-1199: 111 books
        page.run_search()
        assert page.total.text() == ("111 books" if language == "en" else "111 本书")
    finally:
        close(window)


def test_the_workstation_lists_every_match_past_the_count(qtbot, big_shelf, tasks, language):
    window = MerchantWindow(auth.login("lakeside", "lakeside"), tasks)
    window.show()
    pane = window.show_pane("catalog")
    words = WORDS[language]
    try:
        assert pane.count_label.text() == words["many"]
        while pane.model.canFetchMore():
            pane.model.fetchMore()
        titles = [pane.model.book_at(row).title for row in range(pane.model.rowCount())]
        assert len(titles) == len(set(titles)) == EXTRA + 20  # Lakeside's 20 of the demo's
        assert pane.count_label.text() == words["many"]
        pane.search.setText("quayside tale 1199")
        pane.search.search_now()
        assert pane.count_label.text() == words["one"]
        assert pane.model.rowCount() == 1
    finally:
        close(window)
