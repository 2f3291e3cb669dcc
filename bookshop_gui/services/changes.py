"""What each write call changes, so that every window can show the data as it is now.

Every write call is declared here once with the kinds of data it changes
(Anki's OpChanges is the model). `writes` in services/transactions.py wraps
each call so that its transaction also adds one row to the change log (for
the other workstations, which read it every few seconds) and, once it has
committed, tells the window that asked for it through `collecting`.
The service modules know nothing of this, but for one thing: a call that
finds nothing to change says so (`unchanged`), and wakes no one.
"""

from __future__ import annotations

import functools
import inspect
import threading
from contextlib import contextmanager

from bookshop_gui.domain import BatchOutcome, Changes, Kind
from bookshop_gui.models import ChangeLog
from bookshop_gui.services import transactions

ORDERS, BOOKS, BALANCES, CART, SETTINGS, MEMBERS = (
    Kind.ORDERS, Kind.BOOKS, Kind.BALANCES, Kind.CART, Kind.SETTINGS, Kind.MEMBERS)

CALLS: dict[str, tuple[Kind, ...]] = {
    "accounts.create_shop": (MEMBERS,),
    "accounts.create_user": (MEMBERS, BALANCES),
    "accounts.create_account": (MEMBERS,),
    "accounts.top_up": (BALANCES, MEMBERS),
    "accounts.set_vip_ratio": (MEMBERS,),
    "addresses.save_address": (MEMBERS,),
    "addresses.remove_address": (MEMBERS,),
    "auth.login": (),
    "auth.logout": (),
    "cart.add": (CART,),
    "cart.set_count": (CART,),
    "cart.remove": (CART,),
    "cart.add_by_title": (CART,),
    "cart.remove_by_title": (CART,),
    "catalog.add_book": (BOOKS,),
    "catalog.update_book": (BOOKS,),
    "catalog_io._store_batch": (BOOKS,),  # an import saves batch by batch
    "covers.store": (),  # only the picture's bytes: a book shows it once update_book names it
    "settings.set_shipping_fee": (SETTINGS,),
    "settings.set_unpaid_minutes": (SETTINGS,),
    "settings.set_price_cut_limit": (SETTINGS,),
    "orders.create_from_cart": (ORDERS, BOOKS, CART),
    "orders.create_from_cart_by_title": (ORDERS, BOOKS, CART),
    "orders.create": (ORDERS, BOOKS),
    "orders.pay": (ORDERS, BALANCES),
    "orders.cancel": (ORDERS, BOOKS, BALANCES),
    "orders.confirm_receipt": (ORDERS,),
    "orders.review": (ORDERS,),
    "orders.set_address": (ORDERS,),
    "orders._expire": (ORDERS, BOOKS),
    "shop.ship": (ORDERS,),
    "shop.cancel": (ORDERS, BOOKS, BALANCES),
    "shop.set_lines": (ORDERS, BOOKS),
    "shop.ship_many": (ORDERS,),
    "shop.cancel_many": (ORDERS, BOOKS, BALANCES),
    "feed.prune": (),
    "requests.prune": (),
}
RETURNS_ORDER_IDS = frozenset({"orders.create", "orders.create_from_cart",
                               "orders.create_from_cart_by_title"})
EVERYTHING = tuple(Kind)  # an undeclared call: every view reads again
MAX_IDS_TEXT = 255

_local = threading.local()
_NOTHING, _REPEAT = "nothing", "repeat"  # what a call that logs no row says of itself


def call_name(fn) -> str:
    """ "orders.pay" for bookshop_gui.services.orders.pay: the key of CALLS."""
    return f"{fn.__module__.rsplit('.', 1)[-1]}.{fn.__qualname__}"


def logged(fn):
    """`fn`, adding one change-log row to its transaction unless it says `unchanged()`."""
    name = call_name(fn)
    kinds = CALLS.get(name, EVERYTHING)
    if not kinds:
        return fn
    order_id_at = _position(fn, "order_id")

    @functools.wraps(fn)
    def call(*args, **kwargs):
        outer, _local.unchanged = getattr(_local, "unchanged", None), None
        try:
            result = fn(*args, **kwargs)
            unchanged = _local.unchanged
        finally:
            _local.unchanged = outer  # a write call made inside another leaves it as it was
        if unchanged is _NOTHING:
            return result
        ids = _order_ids(name, args, kwargs, order_id_at, result)
        _local.pending = Changes(frozenset(kinds), ids)
        if unchanged is None:
            transactions.later(ChangeLog.insert(kinds=",".join(kinds), order_ids=_ids_text(ids),
                                                origin=origin()))
        return result

    return call


def unchanged() -> None:
    """Say that the running write call found nothing to change: it adds no change-log row.

    Every row in the log wakes every workstation's views, so a save of the
    values already there must not add one. Only the call itself knows that
    it was such a save.
    """
    _local.unchanged = _NOTHING


def repeated() -> None:
    """Say that the running call repeats one that was done and logged already.

    The other workstations were woken by the first call's row; the window
    asking again may never have heard how the first call ended (its reply
    was lost), so it alone is told what changed, once this call returns.
    """
    _local.unchanged = _REPEAT


def holds(row, values: dict) -> bool:
    """Whether `row` holds `values` already, so that saving them would change nothing."""
    return all(getattr(row, name) == value for name, value in values.items())


def noted(fn):
    """`fn` (a whole transaction), telling the collecting window what it changed once committed."""
    @functools.wraps(fn)
    def call(*args, **kwargs):
        _local.pending = None
        result = fn(*args, **kwargs)
        pending, _local.pending = getattr(_local, "pending", None), None
        if pending and getattr(_local, "seen", None) is not None:
            _local.seen = _local.seen | pending
        return result

    call.call_name = call_name(fn)  # marks a write call, for the test that all are declared
    return call


class Collected:
    """What the calls inside one `collecting` block changed; read `changes` after it."""

    changes = Changes()


@contextmanager
def collecting(source: str = ""):
    """Gather what the write calls made on this thread change; `source` names the window.

    The change-log rows carry `source`, so the window that made a change can
    skip it when it reads the log: it has refreshed already.
    """
    outer = getattr(_local, "seen", None), getattr(_local, "origin", "")
    _local.seen, _local.origin = Changes(), source
    collected = Collected()
    try:
        yield collected
    finally:
        collected.changes = _local.seen
        _local.seen, _local.origin = outer


def origin() -> str:
    return getattr(_local, "origin", "")


def parse(kinds: str, order_ids: str) -> Changes:
    """A change-log row back as Changes; kinds this version does not know are skipped."""
    known = {kind.value: kind for kind in Kind}
    return Changes(frozenset(known[k] for k in kinds.split(",") if k in known),
                   frozenset(int(i) for i in order_ids.split(",") if i.isdigit()))


def _position(fn, name: str) -> int | None:
    params = [*inspect.signature(fn).parameters]
    return params.index(name) if name in params else None


def _order_ids(name, args, kwargs, order_id_at, result) -> frozenset[int]:
    if name in RETURNS_ORDER_IDS:
        return frozenset(result if isinstance(result, list) else [result])
    if isinstance(result, BatchOutcome):
        return frozenset(result.done)
    if order_id_at is None:
        return frozenset()
    value = kwargs.get("order_id", args[order_id_at] if order_id_at < len(args) else None)
    return frozenset([value]) if isinstance(value, int) else frozenset()


def _ids_text(ids: frozenset[int]) -> str:
    """The ids as text; too many to store reads as none, which means "any order"."""
    text = ",".join(str(i) for i in sorted(ids))
    return text if len(text) <= MAX_IDS_TEXT else ""
