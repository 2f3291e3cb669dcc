"""The shop's shipping figures: parcels per day, orders waiting too long, the courier's CSV."""

import csv
from datetime import date, timedelta

import pytest

from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import AuthError, InvalidInput
from bookshop_gui.models import Order
from bookshop_gui.models.fields import utcnow
from bookshop_gui.services import accounts, csv_files, reports, shipments, shop

from .builders import order_in


def paid_hours_ago(order_id: int, hours: int) -> None:
    Order.update(paid_at=utcnow() - timedelta(hours=hours)).where(Order.id == order_id).execute()


def test_paid_orders_waiting_more_than_48_hours_are_listed_oldest_first(world):
    accounts.save_address(world.alice.token, name="李明", phone="13800138000",
                          region="浙江省 杭州市 西湖区", street="文三路 90 号")
    fresh = order_in(world, OrderStatus.PENDING_SHIPMENT)
    late = order_in(world, OrderStatus.PENDING_SHIPMENT)
    later = order_in(world, OrderStatus.PENDING_SHIPMENT, buyer=world.bob)
    shipped = order_in(world, OrderStatus.PENDING_RECEIPT)
    elsewhere = order_in(world, OrderStatus.PENDING_SHIPMENT, book=world.book_b1)
    paid_hours_ago(fresh, 47)
    paid_hours_ago(late, 49)
    paid_hours_ago(later, 72)
    for order_id in (shipped, elsewhere):
        paid_hours_ago(order_id, 100)

    waiting = reports.waiting_to_ship(world.staff_a.token)
    assert [(w.order_id, w.buyer, w.city) for w in waiting] == [
        (later, "bob", ""), (late, "alice", "杭州市")]
    assert reports.waiting_to_ship(world.staff_b.token)[0].order_id == elsewhere
    with pytest.raises(AuthError):
        reports.waiting_to_ship(world.alice.token)
    with pytest.raises(InvalidInput):
        reports.waiting_to_ship(world.staff_a.token, hours=-1)


def test_parcels_are_counted_on_the_day_they_left(world):
    today = utcnow().date()
    order_in(world, OrderStatus.PENDING_RECEIPT)
    order_in(world, OrderStatus.PENDING_REVIEW)
    order_in(world, OrderStatus.PENDING_SHIPMENT)  # paid, not shipped
    report = reports.sales_report(world.staff_a.token, today - timedelta(days=1), today)
    assert [(d.day, d.shipped) for d in report.days] == [
        (str(today - timedelta(days=1)), 0), (str(today), 2)]


def test_the_days_shipments_round_trip_through_the_courier_csv(world, tmp_path):
    accounts.save_address(world.alice.token, name="=HYPERLINK(\"x\")", phone="+86 138 0013 8000",
                          region="浙江省 杭州市 西湖区", street="文三路 90 号", postcode="310012")
    first = order_in(world, OrderStatus.PENDING_SHIPMENT, cnt=2)
    second = order_in(world, OrderStatus.PENDING_SHIPMENT, buyer=world.bob,
                      book=world.book_a2)
    shop.ship(world.staff_a.token, first, tracking="SF1000000001")
    shop.ship(world.staff_a.token, second, tracking="SF1000000002")
    order_in(world, OrderStatus.PENDING_RECEIPT, book=world.book_b1)  # another shop's

    rows = shipments.shipments(world.staff_a.token, utcnow().date())
    assert [(s.order_id, s.tracking) for s in rows] == [
        (first, "SF1000000001"), (second, "SF1000000002")]
    path = tmp_path / "shipments.csv"
    shipments.write_csv(rows, path)
    with open(path, newline="", encoding="utf-8-sig") as read:
        table = list(csv.reader(read))
    assert table == [
        ["receiver", "phone", "address", "content", "order number"],
        ["'=HYPERLINK(\"x\")", "'+86 138 0013 8000", "浙江省 杭州市 西湖区 文三路 90 号 310012",
         "Dream of the Red Chamber × 2", str(first)],
        ["", "", "", "Journey to the West", str(second)],
    ]
    assert shipments.shipments(world.staff_a.token, date(2000, 1, 1)) == []
    with pytest.raises(InvalidInput):
        shipments.shipments(world.staff_a.token, "today")


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1+A1", "@SUM(A1)", "\tx", "\rx"])
def test_every_formula_start_is_neutralised(cell):
    assert csv_files.inert(cell) == "'" + cell
