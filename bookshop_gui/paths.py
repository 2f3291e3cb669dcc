"""Where the program keeps its files on this computer (platformdirs)."""

from pathlib import Path

APP_NAME = "Bookshop"


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "shop.db"


def default_db_url() -> str:
    """The embedded database every workstation opens unless told otherwise."""
    return f"sqlite:///{default_db_path()}"
