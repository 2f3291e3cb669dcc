"""The lines of every sold order (paid, shipped, received or reviewed), copied with the
order's shop and moment, so a period's best sellers are added up from one index in book
order rather than by joining every line to its order.

From now on the transactions that pay and cancel orders keep them
(services.sold_lines). The index 0010 gave the lines for the report is dropped:
nothing reads it any more, and every line written kept it up to date. A frozen
copy of the models as they were when this migration was made.
"""
from peewee import *

SOLD = (1, 2, 3, 4)
BATCH = 10_000  # orders (about 30,000 lines) a statement: each well within a call's time limit


def up(migrator, db):
    class Order(Model):
        shop_id = IntegerField()
        status = IntegerField()
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'orders'

    class OrderLine(Model):
        order = ForeignKeyField(Order)
        book_id = IntegerField()
        cnt = IntegerField()
        money = BigIntegerField()  # whole cents, as the money columns hold it
        class Meta:
            database = db
            table_name = 'order_lines'

    class SoldLine(Model):
        line = ForeignKeyField(OrderLine, primary_key=True, on_delete='CASCADE')
        shop_id = IntegerField()
        book_id = IntegerField()
        placed_at = DateTimeField()
        cnt = IntegerField()
        money = BigIntegerField()
        class Meta:
            database = db
            table_name = 'sold_lines'
            indexes = (
                (('shop_id', 'book_id', 'placed_at', 'cnt', 'money'), False),
                (('shop_id', 'placed_at', 'book_id', 'cnt', 'money'), False),
            )

    db.create_tables([SoldLine])
    last = Order.select(fn.MAX(Order.id)).scalar() or 0
    for low in range(0, last + 1, BATCH):
        lines = (OrderLine.select(OrderLine.id, Order.shop_id, OrderLine.book_id,
                                  Order.created_at, OrderLine.cnt, OrderLine.money)
                 .join(Order).where(Order.status.in_(SOLD),
                                    Order.id.between(low, low + BATCH - 1)))
        SoldLine.insert_from(lines, [SoldLine.line, SoldLine.shop_id, SoldLine.book_id,
                                     SoldLine.placed_at, SoldLine.cnt, SoldLine.money]).execute()
    migrator.migrate(
        migrator.drop_index('order_lines', 'order_lines_order_id_book_id_cnt_money'))


def down(migrator, db):
    migrator.migrate(
        migrator.add_index('order_lines', ('order_id', 'book_id', 'cnt', 'money'), False))
    db.execute_sql('DROP TABLE sold_lines')
