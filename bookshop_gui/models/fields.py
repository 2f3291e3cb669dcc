"""Column types that keep money and ratios exact on every backend.

peewee's DecimalField is stored as REAL on SQLite, where Decimal("0.10") comes
back as 0.1 and sums come back as floats. These fields store a scaled whole
number instead (cents for money), so SQLite, PostgreSQL and MariaDB all hold
exactly what was written and SQL sums stay exact.
"""

import functools
from datetime import UTC, datetime
from decimal import Decimal

from bookshop_gui._peewee import peewee


class ScaledDecimalField(peewee.BigIntegerField):
    """A Decimal with a fixed number of places, stored as a whole number of units."""

    places = 2

    def db_value(self, value):
        if value is None or isinstance(value, peewee.Node):
            return value
        return int(Decimal(value).scaleb(self.places).to_integral_exact())

    def python_value(self, value):
        if value is None:
            return None
        return _scaled(int(value), self.places)


@functools.lru_cache(maxsize=65536)
def _scaled(units: int, places: int) -> Decimal:
    """Units as a Decimal with `places` places, remembered: a page of orders reads the same
    prices and totals over and over, and a Decimal never changes once made."""
    return Decimal(units).scaleb(-places)


class MoneyField(ScaledDecimalField):
    """Money in whole cents: Decimal("12.30") is stored as 1230."""


class RatioField(ScaledDecimalField):
    """A price ratio to four places: Decimal("0.95") is stored as 9500."""

    places = 4


class PictureField(peewee.BlobField):
    """Bytes as big as a cover picture: MySQL's plain BLOB stops at 64 KB, MEDIUMBLOB at 16 MB."""

    def ddl_datatype(self, ctx):
        if ctx and ctx.state.quote == "``":  # MySQL and MariaDB quote names with backticks
            return peewee.SQL("MEDIUMBLOB")
        return super().ddl_datatype(ctx)


def utcnow() -> datetime:
    """Now, as the naive UTC datetime every timestamp column holds."""
    return datetime.now(UTC).replace(tzinfo=None)


def as_utc(value: datetime | None) -> datetime | None:
    """A stored naive UTC datetime, made aware for the layers above."""
    return None if value is None else value.replace(tzinfo=UTC)


def stored_datetime(value) -> datetime | None:
    """A timestamp column's raw value (SQLite gives text) as an aware UTC datetime.

    For rows read past the ORM: `fromisoformat` reads SQLite's text many
    times faster than peewee's list of strptime formats.
    """
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return as_utc(value)


def money_sum(field: ScaledDecimalField):
    """SUM(field) in SQL, read back as an exact Decimal (the database sums whole cents)."""
    return peewee.fn.COALESCE(peewee.fn.SUM(field), 0).python_value(field.python_value)
