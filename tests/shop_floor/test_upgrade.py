"""A database made by the first released schema is upgraded in place, its data intact."""

from datetime import date
from decimal import Decimal

import pytest
from playhouse.migrations import Migration
from playhouse.schema_diff import diff_models

from bookshop_gui import db
from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import ALL_MODELS
from bookshop_gui.services import accounts, auth, catalog, orders, reports, settings, shop
from bookshop_gui.services.passwords import hash_password

FIRST_RELEASE = "0001_initial"
WHEN = "2025-03-01 10:00:00"

# What a shop had on the first release, written as that release's SQL would have:
# money in cents, ratios in ten-thousandths.
ROWS = (
    ("shops", ("id", "name", "created_at"), (1, "墨香书店", WHEN)),
    ("users", ("id", "username", "password_hash", "role", "shop_id", "vip_ratio", "balance",
               "created_at"), (1, "wang", "{hash}", "buyer", None, 9500, 12_345, WHEN)),
    ("users", ("id", "username", "password_hash", "role", "shop_id", "vip_ratio", "balance",
               "created_at"), (2, "clerk", "{hash}", "staff", 1, 10_000, 0, WHEN)),
    ("books", ("id", "shop_id", "title", "author", "isbn", "price", "stock", "pic",
               "created_at"), (1, 1, "红楼梦", "曹雪芹", "9787020002207", 5_990, 7, "", WHEN)),
    ("orders", ("id", "buyer_id", "shop_id", "status", "shipping", "total", "created_at",
                "paid_at", "version"), (1, 1, 1, 1, 2_200, 7_891, WHEN, WHEN, 2)),
    ("order_lines", ("id", "order_id", "book_id", "name", "pic", "unit_price", "cnt", "money"),
     (1, 1, 1, "红楼梦", "", 5_990, 1, 5_691)),
    ("balance_entries", ("id", "user_id", "at", "amount", "reason", "order_id", "by_username"),
     (1, 1, WHEN, 20_236, "opening", None, "")),
    ("balance_entries", ("id", "user_id", "at", "amount", "reason", "order_id", "by_username"),
     (2, 1, WHEN, -7_891, "payment", 1, "")),
    ("settings", ("key", "value"), ("shipping_fee", "22.00")),
)


def _first_release_database(url: str) -> None:
    database = db.open_url(url)
    database.connect()
    try:
        assert db.runner(database).up(target=FIRST_RELEASE) == [FIRST_RELEASE]
        password = hash_password("secret")
        for table, columns, values in ROWS:
            values = [password if v == "{hash}" else v for v in values]
            marks = ", ".join([database.param] * len(values))
            left, right = database.quote  # "key" is a reserved word in MySQL
            quoted = ", ".join(f"{left}{c}{right}" for c in columns)
            database.execute_sql(f"INSERT INTO {table} ({quoted}) VALUES ({marks})", values)
        if db.backend_name(database) == "postgresql":  # as the first release's inserts left them
            for table in ("shops", "users", "books", "orders", "order_lines", "balance_entries"):
                database.execute_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))")
    finally:
        database.close()


@pytest.mark.backends
def test_an_old_database_is_upgraded_with_its_data_intact(fresh_server_url):
    _first_release_database(fresh_server_url)
    later = [m.name for m in Migration.load_directory(str(db.MIGRATIONS_DIR))][1:]
    assert later, "there is a migration after the first release to upgrade through"

    database = db.connect(fresh_server_url)
    try:
        status = db.runner(database).status()
        assert [m.name for m in status] == [FIRST_RELEASE, *later]
        assert all(m.applied for m in status)
        assert not diff_models(database, list(ALL_MODELS))  # same schema as a new database

        buyer = auth.login("wang", "secret")
        assert accounts.me(buyer.token).balance == Decimal("123.45")
        assert buyer.vip_ratio == Decimal("0.95")
        [order] = orders.list(buyer.token)
        assert (order.status, order.total, order.items) == (
            OrderStatus.PENDING_SHIPMENT, Decimal("78.91"), (("红楼梦", 1),))
        detail = orders.info(buyer.token, 1)
        assert (detail.lines[0].money, detail.shipping) == (Decimal("56.91"), Decimal("22.00"))
        assert (detail.address, detail.courier, detail.tracking) == (None, None, None)
        assert catalog.get(1).title == "红楼梦" and catalog.get(1).price == Decimal("59.90")
        assert settings.shipping_fee() == Decimal("22.00")

        # the daily totals are filled from the orders already there
        clerk = auth.login("clerk", "secret")
        that_day = date(2025, 3, 1)
        [day] = reports.sales_report(clerk.token, that_day, that_day).days
        assert (day.orders, day.revenue) == (1, Decimal("78.91"))

        # and the upgraded database goes on working: a refund after the upgrade
        shop.cancel(clerk.token, 1)
        [day] = reports.sales_report(clerk.token, that_day, that_day).days
        assert (day.orders, day.revenue) == (0, Decimal("0.00"))
        assert accounts.me(buyer.token).balance == Decimal("202.36")
        assert catalog.get(1).stock == 8
        assert catalog.add_book(clerk.token, title="西游记", price=Decimal("45.00"), stock=3) == 2
        home = accounts.save_address(buyer.token, name="王芳", phone="13800138000",
                                     region="浙江省 杭州市 西湖区", street="文三路 90 号")
        placed = orders.create(buyer.token, 2, 1)
        assert orders.info(buyer.token, placed).address.street == "文三路 90 号"
        assert [a.id for a in accounts.addresses(buyer.token)] == [home]
    finally:
        database.close()
