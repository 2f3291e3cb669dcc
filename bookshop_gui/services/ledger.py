"""The balance as a ledger that adds up, and a buyer's statement read from it.

Every change of a balance writes a `balance_entries` row in the same
transaction, so two things must always hold, and `reconcile` proves them:
each buyer's balance is the sum of their entries; and each order's money
moved as its status says — an order paid and not cancelled has exactly one
payment of its total and no refund; an unpaid one has neither; a cancelled
one has neither, or one payment and one refund of the same amount.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from bookshop_gui import domain
from bookshop_gui._peewee import peewee
from bookshop_gui.domain import Discrepancy, LedgerEntry, OrderStatus, Role
from bookshop_gui.errors import InvalidInput, NotFound
from bookshop_gui.models import BalanceEntry, Order, User
from bookshop_gui.models.fields import stored_datetime
from bookshop_gui.services import csv_files
from bookshop_gui.services.sessions import caller
from bookshop_gui.services.transactions import reads

PAID = (OrderStatus.PENDING_SHIPMENT, OrderStatus.PENDING_RECEIPT,
        OrderStatus.PENDING_REVIEW, OrderStatus.COMPLETED)
MAX_LIMIT = 1000
CSV_HEADER = ("date", "reason", "amount", "order", "by", "balance")


# -- reconciling ----------------------------------------------------------------------


@reads
def reconcile() -> list[Discrepancy]:
    """Everything that does not add up; an empty list when the books balance."""
    return [*_balances(), *_orders()]


def _balances() -> list[Discrepancy]:
    sums = (BalanceEntry.select(BalanceEntry.user.alias("user_id"),
                                peewee.fn.SUM(BalanceEntry.amount).alias("cents"))
            .group_by(BalanceEntry.user).alias("sums"))
    entered = peewee.fn.COALESCE(sums.c.cents, 0)
    rows = (User.select(User.username, User.balance, entered.python_value(_cents))
            .join(sums, peewee.JOIN.LEFT_OUTER, on=(sums.c.user_id == User.id))
            .where(User.balance != entered)
            .order_by(User.username).tuples())
    return [Discrepancy("balance", username, None,
                        f"balance is {balance} but the entries add up to {total}")
            for username, balance, total in rows]


def _orders() -> list[Discrepancy]:
    moves = _money_moves()
    query = (Order.select(Order.id, Order.status, Order.total, User.username,
                          moves.c.payments, moves.c.paid, moves.c.refunds, moves.c.refunded)
             .join_from(Order, User)
             .join_from(Order, moves, peewee.JOIN.LEFT_OUTER, on=(moves.c.order_id == Order.id))
             .order_by(Order.id).tuples())
    found = []
    for order_id, status, total, username, payments, paid, refunds, refunded in query.iterator():
        payments, refunds = int(payments or 0), int(refunds or 0)
        paid, refunded = _cents(paid), _cents(refunded)
        problem = _order_problem(OrderStatus(status), total, payments, paid, refunds, refunded)
        if problem:
            found.append(Discrepancy("order", username, order_id, problem))
    return found


def _money_moves():
    """Per order: how many payments and refunds, and their sums in cents."""
    entry = BalanceEntry

    def count(reason):
        return peewee.fn.SUM(peewee.Case(None, [(entry.reason == reason, 1)], 0))

    def cents(reason):
        return peewee.fn.SUM(peewee.Case(None, [(entry.reason == reason, entry.amount)], 0))

    return (entry.select(entry.order_id, count("payment").alias("payments"),
                         cents("payment").alias("paid"), count("refund").alias("refunds"),
                         cents("refund").alias("refunded"))
            .where(entry.order_id.is_null(False))
            .group_by(entry.order_id).alias("moves"))


def _cents(value) -> Decimal:
    return Decimal(int(value or 0)).scaleb(-2)


def _order_problem(status, total, payments, paid, refunds, refunded) -> str:
    """Why this order's entries do not match its status; "" when they do."""
    moved = f"{payments} payment(s) of {-paid}, {refunds} refund(s) of {refunded}"
    if status in PAID and (payments, refunds, -paid) != (1, 0, total):
        return f"{status.name.lower()} for {total}, but has {moved}"
    if status == OrderStatus.PENDING_PAYMENT and (payments, refunds) != (0, 0):
        return f"unpaid, but has {moved}"
    if status == OrderStatus.CANCELLED and (payments, refunds) != (0, 0) and (
            (payments, refunds) != (1, 1) or refunded != -paid):
        return f"cancelled, but has {moved}"
    return ""


# -- a buyer's statement ------------------------------------------------------------


@reads
def statement(token, username, *, offset=0, limit=100) -> list[LedgerEntry]:
    """A buyer's balance entries, newest first, each with the balance it left (staff, admin)."""
    caller(token, Role.STAFF, Role.ADMIN)
    buyer = _buyer(username)
    offset, limit = domain.page_offset(offset), domain.page_limit(limit, MAX_LIMIT)
    if not limit:
        raise InvalidInput("A page must hold at least one row.")
    newest = (BalanceEntry.select(BalanceEntry.amount).where(BalanceEntry.user == buyer.id)
              .order_by(BalanceEntry.id.desc()))
    balance = _sum_of(newest) - _sum_of(newest.limit(offset)) if offset else _sum_of(newest)
    rows = (BalanceEntry.select(BalanceEntry.at, BalanceEntry.reason, BalanceEntry.amount,
                                BalanceEntry.order_id, BalanceEntry.by_username)
            .where(BalanceEntry.user == buyer.id)
            .order_by(BalanceEntry.id.desc()).offset(offset).limit(limit).tuples())
    entries = []
    for at, reason, amount, order_id, by_username in rows:
        entries.append(LedgerEntry(stored_datetime(at), reason, amount, order_id,
                                   _by(reason, by_username, buyer), balance))
        balance -= amount
    return entries


def _by(reason: str, by_username: str | None, buyer: User) -> str:
    """Who moved the money: a payment is always the buyer's own (only they can pay),
    so its entry, which names no one, reads as theirs."""
    return by_username or (buyer.username if reason == "payment" else "")


def write_csv(token, username, path: str | Path) -> int:
    """The whole statement as CSV, a page at a time; returns the number of entries.

    Cells a spreadsheet could read as a formula are written as text (see
    csv_files); a refund of -12.00 is a plain number and stays one.
    """
    written = 0
    page = statement(token, username, limit=MAX_LIMIT)  # refused before any file is made
    with csv_files.writing(path, bom=True) as writer:
        writer.writerow(CSV_HEADER)
        while page:
            writer.writerows(_csv_row(entry) for entry in page)
            written += len(page)
            page = statement(token, username, offset=written, limit=MAX_LIMIT)
    return written


def _csv_row(entry: LedgerEntry) -> tuple:
    return (entry.at.strftime("%Y-%m-%d %H:%M:%S"), entry.reason,
            f"{entry.amount:.2f}", entry.order_id if entry.order_id is not None else "",
            entry.by_username, f"{entry.balance_after:.2f}")


def _sum_of(query) -> Decimal:
    """The sum of the amounts `query` selects (a page of entries, say), exactly."""
    inner = query.alias("page")
    cents = BalanceEntry.select(peewee.fn.SUM(inner.c.amount)).from_(inner).scalar()
    return _cents(cents)


def _buyer(username) -> User:
    user = User.get_or_none(User.username == username, User.role == Role.BUYER) \
        if isinstance(username, str) and domain.storable(username) else None
    if user is None:
        raise NotFound("No buyer with that username.")
    return user
