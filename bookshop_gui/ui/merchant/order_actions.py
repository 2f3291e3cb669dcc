"""Ship or cancel several orders in one go, on the worker: each order its own transaction.

One refusal (another workstation shipped it first) must not stop the rest, so
each order is tried and the refusals are collected for the person to read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bookshop_gui.errors import BookshopError
from bookshop_gui.services import shop


@dataclass
class Outcome:
    done: list[int] = field(default_factory=list)
    refunded: list[int] = field(default_factory=list)
    refused: list[tuple[int, BookshopError]] = field(default_factory=list)


def ship_all(token: str, order_ids: list[int]) -> Outcome:
    outcome = Outcome()
    for order_id in order_ids:
        try:
            shop.ship(token, order_id)
        except BookshopError as error:
            outcome.refused.append((order_id, error))
        else:
            outcome.done.append(order_id)
    return outcome


def cancel_all(token: str, order_ids: list[int]) -> Outcome:
    outcome = Outcome()
    for order_id in order_ids:
        try:
            refunded = shop.cancel(token, order_id)
        except BookshopError as error:
            outcome.refused.append((order_id, error))
        else:
            outcome.done.append(order_id)
            if refunded:
                outcome.refunded.append(order_id)
    return outcome
