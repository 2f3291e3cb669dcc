"""Each shop's orders added up per day, and the lines of its sold orders, kept by the
transactions that change the orders.

A year's report reads 365 rows of these rather than adding up a year of
orders. Days are the shop's local calendar days (the computer's time zone),
as staff count them, not UTC days.
"""

from bookshop_gui._peewee import peewee
from bookshop_gui.models.base import BaseModel
from bookshop_gui.models.fields import MoneyField
from bookshop_gui.models.orders import OrderLine
from bookshop_gui.models.people import Shop


class SalesDay(BaseModel):
    """The orders placed on `day` that are now in `status`: how many, and their totals."""

    shop = peewee.ForeignKeyField(Shop, on_delete="CASCADE")
    day = peewee.DateField()
    status = peewee.IntegerField()
    slot = peewee.IntegerField(default=0)  # one of a few rows that writers at once spread over
    orders = peewee.IntegerField(default=0)
    total = MoneyField(default=0)

    class Meta:
        table_name = "sales_days"
        indexes = ((("shop", "day", "status", "slot"), True),)


class ShipmentDay(BaseModel):
    """How many of the shop's parcels left on `day`."""

    shop = peewee.ForeignKeyField(Shop, on_delete="CASCADE")
    day = peewee.DateField()
    parcels = peewee.IntegerField(default=0)

    class Meta:
        table_name = "shipment_days"
        indexes = ((("shop", "day"), True),)


class SoldLine(BaseModel):
    """A line of an order the shop has the money for (paid, shipped, received or
    reviewed), with its order's shop and moment.

    The best sellers add these up per book straight from an index in book
    order, where the lines themselves must first be joined to their orders to
    learn each one's shop, moment and status. The line's own row keeps the
    foreign keys; a line is never edited while its order is sold.
    """

    line = peewee.ForeignKeyField(OrderLine, primary_key=True, on_delete="CASCADE")
    shop_id = peewee.IntegerField()
    book_id = peewee.IntegerField()
    placed_at = peewee.DateTimeField()
    cnt = peewee.IntegerField()
    money = MoneyField()

    class Meta:
        table_name = "sold_lines"
        indexes = (
            (("shop_id", "book_id", "placed_at", "cnt", "money"), False),  # a long period
            (("shop_id", "placed_at", "book_id", "cnt", "money"), False),  # a few days
        )
