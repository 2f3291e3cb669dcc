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

from bookshop_gui._peewee import load_mysql_driver, load_postgres_driver, peewee
from bookshop_gui.errors import DatabaseUnavailable, SchemaTooNew

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HISTORY_TABLE = "schema_migrations"
_MIGRATION_LOCK = 4_271_828  # any fixed number shared by every workstation

SQLITE_PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("busy_timeout", 15_000),
    ("synchronous", "normal"),
)

# Connection errors: the server is away, not the program wrong.
CONNECTION_ERRORS = (peewee.OperationalError, peewee.InterfaceError)


def connect(url: str):
    """Open the database at `url`, bind the models to it, and migrate its schema."""
    from bookshop_gui import models

    database = open_url(url)
    try:
        database.connect(reuse_if_open=True)
        migrate(database)
    except CONNECTION_ERRORS as exc:
        database.close()
        raise DatabaseUnavailable(f"Cannot open the shop database: {exc}") from exc
    except BaseException:
        database.close()
        raise
    models.database.initialize(database)
    return database


def open_url(url: str):
    """A peewee database for `url`, with the settings each backend needs, not yet connected."""
    from playhouse import db_url

    scheme = urlparse(url).scheme
    if scheme.startswith("sqlite"):
        path = db_url.parse(url)["database"]
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        return db_url.connect(url, pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE")
    if scheme.startswith("postgres"):
        load_postgres_driver()
        # Plan every query for its own values: a LIKE pattern planned once,
        # generically, skips the catalog's trigram index and reads every book.
        return db_url.connect(url, unquote_password=True, unquote_user=True,
                              prefer_psycopg3=True, connect_timeout=5,
                              options="-c plan_cache_mode=force_custom_plan")
    if scheme.startswith("mysql"):
        load_mysql_driver()
        params = db_url.parse(url, unquote_password=True, unquote_user=True)
        if "passwd" in params:  # PyMySQL's old name for it, deprecated
            params["password"] = params.pop("passwd")
        return db_url.schemes[scheme](
            **params,
            charset="utf8mb4",
            connect_timeout=5,
            # Read what others committed, as PostgreSQL does, so a check
            # before a guarded update never sees a stale snapshot.
            init_command="SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED",
        )
    raise ValueError(f"Unsupported database URL {url!r}: use sqlite://, postgresql:// or mysql://")


def runner(database):
    from playhouse.migrations import Runner

    return Runner(database, str(MIGRATIONS_DIR), table_name=HISTORY_TABLE)


def migrate(database) -> list[str]:
    """Apply pending migrations under a lock, after refusing a schema from a newer program."""
    with _migration_lock(database):
        migrations = runner(database)
        status = migrations.status()
        unknown = [m.name for m in status if m.path is None]
        if unknown:
            raise SchemaTooNew(
                "This database was upgraded by a newer version of Bookshop "
                f"({', '.join(sorted(unknown))}). Install that version to open it."
            )
        if all(m.applied for m in status):
            return []
        return migrations.up()


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
