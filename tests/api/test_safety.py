"""What keeps the server safe on a network: body limits, sign-in throttling, no stack traces,
CORS only when asked for, and a desktop install without the server's packages."""

import asyncio
import logging
import subprocess
import sys

import httpx
import pytest
from store.builders import PASSWORD, snapshot

from bookshop_gui.server import app as server_app
from bookshop_gui.server import seed000, seed001
from bookshop_gui.server.limits import SignInThrottle

from .server_process import ROOT, read

# Nothing here depends on the database behind the server.
ONE_BACKEND = pytest.mark.parametrize("backend", ["sqlite"])
SEED_PATHS = {"/user/login", "/user/logout", "/order/getcart", "/order/addcart", "/order/delcart",
              "/order/createorder", "/order/submitorder", "/order/paymentorder",
              "/order/cancelorder", "/order/allorder", "/order/getlist", "/order/getinfo",
              "/order/operate", "/order/comment", "/order/create", "/shop/manage/getlist",
              "/shop/manage/operate", "/shop/manage/setinfo"}
ADDITIONS = {"/user/addresses"}  # docs/http-api.md, "Additions to the seeds"


def in_process(app, method: str, path: str, **options) -> httpx.Response:
    """One request to `app` without a server: for what a test must change inside it."""
    async def send():
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://shop") as client:
            return await client.request(method, path, **options)

    return asyncio.run(send())


@ONE_BACKEND
def test_a_body_over_the_limit_is_413_in_each_seeds_words(api, world):
    before = snapshot()
    big = b'{"username": "alice", "goodsname": "' + b"x" * 70_000 + b'"}'
    answer = api.http.post("/order/addcart", content=big, headers={
        "token": world.alice.token, "content-type": "application/json"})
    assert answer.status_code == 413 and "too large" in read(answer)["message"]

    def chunks():  # no Content-Length: stopped once it passes the limit
        for _ in range(100):
            yield b"x" * 1000

    answer = api.http.post("/order/getlist", content=chunks(),
                           headers={"content-type": "application/json"})
    assert answer.status_code == 413 and read(answer)["state"] == -1
    assert snapshot() == before


def test_text_no_database_can_hold_and_numbers_past_any_id_are_refused(api, world):
    before = snapshot()
    alice = f'"uid": {world.alice.id}, "token": "{world.alice.token}"'
    for path, body in (
        ("/order/addcart", r'{"username": "alice", "goodsname": "Water\u0000Margin"}'),
        ("/order/addcart", r'{"username": "alice", "goodsname": "\ud800"}'),
        ("/order/addcart", '{"username": "alice", "bid": 100000000000000000000000}'),
        ("/order/submitorder", '{"username": "alice", "orderid": -99999999999999999999}'),
        ("/order/create", f'{{{alice}, "bid": 1000000000000000000000, "cnt": 1}}'),
        ("/order/getlist", f'{{{alice}, "type": 100000000000000000000}}'),
        ("/order/comment", f'{{{alice}, "cid": 1, "mark": 3, "comment": "\\udfff"}}'),
        ("/user/login", r'{"username": "alice\u0000", "password": "x"}'),
    ):
        answer = api.http.post(path, content=body.encode(), headers={
            "token": world.alice.token, "content-type": "application/json"})
        assert answer.status_code in (200, 501), (path, answer.text)
        assert read(answer).get("state", -1) == -1 and read(answer)["message"], path
    assert snapshot() == before


@ONE_BACKEND
def test_five_failed_sign_ins_a_minute_close_that_name_from_that_address(api, world):
    stranger = {"X-Forwarded-For": "203.0.113.7"}

    def sign_in(password, headers):
        return api.http.post("/user/login", json={"username": "alice", "password": password},
                             headers=headers)

    for _ in range(5):
        assert read(sign_in("guess", stranger))["state"] == -10
    refused = sign_in(PASSWORD, stranger)
    assert refused.status_code == 429 and read(refused)["state"] == -10
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert "token" not in read(refused)
    elsewhere = sign_in(PASSWORD, {"X-Forwarded-For": "198.51.100.2"})
    assert read(elsewhere)["state"] == 0  # alice herself is not locked out


def test_the_throttle_forgets_after_a_minute_and_caps_an_address():
    now = [1000.0]
    throttle = SignInThrottle(per_name=5, per_address=8, window=60, clock=lambda: now[0])
    for _ in range(5):
        assert throttle.wait("alice", "10.0.0.1") == 0
        throttle.failed("alice", "10.0.0.1")
        now[0] += 1
    assert throttle.wait("Alice ", "10.0.0.1") == pytest.approx(55)
    assert throttle.wait("alice", "10.0.0.2") == 0
    now[0] += 55
    assert throttle.wait("alice", "10.0.0.1") == 0
    for name in ("bob", "carol", "dave", "frank"):
        throttle.failed(name, "10.0.0.1")
    assert throttle.wait("erin", "10.0.0.1") > 0  # 8 failures from one address
    throttle.succeeded("alice", "10.0.0.2")
    assert throttle.wait("erin", "10.0.0.3") == 0


def test_a_bug_answers_500_without_its_traceback(monkeypatch, caplog):
    def broken(*args):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(seed000, "signed_in", broken)
    monkeypatch.setattr(seed001, "caller", broken)
    app = server_app.create_app()
    with caplog.at_level(logging.ERROR):
        old = in_process(app, "POST", "/order/getcart", json={"username": "alice"},
                         headers={"token": "t"})
        new = in_process(app, "POST", "/order/getlist", json={"uid": 1, "token": "t"})
    assert old.status_code == 500 and set(old.json()) == {"message"}
    assert new.status_code == 500 and new.json()["state"] == -1
    for answer in (old, new):
        assert "secret" not in answer.text and "Traceback" not in answer.text
    assert "secret internals" in caplog.text  # the log has it for whoever looks into it


@ONE_BACKEND
def test_an_unknown_path_or_another_method_is_answered_in_the_seeds_words(api):
    lost = api.http.post("/order/nosuch", json={})
    assert lost.status_code == 404
    assert read(lost)["state"] == -1 and "/order/nosuch" in read(lost)["message"]
    fetched = api.http.get("/order/getcart")
    assert fetched.status_code == 405 and fetched.headers["allow"] == "POST"
    assert set(read(fetched)) == {"message"} and read(fetched)["message"]
    fetched = api.http.get("/order/getlist")
    assert fetched.status_code == 405
    assert read(fetched)["state"] == -1 and read(fetched)["message"]
    assert "detail" not in lost.text + fetched.text


@ONE_BACKEND
def test_cors_is_off_unless_origins_are_given(api):
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "token, content-type"}
    answer = api.http.options("/order/getcart", headers=preflight)
    assert "access-control-allow-origin" not in answer.headers
    allowed = server_app.create_app(cors_origins=["https://shop.example"])
    ours = in_process(allowed, "OPTIONS", "/order/getcart",
                      headers={**preflight, "Origin": "https://shop.example"})
    assert ours.headers["access-control-allow-origin"] == "https://shop.example"
    assert "token" in ours.headers["access-control-allow-headers"]
    theirs = in_process(allowed, "OPTIONS", "/order/getcart", headers=preflight)
    assert "access-control-allow-origin" not in theirs.headers


@ONE_BACKEND
def test_every_endpoint_is_described_for_client_developers(api):
    paths = api.http.get("/openapi.json").json()["paths"]
    assert set(paths) == SEED_PATHS | ADDITIONS
    assert api.http.get("/docs").status_code == 200


def test_an_install_without_the_server_says_how_to_add_it():
    done = subprocess.run(
        [sys.executable, "-c", "import sys; sys.modules['fastapi'] = None; "
         "sys.argv = ['bookshop', 'serve']; from bookshop_gui.launcher import main; "
         "sys.exit(main())"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert 'pip install "bookshop-gui[server]"' in done.stderr


def test_the_desktop_bundle_leaves_the_server_out():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    excludes = spec[spec.index("excludes = ["):]
    excludes = excludes[:excludes.index("]")]
    for module in ("bookshop_gui.server", "fastapi", "starlette", "uvicorn", "pydantic"):
        assert f'"{module}"' in excludes
