"""`python main.py admin backup PATH`: a consistent copy of the local database, taken live.

SQLite's online backup API copies the database page by page inside one read
transaction, so the copy is the database as it was at one instant even while
kiosks and workstations keep writing to it (in WAL mode they are not even
held up). The copy is written next to its destination and renamed into place
only once it is complete and passes an integrity check, so an interrupted
backup never leaves a half-written file under the final name.

A shared PostgreSQL or MySQL server is backed up with the server's own tools;
`server_advice` says how.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from bookshop_gui.errors import BookshopError


class BackupError(BookshopError):
    """The backup could not be made; the message says why and what to do instead."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int


def backup(url: str, target: str | os.PathLike) -> BackupResult:
    """Copy the SQLite database at `url` to `target` (a file path), consistently."""
    source = sqlite_path(url)
    target = Path(target).expanduser().resolve()
    if target.is_dir():
        target = target / source.name
    if target == source.resolve():
        raise BackupError("The backup cannot overwrite the database it copies.")
    if not source.is_file():
        raise BackupError(f"There is no database at {source}.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        _copy(source, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(target, target.stat().st_size)


def sqlite_path(url: str) -> Path:
    """The file a sqlite:/// URL names; a server URL is refused with the advice."""
    parts = urlparse(url)
    if not parts.scheme.startswith("sqlite"):
        raise BackupError(server_advice(url))
    from playhouse import db_url

    path = db_url.parse(url)["database"]
    if not path or path == ":memory:":
        raise BackupError("An in-memory database cannot be backed up.")
    return Path(path)


def server_advice(url: str) -> str:
    parts = urlparse(url)
    host = parts.hostname or "localhost"
    name = parts.path.lstrip("/") or "shop"
    user = parts.username or ("postgres" if parts.scheme.startswith("postgres") else "root")
    if parts.scheme.startswith("postgres"):
        port = parts.port or 5432
        command = f"pg_dump -h {host} -p {port} -U {user} -Fc -f {name}.dump {name}"
    elif parts.scheme.startswith("mysql"):
        port = parts.port or 3306
        command = (f"mysqldump -h {host} -P {port} -u {user} -p --single-transaction "
                   f"--routines {name} > {name}.sql")
    else:
        return f"Cannot back up {parts.scheme}:// databases."
    return ("This database is on a shared server; back it up there with the server's own "
            f"tool, for example:\n  {command}\n(see Backups in the README)")


def _copy(source: Path, destination: Path) -> None:
    with contextlib.closing(sqlite3.connect(source, timeout=15)) as src, \
            contextlib.closing(sqlite3.connect(destination)) as dst:
        src.backup(dst)  # all pages in one step: one consistent snapshot
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        problems = dst.execute("PRAGMA integrity_check").fetchall()
        if problems != [("ok",)]:
            raise BackupError(f"The copy failed its integrity check: {problems[:3]}")
