"""Tokens: who is calling, checked on every call.

Sessions live in the database, so a token signed in at one workstation works
at any other on the same database until it expires or is signed out. Only a
SHA-256 of each token is stored: a copy of the database signs nobody in.

Within one transaction a token is looked up once: a call wrapped by
`requests.once` asks who is calling before the call itself asks again, and
both must see the same session. What was found is forgotten when the
transaction ends, so the next call (or the next attempt of this one) reads
the session afresh and a sign-out elsewhere is seen at once.
"""

import contextlib
import hashlib
import secrets
import threading
from datetime import timedelta

from bookshop_gui.domain import Role, storable
from bookshop_gui.errors import AuthError, SessionEnded
from bookshop_gui.models import AuthSession, User
from bookshop_gui.models.fields import utcnow
from bookshop_gui.services import transactions

SESSION_HOURS = 12
REMEMBERED_DAYS = 30

_local = threading.local()  # each thread has its own connection, so its own transaction


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(user: User, *, remember: bool = False) -> str:
    """Store a new session for `user` and return its token (usable once the call commits)."""
    token = secrets.token_urlsafe(32)
    lifetime = timedelta(days=REMEMBERED_DAYS) if remember else timedelta(hours=SESSION_HOURS)
    now = utcnow()
    transactions.later(AuthSession.delete().where(AuthSession.expires_at < now))
    transactions.later(AuthSession.insert(token_hash=token_digest(token), user=user.id,
                                          expires_at=now + lifetime))
    return token


def caller(token, *roles: Role) -> User:
    """The signed-in user behind `token`; AuthError if unknown, expired or the wrong role."""
    if getattr(_local, "riders", None):
        return caller_and(token, roles=roles)[0]
    known = getattr(_local, "users", None) or {}
    return _checked(token, known.get(_valid(token)) or _lookup(token).first(), roles)


def caller_and(token, *queries, roles: tuple[Role, ...] = ()) -> tuple[User, list]:
    """The caller (as `caller` finds them, of one of `roles` if any are given) and the
    driver cursors of `queries`, asked of the server at once: on PostgreSQL one round
    trip, where it would be two (`transactions.together`).

    No query may need the caller's answer: a write call's claim of its request
    id finds the user id from the token itself, and a read call's statements
    are built for who the token was last found to be and kept only if the
    check finds them again (services/together.py). A statement waiting to ride
    with the check (`riding`) goes too, and is answered once the caller is known.
    """
    riders, _local.riders = getattr(_local, "riders", None) or [], []
    lookup = _lookup(_valid(token)).limit(1)
    users, *cursors = transactions.together(
        lookup, *(query for query, _ in riders), *queries)
    found = transactions.rows(lookup, users)
    user = _checked(token, found[0] if found else None, roles)
    for (_, answered), cursor in zip(riders, cursors, strict=False):
        answered(user, cursor)
    return user, cursors[len(riders):]


@contextlib.contextmanager
def riding(query, answered):
    """Send `query` with the next check of who is calling, in the same round trip, and
    call `answered(user, cursor)` once that check has found the caller.

    A write call's request id is claimed so: its first statements can then go
    with the check and the claim (`together.as_caller`), where they would wait
    for them. The block must check the caller before it writes anything.
    """
    _local.riders = [(query, answered)]
    try:
        yield
    finally:
        _local.riders = []


def session_user(token):
    """A query of the user id behind `token`, for statements that need no more of them."""
    return AuthSession.select(AuthSession.user).where(
        AuthSession.token_hash == token_digest(_valid(token)), AuthSession.expires_at > utcnow())


def _valid(token) -> str:
    if not isinstance(token, str) or not token or not storable(token):
        raise SessionEnded("Please sign in.")
    return token


def _lookup(token: str):
    return User.select(User).join(AuthSession).where(
        AuthSession.token_hash == token_digest(token), AuthSession.expires_at > utcnow())


def _checked(token: str, user: User | None, roles: tuple) -> User:
    """`user` if found and of one of `roles` (any role if none), remembered for the
    transaction."""
    if user is None:
        raise SessionEnded("Your session has ended. Please sign in again.")
    if roles and user.role not in roles:
        raise AuthError(_ROLE_MESSAGES.get(roles[0], "Your account cannot do this."))
    known = getattr(_local, "users", None)
    if known is not None:
        known[token] = user
    return user


@contextlib.contextmanager
def remembered():
    """Look each token up once while the block (one transaction) runs, then forget them all."""
    outer, _local.users = getattr(_local, "users", None), {}
    try:
        yield
    finally:
        _local.users = outer


_ROLE_MESSAGES = {
    Role.BUYER: "Only a buyer's account can do this.",
    Role.STAFF: "Only shop staff can do this.",
    Role.ADMIN: "Only an administrator can do this.",
}
