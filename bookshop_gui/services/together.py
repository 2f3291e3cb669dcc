"""Read statements that do not wait on each other's answers, sent in one round trip.

Over a slow line to the server every statement costs a round trip, and a read
call's statements mostly need nothing from one another: a tab's first page
and every tab's count, an order and its history. On PostgreSQL `rows` sends
them together in psycopg's pipeline mode, and their answers come back
together: one round trip however many. SQLite (a file, no line) and MySQL
run them one after another, as before.

`as_caller` puts the session check in the same round trip. The statements
are built for the user this token was found to be by the last call on this
thread, and their answers are kept only if the check finds that same user
again (same id, role and shop); otherwise, or on the first call, the check
goes first and the statements follow, as for any call. Nothing is returned
to a token that the check refuses.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from bookshop_gui._peewee import peewee
from bookshop_gui.domain import Role
from bookshop_gui.errors import BookshopError
from bookshop_gui.models import User, database
from bookshop_gui.services import sessions

KNOWN_TOKENS = 16  # a window has one token; a server's worker serves many, so few are kept

_known = threading.local()  # `users`: token → the User its last check found, on this thread


class Raw:
    """A query whose rows are wanted as the driver's own tuples (see order_records._rows)."""

    def __init__(self, query):
        self.query = query


def rows(*queries) -> list[list]:
    """Each query's rows (model rows, or driver tuples for a `Raw`), in the order given."""
    if not pipelined():
        return [fetch() for fetch in map(_send, queries)]
    with database.connection().pipeline():
        sent = [_send(query) for query in queries]
    return [fetch() for fetch in sent]  # every answer arrived when the pipeline closed


def as_caller(token, roles: tuple[Role, ...], build: Callable[[User], Sequence]
              ) -> tuple[User, list[list]]:
    """The user signed in with `token`, checked as `sessions.caller` does, and the rows of
    each query `build(user)` gives; `build` may use the user's id and shop only."""
    guess = _users().get(token) if pipelined() and isinstance(token, str) else None
    if guess is not None:
        try:
            queries = build(guess)
        except BookshopError:  # a refused argument: told after the session, as always
            queries = None
        if queries is not None:
            found, *answers = rows(sessions.lookup(token).limit(1), *queries)
            user = _checked(token, found[0] if found else None, roles)
            if _same(user, guess):
                return user, answers
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


def _checked(token, user: User | None, roles) -> User:
    if user is None:
        _users().pop(token, None)
    sessions.admit(user, roles)
    remember(token, user)
    return user


def _same(user: User, guess: User) -> bool:
    return (user.id, user.role, user.shop_id) == (guess.id, guess.role, guess.shop_id)


def _users() -> dict:
    if not hasattr(_known, "users"):
        _known.users = {}
    return _known.users


def pipelined() -> bool:
    """Whether statements sent together cost one round trip (PostgreSQL), not one each."""
    return isinstance(database.obj, peewee.PostgresqlDatabase)


def _send(query) -> Callable[[], list]:
    """Send `query`; what reads its rows once the answer is in."""
    if isinstance(query, Raw):
        cursor = database.execute(query.query)
        return cursor.fetchall
    answer = query.execute()
    return lambda: list(answer)
