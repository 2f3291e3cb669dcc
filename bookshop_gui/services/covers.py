"""Cover pictures kept in the shop database, so every workstation and kiosk shows them.

A picture chosen at one workstation is a file on that computer; on a shared
server only the database is shared, so the picture's bytes go into it and a
book's `pic` names them: "cover:" and the SHA-256 of the bytes. The same
picture chosen twice is kept once. Older books may still name a bundled demo
cover, which the windows show, or other text (a URL, a path on some computer),
which they keep but never open: such a book shows its generated cover.
"""

from __future__ import annotations

import hashlib
import string

from bookshop_gui._peewee import peewee
from bookshop_gui.domain import MAX_COVER_BYTES, Role
from bookshop_gui.errors import InvalidInput
from bookshop_gui.models import CoverImage, database
from bookshop_gui.services.sessions import caller
from bookshop_gui.services.transactions import reads, writes

PREFIX = "cover:"
# The first bytes of the formats every workstation's Qt reads without plug-ins.
SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")


@writes
def store(token, data) -> str:
    """Keep a cover picture's bytes (staff); returns what a book's `pic` should say."""
    caller(token, Role.STAFF)
    if not isinstance(data, bytes) or not data:
        raise InvalidInput("Choose a picture for the cover.")
    if len(data) > MAX_COVER_BYTES:
        raise InvalidInput(f"A cover picture can be at most {MAX_COVER_BYTES // 2**20} MB.")
    if not data.startswith(SIGNATURES) and not _webp(data):
        raise InvalidInput("A cover must be a PNG, JPEG, WebP, GIF or BMP picture.")
    digest = hashlib.sha256(data).hexdigest()
    if not CoverImage.select().where(CoverImage.digest == digest).exists():
        try:
            with database.atomic():  # a savepoint: another workstation may store it meanwhile
                CoverImage.create(digest=digest, data=data)
        except peewee.IntegrityError:
            pass
    return PREFIX + digest


@reads
def image(pic) -> bytes | None:
    """The stored bytes a book's `pic` names, or None if it names no stored picture."""
    digest = pic[len(PREFIX):] if is_stored(pic) else ""
    if len(digest) != 64 or not set(digest) <= set(string.hexdigits.lower()):
        return None
    row = CoverImage.select(CoverImage.data).where(CoverImage.digest == digest).first()
    return bytes(row.data) if row else None


def is_stored(pic) -> bool:
    """True when `pic` names a picture kept in the database (rather than a file)."""
    return isinstance(pic, str) and pic.startswith(PREFIX)


def _webp(data: bytes) -> bool:
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
