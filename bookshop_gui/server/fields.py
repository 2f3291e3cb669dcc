"""The field types seed requests share, and who is calling.

Whole numbers may come as JSON numbers or as text (seed 000's own examples
quote `orderid`, and every form field is text), but never as true/false or
with a fraction. Money comes as a number or text and stays a Decimal.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from fastapi import Header
from pydantic import AfterValidator, BeforeValidator, Field

from bookshop_gui.domain import Session
from bookshop_gui.errors import AuthError
from bookshop_gui.services import auth

MAX_PAGE = 500


def _not_bool(value):
    if isinstance(value, bool):
        raise ValueError("must be a whole number, not true or false")
    return value


def _storable(value):
    """Text a database can hold: no NUL, no half of a UTF-16 pair (JSON allows both)."""
    if isinstance(value, str) and ("\x00" in value or any(
            "\ud800" <= char <= "\udfff" for char in value)):
        raise ValueError("holds a character no text can hold (NUL or a lone surrogate)")
    return value


# Past a 64-bit integer no database column can hold it, and SQLite's driver fails on it.
Whole = Annotated[int, BeforeValidator(_not_bool), Field(ge=-(2**63), le=2**63 - 1)]
Text = Annotated[str, AfterValidator(_storable)]
Money = Annotated[Decimal, BeforeValidator(_not_bool)]
Offset = Annotated[Whole, Field(ge=0, description="orders to skip, newest first")]
Limit = Annotated[Whole, Field(ge=1, le=MAX_PAGE, description="orders in one answer")]
RequestId = Annotated[str | None, Header(
    alias="Idempotency-Key",
    description="8 to 64 letters, digits, - or _, new for each action and the same on every "
                "retry of it: a repeat changes nothing and gets the first answer")]
AddressId = Annotated[Whole | None, Field(
    description="one of the buyer's addresses (see /user/addresses); the default if not given")]
Shown = Annotated[Money | None, Field(
    description="the total the client showed; if the order now costs another amount, "
                "nothing is charged")]


def signed_in(token: str | None, username: str | None = None) -> Session:
    """Seed 000: the session behind the `token` header, whose user must be `username`."""
    session = auth.resume(token)
    if username is not None and username.strip() != session.username:
        raise AuthError("The user name does not match the token. Please sign in again.")
    return session


def caller(uid: int | None, token: str | None) -> Session:
    """Seed 001: `uid` and `token` together say who is calling."""
    if uid is None or not token:
        raise AuthError("Please sign in: send uid and token.")
    session = auth.resume(token)
    if session.user_id != uid:
        raise AuthError("The uid does not match the token. Please sign in again.")
    return session
