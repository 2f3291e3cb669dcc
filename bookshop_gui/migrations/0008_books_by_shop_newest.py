"""A shop's books newest first, read in order: the workstation's catalog page.

With only `books (shop_id)` the database read every book of the shop and
sorted them to show the first page; at 100,000 books that was most of a
keystroke's time.
"""
from peewee import *


def up(migrator, db):
    migrator.migrate(migrator.add_index('books', ('shop_id', 'created_at', 'id'), False))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('books', 'books_shop_id_created_at_id'))
