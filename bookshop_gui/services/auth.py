"""Signing in and out (the seeds' token), and resuming a remembered sign-in."""

from bookshop_gui._peewee import peewee
from bookshop_gui.domain import Session, storable
from bookshop_gui.errors import AuthError
from bookshop_gui.models import AuthSession, Shop, User
from bookshop_gui.services import feed, together
from bookshop_gui.services.passwords import check_password, hash_password
from bookshop_gui.services.sessions import caller, open_session, token_digest
from bookshop_gui.services.transactions import later, reads, writes

# Checked against when the username is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = hash_password("not a password")


@writes
def login(username, password, *, remember: bool = False) -> Session:
    """Check the credentials and open a session; `remember` makes it last for weeks."""
    user, (position,) = _verified(username, password, feed.position_query())
    if user is None:
        raise AuthError("Wrong username or password.")
    token = open_session(user, remember=remember)
    return _session(user, token, log_position=feed.position_of(position))


def verified_user(username, password) -> User | None:
    """The user these credentials belong to, or None, inside the caller's transaction.

    Sign-in and an administrator's approval both ask this; an unknown name
    costs as long as a wrong password, so neither tells which names exist.
    """
    return _verified(username, password)[0]


def _verified(username, password, *also) -> tuple[User | None, list]:
    """`verified_user`, and the rows of `also`, read with the user in one round trip."""
    if not all(isinstance(given, str) and storable(given) for given in (username, password)):
        return None, [[] for _ in also]
    found, *rows = together.rows(
        User.select(User, Shop).join(Shop, peewee.JOIN.LEFT_OUTER)  # the shop's name too
        .where(User.username == username.strip()).limit(1), *also)
    user = found[0] if found else None
    if not check_password(password, user.password_hash if user else _DUMMY_HASH) or user is None:
        return None, rows
    return user, rows


@writes
def logout(token) -> None:
    """End the session at once, on every workstation."""
    if isinstance(token, str) and token and storable(token):
        later(AuthSession.delete().where(AuthSession.token_hash == token_digest(token)))


@reads
def resume(token) -> Session:
    """The session behind a remembered token, or AuthError if it has ended."""
    return _session(caller(token), token)


def _session(user: User, token: str, log_position: int | None = None) -> Session:
    together.remember(token, user)  # the window's first reads need not wait for a check
    shop_name = user.shop.name if user.shop_id else ""
    return Session(
        token=token,
        user_id=user.id,
        username=user.username,
        role=user.role,
        shop_id=user.shop_id,
        vip_ratio=user.vip_ratio,
        shop_name=shop_name,
        log_position=log_position,
    )
