"""peewee models over one database, bound through `database` by `bookshop_gui.db`."""

from bookshop_gui.models.base import BaseModel, database
from bookshop_gui.models.catalog import Book, CartLine, CoverImage
from bookshop_gui.models.changes import ChangeLog
from bookshop_gui.models.daily import SalesDay, ShipmentDay, SoldLine
from bookshop_gui.models.orders import AuditLog, Order, OrderLine, Review
from bookshop_gui.models.people import Address, AuthSession, BalanceEntry, Shop, User
from bookshop_gui.models.requests import RequestRecord
from bookshop_gui.models.settings import Setting

ALL_MODELS = (
    Shop, User, AuthSession, BalanceEntry, Book, CartLine,
    Order, OrderLine, Review, AuditLog, Setting, RequestRecord, Address, ChangeLog, CoverImage,
    SalesDay, ShipmentDay, SoldLine,
)

__all__ = [
    "ALL_MODELS", "Address", "AuditLog", "AuthSession", "BalanceEntry", "BaseModel", "Book",
    "CartLine", "ChangeLog", "CoverImage", "Order", "OrderLine", "RequestRecord", "Review",
    "SalesDay", "Setting", "ShipmentDay", "Shop", "SoldLine", "User", "database",
]
