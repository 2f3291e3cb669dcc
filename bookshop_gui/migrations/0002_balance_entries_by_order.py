"""Find an order's payment and refund entries without reading every balance movement.

Refunds, the order's history and the accounting of a shop's day look balance
entries up by order; with thousands of buyers that was a full scan each time.
"""


def up(migrator, db):
    migrator.migrate(migrator.add_index('balance_entries', ('order_id',), False))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('balance_entries', 'balance_entries_order_id'))
