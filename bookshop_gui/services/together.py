"""Several queries' rows from one round trip, and a read call's session check sent with them.

Over a slow line every statement that waits for its answer costs a round
trip. How statements travel together is said once: `transactions.together`
sends queries that need nothing from one another and waits once (on
PostgreSQL one pipeline, bookshop_gui/pipelined.py; elsewhere one after
another), giving their driver cursors, which a write reads row counts from.
This module is what reads build on it:

- `rows` gives each query's rows (model rows, or the driver's own tuples for
  a `Raw`), for any call that wants rows, not row counts;
- `as_caller` is the read calls' policy for the session check: it goes in
  the same round trip as the call's statements (`sessions.caller_and`). The
  statements are built for the user this token was found to be by the last
  call on this thread (or at sign-in), and their rows are kept only if the
  check finds that same user again (same id, role and shop); otherwise, or
  on the first call, the check goes first and the statements follow, as for
  any call. Nothing is returned to a token the check refuses.

Where statements cost no round trip each (SQLite), or are not sent together
(MySQL), `as_caller` does not guess: it checks first, as `sessions.caller`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from bookshop_gui.domain import Role
from bookshop_gui.errors import AuthError, BookshopError
from bookshop_gui.models import User
from bookshop_gui.services import sessions, transactions

KNOWN_TOKENS = 16  # a window has one token; a server's worker serves many, so few are kept

_known = threading.local()  # `users`: token → the User its last check found, on this thread


class Raw:
    """A query whose rows are wanted as the driver's own tuples.

    Order lists run to a thousand orders and several thousand lines; building
    a model object or converting every column through the ORM cost several
    times the query itself, so order_records converts the few columns that
    need it.
    """

    def __init__(self, query):
        self.query = query


def rows(*queries) -> list[list]:
    """Each query's rows, in the order given, the queries sent together
    (`transactions.together`)."""
    return _read(queries, transactions.together(*map(_plain, queries)))


def as_caller(token, roles: tuple[Role, ...], build: Callable[[User], Sequence]
              ) -> tuple[User, list[list]]:
    """The user signed in with `token`, checked as `sessions.caller` does, and the rows of
    each query `build(user)` gives; `build` may use the user's id and shop only."""
    guess = _users().get(token) if transactions.pipelined() and isinstance(token, str) else None
    queries = _built(build, guess) if guess is not None else None
    if queries is not None:
        try:
            user, cursors = sessions.caller_and(token, *map(_plain, queries), roles=roles)
        except AuthError:
            _users().pop(token, None)
            raise
        remember(token, user)
        if _same(user, guess):
            return user, _read(queries, cursors)
        return user, rows(*build(user))
    user = sessions.caller(token, *roles)
    remember(token, user)
    return user, rows(*build(user))


def remember(token: str, user: User) -> None:
    """Note who `token` is on this thread (after a check, or at sign-in): the next read
    call's statements can then go with its check."""
    users = _users()
    if len(users) >= KNOWN_TOKENS:
        users.clear()
    users[token] = user


def _built(build, guess: User) -> Sequence | None:
    """The queries for `guess`, or None if an argument is refused: that is told after
    the session check, as always."""
    try:
        return build(guess)
    except BookshopError:
        return None


def _plain(query):
    return query.query if isinstance(query, Raw) else query


def _read(queries, cursors) -> list[list]:
    return [list(cursor.fetchall()) if isinstance(query, Raw) else transactions.rows(query, cursor)
            for query, cursor in zip(queries, cursors, strict=True)]


def _same(user: User, guess: User) -> bool:
    return (user.id, user.role, user.shop_id) == (guess.id, guess.role, guess.shop_id)


def _users() -> dict:
    if not hasattr(_known, "users"):
        _known.users = {}
    return _known.users
