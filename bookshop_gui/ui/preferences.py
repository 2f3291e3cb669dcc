"""This workstation's own settings, kept with QSettings.

Shop-wide settings (the shipping fee, the unpaid-order limit) live in the
database instead, so every workstation agrees on them.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from bookshop_gui import paths

DATABASE_URL = "database/url"
KIOSK_IDLE_SECONDS = "kiosk/idle_seconds"
LANGUAGE = "ui/language"
DEFAULT_IDLE_SECONDS = 120


def settings() -> QSettings:
    return QSettings()


def database_url() -> str:
    """The database to open: $BOOKSHOP_DB_URL, else the setting, else the local file."""
    return (
        os.environ.get("BOOKSHOP_DB_URL")
        or str(settings().value(DATABASE_URL, "") or "")
        or paths.default_db_url()
    )


def is_default_database(url: str) -> bool:
    return url == paths.default_db_url()


def idle_seconds() -> int:
    value = settings().value(KIOSK_IDLE_SECONDS, DEFAULT_IDLE_SECONDS)
    try:
        return max(15, int(value))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_SECONDS


def language() -> str:
    """'' to follow the system, or a locale name such as 'zh_CN' or 'en'."""
    return str(settings().value(LANGUAGE, "") or "")
