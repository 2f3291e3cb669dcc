"""CSV files the way spreadsheets open them: formulas kept inert, the program's own read back.

A cell starting with = + - @, a tab or a carriage return is a formula to Excel
and LibreOffice, so a title from a supplier's file could run one in the
spreadsheet that opens an export (OWASP's "CSV injection"). Every export marks
such a cell with a leading apostrophe, which spreadsheets show as text. A cell
whose apostrophes already lead to such a character gets one more, so removing
exactly one mark on import is never ambiguous: a title that really starts
with "-" or with "'=" comes back from export and import as it was. A cell that
is just a number, such as a refund of -12.00, runs nothing and stays a number.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from bookshop_gui.domain import storable
from bookshop_gui.errors import InvalidInput

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MARK = "'"
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def inert(value) -> str:
    """The cell as written: marked with an apostrophe if a spreadsheet would run it."""
    cell = "" if value is None else str(value)
    return MARK + cell if _needs_mark(cell) else cell


def original(cell: str) -> str:
    """The value an `inert` cell was made from; any other cell unchanged."""
    return cell[1:] if cell.startswith(MARK) and _needs_mark(cell[1:]) else cell


def _needs_mark(cell: str) -> bool:
    core = cell.lstrip(MARK)
    return core.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(core)


class InertWriter:
    """A csv.writer whose every cell goes through `inert`."""

    def __init__(self, out):
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable) -> None:
        self._writer.writerow([inert(value) for value in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


@contextlib.contextmanager
def writing(path, *, bom: bool = False) -> Iterator[InertWriter]:
    """An InertWriter for the file at `path`, which appears only once it is whole.

    The rows go to a hidden file beside it that takes its place at the end: an
    export refused or failing half-way (a signed-out token, a lost connection,
    a full disk) leaves no file, and never a cut-off one where a good one was.
    A file that cannot be written is InvalidInput. `bom` starts the file with
    a byte-order mark, which Excel needs to read UTF-8.
    """
    target = file_path(path)
    if target.is_dir() or (target.exists() and not target.is_file()):
        raise InvalidInput(f"{target} is not a file. Choose a file name.")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                        dir=target.parent)
    except OSError as exc:
        raise InvalidInput(_cannot_write(target, exc)) from exc
    partial = Path(name)
    try:
        with open(handle, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as out:
            yield InertWriter(out)
        partial.chmod(_mode(target))
        os.replace(partial, os.path.realpath(target))  # through a link, not over it
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InvalidInput(_cannot_write(target, exc)) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _mode(target: Path) -> int:
    """The permissions the file had, or rw-r--r-- for a new one (mkstemp's are owner-only)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o644


def file_path(path) -> Path:
    """`path` as a Path, or InvalidInput: a number would name an open file, not a file."""
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidInput("Choose a file.")
    text = os.fspath(path)
    if not isinstance(text, str) or not text or not storable(text):
        raise InvalidInput("That is not a file name this computer can use.")
    return Path(text)


def source(path) -> Path:
    """`path` if it names a regular file to read; a device or pipe could be read forever."""
    target = file_path(path)
    if not target.is_file():
        raise InvalidInput(f"There is no file {target}. Choose another.")
    return target


def _cannot_write(target: Path, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"The folder {target.parent} does not exist. Choose another."
    if isinstance(exc, PermissionError):
        return f"This computer does not allow writing {target}. Choose another place."
    if isinstance(exc, IsADirectoryError):
        return f"{target} is a folder. Choose a file name."
    return f"{target} cannot be written: {exc.strerror or exc}."
