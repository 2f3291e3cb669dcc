"""Shipping: buyers' address books, and on each order a copy of its address, the
courier and the tracking number.

Orders placed before this version keep every column they had and carry no
address (all the new columns are empty).
"""
from peewee import *


def up(migrator, db):
    class User(Model):
        class Meta:
            database = db
            table_name = 'users'

    class Address(Model):
        user = ForeignKeyField(User, on_delete='CASCADE')
        name = CharField(max_length=50)
        phone = CharField(max_length=20)
        region = CharField(max_length=100)
        street = CharField(max_length=200)
        postcode = CharField(max_length=10, default='')
        is_default = BooleanField(default=False)
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'addresses'
            indexes = ((('user', 'is_default'), False),)
    db.create_tables([Address])

    migrator.migrate(
        migrator.add_column('orders', 'ship_name', CharField(max_length=50, null=True)),
        migrator.add_column('orders', 'ship_phone', CharField(max_length=20, null=True)),
        migrator.add_column('orders', 'ship_region', CharField(max_length=100, null=True)),
        migrator.add_column('orders', 'ship_street', CharField(max_length=200, null=True)),
        migrator.add_column('orders', 'ship_postcode', CharField(max_length=10, null=True)),
        migrator.add_column('orders', 'courier', CharField(max_length=40, null=True)),
        migrator.add_column('orders', 'tracking', CharField(max_length=30, null=True)),
        migrator.add_column('orders', 'shipped_at', DateTimeField(null=True)),
    )


def down(migrator, db):
    migrator.migrate(*(
        migrator.drop_column('orders', name)
        for name in ('ship_name', 'ship_phone', 'ship_region', 'ship_street', 'ship_postcode',
                     'courier', 'tracking', 'shipped_at')
    ))
    db.execute_sql('DROP TABLE addresses')
