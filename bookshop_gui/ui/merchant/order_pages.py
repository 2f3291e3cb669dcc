"""The few pages of a long order list that are held, keyed by position.

A list of 100,000 orders is shown through a handful of pages of rows around
where the person is looking; the rest are read again when scrolled back to.
Besides the rows it keeps an order id → row index, changed page by page as
pages come and go (never rebuilt from every row), and for each page read the
id of the order just before the next one, so that page is read again by a
keyset walk (`after=`) rather than by counting rows from the top.
"""

from __future__ import annotations

from bookshop_gui.domain import OrderRow


class OrderPages:
    """Pages of `size` rows by page number; at most `bound` besides the pages `held`."""

    def __init__(self, size: int, bound: int):
        self.size, self.bound = size, bound
        self.pages: dict[int, list[OrderRow]] = {}
        self.rows: dict[int, int] = {}  # order id → row, for the held pages only
        self.anchors: dict[int, int] = {}  # page number → id of the order just before it
        self.held: set[int] = set()  # pages kept whatever the bound (the selection's)

    def __len__(self) -> int:
        return sum(len(page) for page in self.pages.values())

    def get(self, row: int) -> OrderRow | None:
        page = self.pages.get(row // self.size)
        offset = row % self.size
        return page[offset] if page is not None and offset < len(page) else None

    def row_of(self, order_id: int) -> int:
        return self.rows.get(order_id, -1)

    def put(self, number: int, page: list[OrderRow]) -> None:
        """Hold a page read just now; past the bound, let go of the pages read longest ago
        (pages are read when the view shows them, so those are the least likely in view)."""
        self.drop(number)
        self.pages[number] = page  # last in the dict's order: read most recently
        first = number * self.size
        for offset, order in enumerate(page):
            self.rows[order.id] = first + offset
        if len(page) == self.size:
            self.anchors[number + 1] = page[-1].id
        spare = [p for p in self.pages if p not in self.held]
        for oldest in spare[:max(0, len(spare) - self.bound)]:
            self.drop(oldest)

    def drop(self, number: int) -> None:
        """Let go of a page's rows (its anchor stays: it is one id, and still true)."""
        first = number * self.size
        for offset, order in enumerate(self.pages.pop(number, ())):
            if self.rows.get(order.id) == first + offset:
                del self.rows[order.id]

    def drop_from(self, row: int) -> None:
        """Let go of every page from the one holding `row` on: the list got shorter."""
        for number in [p for p in self.pages if (p + 1) * self.size > row]:
            self.drop(number)

    def missing(self, numbers) -> set[int]:
        return {number for number in numbers if number not in self.pages}
