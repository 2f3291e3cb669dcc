"""Fixtures every suite shares: a fresh shop database per test, on each backend.

SQLite is always there. PostgreSQL and MariaDB are reached through server URLs
(`BOOKSHOP_TEST_POSTGRES_URL`, `BOOKSHOP_TEST_MYSQL_URL`, defaulting to the
local servers); each test run makes a database of its own on them, so several
runs can share a server. Outside CI a missing server skips its tests; under
`CI=true` it fails them, so a suite can never pass by not running.
"""

from __future__ import annotations

import os
import secrets
from urllib.parse import urlparse, urlunparse

import pytest

from bookshop_gui import db

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SERVER_URLS = {
    "postgresql": os.environ.get(
        "BOOKSHOP_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
    ),
    "mysql": os.environ.get("BOOKSHOP_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306/test"),
}
NO_STATEMENT_LIMIT = {
    "postgresql": "SET statement_timeout = 0",
    "mysql": "SET SESSION max_statement_time = 0",
}
BACKENDS = ("sqlite", "postgresql", "mysql")
TABLES = (
    "sold_lines", "sales_days", "shipment_days", "audit_log", "reviews", "order_lines", "orders",
    "cart_lines", "books",
    "balance_entries", "requests", "addresses", "auth_sessions", "users", "shops", "settings",
    "change_log", "cover_images",
)


def _with_database(url: str, name: str) -> str:
    parts = urlparse(url)
    return urlunparse(parts._replace(path="/" + name))


def _admin_sql(backend: str, statements: list[str]) -> None:
    """Run statements on the server's maintenance database, outside any transaction."""
    database = db.open_url(SERVER_URLS[backend])
    database.connect()
    try:
        # Dropping many databases on a busy machine outlasts an action's limit.
        database.execute_sql(NO_STATEMENT_LIMIT[backend])
        for statement in statements:
            database.execute_sql(statement)
    finally:
        database.close()


def _unreachable(backend: str, exc: Exception):
    message = f"{backend} server at {SERVER_URLS[backend]} is unreachable: {exc}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


class ServerDatabases:
    """Databases this test run made on one server; dropped when the run ends."""

    def __init__(self, backend: str):
        self.backend = backend
        self.made: list[str] = []

    def new_url(self) -> str:
        name = f"bookshop_t{os.getpid()}_{secrets.token_hex(4)}"
        try:
            _admin_sql(self.backend, [f"CREATE DATABASE {name}"])
        except Exception as exc:  # any failure to reach the server
            _unreachable(self.backend, exc)
        self.made.append(name)
        return _with_database(SERVER_URLS[self.backend], name)

    def drop_all(self) -> None:
        if not self.made:
            return
        force = " WITH (FORCE)" if self.backend == "postgresql" else ""
        _admin_sql(self.backend, [f"DROP DATABASE IF EXISTS {n}{force}" for n in self.made])


@pytest.fixture(scope="session")
def server_databases():
    servers = {backend: ServerDatabases(backend) for backend in SERVER_URLS}
    yield servers
    for server in servers.values():
        server.drop_all()


@pytest.fixture(scope="session")
def shared_server_urls(server_databases):
    """One migrated database per server for the whole run, emptied before each test."""
    return {}


def _empty(database, backend: str) -> None:
    if backend == "postgresql":
        database.execute_sql(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
    else:
        database.execute_sql("SET FOREIGN_KEY_CHECKS = 0")
        for table in TABLES:
            database.execute_sql(f"DELETE FROM {table}")
        database.execute_sql("SET FOREIGN_KEY_CHECKS = 1")


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def db_url(backend, tmp_path, server_databases, shared_server_urls) -> str:
    """The URL of an empty, migrated shop database on `backend`."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'shop.db'}"
    if backend not in shared_server_urls:
        shared_server_urls[backend] = server_databases[backend].new_url()
    url = shared_server_urls[backend]
    database = db.connect(url)
    _empty(database, backend)
    database.close()
    return url


@pytest.fixture
def fresh_server_url(backend, tmp_path, server_databases) -> str:
    """A brand-new database with no schema at all (for migration tests)."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'fresh.db'}"
    return server_databases[backend].new_url()


@pytest.fixture
def database(db_url):
    """The shop database for this test, bound to the models, closed afterwards."""
    database = db.connect(db_url)
    yield database
    if not database.is_closed():
        database.close()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'shop.db'}"


@pytest.fixture
def sqlite_database(sqlite_url):
    """A fresh embedded database, for the window tests."""
    database = db.connect(sqlite_url)
    yield database
    database.close()


@pytest.fixture
def fault_proxy():
    """Make `FaultProxy`s in front of a server: `fault_proxy(url)` -> (proxy, url through it)."""
    from fault_proxy import FaultProxy

    made = []

    def make(url: str):
        proxy = FaultProxy.for_url(url)
        made.append(proxy)
        return proxy, proxy.url(url)

    yield make
    for proxy in made:
        proxy.close()


@pytest.fixture
def short_timeouts(monkeypatch):
    """Network limits of a couple of seconds, so a test of a silent link stays quick."""
    from bookshop_gui import deadline

    monkeypatch.setattr(deadline, "CALL_SECONDS", 2.0)
    monkeypatch.setattr(db, "CONNECT_SECONDS", 2)
    return deadline.CALL_SECONDS + db.CONNECT_SECONDS


def one_book_shop(price: str = "14.50", stock: int = 5):
    """Lakeside Books with its clerk (`clerk-pass`), one book, and the buyer wang with
    100.00 to spend, on the database bound now: (wang's session, the book's id)."""
    from decimal import Decimal

    from bookshop_gui.services import accounts, auth, catalog

    shop_id = accounts.create_shop("Lakeside Books")
    accounts.create_user("clerk", "clerk-pass", "staff", shop_id=shop_id)
    accounts.create_user("wang", "wang-pass", "buyer", balance=Decimal("100.00"))
    clerk = auth.login("clerk", "clerk-pass")
    book = catalog.add_book(clerk.token, title="Moby-Dick", price=Decimal(price), stock=stock)
    return auth.login("wang", "wang-pass"), book


@pytest.fixture
def shop(database):
    """`one_book_shop` on this test's database: Moby-Dick at 14.50, five copies."""
    return one_book_shop()


@pytest.fixture
def unpaid_order(db_url):
    """A buyer's session and an order of theirs to pay, made on a direct connection."""
    from bookshop_gui.services import orders

    database = db.connect(db_url)
    buyer, book = one_book_shop()
    order_id = orders.create(buyer.token, book, 2)
    database.close()
    return buyer, order_id


def _server_programs():
    """The PostgreSQL server programs' folder; a test needing them fails in CI without them."""
    from shop_floor.standby_pair import server_bin

    bin_dir = server_bin()
    if bin_dir is None:
        message = "the PostgreSQL server programs (initdb, pg_ctl) are not installed"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return bin_dir


@pytest.fixture
def pair():
    """A PostgreSQL primary and its hot standby of their own (shop_floor/standby_pair.py)."""
    from shop_floor.standby_pair import StandbyPair

    servers = StandbyPair(_server_programs())
    try:
        servers.start()
        yield servers
    finally:
        servers.close()


@pytest.fixture
def password_server():
    """A PostgreSQL server of its own that asks for passwords, as a shop's does."""
    from shop_floor.standby_pair import PasswordServer

    server = PasswordServer(_server_programs())
    try:
        server.start()
        yield server
    finally:
        server.close()


@pytest.fixture
def chain(pair):
    """The shop opened through both hosts: a buyer and a book to order."""
    database = db.connect(pair.url)
    yield one_book_shop(price="10.00", stock=20)
    database.close()
