"""Passwords never leave the program: not in a message, a log line or a dialog.

A database URL may carry its server's password (`mysql://bob:secret@host/shop`);
wherever text might hold one (an error naming the URL, a traceback) it goes
through `mask_password` first, which keeps the rest of the URL for whoever
has to find the fault. Loads nothing: the log uses it before the window paints.
"""

import re

# Up to the last "@" of the URL: a password typed unquoted may hold "@" itself.
_PASSWORD_IN_URL = re.compile(
    r"(?P<head>\b[a-z][a-z0-9+.-]*://[^:/@\s'\"]*:)[^\s'\"]*@", re.IGNORECASE)


def mask_password(text: str) -> str:
    """`text` with the password of every URL in it replaced by ***: `bob:***@host`."""
    return _PASSWORD_IN_URL.sub(r"\g<head>***@", text)
