"""This workstation's own settings, kept with QSettings.

Shop-wide settings (the shipping fee, the unpaid-order limit) live in the
database instead, so every workstation agrees on them. The program reads its
language here before its first paint, so this module loads nothing slow
(`DatabaseChoice` is a NamedTuple, not a dataclass).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from PySide6.QtCore import QSettings

from bookshop_gui import paths, server_url

DATABASE_URL = "database/url"  # what to open, always without a password
DATABASE_KIND = "database/kind"  # "local", "postgresql" or "mysql"
DATABASE_PATH = "database/path"
SERVER_HOST = "database/host"
SERVER_PORT = "database/port"
SERVER_NAME = "database/name"
SERVER_USER = "database/user"
SERVER_KINDS = ("postgresql", "mysql")
DEFAULT_PORTS = {"postgresql": 5432, "mysql": 3306}
LANGUAGES = ("", "en", "zh_CN")  # "" follows the system
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


def set_idle_seconds(seconds: int) -> None:
    settings().setValue(KIOSK_IDLE_SECONDS, max(15, int(seconds)))


def set_language(code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    settings().setValue(LANGUAGE, code)


class DatabaseChoice(NamedTuple):
    """Which database this workstation opens: the local file or a shared server.

    Holds no password: that lives in the keyring (ui/credentials.py), or only
    in memory where there is no keyring.
    """

    kind: str = "local"
    path: str = ""
    host: str = ""
    port: int = 0
    name: str = "bookshop"
    user: str = ""

    @property
    def is_server(self) -> bool:
        return self.kind in SERVER_KINDS

    def url(self) -> str:
        if not self.is_server:
            return f"sqlite:///{Path(self.path or paths.default_db_path())}"
        user = quote(self.user, safe="")
        hosts = self.hosts()
        url = f"{self.kind}://{user}@{server_url.join(hosts)}/{self.name}"
        return f"{url}?{server_url.READ_WRITE}" if len(hosts) > 1 else url

    def hosts(self) -> list[tuple[str, int]]:
        """Each server host with its port: `host` may list several (`a:5432,b:5433`).

        A host without its own port takes the Port field's; several hosts are a
        primary and its standbys, of which a connection keeps the writable one.
        """
        port = self.port or DEFAULT_PORTS[self.kind]
        named = server_url.hosts(f"//{self.host or 'localhost'}")
        return [(host, own or port) for host, own in named]


def database_choice() -> DatabaseChoice:
    store = settings()
    kind = str(store.value(DATABASE_KIND, "") or "local")
    if kind not in SERVER_KINDS:
        kind = "local"
    try:
        port = int(store.value(SERVER_PORT, 0) or 0)
    except (TypeError, ValueError):
        port = 0
    return DatabaseChoice(
        kind=kind,
        path=str(store.value(DATABASE_PATH, "") or paths.default_db_path()),
        host=str(store.value(SERVER_HOST, "") or ""),
        port=port or DEFAULT_PORTS.get(kind, 0),
        name=str(store.value(SERVER_NAME, "") or "bookshop"),
        user=str(store.value(SERVER_USER, "") or ""),
    )


def set_database_choice(choice: DatabaseChoice) -> str:
    """Keep `choice` and make it the database opened from now on; returns its URL."""
    store = settings()
    for key, value in ((DATABASE_KIND, choice.kind), (DATABASE_PATH, choice.path),
                       (SERVER_HOST, choice.host), (SERVER_PORT, choice.port),
                       (SERVER_NAME, choice.name), (SERVER_USER, choice.user)):
        store.setValue(key, value)
    url = choice.url()
    store.setValue(DATABASE_URL, url)
    store.sync()
    return url
