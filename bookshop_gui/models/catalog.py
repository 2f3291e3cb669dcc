"""The books shops sell, and what buyers have put in their carts."""

from bookshop_gui._peewee import peewee
from bookshop_gui.models.base import BaseModel
from bookshop_gui.models.fields import MoneyField, PictureField, utcnow
from bookshop_gui.models.people import Shop, User


class Book(BaseModel):
    shop = peewee.ForeignKeyField(Shop, backref="books")
    title = peewee.CharField(max_length=300)
    author = peewee.CharField(max_length=200, default="")
    isbn = peewee.CharField(max_length=20, default="", index=True)
    price = MoneyField()
    stock = peewee.IntegerField(default=0)
    pic = peewee.CharField(max_length=500, default="")
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "books"
        indexes = (  # newest first, read in order: the whole catalog, and one shop's
            (("created_at", "id"), False),
            (("shop", "created_at", "id"), False),
        )


class CoverImage(BaseModel):
    """A cover picture chosen at a workstation, kept in the database every workstation shares.

    Named by the SHA-256 of its bytes, so the same picture chosen twice is kept once.
    """

    digest = peewee.CharField(max_length=64, unique=True)
    data = PictureField()
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "cover_images"


class CartLine(BaseModel):
    user = peewee.ForeignKeyField(User, backref="cart_lines", on_delete="CASCADE")
    book = peewee.ForeignKeyField(Book, on_delete="CASCADE")
    cnt = peewee.IntegerField()
    added_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "cart_lines"
        indexes = ((("user", "book"), True),)
