"""Remembering a staff sign-in and the shared server's password in the keyring, and only there.

Where no keyring backend exists (a bare Linux box), remembering is switched
off and the sign-in screen says why: a token is never written to a file. The
database password is then asked for at start and kept in memory only.
"""

from __future__ import annotations

import contextlib

SERVICE = "Bookshop"
_ENTRY = "remembered-sign-in"
_PASSWORD = "database-password"


def available() -> bool:
    """True when a real keyring backend can hold the token."""
    import keyring
    from keyring.backends import fail

    return not isinstance(keyring.get_keyring(), fail.Keyring)


def remember(url: str, username: str, token: str) -> bool:
    """Keep `username` and `token` for the database at `url`; False if there is no keyring."""
    import keyring
    from keyring.errors import KeyringError

    if not available():
        return False
    try:
        keyring.set_password(SERVICE, f"{_ENTRY}:{url}", f"{username}\n{token}")
    except KeyringError:
        return False
    return True


def recall(url: str) -> tuple[str, str] | None:
    """The remembered (username, token) for `url`, if any."""
    import keyring
    from keyring.errors import KeyringError

    if not available():
        return None
    try:
        stored = keyring.get_password(SERVICE, f"{_ENTRY}:{url}")
    except KeyringError:
        return None
    if not stored or "\n" not in stored:
        return None
    username, token = stored.split("\n", 1)
    return username, token


def forget(url: str) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    if not available():
        return
    with contextlib.suppress(PasswordDeleteError, KeyringError):
        keyring.delete_password(SERVICE, f"{_ENTRY}:{url}")


def keep_password(url: str, password: str) -> bool:
    """Keep the password of the server at `url` (given without one); False without a keyring."""
    import keyring
    from keyring.errors import KeyringError

    if not available():
        return False
    try:
        keyring.set_password(SERVICE, f"{_PASSWORD}:{url}", password)
    except KeyringError:
        return False
    return True


def password_for(url: str) -> str | None:
    """The kept password of the server at `url`, if any."""
    import keyring
    from keyring.errors import KeyringError

    if not available():
        return None
    try:
        return keyring.get_password(SERVICE, f"{_PASSWORD}:{url}") or None
    except KeyringError:
        return None
