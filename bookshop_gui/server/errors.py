"""Failures as the seeds answer them: seed 000 by HTTP status, seed 001 by `state`.

Seed 000's endpoints answer 200, 401 (a bad token or user name) and 501 (the
shop refused: out of stock, balance too low, no orders…) with a `message`.
Seed 001's answer HTTP 200 with `state` 0, -1 (refused) or -10 (not signed
in), and a `message` beside it here. Whatever the endpoint, a failure of the
server itself (the database away, a bug) is a 5xx with a short message; the
details go to the log, never to the client.
"""

from __future__ import annotations

import logging

from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request

from bookshop_gui.errors import (
    AmbiguousTitle,
    ApprovalRefused,
    ApprovalRequired,
    AuthError,
    BookshopError,
    StaleOrder,
)
from bookshop_gui.server.render import SeedResponse

log = logging.getLogger(__name__)

SEED_000 = frozenset(f"/order/{name}" for name in (
    "getcart", "addcart", "delcart", "createorder", "submitorder", "paymentorder",
    "cancelorder", "allorder",
))
REFUSED, NOT_SIGNED_IN = -1, -10


def failure(path: str, message: str, *, status: int, state: int = REFUSED,
            headers: dict | None = None, **extra) -> SeedResponse:
    """A failure in the dialect of the endpoint at `path`.

    `status` is seed 000's HTTP status; seed 001's endpoints answer 200 with
    `state` unless `status` is a failure of the request itself (4xx other
    than 401 and 501, or 5xx).
    """
    if path in SEED_000:
        return SeedResponse({"message": message, **extra}, status_code=status, headers=headers)
    http = 200 if status in (401, 501) else status
    return SeedResponse({"state": state, "message": message, **extra}, status_code=http,
                        headers=headers)


def refused(request: Request, exc: BookshopError) -> SeedResponse:
    """A service's typed error as the seed's code: 401 / -10, 501 / -1, or 503.

    A refused approval is an AuthError, but the person who sent it is still
    signed in: it is refused (-1), never the -10 that would send them to sign in.
    """
    path = request.url.path
    if isinstance(exc, AuthError) and not isinstance(exc, ApprovalRefused):
        return failure(path, exc.message, status=401, state=NOT_SIGNED_IN)
    if exc.code == 503:
        log.warning("%s: %s", path, exc.message)
        return failure(path, exc.message, status=503)
    extra = {}
    if isinstance(exc, AmbiguousTitle):
        extra["choices"] = [{"bid": book_id, "sname": shop, "price": price}
                            for book_id, shop, price in exc.books]
    if isinstance(exc, ApprovalRequired):
        extra["bids"] = list(exc.book_ids)
    if isinstance(exc, StaleOrder) and exc.total is not None:
        extra["total"] = exc.total
    return failure(path, exc.message, status=501, **extra)


def malformed(request: Request, exc: RequestValidationError) -> SeedResponse:
    """A body that is not what the endpoint takes: refused like any bad input."""
    first = exc.errors()[0] if exc.errors() else {}
    if first.get("type") == "json_invalid":
        message = "The request body is not valid JSON."
    else:
        where = ".".join(str(part) for part in first.get("loc", ())[1:]) or "body"
        reason = first.get("msg", "not accepted").removeprefix("Value error, ")
        message = f"{where}: {reason}"
    return failure(request.url.path, message, status=501)


def unanswered(request: Request, exc: HTTPException) -> SeedResponse:
    """A path no endpoint has (404), or a method other than POST (405), in the seed's words,
    so a client reads every failure the same way."""
    path = request.url.path
    if exc.status_code == 404:
        message = f"There is no endpoint {path}. The endpoints are listed at /docs."
    elif exc.status_code == 405:
        message = f"{path} takes POST only, as every seed endpoint does."
    else:
        message = exc.detail if isinstance(exc.detail, str) else "The request was not accepted."
    return failure(path, message, status=exc.status_code, headers=exc.headers)


def crashed(request: Request, exc: Exception) -> SeedResponse:
    """A bug: logged with its traceback here, a plain message there."""
    log.error("%s failed", request.url.path, exc_info=exc)
    return failure(request.url.path, "The server failed to do that. The error has been logged "
                   "for the shop to look into.", status=500)
