"""The program's log: a rotating file under the user log folder (platformdirs).

`setup()` is called once at start, as soon as the first window has been
painted. Everything logged through `logging` goes to `bookshop.log` there,
which rolls over to `bookshop.log.1` … `.4` at 1 MB so a workstation that runs
for months never fills its disk.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bookshop_gui import paths
from bookshop_gui.redact import mask_password

FILE_NAME = "bookshop.log"
MAX_BYTES = 1_000_000
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

_handler: logging.Handler | None = None


class _MaskingFormatter(logging.Formatter):
    """Every line, traceback included, with URL passwords replaced by ***."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_password(super().format(record))


def log_file() -> Path:
    """Where the current log is written (the folder may not exist yet)."""
    return paths.log_dir() / FILE_NAME


def setup(level: int = logging.INFO, *, folder: Path | None = None) -> Path:
    """Send the root logger to the rotating file; idempotent. Returns the file's path."""
    from logging.handlers import RotatingFileHandler  # loads socket and pickle: not at import

    global _handler
    target = (folder or paths.log_dir()) / FILE_NAME
    root = logging.getLogger()
    if _handler is not None:
        if Path(_handler.baseFilename) == target:
            return target
        shutdown()
    target.parent.mkdir(parents=True, exist_ok=True)
    _handler = RotatingFileHandler(
        target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
    _handler.setFormatter(_MaskingFormatter(FORMAT))
    root.addHandler(_handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return target


def current_file() -> Path:
    """The file being written now, or where it would be."""
    return Path(_handler.baseFilename) if _handler is not None else log_file()


def shutdown() -> None:
    """Detach and close the file handler (at exit, or between tests)."""
    global _handler
    if _handler is None:
        return
    logging.getLogger().removeHandler(_handler)
    _handler.close()
    _handler = None
    logging.captureWarnings(False)
