"""The database proxy every model is bound to, and their common base."""

from bookshop_gui._peewee import peewee

database = peewee.DatabaseProxy()


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False
