"""Shops, the people who use them, their sign-in sessions and their balances."""

from decimal import Decimal

from bookshop_gui._peewee import peewee
from bookshop_gui.models.base import BaseModel
from bookshop_gui.models.fields import MoneyField, RatioField, utcnow


class Shop(BaseModel):
    name = peewee.CharField(max_length=100, unique=True)
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "shops"


class User(BaseModel):
    username = peewee.CharField(max_length=64, unique=True)
    password_hash = peewee.CharField(max_length=255)
    role = peewee.CharField(max_length=10)
    shop = peewee.ForeignKeyField(Shop, null=True, backref="staff")
    vip_ratio = RatioField(default=Decimal(1))
    balance = MoneyField(default=Decimal(0))
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "users"


class AuthSession(BaseModel):
    """A signed-in session; only a hash of its token is kept."""

    token_hash = peewee.CharField(max_length=64, unique=True)
    user = peewee.ForeignKeyField(User, backref="sessions", on_delete="CASCADE")
    created_at = peewee.DateTimeField(default=utcnow)
    expires_at = peewee.DateTimeField(index=True)

    class Meta:
        table_name = "auth_sessions"


class BalanceEntry(BaseModel):
    """One movement of a buyer's balance, so every cent can be accounted for."""

    user = peewee.ForeignKeyField(User, backref="balance_entries")
    at = peewee.DateTimeField(default=utcnow)
    amount = MoneyField()
    reason = peewee.CharField(max_length=16)
    order_id = peewee.IntegerField(null=True, index=True)
    by_username = peewee.CharField(max_length=64, default="")

    class Meta:
        table_name = "balance_entries"


class Address(BaseModel):
    """A place a buyer has parcels sent to: receiver, phone and a Chinese-style address."""

    user = peewee.ForeignKeyField(User, backref="addresses", on_delete="CASCADE")
    name = peewee.CharField(max_length=50)
    phone = peewee.CharField(max_length=20)
    region = peewee.CharField(max_length=100)
    street = peewee.CharField(max_length=200)
    postcode = peewee.CharField(max_length=10, default="")
    is_default = peewee.BooleanField(default=False)
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "addresses"
        indexes = ((("user", "is_default"), False),)
