"""peewee, imported without the server drivers it would otherwise load eagerly.

peewee imports psycopg and PyMySQL at import time when they are installed,
which triples its import cost (about 200 ms against 60 ms) for the many
workstations that only ever open a local SQLite file. The drivers are hidden
while peewee loads and handed to it when a URL first needs one.
"""

import importlib
import sys

_DRIVERS = ("psycopg", "psycopg2", "pymysql", "MySQLdb")


def _import_without_drivers():
    if "peewee" in sys.modules:
        return sys.modules["peewee"]
    hidden = [name for name in _DRIVERS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # makes "import name" raise ImportError
    try:
        return importlib.import_module("peewee")
    finally:
        for name in hidden:
            del sys.modules[name]


peewee = _import_without_drivers()


def load_postgres_driver():
    """Give peewee psycopg 3, as if it had been importable from the start."""
    if peewee.psycopg is not None:
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    peewee.psycopg, peewee.TransactionStatus = psycopg, TransactionStatus
    peewee.Json_pg3, peewee.Jsonb_pg3 = Json, Jsonb
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN


def load_mysql_driver():
    """Give peewee PyMySQL, as if it had been importable from the start."""
    if peewee.mysql is None:
        import pymysql

        peewee.mysql = pymysql
