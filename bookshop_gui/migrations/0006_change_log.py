"""The change log that lets every window see what other workstations changed.

A frozen copy of the model as it was when this migration was made.
"""
from peewee import *


def up(migrator, db):
    class ChangeLog(Model):
        at = DateTimeField(index=True)
        kinds = CharField(max_length=100)
        order_ids = CharField(max_length=255, default='')
        origin = CharField(max_length=32, default='')
        class Meta:
            database = db
            table_name = 'change_log'
    db.create_tables([ChangeLog])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('change_log'))
