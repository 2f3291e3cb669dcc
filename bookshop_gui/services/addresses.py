"""Buyers' address books, and the copy of an address each order keeps.

An order copies its address rather than pointing at the book, so a buyer who
moves house later does not move a parcel already on its way.
"""

from __future__ import annotations

import re

from bookshop_gui import domain
from bookshop_gui.domain import Address as AddressValue
from bookshop_gui.domain import Role
from bookshop_gui.errors import InvalidInput, NotFound
from bookshop_gui.models import Address, Order, User
from bookshop_gui.services import changes
from bookshop_gui.services.sessions import caller
from bookshop_gui.services.transactions import reads, writes

PHONE = re.compile(rf"[0-9+\- ]{{6,{domain.ADDRESS_LIMITS['phone']}}}")
POSTCODE = re.compile(rf"[A-Za-z0-9]{{0,{domain.ADDRESS_LIMITS['postcode']}}}")
NO_SUCH_ADDRESS = "There is no such address."


@reads
def addresses(token) -> list[AddressValue]:
    """The buyer's own addresses, the default first, then the newest."""
    buyer = caller(token, Role.BUYER)
    rows = (Address.select().where(Address.user == buyer.id)
            .order_by(Address.is_default.desc(), Address.id.desc()))
    return [_value(row) for row in rows]


@writes
def save_address(token, *, name, phone, region, street, postcode="", address_id=None,
                 default=False) -> int:
    """Add an address, or change one of the buyer's own; the first one is the default."""
    buyer = caller(token, Role.BUYER)
    fields = clean(name=name, phone=phone, region=region, street=street, postcode=postcode)
    if not isinstance(default, bool):
        raise InvalidInput("Say whether this is the default address.")
    if address_id is None:
        first = not Address.select().where(Address.user == buyer.id).exists()
        saved = Address.create(user=buyer.id, is_default=first, **fields).id
    else:
        current = own(buyer, address_id)
        saved = current.id
        if changes.holds(current, fields) and (current.is_default or not default):
            changes.unchanged()
            return saved
        Address.update(**fields).where(Address.id == saved).execute()
    if default:
        _make_default(buyer, saved)
    return saved


@writes
def remove_address(token, address_id) -> None:
    """Forget an address; if it was the default, the newest one left becomes the default."""
    buyer = caller(token, Role.BUYER)
    address = own(buyer, address_id)
    address.delete_instance()
    if address.is_default:
        newest = (Address.select(Address.id).where(Address.user == buyer.id)
                  .order_by(Address.id.desc()).first())
        if newest is not None:
            _make_default(buyer, newest.id)


WHAT = {"name": "The receiver's name", "phone": "The phone number",
        "region": "The province, city and district", "street": "The street address",
        "postcode": "The postcode"}


def clean(*, name, phone, region, street, postcode) -> dict:
    """The address fields as stored, or InvalidInput naming the first bad one."""
    given = {"name": name, "phone": phone, "region": region, "street": street,
             "postcode": postcode}
    fields = {key: _text(key, value) for key, value in given.items()}
    phone = fields["phone"]
    if not PHONE.fullmatch(phone) or sum(c.isdigit() for c in phone) < 6:
        raise InvalidInput("A phone number is 6 to 20 digits (with + - or spaces).", field="phone")
    if not POSTCODE.fullmatch(fields["postcode"]) or not fields["postcode"].isascii():
        raise InvalidInput("A postcode is up to 10 letters or digits.", field="postcode")
    return fields


def _text(key: str, value) -> str:
    """One part of the address as text; refused, it names the part."""
    try:
        return domain.text(value, WHAT[key], domain.ADDRESS_LIMITS[key],
                           required=key != "postcode")
    except InvalidInput as refused:
        raise InvalidInput(refused.message, field=key) from None


def own(buyer: User, address_id) -> Address:
    """One of the buyer's addresses; another buyer's is reported as missing."""
    address_id = domain.row_id(address_id, NO_SUCH_ADDRESS)
    address = Address.get_or_none(Address.id == address_id, Address.user == buyer.id)
    if address is None:
        raise NotFound(NO_SUCH_ADDRESS)
    return address


def for_order(buyer: User, address_id) -> dict:
    """The columns an order copies: the chosen address, else the default, else none."""
    return copied(address_id, list(chosen(buyer, address_id)))


def chosen(buyer: User, address_id):
    """The query of the address an order copies (the chosen one, else the default), to
    send with a call's other reads; `copied` reads its rows."""
    if address_id is not None:
        return Address.select().where(
            Address.id == domain.row_id(address_id, NO_SUCH_ADDRESS), Address.user == buyer.id
        ).limit(1)
    return Address.select().where(Address.user == buyer.id, Address.is_default).limit(1)


def copied(address_id, found: list) -> dict:
    """The columns an order copies from what `chosen` found; NotFound for a chosen
    address that is not the buyer's."""
    if found:
        return order_columns(found[0])
    if address_id is not None:
        raise NotFound(NO_SUCH_ADDRESS)
    return {}


def order_columns(address: Address) -> dict:
    """The order's copy of `address`, column by column."""
    return {
        "ship_name": address.name, "ship_phone": address.phone,
        "ship_region": address.region, "ship_street": address.street,
        "ship_postcode": address.postcode,
    }


ORDER_COLUMNS = (Order.ship_name, Order.ship_phone, Order.ship_region, Order.ship_street,
                 Order.ship_postcode)


def order_copy(name, phone, region, street, postcode) -> AddressValue | None:
    """The address an order carries, from its columns (None if it has none)."""
    if name is None:
        return None
    return AddressValue(None, name, phone, region, street, postcode or "")


def _make_default(buyer: User, address_id: int) -> None:
    (Address.update(is_default=(Address.id == address_id))
     .where(Address.user == buyer.id).execute())


def _value(row: Address) -> AddressValue:
    return AddressValue(row.id, row.name, row.phone, row.region, row.street, row.postcode,
                        bool(row.is_default))
