"""Signing in and out, which both seeds assume and neither defines."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel

from bookshop_gui.errors import AuthError
from bookshop_gui.server.bodies import SeedRoute
from bookshop_gui.server.errors import NOT_SIGNED_IN, failure
from bookshop_gui.server.fields import Text, Whole, caller, signed_in
from bookshop_gui.server.render import SeedResponse
from bookshop_gui.services import auth

router = APIRouter(route_class=SeedRoute, tags=["signing in"],
                   default_response_class=SeedResponse)


class Credentials(BaseModel):
    username: Text
    password: Text


class SignOut(BaseModel):
    uid: Whole | None = None
    token: Text | None = None


@router.post("/user/login", summary="sign in: the uid and token every other call sends",
             responses={429: {"description": "too many failed sign-ins; see Retry-After"}})
def login(body: Credentials, request: Request):
    throttle = request.app.state.throttle
    address = request.client.host if request.client else ""
    wait = throttle.wait(body.username, address)
    if wait > 0:
        seconds = max(1, round(wait))
        return failure(request.url.path, f"Too many failed sign-ins. Try again in {seconds} s.",
                       status=429, state=NOT_SIGNED_IN, headers={"Retry-After": str(seconds)})
    try:
        session = auth.login(body.username, body.password)
    except AuthError:
        throttle.failed(body.username, address)
        raise
    throttle.succeeded(body.username, address)
    return SeedResponse({"state": 0, "uid": session.user_id, "token": session.token})


@router.post("/user/logout", summary="sign out: the token stops working at once")
def logout(body: SignOut, token: Annotated[str | None, Header()] = None):
    """Checked as any other call is (-10 if the token has ended or is not `uid`'s), so a
    stranger's `uid` and token sign nobody out."""
    if body.token is None and body.uid is None and token:
        signed_in(token)  # seed 000's way: the `token` header alone
    else:
        caller(body.uid, body.token)
        token = body.token
    auth.logout(token)
    return SeedResponse({"state": 0})
