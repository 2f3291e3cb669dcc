"""The kiosk's catalog at the sizes kiosks come in, landscape and portrait: the cards use the
width they have, with as much room left of them as right, and the search bar stays where it is
as the number found changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from bookshop_gui.services import auth
from bookshop_gui.ui.buyer.window import BuyerWindow

SIZES = [(1024, 768), (1280, 800), (1920, 1080), (1080, 1920)]


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def catalog_page(request, qtbot, demo_shop, tasks, kiosk_sheet):
    window = BuyerWindow(auth.login("reader", "reader"), tasks, kiosk=True, idle_seconds=600)
    qtbot.addWidget(window)
    window.resize(*request.param)
    window.show()
    qtbot.waitExposed(window)
    assert window.size().toTuple() == request.param
    page = window.catalog
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.total.text() != "")
    return page


def in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def first_row(grid) -> list[QRect]:
    cards = [grid.visualRect(grid.model().index(row, 0)) for row in range(grid.model().rowCount())]
    return [card for card in cards if card.top() == cards[0].top()]


def test_the_cards_fill_the_grids_width_evenly(qtbot, catalog_page):
    grid = catalog_page.list
    row = first_row(grid)
    assert len(row) < grid.model().rowCount(), "a second row of cards, so the first is full"
    # In the grid's own coordinates: from inside its frame to the scroll bar, as seen.
    shift = grid.viewport().x()
    bar = grid.verticalScrollBar().mapTo(grid, QPoint(0, 0)).x()
    left = min(card.left() for card in row) + shift - grid.contentsRect().left()
    right = bar - 1 - (max(card.right() for card in row) + shift)
    assert 0 <= left <= 8 and abs(right - left) <= 2, (left, right)


def test_the_search_bar_stays_put_as_the_count_changes(qtbot, catalog_page):
    before = [in_window(widget) for widget in (catalog_page.search, catalog_page.list)]
    counted = catalog_page.total.text()
    qtbot.keyClicks(catalog_page.search, "Emma")
    catalog_page.run_search()
    qtbot.waitUntil(lambda: catalog_page.total.text() not in ("", counted))
    assert catalog_page.model.rowCount() == 1
    assert [in_window(widget) for widget in (catalog_page.search, catalog_page.list)] == before
