"""Big price cuts need a second person: staff may cut a line only so far on their own.

The limit is a shop-wide setting (`price_cut_limit`, a percentage of the
line's list value); a new database has none, so nothing is checked until an
administrator sets one. A deeper cut is saved with an administrator's approval,
given by their own user name and password, and the order's history names both.
"""

from __future__ import annotations

from decimal import Decimal

from bookshop_gui import domain
from bookshop_gui.domain import Role
from bookshop_gui.errors import ApprovalRefused, ApprovalRequired, InvalidInput
from bookshop_gui.models import Order, Setting, User
from bookshop_gui.services import auth

PRICE_CUT_LIMIT = "price_cut_limit"


def current_limit() -> Decimal | None:
    """The percentage staff may cut below the list value, or None for no limit."""
    return limit_of(list(limit_query()))


def limit_query():
    """The query of the limit's setting, to send with a call's other reads."""
    return Setting.select().where(Setting.key == PRICE_CUT_LIMIT)


def limit_of(rows: list) -> Decimal | None:
    """The limit from what `limit_query` read."""
    return Decimal(rows[0].value) if rows else None


def ratio_query(order_id: int):
    """The query of the VIP ratio of the order's buyer, whose list value a cut is
    measured from, to send with a call's other reads."""
    return (User.select(User.vip_ratio).join(Order, on=Order.buyer == User.id)
            .where(Order.id == order_id))


def percentage(value) -> Decimal:
    """A limit as stored: a whole or two-place percentage from 0 to 100."""
    limit = domain.money(value, "The price cut limit")
    if limit > 100:
        raise InvalidInput("The price cut limit is a percentage from 0 to 100.")
    return limit


def approver(approval) -> str | None:
    """The approving administrator's user name, or ApprovalRefused; None when there is none."""
    if approval is None:
        return None
    if (isinstance(approval, (str, bytes)) or not isinstance(approval, (tuple, list))
            or len(approval) != 2
            or not all(isinstance(part, str) and domain.storable(part) for part in approval)):
        raise ApprovalRefused("An approval is an administrator's user name and password.")
    admin = auth.verified_user(*approval)
    if admin is None or admin.role != Role.ADMIN:
        raise ApprovalRefused("That is not an administrator's user name and password.")
    return admin.username


def check(lines: dict[int, tuple[int, Decimal]], listed: dict, limit: Decimal | None,
          ratio: Decimal) -> None:
    """ApprovalRequired if any line (book_id: count, money) is cut more than `limit` percent
    below its list value at the buyer's VIP `ratio`.

    `listed` gives each book's (title, unit price) as the order lists it.
    """
    if limit is None:
        return
    share = (100 - limit) / 100
    too_far = sorted(
        book_id for book_id, (cnt, money) in lines.items()
        if money < domain.line_money(listed[book_id][1], cnt, ratio) * share
    )
    if too_far:
        titles = ", ".join(listed[book_id][0] for book_id in too_far)
        raise ApprovalRequired(
            f"{titles}: cut more than {limit:f}% below the list price. "
            "An administrator must approve it.",
            book_ids=too_far, limit=limit,
        )
