"""Every call from every status: the allowed moves happen, every other one is InvalidState."""

import pytest

from bookshop_gui.domain import TRANSITIONS, OrderStatus, allows
from bookshop_gui.errors import InvalidState
from bookshop_gui.services import orders, shop

from .builders import order_in, snapshot, status

S = OrderStatus
EVERY_STATUS = tuple(OrderStatus)


def _set_lines(w, order_id):
    shop.set_lines(w.staff_a.token, order_id, [{"book_id": w.book_a1, "cnt": 2, "money": 15}])


CALLS = {
    "pay": (lambda w, o: orders.pay(w.alice.token, o), {S.PENDING_PAYMENT: S.PENDING_SHIPMENT}),
    "operate 1": (lambda w, o: orders.operate(w.alice.token, o, 1),
                  {S.PENDING_PAYMENT: S.PENDING_SHIPMENT}),
    "cancel": (lambda w, o: orders.cancel(w.alice.token, o),
               {S.PENDING_PAYMENT: S.CANCELLED, S.PENDING_SHIPMENT: S.CANCELLED}),
    "operate 2": (lambda w, o: orders.operate(w.alice.token, o, 2),
                  {S.PENDING_PAYMENT: S.CANCELLED, S.PENDING_SHIPMENT: S.CANCELLED}),
    "confirm_receipt": (lambda w, o: orders.confirm_receipt(w.alice.token, o),
                        {S.PENDING_RECEIPT: S.PENDING_REVIEW}),
    "operate 3": (lambda w, o: orders.operate(w.alice.token, o, 3),
                  {S.PENDING_RECEIPT: S.PENDING_REVIEW}),
    "review": (lambda w, o: orders.review(w.alice.token, o, 3, "Fine"),
               {S.PENDING_REVIEW: S.COMPLETED}),
    "shop.ship": (lambda w, o: shop.ship(w.staff_a.token, o),
                  {S.PENDING_SHIPMENT: S.PENDING_RECEIPT}),
    "shop.operate sent": (lambda w, o: shop.operate(w.staff_a.token, o, "sent"),
                          {S.PENDING_SHIPMENT: S.PENDING_RECEIPT}),
    "shop.cancel": (lambda w, o: shop.cancel(w.staff_a.token, o),
                    {S.PENDING_PAYMENT: S.CANCELLED, S.PENDING_SHIPMENT: S.CANCELLED}),
    "shop.operate cancel": (lambda w, o: shop.operate(w.staff_a.token, o, "cancel"),
                            {S.PENDING_PAYMENT: S.CANCELLED, S.PENDING_SHIPMENT: S.CANCELLED}),
    "shop.set_lines": (_set_lines, {S.PENDING_PAYMENT: S.PENDING_PAYMENT}),
}


@pytest.mark.parametrize("call", list(CALLS))
def test_each_call_moves_only_the_statuses_it_may(world, call):
    run, allowed = CALLS[call]
    orders_by_status = {start: order_in(world, start) for start in EVERY_STATUS}
    for start, order_id in orders_by_status.items():
        if start in allowed:
            run(world, order_id)
            assert status(order_id) == allowed[start], (call, start)
        else:
            before = snapshot()
            with pytest.raises(InvalidState):
                run(world, order_id)
            assert snapshot() == before, (call, start)


def test_the_whole_happy_path(world):
    token = world.alice.token
    order_id = orders.create(token, world.book_a1, 1)
    seen = [status(order_id)]
    for step in (
        lambda: orders.operate(token, order_id, 1),
        lambda: shop.operate(world.staff_a.token, order_id, "sent"),
        lambda: orders.operate(token, order_id, 3),
        lambda: orders.review(token, order_id, 5),
    ):
        step()
        seen.append(status(order_id))
    assert seen == [0, 1, 2, 3, 4]
    assert [o.status for o in orders.list(token)] == [OrderStatus.COMPLETED]


def test_an_order_cannot_be_reviewed_twice(world):
    order_id = order_in(world, S.COMPLETED)
    before = snapshot()
    with pytest.raises(InvalidState):
        orders.review(world.alice.token, order_id, 1, "Changed my mind")
    assert snapshot() == before
    assert orders.info(world.alice.token, order_id).mark == 4


# The status machine as the service contract states it, word for word.
CONTRACT_TABLE = """
| from | call | to |
|---|---|---|
| (new) | `create`, `create_from_cart` | 0 |
| 0 | `pay` | 1 |
| 1 | `shop.ship` | 2 |
| 2 | `confirm_receipt` | 3 |
| 3 | `review` | 4 |
| 0, 1 | `cancel`, `shop.cancel` | -1 |
| 0, past the time limit | `expire_stale` | -1 |
| 0 | `shop.set_lines` | 0 |
"""


def _contract_transitions() -> dict[str, tuple[frozenset[int], int]]:
    table = {}
    for row in CONTRACT_TABLE.strip().splitlines()[2:]:
        sources, calls, target = (cell.strip() for cell in row.strip("|").split("|"))
        starts = frozenset(int(s) for s in sources.split(",") if s.strip().lstrip("-").isdigit())
        for call in calls.split(","):
            table[call.strip().strip("`")] = (starts, int(target))
    return table


def test_the_domain_table_is_the_contracts_table():
    ours = {call: (frozenset(int(s) for s in move.sources), int(move.target))
            for call, move in TRANSITIONS.items()}
    assert ours == _contract_transitions()


@pytest.mark.parametrize("call", ["pay", "shop.ship", "confirm_receipt", "review", "cancel",
                                  "shop.cancel", "shop.set_lines"])
def test_the_services_allow_exactly_what_the_table_allows(call):
    """The independent table above (CALLS) and the domain's agree on every status."""
    tried = {"cancel": "cancel", "shop.cancel": "shop.cancel"}.get(call, call)
    expected = CALLS[tried][1]
    assert {s for s in EVERY_STATUS if allows(call, s)} == set(expected)
