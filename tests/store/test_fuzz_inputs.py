"""Every public service call fed the nastiest values a window, a script or a file can send.

Ids, offsets and limits too big for a 64-bit column or of the wrong type, text
holding a NUL or half of a UTF-16 pair, numbers that are floats, strings or
bools: each call must answer with a BookshopError (a message for the person,
never the crash dialog) and leave every row of every table as it was.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import pytest

from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import BookshopError
from bookshop_gui.services import (
    accounts,
    addresses,
    auth,
    cart,
    catalog,
    catalog_io,
    covers,
    ledger,
    orders,
    reports,
    settings,
    shipments,
    shop,
)

from .builders import PASSWORD, make_person, order_in

SERVICES = (accounts, addresses, auth, cart, catalog, catalog_io, covers, ledger, orders,
            reports, settings, shipments, shop)
# Helpers the calls above share, taking rows the calls have already found, not caller input.
HELPERS = {"addresses.own", "addresses.for_order", "addresses.order_columns",
           "addresses.order_copy", "addresses.chosen", "addresses.copied",
           "settings.shipping_fee_row", "settings.shipping_fee_of"}

BROKEN_TEXT = ["\x00", "Dickens\x00'; DROP TABLE books; --", "\ud800", "Bront\udce9"]
NOT_TEXT = [2**63, float("nan"), True, b"Dickens", ["Dickens"], object()]
SECRETS = BROKEN_TEXT + NOT_TEXT
TEXT = SECRETS + ["x" * 100_000]
NUMBERS = [-1, -(2**63) - 1, 2**63, 10**12, 2.5, 1.0, float("nan"), "3", "\x00", True,
           Decimal("NaN"), Decimal("sNaN"), Decimal("1E+999999"), Decimal("0.00001"), [3],
           b"3", object()]
IDS = NUMBERS + [0, 2**63 - 1, None, Decimal("1"), "1 OR 1=1"]
PAGES = NUMBERS + [2**63 - 1, None]
DAYS = [None, "2026-01-01", 20260101, datetime(2026, 1, 1), date.min, date.max, object()]
REQUEST_IDS = TEXT + NUMBERS + ["short", "x" * 65, "bad id!!", "id\x00id\x00id"]
PATHS = [None, 0, 1, 2, -1, 2**63, True, b"/tmp/x.csv", "", "\x00", "x\ud800.csv",
         "/nonexistent-folder/x.csv", "/dev/full", "/", ["a.csv"]]


@dataclass
class Call:
    """One service function, arguments that would work, and which of them to spoil, with what."""

    function: object
    valid: dict
    spoil: dict

    @property
    def name(self) -> str:
        return f"{self.function.__module__.rsplit('.', 1)[-1]}.{self.function.__name__}"


def line(book_id=None, cnt=1, money=Decimal("1.00")):
    return {"book_id": book_id, "cnt": cnt, "money": money}


def calls(s) -> list[Call]:
    """The table: every public call of every service module, with its arguments' nasty values."""
    buyer, staff, admin = s.buyer, s.staff, s.admin
    book = s.book
    good_line = line(book)
    lines = ([[line(i)] for i in IDS] + [[line(book, cnt=n)] for n in NUMBERS]
             + [[line(book, money=m)] for m in NUMBERS]
             + [None, "lines", 5, {}, [None], [[]], [{"book_id": book}], [good_line, good_line]])
    report = reports.sales_report(staff, date(2026, 1, 1), date(2026, 1, 2))
    address = {"name": "Alice", "phone": "138 0000 0000", "region": "Shanghai",
               "street": "1 Bund Road"}
    approvals = [("boss\x00", PASSWORD), ("boss", "\ud800"), ("\ud800", "x"), "boss",
                 ("boss",), ("boss", PASSWORD, "x"), (1, 2), b"boss", object(), {"boss": 1}]
    return [
        Call(addresses.addresses, {"token": buyer}, {"token": SECRETS}),
        Call(addresses.save_address, {"token": buyer, **address}, {
            "token": SECRETS, **dict.fromkeys(address, TEXT), "postcode": TEXT + ["12-34"],
            "address_id": NUMBERS + [0, 2**63 - 1, "1 OR 1=1"],
            "default": [1, 0, "yes", None, 2.5, [True]]}),
        Call(addresses.remove_address, {"token": buyer, "address_id": s.address},
             {"token": SECRETS, "address_id": IDS}),
        Call(addresses.clean, {**address, "postcode": ""},
             {**dict.fromkeys(address, TEXT), "postcode": TEXT}),
        Call(orders.set_address, {"token": buyer, "order_id": s.unpaid, "address_id": s.address},
             {"token": SECRETS, "order_id": IDS,
              "address_id": NUMBERS + [0, 2**63 - 1, "1 OR 1=1"]}),
        Call(orders.pay, {"token": buyer, "order_id": s.unpaid, "request_id": "payment-0001"},
             {"request_id": REQUEST_IDS, "expected_total": NUMBERS}),
        Call(shop.ship, {"token": staff, "order_id": s.paid, "request_id": "shipment-0001"}, {
            "request_id": REQUEST_IDS, "tracking": TEXT + ["short", "x" * 31, "SF 1234 5678"],
            "courier": TEXT}),
        Call(shop.ship_many, {"token": staff, "parcels": {s.paid: "SF1000000001"},
                              "request_id": "shipments-0001"}, {
            "token": SECRETS, "request_id": REQUEST_IDS, "courier": TEXT,
            "parcels": [{i: None} for i in IDS if isinstance(i, (int, str, type(None)))]
            + [{s.paid: t} for t in TEXT + ["short"]]
            + [None, 5, "parcels", [s.paid], b"x"]}),
        Call(shop.cancel_many, {"token": staff, "order_ids": [s.paid],
                                "request_id": "cancels-0001"}, {
            "token": SECRETS, "request_id": REQUEST_IDS,
            "order_ids": [[i] for i in IDS] + [None, 5, "12", b"x"]}),
        Call(ledger.reconcile, {}, {}),
        Call(ledger.statement, {"token": staff, "username": "alice"},
             {"token": SECRETS, "username": SECRETS, "offset": PAGES, "limit": PAGES}),
        Call(ledger.write_csv, {"token": staff, "username": "alice", "path": "/dev/null"},
             {"token": SECRETS, "username": SECRETS, "path": PATHS}),
        Call(settings.price_cut_limit, {}, {}),
        Call(settings.set_price_cut_limit, {"token": admin, "percent": 10},
             {"token": SECRETS, "percent": NUMBERS + [101, -5]}),
        Call(accounts.create_shop, {"name": "New shop"}, {"name": TEXT}),
        Call(accounts.create_user, {"username": "newbie", "password": "pw", "role": "staff",
                                    "shop_id": s.shop}, {
            "username": TEXT, "password": SECRETS, "role": TEXT + ["owner", "buyer\x00"],
            "shop_id": IDS, "vip_ratio": NUMBERS, "balance": NUMBERS}),
        Call(accounts.top_up, {"token": staff, "username": "alice", "amount": Decimal(5)},
             {"token": SECRETS, "username": SECRETS, "amount": NUMBERS}),
        Call(accounts.me, {"token": buyer}, {"token": SECRETS}),
        Call(accounts.find_members, {"token": staff}, {
            "token": SECRETS, "text": TEXT, "offset": PAGES, "limit": PAGES}),
        Call(accounts.get_member, {"token": staff, "username": "alice"},
             {"token": SECRETS, "username": SECRETS}),
        Call(accounts.set_vip_ratio, {"token": admin, "username": "alice", "vip_ratio": "0.9"},
             {"token": SECRETS, "username": SECRETS, "vip_ratio": NUMBERS}),
        Call(accounts.create_account, {"token": admin, "username": "newbie", "password": "pw",
                                       "role": "staff", "shop_id": s.shop}, {
            "token": SECRETS, "username": TEXT, "password": SECRETS, "role": TEXT,
            "shop_id": IDS, "vip_ratio": NUMBERS}),
        Call(accounts.list_shops, {}, {}),
        Call(auth.login, {"username": "alice", "password": PASSWORD},
             {"username": SECRETS, "password": SECRETS}),
        Call(auth.verified_user, {"username": "alice", "password": PASSWORD},
             {"username": SECRETS, "password": SECRETS}),
        Call(auth.logout, {"token": buyer}, {"token": SECRETS}),
        Call(auth.resume, {"token": buyer}, {"token": SECRETS}),
        Call(cart.get, {"token": buyer}, {"token": SECRETS}),
        Call(cart.add, {"token": buyer, "book_id": book, "cnt": 1},
             {"token": SECRETS, "book_id": IDS, "cnt": NUMBERS}),
        Call(cart.set_count, {"token": buyer, "book_id": book, "cnt": 3},
             {"token": SECRETS, "book_id": IDS, "cnt": NUMBERS}),
        Call(cart.remove, {"token": buyer, "book_id": book}, {"token": SECRETS, "book_id": IDS}),
        Call(cart.add_by_title, {"token": buyer, "title": "Dream of the Red Chamber", "cnt": 1},
             {"token": SECRETS, "title": TEXT, "cnt": NUMBERS}),
        Call(cart.remove_by_title, {"token": buyer, "title": "Dream of the Red Chamber"},
             {"token": SECRETS, "title": TEXT}),
        Call(catalog.search, {}, {"text": TEXT, "shop_id": IDS, "offset": PAGES, "limit": PAGES}),
        Call(catalog.count, {}, {"text": TEXT, "shop_id": IDS}),
        Call(catalog.get, {"book_id": book}, {"book_id": IDS}),
        Call(catalog.by_title, {"title": "Emma"}, {"title": TEXT}),
        Call(catalog.find_isbn, {"isbn": "9780141439518"}, {"isbn": TEXT + NUMBERS}),
        Call(catalog.add_book, {"token": staff, "title": "New", "price": Decimal(1), "stock": 1},
             {"token": SECRETS, "title": TEXT, "price": NUMBERS, "stock": NUMBERS,
              "author": TEXT, "isbn": TEXT + ["@SUM(A1)", "=1+1", "9780141439519", "12345"],
              "pic": TEXT}),
        Call(catalog.update_book, {"token": staff, "book_id": book, "title": "Renamed"},
             {"token": SECRETS, "book_id": IDS, "title": TEXT, "price": NUMBERS,
              "stock": NUMBERS, "author": TEXT, "isbn": TEXT + ["@SUM(A1)", "9780141439519"],
              "pic": TEXT}),
        Call(catalog.normalise_isbn, {"value": "978-0"}, {"value": TEXT + NUMBERS}),
        Call(catalog.clean_isbn, {"value": "9780141439518"}, {"value": TEXT + NUMBERS}),
        Call(catalog_io.export_csv, {"token": staff, "path": "/dev/null"},
             {"token": SECRETS, "path": PATHS}),
        Call(catalog_io.import_csv, {"token": staff, "path": "/dev/null"},
             {"token": SECRETS, "path": PATHS}),
        Call(covers.store, {"token": staff, "data": b"\x89PNG\r\n\x1a\n"}, {
            "token": SECRETS, "data": TEXT + NUMBERS + [b"", b"GIF", b"x" * (5 * 2**20 + 1)]}),
        Call(covers.image, {"pic": "cover:" + "0" * 64}, {"pic": TEXT + NUMBERS}),
        Call(covers.is_stored, {"pic": "cover:"}, {"pic": TEXT + NUMBERS}),
        Call(orders.create_from_cart, {"token": buyer, "book_ids": [book]},
             {"token": SECRETS, "book_ids": [[i] for i in IDS] + NUMBERS + TEXT}),
        Call(orders.create_from_cart_by_title, {"token": buyer,
                                                "goods": ["Dream of the Red Chamber"]},
             {"token": SECRETS, "goods": [[i] for i in IDS + TEXT] + NUMBERS + TEXT}),
        Call(orders.create, {"token": buyer, "book_id": book, "cnt": 1},
             {"token": SECRETS, "book_id": IDS, "cnt": NUMBERS}),
        *(Call(fn, {"token": buyer, "order_id": s.unpaid}, {"token": SECRETS, "order_id": IDS})
          for fn in (orders.submit, orders.pay, orders.cancel, orders.info)),
        Call(orders.to_pay, {"token": buyer, "order_ids": [s.unpaid]}, {
            "token": SECRETS, "order_ids": [[i] for i in IDS] + [None, 5, "12", b"x", [s.paid]]}),
        Call(orders.confirm_receipt, {"token": buyer, "order_id": s.shipped},
             {"token": SECRETS, "order_id": IDS}),
        Call(orders.review, {"token": buyer, "order_id": s.to_review, "mark": 4},
             {"token": SECRETS, "order_id": IDS, "mark": NUMBERS, "comment": TEXT}),
        Call(orders.operate, {"token": buyer, "order_id": s.unpaid, "opcode": 1},
             {"token": SECRETS, "order_id": IDS, "opcode": NUMBERS + TEXT}),
        Call(orders.expire_stale, {}, {}),
        Call(orders.list, {"token": buyer}, {
            "token": SECRETS, "status": NUMBERS + TEXT, "offset": PAGES, "limit": PAGES}),
        Call(orders.counts, {"token": buyer}, {"token": SECRETS}),
        Call(orders.first_page, {"token": buyer}, {
            "token": SECRETS, "status": NUMBERS + TEXT, "limit": PAGES}),
        Call(reports.sales_report,
             {"token": staff, "start": date(2026, 1, 1), "end": date(2026, 1, 31)},
             {"token": SECRETS, "start": DAYS, "end": DAYS, "top": NUMBERS}),
        Call(reports.sales_report, {"token": staff, "start": date.max, "end": date.max}, {}),
        Call(reports.sales_report, {"token": staff, "start": date.min, "end": date.min}, {}),
        Call(reports.write_csv, {"report": report, "path": "/dev/null"}, {"path": PATHS}),
        Call(reports.waiting_to_ship, {"token": staff}, {"token": SECRETS, "hours": NUMBERS}),
        Call(reports.check_period, {"start": date(2026, 1, 1), "end": date(2026, 1, 2)},
             {"start": DAYS, "end": DAYS}),
        Call(shipments.shipments, {"token": staff, "day": date(2026, 1, 1)},
             {"token": SECRETS, "day": DAYS}),
        Call(shipments.write_csv, {"rows": [], "path": "/dev/null"}, {"path": PATHS}),
        Call(settings.shipping_fee, {}, {}),
        Call(settings.unpaid_minutes, {}, {}),
        Call(settings.current_shipping_fee, {}, {}),
        Call(settings.current_unpaid_minutes, {}, {}),
        Call(settings.set_shipping_fee, {"token": admin, "amount": Decimal(5)},
             {"token": SECRETS, "amount": NUMBERS}),
        Call(settings.set_unpaid_minutes, {"token": admin, "minutes": 60},
             {"token": SECRETS, "minutes": NUMBERS}),
        Call(shop.list_orders, {"token": staff}, {
            "token": SECRETS, "status": NUMBERS + TEXT, "offset": PAGES, "limit": PAGES,
            "search": TEXT + ["#" + "9" * 40, "#²", "#" + str(2**63)], "sort": TEXT}),
        Call(shop.order_rows, {"token": staff}, {
            "token": SECRETS, "status": NUMBERS, "after": IDS, "limit": PAGES,
            "search": TEXT + ["#" + "9" * 40, "#²"], "sort": TEXT}),
        Call(shop.first_page, {"token": staff}, {
            "token": SECRETS, "status": NUMBERS, "limit": PAGES, "search": TEXT, "sort": TEXT}),
        Call(shop.count_orders, {"token": staff},
             {"token": SECRETS, "status": NUMBERS + TEXT, "search": TEXT}),
        Call(shop.status_counts, {"token": staff}, {"token": SECRETS}),
        *(Call(fn, {"token": staff, "order_id": s.paid}, {"token": SECRETS, "order_id": IDS})
          for fn in (shop.get_order, shop.order_with_history, shop.ship, shop.cancel,
                     shop.history)),
        Call(shop.operate, {"token": staff, "order_id": s.paid, "opcode": "sent"},
             {"token": SECRETS, "order_id": IDS, "opcode": NUMBERS + TEXT}),
        Call(shop.set_lines, {"token": staff, "order_id": s.unpaid, "lines": [line(book, 2)]},
             {"token": SECRETS, "order_id": IDS, "lines": lines,
              "expected_version": NUMBERS + [0, 2**63 - 1], "approval": approvals,
              "request_id": REQUEST_IDS}),
    ]


@dataclass
class Scene:
    buyer: str
    staff: str
    admin: str
    shop: int
    book: int
    unpaid: int
    paid: int
    shipped: int
    to_review: int
    address: int


@pytest.fixture
def scene(world):
    cart.add(world.alice.token, world.book_a1, 2)
    return Scene(
        address=addresses.save_address(world.alice.token, name="Alice", phone="13800000000",
                                       region="Shanghai", street="1 Bund Road"),
        buyer=world.alice.token, staff=world.staff_a.token,
        admin=make_person("boss", "admin").token, shop=world.shop_a, book=world.book_a1,
        unpaid=order_in(world, OrderStatus.PENDING_PAYMENT),
        paid=order_in(world, OrderStatus.PENDING_SHIPMENT),
        shipped=order_in(world, OrderStatus.PENDING_RECEIPT),
        to_review=order_in(world, OrderStatus.PENDING_REVIEW),
    )


def dump(database) -> dict[str, list[str]]:
    """Every row of every table, as text, in a stable order.

    The change log too: a call that leaves a bad value alone (removing a book
    that is not in the cart) changed nothing, so it must not wake the views.
    """
    return {
        table: sorted(repr(row) for row in database.execute_sql(
            f"SELECT * FROM {table}").fetchall())  # names from the schema itself
        for table in sorted(database.get_tables())
    }


def test_the_table_names_every_public_service_call(scene):
    listed = {call.name for call in calls(scene)}
    public = {
        f"{module.__name__.rsplit('.', 1)[-1]}.{name}"
        for module in SERVICES
        for name, value in vars(module).items()
        if inspect.isfunction(value) and value.__module__ == module.__name__
        and not name.startswith("_")
    }
    assert public - listed - HELPERS == set()


def test_nasty_values_give_typed_errors_and_change_nothing(scene, database):
    escaped, changed = [], []
    for call in calls(scene):
        before = dump(database)
        for argument, values in call.spoil.items():
            for value in values:
                try:
                    call.function(**{**call.valid, argument: value})
                except BookshopError:
                    pass
                except Exception as exc:  # what the test is looking for
                    escaped.append(f"{call.name}({argument}={value!r:.40}): {exc!r:.200}")
        if not call.spoil:
            try:
                call.function(**call.valid)
            except BookshopError:
                pass
            except Exception as exc:  # what the test is looking for
                escaped.append(f"{call.name}: {exc!r:.200}")
        if dump(database) != before:
            changed.append(call.name)
    assert escaped == []
    assert changed == []
