"""A real `main.py serve` process, and a client that calls it as each seed says."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    db_url: str


def start_server(db_url: str, *options: str) -> Server:
    """`main.py serve` on a free port, once it answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {k: v for k, v in os.environ.items() if k != "BOOKSHOP_DB_URL"}
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "serve", "--db", db_url, "--port", str(port),
         "--log-level", "warning", *options],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped: {process.stderr.read().decode()}")
        try:
            httpx.get(url + "/openapi.json", timeout=1)
            return Server(process, url, db_url)
        except httpx.TransportError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("the server did not answer in time")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
    server.process.stderr.close()


class Client:
    """The seeds' two ways of calling, over one HTTP connection."""

    def __init__(self, url: str):
        self.http = httpx.Client(base_url=url, timeout=30)

    def seed000(self, path: str, person=None, *, headers=None, **body) -> httpx.Response:
        """POST with the `token` header (and the person's `username` unless given)."""
        headers = dict(headers or {})
        if person is not None:
            headers["token"] = person.token
            body.setdefault("username", person.username)
        return self.http.post(path, json=body, headers=headers)

    def seed001(self, path: str, person=None, **body) -> dict:
        """POST with `uid` and `token` in the body; the answer must be HTTP 200."""
        if person is not None:
            body = {"uid": person.id, "token": person.token, **body}
        response = self.http.post(path, json=body)
        assert response.status_code == 200, response.text
        return read(response)


def read(response: httpx.Response):
    """The JSON answer with numbers that have a fraction as exact Decimals."""
    return json.loads(response.text, parse_float=Decimal)


