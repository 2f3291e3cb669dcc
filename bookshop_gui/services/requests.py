"""Request ids: a call that moves money or stock happens once, however often it is sent.

A reply can be lost after the database committed: the window cannot tell
whether its call happened, so it sends it again with the same request id
(Stripe's idempotency keys are the model). The id is claimed at the start of
the call's own transaction, under a unique key, and the result is stored
with it, so:

- a repeat finds the claim and returns the first call's result, changing nothing;
- a repeat sent while the first is still running waits on the unique key
  until the first commits, then finds its result;
- a call that fails rolls its claim back with everything else, so a retry
  runs anew.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import re
from collections.abc import Mapping
from datetime import timedelta
from decimal import Decimal

from bookshop_gui._peewee import peewee
from bookshop_gui.domain import BatchOutcome
from bookshop_gui.errors import InvalidInput, InvalidState, NotFound, SessionEnded
from bookshop_gui.models import RequestRecord, User
from bookshop_gui.models.fields import utcnow
from bookshop_gui.services import changes, sessions
from bookshop_gui.services.transactions import later, writes

ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{8,64}")
KEPT_FOR = timedelta(days=8)  # the contract promises at least 7 days
PRUNE_BATCH = 500


def once(operation: str):
    """Make a write call honour `request_id=` (keyword-only) as the contract says.

    `operation` names the call in the record, so the same id sent to another
    call is told apart from a repeat.
    """

    def wrap(fn):
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def call(token, *args, request_id=None, **kwargs):
            if request_id is None:
                return fn(token, *args, **kwargs)
            request_id = valid_id(request_id)
            fingerprint = _fingerprint(operation, signature.bind(token, *args, **kwargs))
            claim = _Claim(token, request_id, operation, fingerprint)
            try:
                with sessions.riding(claim.query(), claim.answered):
                    result = fn(token, *args, **kwargs)
            except _Repeat as repeat:
                changes.repeated()
                return repeat.answer
            if claim.user is None:
                raise RuntimeError(f"{operation} wrote before it checked who was calling")
            mine = (RequestRecord.user == claim.user.id) & (RequestRecord.request_id == request_id)
            if isinstance(result, BatchOutcome) and not result.done:
                # Every order refused: nothing changed, so, like a failed call, no trace.
                later(RequestRecord.delete().where(mine))
            elif result is not None:
                later(RequestRecord.update(result=_encode(result)).where(mine))
            return result

        return call

    return wrap


def valid_id(request_id) -> str:
    if not isinstance(request_id, str) or not ID_PATTERN.fullmatch(request_id):
        raise InvalidInput(
            "A request id is 8 to 64 letters, digits, hyphens or underscores."
        )
    return request_id


@writes
def prune() -> int:
    """Forget request ids older than a week, a batch at a time so no call waits on it."""
    cutoff = utcnow() - KEPT_FOR
    old = [row[0] for row in (
        RequestRecord.select(RequestRecord.id).where(RequestRecord.created_at < cutoff)
        .limit(PRUNE_BATCH).tuples()
    )]
    if not old:
        return 0
    return RequestRecord.delete().where(RequestRecord.id.in_(old)).execute()


class _Repeat(Exception):
    """Raised through a call at its first check when its request id was used before: the
    call stops before it has written anything, and `answer` is what the first call gave."""

    def __init__(self, answer):
        super().__init__()
        self.answer = answer


class _Claim:
    """A call's claim of its request id, sent with the call's first check of who is
    calling (`sessions.riding`), so the call's first statements can go with both.

    The claim is tried first, as almost every id is new: one statement, not a
    look-up and then a claim. It takes the user id from the token itself,
    since it is sent before the check answers. The insert ignores a duplicate
    rather than failing on it, so no backend aborts the call's transaction;
    where a first call holds the key uncommitted, the insert waits for it to
    finish.
    """

    def __init__(self, token, request_id: str, operation: str, fingerprint: str):
        self.token, self.request_id = token, request_id
        self.operation, self.fingerprint = operation, fingerprint
        self.user: User | None = None  # who claimed it, once the check has found them

    def query(self):
        made = {RequestRecord.request_id: self.request_id,
                RequestRecord.operation: self.operation,
                RequestRecord.fingerprint: self.fingerprint, RequestRecord.result: "null",
                RequestRecord.created_at: utcnow()}
        row = sessions.session_user(self.token).select_extend(*(
            peewee.Value(value, converter=field.db_value).alias(field.name)
            for field, value in made.items()))
        return RequestRecord.insert_from(row, [RequestRecord.user, *made]).on_conflict_ignore()

    def answered(self, user: User, cursor) -> None:
        """Go on if the id is claimed; else stop the call with the first call's answer."""
        if cursor.rowcount:
            self.user = user
            return
        record = _record(user.id, self.request_id)  # a first call used it, and has committed
        if record is None:  # the session ended between the look-up and the claim
            raise SessionEnded("Your session has ended. Please sign in again.")
        if record.operation != self.operation or record.fingerprint != self.fingerprint:
            raise InvalidInput(
                "This request id was already used for a different action; nothing was changed."
            )
        raise _Repeat(_decode(record.result))


def _record(user_id: int, request_id: str) -> RequestRecord | None:
    return (RequestRecord.select(RequestRecord.operation, RequestRecord.fingerprint,
                                 RequestRecord.result)
            .where(RequestRecord.user == user_id, RequestRecord.request_id == request_id)
            .first())


def _fingerprint(operation: str, bound: inspect.BoundArguments) -> str:
    """A digest of the call's arguments (never the token, never a password)."""
    bound.apply_defaults()
    arguments = {name: _canonical(value) for name, value in bound.arguments.items()
                 if name != "token"}
    if isinstance(arguments.get("approval"), list):
        arguments["approval"] = arguments["approval"][:1]  # who approved, not their password
    text = json.dumps([operation, arguments], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _canonical(value):
    """The same amount written as 50, Decimal("50") or Decimal("50.00") is the same argument."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, Decimal)):
        try:
            return format(Decimal(value).normalize(), "f")
        except ArithmeticError:
            return str(value)
    if isinstance(value, Mapping):
        return {str(key): _canonical(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(item) for item in value), key=str)
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    return repr(value)


# The errors a batch may refuse one order with; each is rebuilt from its message.
REFUSALS = {cls.__name__: cls for cls in (NotFound, InvalidInput, InvalidState)}


def _encode(result) -> str:
    return json.dumps(result, default=_stored)


def _stored(value):
    if isinstance(value, BatchOutcome):
        return {"batch": [value.done, value.refunded, [
            [order_id if isinstance(order_id, (int, str)) else repr(order_id),
             type(error).__name__, error.message] for order_id, error in value.refused
        ]]}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    raise TypeError(f"{type(value).__name__} is not kept as a request's answer")


def _decode(text: str):
    return json.loads(text, object_hook=_restored)


def _restored(obj: dict):
    if obj.keys() == {"decimal"}:
        return Decimal(obj["decimal"])
    if obj.keys() == {"batch"}:
        done, refunded, refused = obj["batch"]
        return BatchOutcome(tuple(done), tuple(refunded), tuple(
            (order_id, REFUSALS.get(kind, InvalidState)(message))
            for order_id, kind, message in refused))
    return obj
