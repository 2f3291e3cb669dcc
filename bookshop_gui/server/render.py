"""JSON answers with money as a number with two places (seed 001: `money [number %.2f]`).

The standard encoder writes a Decimal only as a string or as a float that has
lost its cents' exactness; here an amount is written as the number it is, so
12.50 reaches the client as `12.50`.
"""

from __future__ import annotations

import json
from decimal import Decimal

from starlette.responses import JSONResponse

CENT = Decimal("0.01")


class SeedResponse(JSONResponse):
    media_type = "application/json"

    def render(self, content) -> bytes:
        return encode(content).encode("utf-8")


def encode(value) -> str:
    """`value` (dicts, lists, tuples, text, whole numbers, Decimal, None) as compact JSON."""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, Decimal):
        return format(value.quantize(CENT), "f")
    if isinstance(value, bool) or value is None:
        return _LITERALS[value]
    if isinstance(value, int):
        return str(int(value))  # an IntEnum as its number
    if isinstance(value, dict):
        pairs = (f"{_text(str(key))}:{encode(item)}" for key, item in value.items())
        return "{" + ",".join(pairs) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(encode(item) for item in value) + "]"
    raise TypeError(f"cannot answer a {type(value).__name__} as JSON")


_text = json.JSONEncoder(ensure_ascii=False).encode  # built once: json.dumps builds one a call
_LITERALS = {True: "true", False: "false", None: "null"}
