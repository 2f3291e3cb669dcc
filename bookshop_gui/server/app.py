"""The FastAPI application: the seeds' routers, their error answers and the safety layers."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from anyio import to_thread
from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware

from bookshop_gui.errors import BookshopError
from bookshop_gui.server import addresses, errors, seed000, seed001, users
from bookshop_gui.server.limits import MAX_BODY, BodyLimit, SignInThrottle
from bookshop_gui.services import orders

EXPIRE_EVERY_S = 60
# Requests run their service call on worker threads, each with its own database
# connection: this many at once bounds the connections the server holds open.
WORKER_THREADS = 16
log = logging.getLogger(__name__)


def create_app(*, cors_origins=(), max_body: int = MAX_BODY,
               throttle: SignInThrottle | None = None) -> FastAPI:
    """The API over the database already bound to the models (see `db.connect`)."""
    app = FastAPI(title="Bookshop seed API", version="1", lifespan=_running,
                  description="Seed 000 (cart and orders by title) and seed 001 (orders by id, "
                              "the shop's order management), over the shop's own database.")
    app.state.throttle = throttle or SignInThrottle()
    for router in (users.router, seed000.router, seed001.router, addresses.router):
        app.include_router(router)
    app.add_exception_handler(BookshopError, errors.refused)
    app.add_exception_handler(RequestValidationError, errors.malformed)
    app.add_exception_handler(HTTPException, errors.unanswered)
    app.add_exception_handler(Exception, errors.crashed)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins),
                           allow_methods=["POST"],
                           allow_headers=["token", "content-type", "idempotency-key"])
    app.add_middleware(BodyLimit, max_bytes=max_body)
    return app


@contextlib.asynccontextmanager
async def _running(app: FastAPI):
    """Bound the worker threads, and cancel unpaid orders past the time limit now and then,
    as every open window does."""
    to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
    task = asyncio.create_task(_expire_forever())
    try:
        yield
    finally:
        task.cancel()


async def _expire_forever() -> None:
    while True:
        await asyncio.sleep(EXPIRE_EVERY_S)
        try:
            await run_in_threadpool(orders.expire_stale)
        except BookshopError as exc:  # the database away for now: the next round retries
            log.warning("expiring unpaid orders: %s", exc.message)
