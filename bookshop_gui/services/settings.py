"""Shop-wide settings kept in the database, so every workstation charges the same."""

from decimal import Decimal

from bookshop_gui import domain
from bookshop_gui.domain import Role
from bookshop_gui.errors import InvalidInput
from bookshop_gui.models import Setting
from bookshop_gui.services import changes, price_cuts
from bookshop_gui.services.sessions import caller
from bookshop_gui.services.transactions import reads, writes

SHIPPING_FEE = "shipping_fee"
UNPAID_MINUTES = "unpaid_minutes"


@reads
def shipping_fee() -> Decimal:
    """The fee charged once per order (22.00 unless an admin changed it)."""
    return current_shipping_fee()


@reads
def unpaid_minutes() -> int:
    """How long an order may wait for payment before its stock is released."""
    return current_unpaid_minutes()


@reads
def price_cut_limit() -> Decimal | None:
    """How far (in percent) staff may cut a line below its list value alone; None: no limit."""
    return price_cuts.current_limit()


@writes
def set_price_cut_limit(token, percent) -> None:
    """Admins only: the limit in percent, or None to let staff cut freely."""
    caller(token, Role.ADMIN)
    if percent is None:
        if not Setting.delete().where(Setting.key == price_cuts.PRICE_CUT_LIMIT).execute():
            changes.unchanged()
    else:
        _store(price_cuts.PRICE_CUT_LIMIT, str(price_cuts.percentage(percent)))


@writes
def set_shipping_fee(token, amount) -> None:
    caller(token, Role.ADMIN)
    _store(SHIPPING_FEE, str(domain.money(amount, "Shipping fee")))


@writes
def set_unpaid_minutes(token, minutes) -> None:
    caller(token, Role.ADMIN)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 10_080:
        raise InvalidInput("The time limit must be from 1 minute to 7 days.")
    _store(UNPAID_MINUTES, str(minutes))


def current_shipping_fee() -> Decimal:
    """The fee inside a caller's own transaction."""
    return shipping_fee_of(list(shipping_fee_row()))


def shipping_fee_row():
    """The query of the fee's row, to send with a call's other reads (`shipping_fee_of`)."""
    return Setting.select().where(Setting.key == SHIPPING_FEE).limit(1)


def shipping_fee_of(rows: list) -> Decimal:
    return Decimal(rows[0].value) if rows else domain.DEFAULT_SHIPPING_FEE


def current_unpaid_minutes() -> int:
    row = Setting.get_or_none(Setting.key == UNPAID_MINUTES)
    return int(row.value) if row else domain.DEFAULT_UNPAID_MINUTES


def _store(key: str, value: str) -> None:
    """Save one setting: the whole of each setter's change, so a value already there is none."""
    if Setting.select().where(Setting.key == key, Setting.value == value).exists():
        changes.unchanged()
        return
    if not Setting.update(value=value).where(Setting.key == key).execute():
        Setting.create(key=key, value=value)
