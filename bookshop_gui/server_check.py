"""Why a PostgreSQL server could not be opened, found without reading any message.

libpq reports a failed connection as text only: no SQLSTATE, and words that
change with the server's language and libpq's version. So when opening fails,
the program looks for itself, one step at a time, as a person on the phone to
support would: does the host name resolve (getaddrinfo), does the port take a
TCP connection within the connect limit, and then what does the server say?
For that last step it speaks the first messages of PostgreSQL's protocol
itself: a startup message naming the user and the database, the password if
the server asks for one (cleartext, MD5 or SCRAM-SHA-256, as libpq answers),
and the SQLSTATE of the error the server sends back (28P01 wrong password,
3D000 no such database, 28000 this user or computer not let in).
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import os
import socket
import ssl
import struct

PROTOCOL_3 = 196608
SSL_REQUEST = 80877103
SCRAM = b"SCRAM-SHA-256"


class Reach(enum.Enum):
    """How far the network got to a host before any server spoke."""

    UNKNOWN_HOST = "unknown_host"  # the name resolves to no address
    REFUSED = "refused"  # nothing listens there: the server is down or the port wrong
    TIMED_OUT = "timed_out"  # no answer at all within the limit (a silent network)
    ANSWERED = "answered"


class NeedsPassword(Exception):
    """The server asks for a password and none was given."""


def reach(host: str, port: int, seconds: float) -> tuple[Reach, socket.socket | None]:
    """Resolve `host` and open a TCP connection to it; the socket when it answered."""
    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return Reach.UNKNOWN_HOST, None
    try:
        return Reach.ANSWERED, socket.create_connection((host, port), timeout=seconds)
    except TimeoutError:
        return Reach.TIMED_OUT, None
    except OSError:
        return Reach.REFUSED, None


def refusal(sock: socket.socket, user: str, password: str | None, database: str) -> str | None:
    """The SQLSTATE with which the server refuses this sign-in, or None if it lets it in.

    Raises `NeedsPassword`, TimeoutError (the server went quiet) or OSError.
    """
    with sock:
        link = _maybe_tls(sock)
        _send(link, b"", struct.pack("!i", PROTOCOL_3)
              + _cstrings("user", user, "database", database) + b"\0")
        scram = None  # our first SCRAM message, while that exchange runs
        while True:
            kind, body = _receive(link)
            if kind == b"E":
                return _error_code(body)
            if kind == b"R":
                scram = _answer(link, body, user, password, scram)
            elif kind in (b"Z", b"K"):  # ready for queries: it lets this user in
                _send(link, b"X", b"")
                return None


def _maybe_tls(sock: socket.socket):
    """Ask for TLS first, as libpq does by default; a server that has it gets it."""
    sock.sendall(struct.pack("!ii", 8, SSL_REQUEST))
    if _exactly(sock, 1) != b"S":
        return sock
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # libpq's "prefer"
    return context.wrap_socket(sock)


def _answer(link, body: bytes, user: str, password: str | None, scram: str | None):
    """Answer one authentication request; returns the SCRAM state for the next one."""
    (code,) = struct.unpack("!i", body[:4])
    if code in (0, 12):  # signed in, or the server's last SCRAM word: its next message tells
        return scram
    if password is None:
        raise NeedsPassword
    if code == 3:
        _send(link, b"p", _cstrings(password))
    elif code == 5:
        inner = hashlib.md5((password + user).encode()).hexdigest().encode()
        _send(link, b"p", _cstrings("md5" + hashlib.md5(inner + body[4:8]).hexdigest()))
    elif code == 10 and SCRAM in body[4:].split(b"\0"):
        first = f"n=,r={base64.b64encode(os.urandom(18)).decode()}"
        start = b"n,," + first.encode()
        _send(link, b"p", SCRAM + b"\0" + struct.pack("!i", len(start)) + start)
        return first
    elif code == 11 and scram:
        _send(link, b"p", _scram_proof(scram, body[4:].decode(), password))
    else:
        raise NeedsPassword  # a way of signing in (Kerberos, SSPI) this check does not speak
    return None


def _scram_proof(first: str, server_first: str, password: str) -> bytes:
    """RFC 5802's client-final message, as libpq sends it (no channel binding)."""
    fields = dict(item.split("=", 1) for item in server_first.split(","))
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(fields["s"]),
                                 int(fields["i"]))
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    without_proof = f"c=biws,r={fields['r']}"
    signed = f"{first},{server_first},{without_proof}".encode()
    signature = hmac.new(hashlib.sha256(client_key).digest(), signed, "sha256").digest()
    proof = bytes(a ^ b for a, b in zip(client_key, signature, strict=True))
    return f"{without_proof},p=".encode() + base64.b64encode(proof)


def _error_code(body: bytes) -> str | None:
    """The SQLSTATE field ('C') of an ErrorResponse."""
    for field in body.split(b"\0"):
        if field[:1] == b"C":
            return field[1:].decode("ascii", "replace")
    return None


def _cstrings(*texts: str) -> bytes:
    return b"".join(text.encode() + b"\0" for text in texts)


def _send(link, kind: bytes, body: bytes) -> None:
    link.sendall(kind + struct.pack("!i", len(body) + 4) + body)


def _receive(link) -> tuple[bytes, bytes]:
    kind = _exactly(link, 1)
    (length,) = struct.unpack("!i", _exactly(link, 4))
    return kind, _exactly(link, length - 4)


def _exactly(link, count: int) -> bytes:
    data = b""
    while len(data) < count:
        chunk = link.recv(count - len(data))
        if not chunk:
            raise ConnectionResetError("the server closed the connection")
        data += chunk
    return data
