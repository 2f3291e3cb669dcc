"""Opening and closing the shop database on behalf of the windows.

The windows never touch peewee; they ask for a URL to be opened here, on
their worker thread, and for the thread's connection to be closed on exit.
"""

from urllib.parse import urlparse

from bookshop_gui import db
from bookshop_gui.models import database


def open_database(url: str, *, seed_demo_if_empty: bool = False) -> None:
    """Open (and migrate) the database; fill a brand-new embedded one with the demo shop."""
    db.connect(url)
    if seed_demo_if_empty:
        from bookshop_gui.admin import demo_data
        from bookshop_gui.services import accounts

        if not accounts.list_shops():
            demo_data.seed()


def close() -> None:
    """Close this thread's connection, if it has one."""
    if database.obj is not None and not database.is_closed():
        database.close()


def is_demo() -> bool:
    from bookshop_gui.admin import demo_data

    return demo_data.is_demo_database()


def describe(url: str) -> str:
    """Where a URL points, without its password: for status bars and dialogs."""
    parts = urlparse(url)
    if parts.scheme.startswith("sqlite"):
        return parts.path
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme.split('+')[0]}://{parts.username or ''}@{host}{port}{parts.path}"
