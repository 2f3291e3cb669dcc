"""Orders, their lines and reviews, and the log of what staff changed."""

from bookshop_gui._peewee import peewee
from bookshop_gui.models.base import BaseModel
from bookshop_gui.models.catalog import Book
from bookshop_gui.models.fields import MoneyField, utcnow
from bookshop_gui.models.people import Shop, User


class Order(BaseModel):
    """One buyer's order from one shop; `version` grows with every change."""

    buyer = peewee.ForeignKeyField(User, backref="orders")
    shop = peewee.ForeignKeyField(Shop, backref="orders")
    status = peewee.IntegerField(default=0)
    shipping = MoneyField()
    total = MoneyField()
    created_at = peewee.DateTimeField(default=utcnow)
    paid_at = peewee.DateTimeField(null=True)
    version = peewee.IntegerField(default=1)
    # A copy of the address the order goes to (None: no address was given).
    ship_name = peewee.CharField(max_length=50, null=True)
    ship_phone = peewee.CharField(max_length=20, null=True)
    ship_region = peewee.CharField(max_length=100, null=True)
    ship_street = peewee.CharField(max_length=200, null=True)
    ship_postcode = peewee.CharField(max_length=10, null=True)
    courier = peewee.CharField(max_length=40, null=True)
    tracking = peewee.CharField(max_length=30, null=True)
    shipped_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "orders"
        indexes = (
            (("buyer", "created_at"), False),
            (("buyer", "status", "created_at"), False),
            (("shop", "created_at"), False),
            (("shop", "status", "created_at"), False),
            (("status", "created_at"), False),
        )


class OrderLine(BaseModel):
    """A line keeps the title, picture and price the order was made with."""

    order = peewee.ForeignKeyField(Order, backref="lines", on_delete="CASCADE")
    book = peewee.ForeignKeyField(Book)
    name = peewee.CharField(max_length=300)
    pic = peewee.CharField(max_length=500, default="")
    unit_price = MoneyField()
    cnt = peewee.IntegerField()
    money = MoneyField()

    class Meta:
        table_name = "order_lines"


class Review(BaseModel):
    order = peewee.ForeignKeyField(Order, unique=True, backref="reviews", on_delete="CASCADE")
    mark = peewee.IntegerField()
    comment = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "reviews"


class AuditLog(BaseModel):
    """What a member of staff changed on an order; `detail` is JSON with before and after."""

    order = peewee.ForeignKeyField(Order, backref="audit", on_delete="CASCADE")
    username = peewee.CharField(max_length=64)
    at = peewee.DateTimeField(default=utcnow)
    action = peewee.CharField(max_length=20)
    detail = peewee.TextField(default="{}")

    class Meta:
        table_name = "audit_log"
