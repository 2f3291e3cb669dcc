"""Each shop's orders added up per day, kept by the transactions that change the orders.

A year's report reads 365 rows of these rather than adding up a year of
orders. Days are the shop's local calendar days (the computer's time zone),
as staff count them, not UTC days.
"""

from bookshop_gui._peewee import peewee
from bookshop_gui.models.base import BaseModel
from bookshop_gui.models.fields import MoneyField
from bookshop_gui.models.people import Shop


class SalesDay(BaseModel):
    """The orders placed on `day` that are now in `status`: how many, and their totals."""

    shop = peewee.ForeignKeyField(Shop, on_delete="CASCADE")
    day = peewee.DateField()
    status = peewee.IntegerField()
    orders = peewee.IntegerField(default=0)
    total = MoneyField(default=0)

    class Meta:
        table_name = "sales_days"
        indexes = ((("shop", "day", "status"), True),)


class ShipmentDay(BaseModel):
    """How many of the shop's parcels left on `day`."""

    shop = peewee.ForeignKeyField(Shop, on_delete="CASCADE")
    day = peewee.DateField()
    parcels = peewee.IntegerField(default=0)

    class Meta:
        table_name = "shipment_days"
        indexes = ((("shop", "day"), True),)
