"""Order lines indexed by order with their book, count and money.

A year's best sellers add up some 300,000 lines at 100,000 orders; with every
column it needs in the index, the database reads no line rows at all.
"""
from peewee import *


def up(migrator, db):
    migrator.migrate(
        migrator.add_index('order_lines', ('order_id', 'book_id', 'cnt', 'money'), False))


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index('order_lines', 'order_lines_order_id_book_id_cnt_money'))
