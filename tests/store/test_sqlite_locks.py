"""SQLite shared by many processes: nobody holds the write lock for long.

A big catalog import is saved in batches, so a kiosk paying meanwhile waits
for one batch at most; opening an up-to-date database only reads, so
workstations starting together never queue for the write lock; and a lock
held too long by another program is a typed "busy, try again", never a crash.
"""

import os
import sqlite3
import threading
import time
from decimal import Decimal

import pytest

from bookshop_gui import db
from bookshop_gui.errors import DatabaseBusy
from bookshop_gui.models import database as bound
from bookshop_gui.services import catalog_io, orders

from .builders import make_book, make_buyer, make_shop, make_staff, write_catalog

# The README's figure is for 200,000 rows (tests/bench/bench_import.py); CI uses fewer.
IMPORT_ROWS = int(os.environ.get("BOOKSHOP_TEST_IMPORT_ROWS", "3000"))


@pytest.fixture
def backend():
    return "sqlite"


def test_a_kiosk_pays_within_seconds_while_a_big_import_runs(database, tmp_path):
    shop = make_shop("Lakeside Books")
    staff = make_staff("clerk", shop)
    buyer = make_buyer("wang", balance="1000.00")
    book = make_book(shop, price="10.00", stock=50)
    token = buyer.token
    unpaid = [orders.create(token, book, 1) for _ in range(5)]
    path = tmp_path / "supplier.csv"
    write_catalog(path, IMPORT_ROWS)

    under_way, finished, outcome = threading.Event(), threading.Event(), {}

    def import_all():
        try:
            outcome["report"] = catalog_io.import_csv(
                staff.token, path, progress=lambda done, total: under_way.set())
        finally:
            bound.close()
            finished.set()

    importer = threading.Thread(target=import_all)
    importer.start()
    assert under_way.wait(30)
    waits, overlapped = [], False
    for order_id in unpaid:
        started = time.monotonic()
        overlapped = overlapped or not finished.is_set()
        orders.pay(token, order_id)
        waits.append(time.monotonic() - started)
    importer.join(120)
    assert overlapped, "the import ended before the kiosk paid: make the file bigger"
    assert max(waits) < 3.0  # one batch at most, not the whole import
    assert outcome["report"].added == IMPORT_ROWS
    assert all(orders.info(token, o).status == 1 for o in unpaid)


def test_opening_an_up_to_date_database_needs_no_write_lock(sqlite_url, monkeypatch):
    db.connect(sqlite_url).close()
    monkeypatch.setattr(db, "SQLITE_BUSY_MS", 100)
    writer = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another workstation in the middle of a write
    try:
        opened = [db.connect(sqlite_url) for _ in range(16)]  # sixteen starting at once
    finally:
        writer.rollback()
        writer.close()
    for database in opened:
        database.close()


def test_a_lock_held_too_long_is_busy_try_again(database, sqlite_url, monkeypatch):
    shop = make_shop("Lakeside Books")
    buyer = make_buyer("wang", balance="100.00")
    book = make_book(shop, price="10.00", stock=5)
    token = buyer.token
    order_id = orders.create(token, book, 1)
    bound.execute_sql(f"PRAGMA busy_timeout = {100}")
    writer = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy, match="try again"):
            orders.pay(token, order_id)
    finally:
        writer.rollback()
        writer.close()
    orders.pay(token, order_id)  # the lock is gone: trying again works
    assert orders.info(token, order_id).status == 1
    assert orders.info(token, order_id).total == Decimal("32.00")
