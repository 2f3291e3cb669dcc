"""Bulk shop data for measuring the program at shop scale: `main.py admin seed-bulk`.

Everything is generated from a fixed random seed: titles and authors composed
from word lists, valid ISBN-13s, a few shops with their staff, buyers with
balances and VIP ratios, and orders of about three lines each in every status,
created over the past year in id order. Rows are written with batched
`insert_many` inside transactions, with explicit ids, so 100,000 books and
orders take seconds rather than the minutes one call per row would.

The data keeps the books balanced: each buyer's balance equals the sum of
their balance entries (an opening top-up less each payment), so the same
checks that guard a live shop hold on bulk data too.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import timedelta

from bookshop_gui import db
from bookshop_gui._peewee import peewee
from bookshop_gui.domain import OrderStatus, Role
from bookshop_gui.errors import InvalidInput
from bookshop_gui.models import (
    BalanceEntry,
    Book,
    Order,
    OrderLine,
    Review,
    Shop,
    User,
    database,
)
from bookshop_gui.models.fields import utcnow
from bookshop_gui.services import day_totals, sold_lines
from bookshop_gui.services.passwords import hash_password
from bookshop_gui.services.settings import current_shipping_fee

BATCH = 1000
DEFAULT_PASSWORD = "bookshop"
STAFF_PER_SHOP = 2
PENDING_WINDOW = timedelta(minutes=20)  # unpaid orders are young, or they would expire

SHOP_NAMES = (
    "Lakeside Books", "Harbour Lights", "Old Town Pages", "Riverside Readers",
    "Market Street Books", "The Lantern", "Northgate Books", "墨香书店",
    "Willow & Quill", "Corner Shelf", "Seaside Stories", "Chapter House",
)
ADJECTIVES = (
    "Silent", "Hidden", "Golden", "Broken", "Lost", "Distant", "Burning", "Quiet",
    "Forgotten", "Crimson", "Endless", "Northern", "Secret", "Wild", "Glass", "Winter",
    "Summer", "Last", "First", "Little", "Great", "Dark", "Bright", "Iron", "Paper",
    "Hollow", "Sleeping", "Wandering", "Painted", "Falling",
)
NOUNS = (
    "River", "Garden", "House", "Mountain", "City", "Kingdom", "Letter", "Orchard",
    "Harbour", "Island", "Forest", "Library", "Bridge", "Lighthouse", "Station",
    "Sea", "Road", "Empire", "Tower", "Clock", "Map", "Voyage", "Dream", "Shadow",
    "Winter", "Fire", "Stone", "Song", "Mirror", "Storm", "Window", "Promise",
)
TOPICS = (
    "Cooking", "Gardening", "Astronomy", "Chess", "Python", "History", "Economics",
    "Photography", "Birdwatching", "Philosophy", "Sailing", "Watercolour", "Baking",
)
FIRST_NAMES = (
    "Anna", "James", "Mei", "Olga", "Pierre", "Sofia", "Kenji", "Amara", "Lucas",
    "Ingrid", "Mateo", "Priya", "Tom", "Zoë", "Hana", "Omar", "Clara", "Ivan",
    "Nora", "Felix", "Lin", "Rosa", "Arjun", "Elena", "Samuel", "Chloé", "Wei",
)
LAST_NAMES = (
    "Smith", "García", "Müller", "Rossi", "Tanaka", "Okafor", "Dubois", "Kowalski",
    "Nguyen", "Andersson", "Brontë", "Hughes", "Silva", "Novak", "Chen", "Wang",
    "Fischer", "Moreau", "Patel", "Ivanova", "O'Brien", "Lindqvist", "Kim", "Costa",
)
CANCELLED_SHARE = 0.06
VIP_RATIOS = ((10_000, 70), (9_500, 15), (9_000, 10), (8_000, 5))  # ten-thousandths, weight


@dataclass(frozen=True)
class Sizes:
    books: int
    orders: int
    buyers: int
    shops: int = 5
    busiest: int = 1000  # orders of the first buyer, a regular (capped at a tenth of all)


def seed(sizes: Sizes, *, password: str = DEFAULT_PASSWORD, rng_seed: int = 1) -> dict:
    """Write bulk rows into the bound database; returns what was written and how long it took."""
    _check(sizes)
    started = time.perf_counter()
    writer = _Writer(sizes, hash_password(password), random.Random(rng_seed))
    counts = writer.run()
    counts["seconds"] = round(time.perf_counter() - started, 2)
    return counts


def isbn13(body12: str) -> str:
    """`body12` (twelve digits) with its ISBN-13 check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def _check(sizes: Sizes) -> None:
    if sizes.books < sizes.shops or sizes.shops < 1 or sizes.buyers < 1 or sizes.orders < 0:
        raise InvalidInput("Bulk data needs at least one shop, one buyer and a book per shop.")
    if sizes.shops > len(SHOP_NAMES) * 100:
        raise InvalidInput("Too many shops.")


def _next_id(model) -> int:
    return (model.select(peewee.fn.MAX(model.id)).scalar() or 0) + 1


def _insert(model, fields, rows) -> int:
    """Insert `rows` (tuples of stored values in `fields` order) in batches; returns how many.

    peewee writes the INSERT for one row and the driver runs it for a whole
    batch (executemany): building a multi-row statement in Python would cost
    more than the database's own work.
    """
    sql, params = model.insert_many([[None] * len(fields)], fields=fields).returning().sql()
    if len(params) != len(fields):
        raise ValueError(f"{model.__name__}: list every column, defaults too")
    written = 0
    for batch in peewee.chunked(rows, BATCH):
        database.cursor().executemany(sql, batch)
        written += len(batch)
    return written


class _Writer:
    """Generates and writes one bulk data set, table by table, one transaction each."""

    def __init__(self, sizes: Sizes, password_hash: str, rng: random.Random):
        self.sizes, self.hash, self.rng = sizes, password_hash, rng
        self.now = utcnow()
        self.counts: dict[str, int] = {}

    def run(self) -> dict:
        with database.atomic():
            self.shipping = int(current_shipping_fee().scaleb(2))
            self.shop_ids = self._shops()
            self._staff()
        with database.atomic():
            self._buyers()
        with database.atomic():
            self._books()
        with database.atomic():
            self._orders()
            day_totals.rebuild()  # the orders went in past the services that keep them
            sold_lines.rebuild()
        with database.atomic():
            self._balances()
        _reset_sequences()
        return self.counts

    # -- shops and people ------------------------------------------------

    def _shops(self) -> list[int]:
        first = _next_id(Shop)
        taken = {name for (name,) in Shop.select(Shop.name).tuples()}
        names = []
        for i in range(self.sizes.shops):
            base = SHOP_NAMES[i % len(SHOP_NAMES)]
            name = base if i < len(SHOP_NAMES) else f"{base} {i // len(SHOP_NAMES) + 1}"
            while name in taken:
                name = f"{name} (branch {first})"
            names.append(name)
        ids = list(range(first, first + len(names)))
        opened = self.now - timedelta(days=800)
        _insert(Shop, [Shop.id, Shop.name, Shop.created_at],
                [(i, n, opened) for i, n in zip(ids, names, strict=True)])
        self.counts["shops"] = len(ids)
        return ids

    def _staff(self) -> None:
        self.tag = f"{self.shop_ids[0]}" if self.shop_ids[0] > 1 else ""
        rows = [
            (f"clerk{self.tag}_{s + 1}_{k + 1}", self.hash, Role.STAFF.value, shop_id, 10_000, 0)
            for s, shop_id in enumerate(self.shop_ids) for k in range(STAFF_PER_SHOP)
        ]
        rows.append((f"manager{self.tag}", self.hash, Role.ADMIN.value, None, 10_000, 0))
        self._people(rows)
        self.counts["staff"] = len(rows) - 1

    def _buyers(self) -> None:
        ratios, weights = zip(*VIP_RATIOS, strict=True)
        rng, width = self.rng, len(str(self.sizes.buyers))
        self.first_buyer = _next_id(User)
        self.ratios = rng.choices(ratios, weights, k=self.sizes.buyers)
        self.balances = [rng.randrange(0, 100_000) for _ in range(self.sizes.buyers)]
        self.balances[0] = 500_000  # the regular keeps enough to buy at a kiosk
        rows = [
            (f"reader{self.tag}{i + 1:0{width}d}", self.hash, Role.BUYER.value, None, r, b)
            for i, (r, b) in enumerate(zip(self.ratios, self.balances, strict=True))
        ]
        self._people(rows)
        self.counts["buyers"] = len(rows)

    def _people(self, rows) -> None:
        first = _next_id(User)
        fields = [User.id, User.username, User.password_hash, User.role, User.shop,
                  User.vip_ratio, User.balance, User.created_at]
        joined = self.now - timedelta(days=400)
        _insert(User, fields, [
            (first + i, name, pw, role, shop, r, b, joined)
            for i, (name, pw, role, shop, r, b) in enumerate(rows)
        ])

    # -- books ---------------------------------------------------------------

    def _books(self) -> None:
        rng, n = self.rng, self.sizes.books
        self.first_book = _next_id(Book)
        self.prices = [rng.randrange(299, 8_000) for _ in range(n)]
        self.titles = [self._title() for _ in range(n)]
        start, step = self.now - timedelta(days=730), timedelta(days=730) / max(n, 1)
        isbn_base, shops = rng.randrange(10**9), self.shop_ids
        fields = [Book.id, Book.shop, Book.title, Book.author, Book.isbn, Book.price,
                  Book.stock, Book.pic, Book.created_at]
        rows = (
            (self.first_book + i, shops[i % len(shops)], self.titles[i], self._author(),
             isbn13(f"978{(isbn_base + i * 7_919) % 10**9:09d}"), self.prices[i],
             rng.choice((0, 1, 2, 5, 10, 20, 50, 200)), "", start + step * i)
            for i in range(n)
        )
        self.counts["books"] = _insert(Book, fields, rows)

    def _title(self) -> str:
        rng = self.rng
        pattern = rng.randrange(6)
        adjective, noun = rng.choice(ADJECTIVES), rng.choice(NOUNS)
        if pattern == 0:
            return f"The {adjective} {noun}"
        if pattern == 1:
            return f"{adjective} {noun}s"
        if pattern == 2:
            return f"The {noun} of the {adjective} {rng.choice(NOUNS)}"
        if pattern == 3:
            return f"A Short Guide to {rng.choice(TOPICS)}"
        if pattern == 4:
            return f"{rng.choice(TOPICS)} for Everyone, Volume {rng.randrange(1, 9)}"
        return f"{noun} and {rng.choice(NOUNS)}"

    def _author(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    # -- orders ----------------------------------------------------------------

    def _orders(self) -> None:
        n = self.sizes.orders
        statuses, times = self._statuses_and_times(n)
        buyers = self._order_buyers(n, statuses)
        self.spent = [0] * self.sizes.buyers
        self.payments: list[tuple] = []
        first_order, first_line = _next_id(Order), _next_id(OrderLine)
        written = {"orders": 0, "order_lines": 0, "reviews": 0}
        for start in range(0, n, BATCH):
            orders, lines, reviews = [], [], []
            for i in range(start, min(n, start + BATCH)):
                order_id = first_order + i
                order, order_lines = self._order(order_id, buyers[i], statuses[i], times[i])
                for line in order_lines:
                    lines.append((first_line + written["order_lines"] + len(lines), *line))
                orders.append(order)
                if statuses[i] == OrderStatus.COMPLETED:
                    reviews.append(self._review(order_id, times[i]))
            written["orders"] += _insert(Order, _ORDER_FIELDS, orders)
            written["order_lines"] += _insert(OrderLine, _LINE_FIELDS, lines)
            written["reviews"] += _insert(Review, [Review.order, Review.mark, Review.comment,
                                                   Review.created_at], reviews)
        self.counts.update(written)

    def _statuses_and_times(self, n: int):
        """Statuses by age, and creation times rising with the id over the past year."""
        rng = self.rng
        pending = max(1, n // 100) if n else 0
        older = n - pending
        cutoff = self.now - PENDING_WINDOW
        year = timedelta(days=365) - PENDING_WINDOW
        times = [cutoff - year + year * (i / max(older, 1)) for i in range(older)]
        times += [cutoff + PENDING_WINDOW * ((i + 1) / (pending + 1)) for i in range(pending)]
        statuses = [self._status((cutoff - t).total_seconds() / 86_400) for t in times[:older]]
        statuses += [OrderStatus.PENDING_PAYMENT] * pending
        missing = [s for s in OrderStatus if s not in set(statuses)]
        for slot, status in zip(rng.sample(range(max(older, 0)), min(len(missing), older)),
                                missing, strict=False):
            statuses[slot] = status
        return statuses, times

    def _status(self, days_ago: float) -> OrderStatus:
        roll = self.rng.random()
        if roll < CANCELLED_SHARE:
            return OrderStatus.CANCELLED
        if days_ago < 2:
            return OrderStatus.PENDING_SHIPMENT
        if days_ago < 10:
            return OrderStatus.PENDING_RECEIPT
        if days_ago < 40:
            return OrderStatus.PENDING_REVIEW if roll < 0.6 else OrderStatus.COMPLETED
        return OrderStatus.PENDING_REVIEW if roll < 0.15 else OrderStatus.COMPLETED

    def _order_buyers(self, n: int, statuses) -> list[int]:
        """Buyer index per order: the first buyer is a regular, the rest are random."""
        rng, count = self.rng, self.sizes.buyers
        buyers = [rng.randrange(1, count) if count > 1 else 0 for _ in range(n)]
        for i in rng.sample(range(n), min(self.sizes.busiest, n // 10)):
            buyers[i] = 0
        return buyers

    def _order(self, order_id, buyer, status, created):
        rng, shops = self.rng, self.shop_ids
        shop_index = rng.randrange(len(shops))
        per_shop = (self.sizes.books - shop_index + len(shops) - 1) // len(shops)
        picks = rng.sample(range(per_shop), min(rng.choice((1, 2, 3, 3, 4, 5)), per_shop))
        lines, items = [], 0
        for k in picks:
            book = shop_index + k * len(shops)
            price, cnt = self.prices[book], rng.choice((1, 1, 1, 1, 1, 1, 1, 2, 2, 3))
            money = (price * cnt * self.ratios[buyer] + 5_000) // 10_000
            items += money
            lines.append((order_id, self.first_book + book, self.titles[book], "",
                          price, cnt, money))
        total = items + self.shipping
        paid = status in _PAID
        paid_at = created + timedelta(minutes=rng.randrange(1, 30)) if paid else None
        if paid:
            self.spent[buyer] += total
            self.payments.append(
                (self.first_buyer + buyer, paid_at, -total, "payment", order_id, ""))
        row = (order_id, self.first_buyer + buyer, shops[shop_index], int(status),
               self.shipping, total, created, paid_at, 1 + _MOVES[status])
        return row, lines

    def _review(self, order_id: int, created) -> tuple:
        mark = self.rng.choice((5, 5, 5, 4, 4, 3, 2, 1, 0))
        comment = self.rng.choice(("", "", "Arrived quickly.", "Lovely copy.", "As described."))
        return (order_id, mark, comment, created + timedelta(days=12))

    # -- balances ------------------------------------------------------------------

    def _balances(self) -> None:
        """An opening top-up per buyer that covers what they spent and what they hold."""
        opened = self.now - timedelta(days=366)
        openings = [
            (self.first_buyer + i, opened, self.balances[i] + self.spent[i], "opening", None, "")
            for i in range(self.sizes.buyers)
        ]
        fields = [BalanceEntry.user, BalanceEntry.at, BalanceEntry.amount,
                  BalanceEntry.reason, BalanceEntry.order_id, BalanceEntry.by_username]
        self.counts["balance_entries"] = _insert(BalanceEntry, fields, openings + self.payments)


_PAID = (OrderStatus.PENDING_SHIPMENT, OrderStatus.PENDING_RECEIPT,
         OrderStatus.PENDING_REVIEW, OrderStatus.COMPLETED)
_MOVES = {OrderStatus.PENDING_PAYMENT: 0, OrderStatus.PENDING_SHIPMENT: 1,
          OrderStatus.PENDING_RECEIPT: 2, OrderStatus.PENDING_REVIEW: 3,
          OrderStatus.COMPLETED: 4, OrderStatus.CANCELLED: 1}
_ORDER_FIELDS = [Order.id, Order.buyer, Order.shop, Order.status, Order.shipping, Order.total,
                 Order.created_at, Order.paid_at, Order.version]
_LINE_FIELDS = [OrderLine.id, OrderLine.order, OrderLine.book, OrderLine.name, OrderLine.pic,
                OrderLine.unit_price, OrderLine.cnt, OrderLine.money]


def _reset_sequences() -> None:
    """Explicit ids leave PostgreSQL's sequences behind: move them past the new rows."""
    if db.backend_name(database.obj) != "postgresql":
        return
    for model in (Shop, User, Book, Order, OrderLine, Review, BalanceEntry):
        table = model._meta.table_name
        database.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        )
