"""Each shop's daily sales totals spread over a few rows (`slot`, picked by order id).

With one row per shop, day and status, every kiosk of a shop paying at once
waited for the row the one before it had locked until its commit. The rows
already there become slot 0; the reads add the slots up.
"""
from peewee import IntegerField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column('sales_days', 'slot', IntegerField(default=0)),
        # The new unique key first: MySQL keeps an index for the shop's foreign key.
        migrator.add_index('sales_days', ('shop_id', 'day', 'status', 'slot'), True),
        migrator.drop_index('sales_days', 'salesday_shop_id_day_status'),
    )


def down(migrator, db):
    # Every day's slots added up into one row again, before the one-row key returns.
    rows = db.execute_sql('SELECT shop_id, day, status, SUM(orders), SUM(total) '
                          'FROM sales_days GROUP BY shop_id, day, status').fetchall()
    db.execute_sql('DELETE FROM sales_days')
    if rows:
        marks = ', '.join([db.param] * 5)
        db.cursor().executemany(
            'INSERT INTO sales_days (shop_id, day, status, orders, total, slot) '
            f'VALUES ({marks}, 0)',
            rows)
    # Under the name 0009 gave it, which `up` drops.
    db.execute_sql('CREATE UNIQUE INDEX salesday_shop_id_day_status '
                   'ON sales_days (shop_id, day, status)')
    migrator.migrate(
        migrator.drop_index('sales_days', 'sales_days_shop_id_day_status_slot'),
        migrator.drop_column('sales_days', 'slot'),
    )
