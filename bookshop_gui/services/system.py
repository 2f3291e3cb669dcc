"""What the shop database is: its product and version, for the About box."""

from bookshop_gui._peewee import peewee
from bookshop_gui.models import database
from bookshop_gui.services.transactions import reads


@reads
def database_version() -> str:
    """E.g. "SQLite 3.40.1", "PostgreSQL 15.5" or "MariaDB 10.11.6"."""
    engine = database.obj
    if isinstance(engine, peewee.SqliteDatabase):
        return f"SQLite {_scalar('SELECT sqlite_version()')}"
    if isinstance(engine, peewee.PostgresqlDatabase):
        return f"PostgreSQL {_scalar('SHOW server_version').split()[0]}"
    text = _scalar("SELECT VERSION()")  # e.g. 10.11.6-MariaDB-0+deb12u1 or 8.0.36
    product = "MariaDB" if "mariadb" in text.lower() else "MySQL"
    return f"{product} {text.split('-')[0]}"


def _scalar(sql: str) -> str:
    return str(database.execute_sql(sql).fetchone()[0])
