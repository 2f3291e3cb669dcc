"""The day's parcels, as a courier's batch-order import reads them.

Couriers (SF Express among them) take a spreadsheet of parcels with the
receiver, their phone, the address, what is inside and the shop's own order
number, in that order, so staff book every pickup of the day in one upload.
Days are the shop's local calendar days, as the reports count them: the
parcels that left between local midnights, whatever the UTC date.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from bookshop_gui.domain import Role, Shipment
from bookshop_gui.models import Order, OrderLine
from bookshop_gui.services import addresses, csv_files, day_totals, reports
from bookshop_gui.services.sessions import caller
from bookshop_gui.services.transactions import reads

HEADERS = ("receiver", "phone", "address", "content", "order number")


@reads
def shipments(token, day: date) -> list[Shipment]:
    """The shop's orders that left on `day`, in the order they left."""
    staff = caller(token, Role.STAFF)
    reports.check_period(day, day)
    start, end = day_totals.local_bounds(day, day)
    rows = list(
        Order.select(Order.id, Order.tracking, *addresses.ORDER_COLUMNS)
        .where(Order.shop == staff.shop_id, Order.shipped_at >= start,
               Order.shipped_at < end)
        .order_by(Order.shipped_at, Order.id).tuples()
    )
    content = _content([row[0] for row in rows])
    result = []
    for order_id, tracking, *where in rows:
        address = addresses.order_copy(*where)
        name, phone, place = (address.name, address.phone, address.one_line) if address else (
            "", "", "")
        result.append(Shipment(order_id, name, phone, place, content[order_id], tracking))
    return result


def _content(ids: list[int]) -> dict[int, str]:
    """"Emma × 2, Dracula" per order: what the courier writes as the parcel's content."""
    parts: dict[int, list[str]] = defaultdict(list)
    if ids:
        lines = (OrderLine.select(OrderLine.order, OrderLine.name, OrderLine.cnt)
                 .where(OrderLine.order.in_(ids)).order_by(OrderLine.id).tuples())
        for order_id, name, cnt in lines:
            parts[order_id].append(name if cnt == 1 else f"{name} × {cnt}")
    return {order_id: ", ".join(parts[order_id]) for order_id in ids}


def write_csv(rows: list[Shipment], path: str | Path, headers=HEADERS) -> None:
    """UTF-8 with a byte-order mark, so a spreadsheet opens Chinese addresses as written."""
    with csv_files.writing(path, bom=True) as writer:
        writer.writerow(headers)
        writer.writerows((s.name, s.phone, s.address, s.content, s.order_id) for s in rows)
