"""The first schema: shops, people, books, carts, orders, reviews, audit and settings.

A frozen copy of the models as they were when this schema was made; money and
ratios are whole numbers of cents and ten-thousandths (see models/fields.py).
"""
from peewee import *


def up(migrator, db):
    class Shop(Model):
        name = CharField(unique=True, max_length=100)
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'shops'
    db.create_tables([Shop])

    class User(Model):
        username = CharField(unique=True, max_length=64)
        password_hash = CharField()
        role = CharField(max_length=10)
        shop = ForeignKeyField(Shop, null=True)
        vip_ratio = BigIntegerField()
        balance = BigIntegerField()
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'users'
    db.create_tables([User])

    class Order(Model):
        buyer = ForeignKeyField(User)
        shop = ForeignKeyField(Shop)
        status = IntegerField(default=0)
        shipping = BigIntegerField()
        total = BigIntegerField()
        created_at = DateTimeField()
        paid_at = DateTimeField(null=True)
        version = IntegerField(default=1)
        class Meta:
            database = db
            table_name = 'orders'
            indexes = ((('buyer', 'created_at'), False), (('buyer', 'status', 'created_at'), False), (('shop', 'created_at'), False), (('shop', 'status', 'created_at'), False), (('status', 'created_at'), False))
    db.create_tables([Order])

    class AuditLog(Model):
        order = ForeignKeyField(Order, on_delete='CASCADE')
        username = CharField(max_length=64)
        at = DateTimeField()
        action = CharField(max_length=20)
        detail = TextField(default='{}')
        class Meta:
            database = db
            table_name = 'audit_log'
    db.create_tables([AuditLog])

    class AuthSession(Model):
        token_hash = CharField(unique=True, max_length=64)
        user = ForeignKeyField(User, on_delete='CASCADE')
        created_at = DateTimeField()
        expires_at = DateTimeField(index=True)
        class Meta:
            database = db
            table_name = 'auth_sessions'
    db.create_tables([AuthSession])

    class BalanceEntry(Model):
        user = ForeignKeyField(User)
        at = DateTimeField()
        amount = BigIntegerField()
        reason = CharField(max_length=16)
        order_id = IntegerField(null=True)
        by_username = CharField(max_length=64, default='')
        class Meta:
            database = db
            table_name = 'balance_entries'
    db.create_tables([BalanceEntry])

    class Book(Model):
        shop = ForeignKeyField(Shop)
        title = CharField(max_length=300)
        author = CharField(max_length=200, default='')
        isbn = CharField(index=True, max_length=20, default='')
        price = BigIntegerField()
        stock = IntegerField(default=0)
        pic = CharField(max_length=500, default='')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'books'
    db.create_tables([Book])

    class CartLine(Model):
        user = ForeignKeyField(User, on_delete='CASCADE')
        book = ForeignKeyField(Book, on_delete='CASCADE')
        cnt = IntegerField()
        added_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'cart_lines'
            indexes = ((('user', 'book'), True),)
    db.create_tables([CartLine])

    class OrderLine(Model):
        order = ForeignKeyField(Order, on_delete='CASCADE')
        book = ForeignKeyField(Book)
        name = CharField(max_length=300)
        pic = CharField(max_length=500, default='')
        unit_price = BigIntegerField()
        cnt = IntegerField()
        money = BigIntegerField()
        class Meta:
            database = db
            table_name = 'order_lines'
    db.create_tables([OrderLine])

    class Review(Model):
        order = ForeignKeyField(Order, unique=True, on_delete='CASCADE')
        mark = IntegerField()
        comment = TextField(default='')
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'reviews'
    db.create_tables([Review])

    class Setting(Model):
        key = CharField(primary_key=True, max_length=64)
        value = CharField()
        class Meta:
            database = db
            table_name = 'settings'
    db.create_tables([Setting])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('settings'))
    migrator.migrate(migrator.drop_table('reviews'))
    migrator.migrate(migrator.drop_table('order_lines'))
    migrator.migrate(migrator.drop_table('cart_lines'))
    migrator.migrate(migrator.drop_table('books'))
    migrator.migrate(migrator.drop_table('balance_entries'))
    migrator.migrate(migrator.drop_table('auth_sessions'))
    migrator.migrate(migrator.drop_table('audit_log'))
    migrator.migrate(migrator.drop_table('orders'))
    migrator.migrate(migrator.drop_table('users'))
    migrator.migrate(migrator.drop_table('shops'))
