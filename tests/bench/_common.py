"""What every benchmark shares: throwaway databases, bulk data, timing and the raw-SQL floor.

Each benchmark makes databases of its own (a temporary SQLite file, or a
uniquely named database on the PostgreSQL or MariaDB server) and drops them
when it ends, so runs never disturb each other or the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The orders list's tabs by name: every order, then each status (the seed's numbers).
STATUS_TABS = {"all": None, "pending_payment": 0, "pending_shipment": 1, "pending_receipt": 2,
               "pending_review": 3, "completed": 4, "cancelled": -1}
SERVER_URLS = {
    "postgresql": os.environ.get(
        "BOOKSHOP_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
    ),
}


def parser(description: str, *, backends=("sqlite", "postgresql")) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--small", action="store_true", help="a smoke run that takes seconds")
    # Each figure stands beside the same work in raw SQL through sqlite3 or psycopg,
    # so the benchmarks measure those two backends only.
    parser.add_argument("--backend", action="append", choices=("sqlite", "postgresql"),
                        help=f"repeatable (default: {', '.join(backends)})")
    parser.add_argument("--repeat", type=int, default=None, help="timed runs per figure")
    return parser


def backends_of(args, default=("sqlite", "postgresql")) -> list[str]:
    return args.backend or list(default)


def emit(result: dict) -> None:
    """Print the one JSON object a benchmark answers with."""
    print(json.dumps(result, indent=2, ensure_ascii=False, default=str))


def machine() -> dict:
    return {"cores": os.cpu_count(), "python": sys.version.split()[0],
            "sqlite": sqlite3.sqlite_version}


# -- timing --------------------------------------------------------------------


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    """(milliseconds, result) of one call."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return (time.perf_counter() - start) * 1000, result


def median_ms(fn, repeat: int, *args, **kwargs) -> float:
    fn(*args, **kwargs)  # warm caches and prepared statements, as a window in use would be
    return ms(statistics.median(timed(fn, *args, **kwargs)[0] for _ in range(repeat)))


def percentile(values, share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def ms(value: float) -> float:
    return round(value, 2)


def ratio(value: float, floor: float) -> float | None:
    return round(value / floor, 2) if floor > 0 else None


# -- databases -----------------------------------------------------------------


def _server_sql(backend: str, statements: list[str]) -> None:
    from bookshop_gui import db

    database = db.open_url(SERVER_URLS[backend])
    database.connect()
    try:
        # Dropping many databases on a busy machine outlasts an action's limit.
        database.execute_sql("SET statement_timeout = 0")
        for statement in statements:
            database.execute_sql(statement)
    finally:
        database.close()


@contextlib.contextmanager
def scratch_url(backend: str):
    """The URL of a new, empty database on `backend`, removed afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="bookshop-bench-") as folder:
            yield f"sqlite:///{folder}/shop.db"
        return
    name = f"bookshop_bench_{os.getpid()}_{secrets.token_hex(3)}"
    _server_sql(backend, [f"CREATE DATABASE {name}"])
    parts = urlparse(SERVER_URLS[backend])
    try:
        yield urlunparse(parts._replace(path="/" + name))
    finally:
        _server_sql(backend, [f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])


@contextlib.contextmanager
def bulk_database(backend: str, *, books: int, orders: int, buyers: int, shops: int = 5,
                  busiest: int = 1000):
    """A connected database on `backend` filled by seed-bulk; yields (url, database, counts)."""
    from bookshop_gui import db
    from bookshop_gui.admin import bulk

    with scratch_url(backend) as url:
        database = db.connect(url)
        try:
            counts = bulk.seed(bulk.Sizes(books=books, orders=orders, buyers=buyers,
                                          shops=shops, busiest=busiest))
            analyse(database, backend)
            yield url, database, counts
        finally:
            database.close()


def analyse(database, backend: str) -> None:
    """PostgreSQL's autovacuum would have vacuumed and analysed a bulk load by now.

    SQLite and MariaDB get nothing: what they know is what the program tells them.
    """
    if backend == "postgresql":
        database.execute_sql("VACUUM ANALYZE")


# -- the raw-SQL floor -----------------------------------------------------------


class RawConnection:
    """The driver itself (sqlite3 or psycopg), with no service layer or ORM in between."""

    def __init__(self, url: str):
        parts = urlparse(url)
        self.backend = "sqlite" if parts.scheme.startswith("sqlite") else "postgresql"
        if self.backend == "sqlite":
            self.conn = sqlite3.connect(parts.path[1:] if parts.path.startswith("//")
                                        else parts.path, isolation_level=None)
            self.conn.execute("PRAGMA busy_timeout = 15000")
        else:
            import psycopg

            self.conn = psycopg.connect(url, autocommit=True)

    def sql(self, statement: str) -> str:
        return statement.replace("%s", "?") if self.backend == "sqlite" else statement

    def rows(self, statement: str, params=()) -> list[tuple]:
        return self.conn.execute(self.sql(statement), params).fetchall()

    def run(self, statement: str, params=()) -> int:
        return self.conn.execute(self.sql(statement), params).rowcount

    def many(self, statement: str, rows) -> None:
        cursor = self.conn.cursor()
        cursor.executemany(self.sql(statement), rows)
        cursor.close()

    @contextlib.contextmanager
    def transaction(self):
        self.conn.execute("BEGIN IMMEDIATE" if self.backend == "sqlite" else "BEGIN")
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


class _Collect(logging.Handler):
    def __init__(self, sink):
        super().__init__(logging.DEBUG)
        self.sink = sink

    def emit(self, record):
        sql, params = record.msg
        self.sink.append((sql, tuple(params or ())))


class QueryLog:
    """The statements peewee sends during a block, to replay them on a raw connection."""

    def __init__(self):
        self.logger = logging.getLogger("peewee")
        self.statements: list[tuple[str, tuple]] = []

    def __enter__(self):
        self.handler = _Collect(self.statements)
        self.level = self.logger.level
        self.logger.addHandler(self.handler)
        self.logger.setLevel(logging.DEBUG)
        return self

    def __exit__(self, *exc):
        self.logger.removeHandler(self.handler)
        self.logger.setLevel(self.level)

    def reads(self) -> list[tuple[str, tuple]]:
        return [(sql, params) for sql, params in self.statements
                if sql.lstrip().upper().startswith(("SELECT", "WITH"))]


def replay(raw: RawConnection, statements) -> None:
    """Run captured statements as they are, fetching every row."""
    for sql, params in statements:
        raw.conn.execute(sql, params).fetchall()
