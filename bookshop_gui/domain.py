"""Plain values every layer shares: order status, results, and the pricing arithmetic.

Nothing here imports peewee or Qt, so the windows, the services and the tests
can all speak these types. Results are frozen dataclasses whose sequences are
tuples: a window can hold one across threads without fear of it changing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from bookshop_gui.errors import BookshopError, InvalidInput, NotFound

CENT = Decimal("0.01")
MAX_COUNT = 999
MAX_MARK = 5
MAX_MONEY = Decimal("1000000000.00")  # far above any price or balance, far below overflow
DEFAULT_SHIPPING_FEE = Decimal("22.00")
DEFAULT_UNPAID_MINUTES = 30
MAX_COVER_BYTES = 5 * 1024 * 1024  # a cover picture's file, as stored
MAX_COVER_SIDE = 4000  # pixels: decoding a bigger picture for a thumbnail costs hundreds of MB
# The longest each part of an address may be, in characters.
ADDRESS_LIMITS = {"name": 50, "phone": 20, "region": 100, "street": 200, "postcode": 10}
TRACKING_LENGTH = (8, 30)  # a waybill number's fewest and most letters or digits
# Orders one ship or cancel acts on: each parcel needs its own waybill and each cancel may
# refund money, so a batch is what one person checks at a bench, never a whole tab by mistake.
MAX_BATCH = 500
MAX_ROW_NUMBER = 2**63 - 1  # the largest id, offset or limit every backend's integer holds


class OrderStatus(enum.IntEnum):
    """The seed's order status numbers."""

    CANCELLED = -1
    PENDING_PAYMENT = 0
    PENDING_SHIPMENT = 1
    PENDING_RECEIPT = 2
    PENDING_REVIEW = 3
    COMPLETED = 4


class Role(enum.StrEnum):
    BUYER = "buyer"
    STAFF = "staff"
    ADMIN = "admin"


# -- the status machine (the contract's table) -------------------------------


@dataclass(frozen=True)
class Transition:
    """Which statuses a call accepts, and the status it leaves the order in."""

    sources: frozenset[OrderStatus]
    target: OrderStatus


def _move(sources, target) -> Transition:
    return Transition(frozenset(OrderStatus(s) for s in sources), OrderStatus(target))


# The one place the order life cycle is written: services refuse any call
# from a status not listed here, and windows enable their buttons from it.
# An empty `sources` is a call that makes a new order.
TRANSITIONS: dict[str, Transition] = {
    "create": _move((), 0),
    "create_from_cart": _move((), 0),
    "pay": _move((0,), 1),
    "shop.ship": _move((1,), 2),
    "confirm_receipt": _move((2,), 3),
    "review": _move((3,), 4),
    "cancel": _move((0, 1), -1),
    "shop.cancel": _move((0, 1), -1),
    "expire_stale": _move((0,), -1),
    "shop.set_lines": _move((0,), 0),
}


# Calls that change an order but leave its status as it is, and the statuses they accept.
KEEPS_STATUS: dict[str, frozenset[OrderStatus]] = {
    "set_address": frozenset({OrderStatus.PENDING_PAYMENT, OrderStatus.PENDING_SHIPMENT}),
}


def allows(call: str, status) -> bool:
    """True if `call` may be made on an order in `status`."""
    sources = TRANSITIONS[call].sources if call in TRANSITIONS else KEEPS_STATUS[call]
    return OrderStatus(status) in sources


# -- change notices -------------------------------------------------------------


class Kind(enum.StrEnum):
    """A kind of data a write changes, so each view knows whether to read again."""

    ORDERS = "orders"
    BOOKS = "books"  # titles, prices and stock
    BALANCES = "balances"
    CART = "cart"
    SETTINGS = "settings"
    MEMBERS = "members"  # accounts, VIP ratios, shops


@dataclass(frozen=True)
class Changes:
    """What one operation (or one poll of other workstations' writes) changed.

    `order_ids` names the orders where the call said which; an ORDERS change
    with no ids may have touched any order.
    """

    kinds: frozenset[Kind] = frozenset()
    order_ids: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.order_ids | other.order_ids)

    def touches(self, *kinds: Kind) -> bool:
        return not self.kinds.isdisjoint(kinds)


# -- validation -------------------------------------------------------------


def money(value, what: str = "Amount") -> Decimal:
    """Return `value` as a two-place Decimal, or raise InvalidInput.

    Accepts Decimal and int only: a float has already lost the cent it was
    meant to carry, and a string is a parsing job for the window.
    """
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise InvalidInput(f"{what} must be an amount of money, like 12.50.")
    amount = Decimal(value)
    if not amount.is_finite():
        raise InvalidInput(f"{what} must be an amount of money, like 12.50.")
    if amount < 0:
        raise InvalidInput(f"{what} cannot be negative.")
    if amount > MAX_MONEY:
        raise InvalidInput(f"{what} cannot be more than {MAX_MONEY}.")
    if amount != amount.quantize(CENT, rounding=ROUND_HALF_UP):
        raise InvalidInput(f"{what} can have at most two decimal places.")
    return amount.quantize(CENT)


def count(value, what: str = "Quantity") -> int:
    """Return `value` if it is a whole count in 1..999, else raise InvalidInput."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{what} must be a whole number from 1 to {MAX_COUNT}.")
    if not 1 <= value <= MAX_COUNT:
        raise InvalidInput(f"{what} must be from 1 to {MAX_COUNT}.")
    return value


def mark(value) -> int:
    """Return a review mark if it is a whole number of stars in 0..5."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_MARK:
        raise InvalidInput(f"A review is 0 to {MAX_MARK} stars.")
    return value


def text(value, what: str, max_length: int, *, required: bool = False) -> str:
    """Return trimmed text, refusing non-strings, blanks (if required) and overlong text."""
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(f"{what} must be text.")
    if not storable(value):
        raise InvalidInput(f"{what} holds a character that cannot be saved; please retype it.")
    value = value.strip()
    if required and not value:
        raise InvalidInput(f"{what} cannot be empty.")
    if len(value) > max_length:
        raise InvalidInput(f"{what} is too long (at most {max_length} characters).")
    return value


def storable(value: str) -> bool:
    """False for text no database takes as it is: a NUL, or half of a UTF-16 pair.

    PostgreSQL refuses NUL outright, SQLite cuts text at it, and a lone surrogate
    (from a broken paste or a mis-decoded file) cannot be encoded at all, so
    such text is refused before it reaches a driver.
    """
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def row_id(value, missing: str) -> int:
    """Return `value` as a row id, or NotFound(missing).

    Only a whole number in 1..2**63-1 can name a row; anything else (a bool, a
    float, a string, a number too big for the column) names none, so it is
    reported exactly as an unknown id, before any driver sees it.
    """
    if not is_row_id(value):
        raise NotFound(missing)
    return int(value)


def is_row_id(value) -> bool:
    """True for a value that could be a row's id (see `row_id`)."""
    return _whole(value, 1)


def page_offset(value) -> int:
    """How many rows a page skips: a whole number from 0, or InvalidInput."""
    if not _whole(value, 0):
        raise InvalidInput("A page must start at a whole number of rows, 0 or more.")
    return int(value)


def page_limit(value, most: int = MAX_ROW_NUMBER) -> int:
    """How many rows a page holds: a whole number from 0, capped at `most`."""
    if not _whole(value, 0):
        raise InvalidInput("A page must hold a whole number of rows, 0 or more.")
    return min(int(value), most)


def _whole(value, low: int) -> bool:
    """True for an int (a bool is no number) from `low` up to what a 64-bit column holds."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= MAX_ROW_NUMBER


def ratio(value) -> Decimal:
    """Return a VIP price ratio: a Decimal above 0 and at most 1, to four places."""
    try:
        result = Decimal(value) if isinstance(value, (int, Decimal, str)) else None
    except InvalidOperation:
        result = None
    if isinstance(value, bool) or result is None or not result.is_finite():
        raise InvalidInput("A VIP ratio must be a number such as 0.95.")
    if not Decimal(0) < result <= Decimal(1):
        raise InvalidInput("A VIP ratio must be above 0 and at most 1.")
    if result != result.quantize(Decimal("0.0001")):
        raise InvalidInput("A VIP ratio can have at most four decimal places.")
    return result


def isbn_valid(code: str) -> bool:
    """True for an ISBN-10 or ISBN-13 whose check digit is right (hyphens and spaces allowed).

    A mistyped digit is the commonest catalog error, and the check digit
    catches every single-digit slip, so the catalog refuses a code that fails it.
    """
    if not isinstance(code, str) or not code.isascii():
        return False
    digits = code.replace("-", "").replace(" ", "").upper()
    if len(digits) == 10:
        return _isbn10_valid(digits)
    if len(digits) == 13:
        return digits.isdigit() and _isbn13_sum(digits) % 10 == 0
    return False


def _isbn10_valid(digits: str) -> bool:
    """Weights 10 down to 1, the last digit may be X (ten); the sum divides by 11."""
    if not digits[:9].isdigit() or not (digits[9].isdigit() or digits[9] == "X"):
        return False
    values = [int(d) for d in digits[:9]] + [10 if digits[9] == "X" else int(digits[9])]
    weighted = zip(range(10, 0, -1), values, strict=True)
    return sum(weight * value for weight, value in weighted) % 11 == 0


def _isbn13_sum(digits: str) -> int:
    """Weights 1, 3, 1, 3, …; a valid code's sum divides by 10."""
    return sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))


# -- pricing (seed 001) -----------------------------------------------------


def line_money(unit_price: Decimal, cnt: int, vip_ratio: Decimal) -> Decimal:
    """Unit price × count × VIP ratio, rounded half-up to the cent once per line."""
    return (Decimal(unit_price) * cnt * Decimal(vip_ratio)).quantize(CENT, rounding=ROUND_HALF_UP)


def order_total(line_moneys, shipping: Decimal) -> Decimal:
    """The sum of the line money plus the shipping fee, charged once per order."""
    return (sum((Decimal(m) for m in line_moneys), Decimal(0)) + Decimal(shipping)).quantize(CENT)


# -- results ------------------------------------------------------------------


@dataclass(frozen=True)
class Session:
    token: str
    user_id: int
    username: str
    role: str
    shop_id: int | None
    vip_ratio: Decimal
    shop_name: str = ""
    # Where the change log stood when the session began (None if not read): a window's
    # watcher starts there, rather than spend a round trip of its own finding out.
    log_position: int | None = None


@dataclass(frozen=True)
class Shop:
    id: int
    name: str


@dataclass(frozen=True)
class Book:
    id: int
    shop_id: int
    shop_name: str
    title: str
    author: str
    isbn: str
    price: Decimal
    stock: int
    pic: str


@dataclass(frozen=True)
class CartLine:
    book_id: int
    title: str
    shop_id: int
    unit_price: Decimal
    cnt: int
    money: Decimal
    stock: int
    shop_name: str = ""
    author: str = ""
    pic: str = ""


@dataclass(frozen=True)
class OrderLine:
    book_id: int
    name: str
    cnt: int
    pic: str
    unit_price: Decimal
    money: Decimal


@dataclass(frozen=True)
class OrderSummary:
    id: int
    status: OrderStatus
    shop_id: int
    shop_name: str
    pic: str
    items: tuple[tuple[str, int], ...]
    total: Decimal
    created_at: datetime


@dataclass(frozen=True, slots=True)
class OrderRow:
    """One line of the shop's order list: what its columns show, and no more.

    A list scrolled to 100,000 orders holds one of these per order, so it
    carries no prices per line, no review and no per-instance dict; the full
    order is read when one is opened.
    """

    id: int
    status: OrderStatus
    buyer: str
    created_at: datetime
    total: Decimal
    items: tuple[tuple[str, int], ...]
    city: str = ""


@dataclass(frozen=True)
class OrdersPage:
    """The first page of a status tab with what the tabs show beside it, read at once.

    `total` is how many orders the tab's filter matches; `counts` holds the
    shop's orders per status, whatever the filter, for the tabs' labels.
    """

    rows: tuple[OrderRow, ...]
    total: int
    counts: dict[OrderStatus, int]


def city_of(region: str | None) -> str:
    """The city of "province city district" (the region as the kiosk writes it).

    A region of one word (a municipality written alone, or a foreign town) is its own city.
    """
    parts = (region or "").split()
    return parts[1] if len(parts) >= 2 else (parts[0] if parts else "")


@dataclass(frozen=True)
class Address:
    """Where a parcel goes. An order holds a copy (`id` None): editing the book moves no parcel."""

    id: int | None
    name: str
    phone: str
    region: str
    street: str
    postcode: str = ""
    is_default: bool = False

    @property
    def one_line(self) -> str:
        """Region and street as written on a Chinese waybill, postcode last."""
        place = f"{self.region} {self.street}".strip()
        return f"{place} {self.postcode}".strip()


@dataclass(frozen=True)
class OrderDetail:
    id: int
    status: OrderStatus
    shop_id: int
    shop_name: str
    buyer: str
    lines: tuple[OrderLine, ...]
    shipping: Decimal
    total: Decimal
    created_at: datetime
    mark: int | None = None
    comment: str | None = None
    version: int = 1
    paid_at: datetime | None = None
    address: Address | None = None
    courier: str | None = None
    tracking: str | None = None

    @property
    def items_money(self) -> Decimal:
        return self.total - self.shipping


@dataclass(frozen=True)
class BatchOutcome:
    """What a batch of ship or cancel calls did, order by order, for the person to read.

    `refunded` are the cancelled orders that had been paid; `refused` pairs an
    order id with the typed error that kept it as it was.
    """

    done: tuple[int, ...] = ()
    refunded: tuple[int, ...] = ()
    refused: tuple[tuple[int, BookshopError], ...] = ()


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    username: str
    action: str
    detail: dict


@dataclass(frozen=True)
class PaymentRequest:
    """What the payment page shows; `changes` lists staff edits since the order was made."""

    order_id: int
    amount: Decimal
    balance: Decimal
    changes: tuple[AuditEntry, ...] = ()


@dataclass(frozen=True)
class Member:
    id: int
    username: str
    role: str
    shop_id: int | None
    vip_ratio: Decimal
    balance: Decimal


@dataclass(frozen=True)
class Account:
    """The signed-in person's own figures, for a window's header."""

    username: str
    role: str
    balance: Decimal
    vip_ratio: Decimal
    shop_name: str = ""


@dataclass(frozen=True)
class DaySales:
    day: str
    orders: int
    revenue: Decimal
    shipped: int = 0


@dataclass(frozen=True)
class TopBook:
    book_id: int
    title: str
    copies: int
    revenue: Decimal


@dataclass(frozen=True)
class StatusTotal:
    status: OrderStatus
    orders: int
    total: Decimal


@dataclass(frozen=True)
class Shipment:
    """One parcel as a courier's batch import reads it: who, where, what, which order."""

    order_id: int
    name: str
    phone: str
    address: str
    content: str
    tracking: str | None = None


@dataclass(frozen=True)
class WaitingOrder:
    """A paid order not shipped yet, and since when it has waited."""

    order_id: int
    buyer: str
    paid_at: datetime
    city: str
    total: Decimal


@dataclass(frozen=True)
class SalesReport:
    days: tuple[DaySales, ...]
    top_books: tuple[TopBook, ...]
    by_status: tuple[StatusTotal, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class LedgerEntry:
    """One movement of a buyer's balance, with the balance it left behind."""

    at: datetime
    reason: str  # "opening", "top_up", "payment" or "refund"
    amount: Decimal
    order_id: int | None
    by_username: str
    balance_after: Decimal


@dataclass(frozen=True)
class Discrepancy:
    """One place where the ledger does not add up (`admin reconcile` lists them)."""

    kind: str  # "balance" (a buyer's balance) or "order" (an order's payments)
    username: str
    order_id: int | None
    detail: str
