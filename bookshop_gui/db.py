"""Opening the shop database: one URL in, a bound and up-to-date schema out.

`connect(url)` turns a database URL into a peewee database (through
`playhouse.db_url`), binds the models to it, and brings its schema up to date
with the versioned migrations in `bookshop_gui/migrations`. A database that a
newer program has already upgraded is refused untouched.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from urllib.parse import urlparse

from bookshop_gui import deadline, server_url
from bookshop_gui._peewee import load_mysql_driver, load_postgres_driver, peewee
from bookshop_gui.db_errors import Fault, fault
from bookshop_gui.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseUnavailable,
    InvalidInput,
    SchemaTooNew,
)
from bookshop_gui.pipelined import PipelinedPostgresqlDatabase
from bookshop_gui.redact import mask_password

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HISTORY_TABLE = "schema_migrations"
_MIGRATION_LOCK = 4_271_828  # any fixed number shared by every workstation

# How long a call waits for another workstation's write lock on SQLite before
# it is told "busy, try again": writes are short, so a few seconds is plenty.
SQLITE_BUSY_MS = 5_000
SQLITE_PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("synchronous", "normal"),
)
# `PRAGMA quick_check` reads every page: at open only for files it reads in
# well under a second. Larger ones are checked by `admin backup`.
QUICK_CHECK_BYTES = 64 * 1024 * 1024

# Network limits, so a person hears within about 15 s that an action was not
# done: 5 s to connect, then `deadline.CALL_SECONDS` per call. Keepalives find
# a dead idle link in about 11 s, before the next call needs it.
CONNECT_SECONDS = 5

# Connection errors: the server is away, not the program wrong.
CONNECTION_ERRORS = (peewee.OperationalError, peewee.InterfaceError)


def connect(url: str):
    """Open the database at `url`, bind the models to it, and migrate its schema."""
    from bookshop_gui import models

    database = open_url(url)
    try:
        database.connect(reuse_if_open=True)
        check_file(database)
        migrate(database)
    except BaseException as exc:
        with contextlib.suppress(Exception):
            database.close()
        typed = opening_error(exc)
        if typed is exc:
            raise
        raise typed from exc
    models.database.initialize(database)
    return database


def opening_error(exc: BaseException) -> BaseException:
    """The typed error for a database that did not open, or `exc` itself if it is a bug."""
    kind = fault(exc)  # a driver's error read outside peewee (fetchone) is not wrapped
    if kind is Fault.OTHER and not isinstance(exc, peewee.PeeweeException):
        return exc
    detail = mask_password(" ".join(str(exc).split()))
    if kind in (Fault.DAMAGED, Fault.NOT_A_DATABASE):
        return DatabaseDamaged(f"The shop database file is damaged: {detail}",
                               not_a_database=kind is Fault.NOT_A_DATABASE)
    if kind is Fault.BUSY:
        return DatabaseBusy(f"The shop database is locked by another program: {detail}")
    if kind is Fault.LOST or isinstance(exc, CONNECTION_ERRORS):
        return DatabaseUnavailable(f"Cannot open the shop database: {detail}")
    return exc


def check_file(database) -> None:
    """On a small SQLite file, read every page once: a damaged one is found at open."""
    if not isinstance(database, peewee.SqliteDatabase) or database.database == ":memory:":
        return
    if Path(database.database).stat().st_size > QUICK_CHECK_BYTES:
        return
    verdict = database.execute_sql("PRAGMA quick_check").fetchone()[0]
    if verdict != "ok":
        raise DatabaseDamaged(f"The shop database file is damaged: {verdict}")


def open_url(url: str):
    """A peewee database for `url`, with the settings each backend needs, not yet connected."""
    from playhouse import db_url

    scheme = urlparse(url).scheme
    if scheme.startswith("sqlite"):
        path = db_url.parse(url)["database"]
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        pragmas = (("busy_timeout", SQLITE_BUSY_MS), *SQLITE_PRAGMAS)  # waits even for the first
        return db_url.connect(url, pragmas=pragmas, lock_type="IMMEDIATE")
    if scheme.startswith("postgres"):
        load_postgres_driver()
        # Plan every query for its own values: a LIKE pattern planned once,
        # generically, skips the catalog's trigram index and reads every book.
        first = server_url.first_host(url)
        options = dict(prefer_psycopg3=True, **_postgres_hosts(url), **_postgres_limits())
        if scheme not in ("postgres", "postgresql"):  # a pool or extension of peewee's
            return db_url.connect(first, unquote_password=True, unquote_user=True, **options)
        # BEGIN and the writes nobody reads travel with other statements (pipelined.py).
        params = db_url.parse(first, unquote_password=True, unquote_user=True)
        return PipelinedPostgresqlDatabase(**{**params, **options})
    if scheme.startswith("mysql"):
        if len(server_url.hosts(url)) > 1:
            raise InvalidInput("Several server hosts work with PostgreSQL only: "
                               "name one MySQL / MariaDB host.")
        load_mysql_driver()
        from pymysql.constants import CLIENT

        params = db_url.parse(url, unquote_password=True, unquote_user=True)
        if "passwd" in params:  # PyMySQL's old name for it, deprecated
            params["password"] = params.pop("passwd")
        return db_url.schemes[scheme](
            **params,
            charset="utf8mb4",
            connect_timeout=CONNECT_SECONDS,
            read_timeout=int(deadline.CALL_SECONDS),
            write_timeout=int(deadline.CALL_SECONDS),
            # Count the rows an UPDATE matched, as PostgreSQL and SQLite do, not
            # only those whose values it changed: saving a value that is already
            # there must not read as "no such row".
            client_flag=CLIENT.FOUND_ROWS,
            # Read what others committed, as PostgreSQL does, so a check
            # before a guarded update never sees a stale snapshot. A row lock
            # held past the call's statement limit ends it as busy: the limit
            # is set per call (deadline.limit_mysql), a second inside the read
            # timeout.
            init_command="SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED",
        )
    raise InvalidInput(
        f"Unsupported database URL {mask_password(url)!r}: "
        "use sqlite://, postgresql:// or mysql://"
    )


def _postgres_hosts(url: str) -> dict:
    """libpq's host and port lists for a URL naming several hosts (a primary and standbys).

    libpq tries them in order; with `target_session_attrs=read-write` in the
    URL it keeps the first that accepts writes, so a new connection made after
    a failover reaches the promoted standby.
    """
    hosts = server_url.hosts(url)
    if len(hosts) < 2:
        return {}
    return dict(host=",".join(host for host, _port in hosts),
                port=",".join(str(port or 5432) for _host, port in hosts))


def _postgres_limits() -> dict:
    """libpq's timeouts and keepalives, and the server's own limits on this session.

    The server stops a statement a second before the program stops waiting,
    so a slow statement is reported as busy rather than as a lost link.
    """
    call_ms = int(deadline.CALL_SECONDS * 1000)
    return dict(
        connect_timeout=CONNECT_SECONDS, keepalives=1, keepalives_idle=5,
        keepalives_interval=2, keepalives_count=3, tcp_user_timeout=call_ms,
        options="-c plan_cache_mode=force_custom_plan"
                f" -c statement_timeout={max(call_ms - 1000, 1000)}"
                " -c idle_in_transaction_session_timeout=60000",
    )


def runner(database):
    from playhouse.migrations import Runner

    return Runner(database, str(MIGRATIONS_DIR), table_name=HISTORY_TABLE)


def migrate(database) -> list[str]:
    """Apply pending migrations under a lock, after refusing a schema from a newer program.

    The schema is read first, without a lock: workstations opening an
    up-to-date database (every start but the first after an upgrade) never
    wait for each other's write lock.
    """
    with deadline.watch(database):
        if not _pending(runner(database)):
            return []
    with _migration_lock(database):
        migrations = runner(database)
        return migrations.up() if _pending(migrations) else []


def _pending(migrations) -> bool:
    """Whether migrations wait to be applied; SchemaTooNew if the database is newer."""
    status = migrations.status()
    unknown = [m.name for m in status if m.path is None]
    if unknown:
        raise SchemaTooNew(
            "This database was upgraded by a newer version of Bookshop "
            f"({', '.join(sorted(unknown))}). Install that version to open it."
        )
    return not all(m.applied for m in status)


@contextlib.contextmanager
def _migration_lock(database):
    """Let one workstation migrate at a time; the others wait, then find nothing to do."""
    if isinstance(database, peewee.PostgresqlDatabase):
        database.execute_sql("SELECT pg_advisory_lock(%s)", (_MIGRATION_LOCK,))
        try:
            yield
        finally:
            database.execute_sql("SELECT pg_advisory_unlock(%s)", (_MIGRATION_LOCK,))
    elif isinstance(database, peewee.MySQLDatabase):
        database.execute_sql("SELECT GET_LOCK('bookshop_migrate', 60)")
        try:
            yield
        finally:
            database.execute_sql("SELECT RELEASE_LOCK('bookshop_migrate')")
    else:
        with database.atomic():
            yield


def backend_name(database) -> str:
    """'sqlite', 'postgresql' or 'mysql': for the few places where SQL differs."""
    if isinstance(database, peewee.PostgresqlDatabase):
        return "postgresql"
    if isinstance(database, peewee.MySQLDatabase):
        return "mysql"
    return "sqlite"
