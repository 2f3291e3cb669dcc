"""Request bodies as JSON or as form fields, with money read exactly.

Seed clients send JSON; older ones post HTML form fields. Both reach the
same pydantic models: a form body is turned into the JSON object it stands
for before FastAPI reads it, and JSON labelled as a form (what `curl -d`
sends unless told otherwise) is read as the JSON it is. JSON numbers with a fraction are read as
`Decimal`, never float, so 12.10 arrives as 12.10 and not 12.0999….
"""

from __future__ import annotations

import json
from decimal import Decimal
from urllib.parse import parse_qsl

from fastapi.routing import APIRoute
from starlette.requests import Request

FORM = "application/x-www-form-urlencoded"
# Fields that hold a list: in a form, repeat the field or give the list as JSON text.
LIST_FIELDS = ("goodsset", "list")


class SeedRequest(Request):
    """A request whose body FastAPI always reads as JSON, whichever of the two it came as."""

    def __init__(self, scope, receive):
        headers = [(key, value) for key, value in scope["headers"] if key != b"content-type"]
        content_type = dict(scope["headers"]).get(b"content-type", b"").decode("latin-1")
        self.is_form = content_type.split(";")[0].strip().lower() == FORM
        # A body sent with no type at all is taken for the JSON every seed example shows.
        as_json = self.is_form or not content_type.strip()
        headers.append((b"content-type", b"application/json" if as_json else
                        content_type.encode("latin-1")))
        super().__init__(dict(scope, headers=headers), receive)

    async def json(self):
        if not hasattr(self, "_json"):
            body = await self.body()
            self._json = form_or_json(body) if self.is_form else json.loads(
                body, parse_float=Decimal)
        return self._json


class SeedRoute(APIRoute):
    """A route that hands its endpoint a `SeedRequest`."""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def seed_handler(request: Request):
            return await handler(SeedRequest(request.scope, request.receive))

        return seed_handler


def form_or_json(body: bytes) -> dict:
    """A body sent as a form: a JSON object if it is one (curl's `-d` labels JSON as a form),
    else the form's fields. No form of `name=value` pairs parses as a JSON object."""
    if body.lstrip().startswith(b"{"):
        try:
            value = json.loads(body, parse_float=Decimal)
        except ValueError:
            value = None
        if isinstance(value, dict):
            return value
    return form_fields(body)


def form_fields(body: bytes) -> dict:
    """An urlencoded form as the JSON object it stands for (list fields as lists)."""
    fields: dict = {}
    for key, value in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True):
        if key in LIST_FIELDS:
            fields.setdefault(key, []).extend(_listed(value))
        else:
            fields[key] = value
    return fields


def _listed(value: str) -> list:
    """One form value of a list field: JSON text of a list, or a single item."""
    if value.lstrip().startswith("["):
        try:
            items = json.loads(value, parse_float=Decimal)
        except ValueError:
            return [value]
        if isinstance(items, list):
            return items
    return [value]
