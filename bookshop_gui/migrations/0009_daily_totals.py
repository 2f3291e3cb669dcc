"""Each shop's orders added up per local day (`sales_days`) and its parcels shipped per
local day (`shipment_days`), filled here from the orders already there.

From now on the transactions that place, pay, ship, cancel and edit orders keep
them (services.day_totals). A day is the calendar day in the time zone of the
computer that runs this migration, as it will be for the program on it.
A frozen copy of the models as they were when this migration was made.
"""
from collections import defaultdict
from datetime import UTC

from peewee import *

BATCH = 500


def up(migrator, db):
    class Shop(Model):
        class Meta:
            database = db
            table_name = 'shops'

    class Order(Model):
        shop = ForeignKeyField(Shop)
        status = IntegerField()
        total = BigIntegerField()  # whole cents, as the money columns hold it
        created_at = DateTimeField()
        shipped_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'orders'

    class SalesDay(Model):
        shop = ForeignKeyField(Shop, on_delete='CASCADE')
        day = DateField()
        status = IntegerField()
        orders = IntegerField(default=0)
        total = BigIntegerField(default=0)
        class Meta:
            database = db
            table_name = 'sales_days'
            indexes = ((('shop', 'day', 'status'), True),)

    class ShipmentDay(Model):
        shop = ForeignKeyField(Shop, on_delete='CASCADE')
        day = DateField()
        parcels = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'shipment_days'
            indexes = ((('shop', 'day'), True),)

    db.create_tables([SalesDay, ShipmentDay])
    sales, parcels = defaultdict(lambda: [0, 0]), defaultdict(int)
    rows = Order.select(Order.shop, Order.status, Order.total, Order.created_at,
                        Order.shipped_at).tuples().iterator()
    for shop_id, status, total, created_at, shipped_at in rows:
        figures = sales[shop_id, _local_day(created_at), status]
        figures[0] += 1
        figures[1] += total
        if shipped_at is not None:
            parcels[shop_id, _local_day(shipped_at)] += 1
    _insert(SalesDay, [(shop, day, status, n, total)
                       for (shop, day, status), (n, total) in sales.items()],
            [SalesDay.shop, SalesDay.day, SalesDay.status, SalesDay.orders, SalesDay.total])
    _insert(ShipmentDay, [(shop, day, n) for (shop, day), n in parcels.items()],
            [ShipmentDay.shop, ShipmentDay.day, ShipmentDay.parcels])


def down(migrator, db):
    db.execute_sql('DROP TABLE shipment_days')
    db.execute_sql('DROP TABLE sales_days')


def _local_day(moment):
    return moment.replace(tzinfo=UTC).astimezone().date()


def _insert(model, rows, fields):
    for start in range(0, len(rows), BATCH):
        model.insert_many(rows[start:start + BATCH], fields=fields).execute()
