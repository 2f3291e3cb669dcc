"""`python main.py admin backup PATH`: a consistent copy of the local database, taken live.

SQLite's online backup API copies the database page by page inside one read
transaction, so the copy is the database as it was at one instant even while
kiosks and workstations keep writing to it (in WAL mode they are not even
held up). The copy is written next to its destination and renamed into place
only once it is complete and passes an integrity check, so an interrupted
backup never leaves a half-written file under the final name.

The destination is a regular file or a folder, never a device or a pipe, and
an existing file is replaced only when asked to (`force`): last week's backup
is worth as much as this one.

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

from bookshop_gui import server_url
from bookshop_gui.errors import BookshopError


class BackupError(BookshopError):
    """The backup could not be made; the message says why and what to do instead."""

    exit_code = 1


class TargetRefused(BackupError):
    """The destination cannot or may not be written; nothing was."""

    exit_code = 2


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int


def backup(url: str, target: str | os.PathLike, *, force: bool = False) -> BackupResult:
    """Copy the SQLite database at `url` to `target` (a file or a folder), consistently."""
    source = sqlite_path(url)
    target = _destination(source, Path(target).expanduser().resolve(), force)
    if not source.is_file():
        raise BackupError(f"There is no database at {source}.")
    partial = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        partial.open("xb").close()  # fails here, before any copying, if the place is not writable
        _copy(source, partial)
        os.replace(partial, target)
    except OSError as exc:
        raise TargetRefused(f"Cannot write the backup to {target}: {exc.strerror or exc}.") from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return BackupResult(target, target.stat().st_size)


def _destination(source: Path, target: Path, force: bool) -> Path:
    """The file the copy will have: `target`, or the database's name inside folder `target`."""
    if target.is_dir():
        target = target / source.name
    if target == source.resolve():
        raise BackupError("The backup cannot overwrite the database it copies.")
    if target.exists() and not target.is_file():
        raise TargetRefused(f"{target} is not a file or a folder; a backup goes into either.")
    if target.exists() and not force:
        raise TargetRefused(f"{target} already exists; add --force to replace it.")
    return target


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
    hosts = server_url.hosts(url)
    host = ",".join(one for one, _port in hosts)  # pg_dump takes libpq's lists too
    name = parts.path.lstrip("/") or "shop"
    user = parts.username or ("postgres" if parts.scheme.startswith("postgres") else "root")
    if parts.scheme.startswith("postgres"):
        port = ",".join(str(one or 5432) for _host, one in hosts)
        command = f"pg_dump -h {host} -p {port} -U {user} -Fc -f {name}.dump {name}"
    elif parts.scheme.startswith("mysql"):
        port = hosts[0][1] or 3306
        command = (f"mysqldump -h {host} -P {port} -u {user} -p --single-transaction "
                   f"--routines {name} > {name}.sql")
    else:
        return f"Cannot back up {parts.scheme}:// databases."
    return ("This database is on a shared server; back it up there with the server's own "
            f"tool, for example:\n  {command}\n(see Backups in the README)")


def _copy(source: Path, destination: Path) -> None:
    try:
        with contextlib.closing(sqlite3.connect(source, timeout=15)) as src, \
                contextlib.closing(sqlite3.connect(destination)) as dst:
            src.backup(dst)  # all pages in one step: one consistent snapshot
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            problems = dst.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error as exc:
        raise BackupError(f"The backup could not be made: {exc}.") from exc
    if problems != [("ok",)]:
        raise BackupError(f"The copy failed its integrity check: {problems[:3]}")
