"""Ship or cancel several orders in one go, on the worker: each order its own transaction.

One refusal (another workstation shipped it first) must not stop the rest, so
each order is tried and the refusals are collected for the person to read.
A lost connection is not a refusal: it stops the batch, and the whole batch
is sent again under the same request id, each order with its own id derived
from it, so an order already done is reported done and never done twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bookshop_gui.errors import BookshopError, DatabaseUnavailable
from bookshop_gui.services import shop


@dataclass
class Outcome:
    done: list[int] = field(default_factory=list)
    refunded: list[int] = field(default_factory=list)
    refused: list[tuple[int, BookshopError]] = field(default_factory=list)


def ship_all(token: str, parcels: dict[int, str | None], *, request_id: str,
             courier: str = shop.DEFAULT_COURIER) -> Outcome:
    """Ship each order with its own waybill number (`parcels`: order id → tracking)."""
    outcome = Outcome()
    for order_id, tracking in parcels.items():
        try:
            shop.ship(token, order_id, tracking=tracking, courier=courier,
                      request_id=_one(request_id, order_id))
        except DatabaseUnavailable:
            raise
        except BookshopError as error:
            outcome.refused.append((order_id, error))
        else:
            outcome.done.append(order_id)
    return outcome


def cancel_all(token: str, order_ids: list[int], *, request_id: str) -> Outcome:
    outcome = Outcome()
    for order_id in order_ids:
        try:
            refunded = shop.cancel(token, order_id, request_id=_one(request_id, order_id))
        except DatabaseUnavailable:
            raise
        except BookshopError as error:
            outcome.refused.append((order_id, error))
        else:
            outcome.done.append(order_id)
            if refunded:
                outcome.refunded.append(order_id)
    return outcome


def _one(request_id: str, order_id: int) -> str:
    """The batch's id made particular to one order (a request id is at most 64 characters)."""
    return f"{request_id[:40]}-{order_id}"
