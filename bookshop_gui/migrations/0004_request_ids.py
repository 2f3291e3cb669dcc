"""Request ids: a repeated call that moves money or stock changes nothing the second time.

Each row is written in the same transaction as the change it answers for;
the unique key on (user, request_id) lets the database itself refuse a
second one. Rows older than a week are pruned by the periodic expiry.
"""
from peewee import *


def up(migrator, db):
    class User(Model):
        class Meta:
            database = db
            table_name = 'users'

    class RequestRecord(Model):
        user = ForeignKeyField(User, on_delete='CASCADE')
        request_id = CharField(max_length=64)
        operation = CharField(max_length=40)
        fingerprint = CharField(max_length=64)
        result = TextField()
        created_at = DateTimeField(index=True)
        class Meta:
            database = db
            table_name = 'requests'
            indexes = ((('user', 'request_id'), True),)
    db.create_tables([RequestRecord])


def down(migrator, db):
    db.execute_sql('DROP TABLE requests')
