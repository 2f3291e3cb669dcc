""""Test connection" names what is wrong, tried against the real servers.

Each cause is told by a code (a SQLSTATE, a MySQL error number) or by what the
program finds for itself (the host name resolves, the port answers), never by
the words of a message, which change with the server's language.
"""

import secrets
from urllib.parse import urlparse, urlunparse

import pytest
from conftest import _admin_sql

from bookshop_gui import db
from bookshop_gui.services import connection
from bookshop_gui.services.connection import Problem


def _on(url, *, port=None, name=None, user=None, password=None):
    parts = urlparse(url)
    host = parts.hostname
    port = port or parts.port
    user = user or parts.username
    auth = f"{user}:{password}" if password else user
    path = "/" + name if name else parts.path
    return urlunparse(parts._replace(netloc=f"{auth}@{host}:{port}", path=path))


@pytest.fixture(params=["postgresql", "mysql"])
def server(request, server_databases):
    url = server_databases[request.param].new_url()  # also skips/fails if the server is down
    return request.param, url


def test_a_closed_port_is_a_server_that_is_not_running(server):
    _, url = server
    check = connection.check(_on(url, port=1))
    assert check.problem.problem is Problem.UNREACHABLE
    assert "refused" in check.problem.detail.lower()


def test_an_unknown_host_is_named_as_such(server):
    _, url = server
    parts = urlparse(url)
    unknown = urlunparse(parts._replace(netloc=f"{parts.username}@no-such-host.invalid:5432"))
    assert connection.check(unknown).problem.problem is Problem.UNKNOWN_HOST


def test_a_server_that_never_answers_is_a_timeout(server, fault_proxy, short_timeouts):
    _, url = server
    proxy, through = fault_proxy(url)
    proxy.go_silent()  # the port takes the connection; nothing ever comes back
    assert connection.check(through).problem.problem is Problem.TIMED_OUT


def test_a_missing_database_is_named(server):
    _, url = server
    check = connection.check(_on(url, name="no_such_shop_db"))
    assert check.problem.problem is Problem.MISSING_DATABASE
    assert "no_such_shop_db" in check.problem.detail


def test_an_empty_database_is_ready_and_will_get_the_schema(server):
    _, url = server
    check = connection.check(url)
    assert check.ok and check.empty
    assert check.pending[0] == "0001_initial"
    again = db.open_url(url)
    assert again.get_tables() == []  # checking changed nothing
    again.close()


def test_an_up_to_date_database_is_ready(server):
    _, url = server
    db.connect(url).close()
    check = connection.check(url)
    assert (check.ok, check.empty, check.pending) == (True, False, ())


def test_a_database_from_a_newer_program_is_schema_too_new(server):
    _, url = server
    database = db.connect(url)
    db.runner(database).History.create(name="9999_from_the_future")
    database.close()
    check = connection.check(url)
    assert check.problem.problem is Problem.SCHEMA_TOO_NEW
    assert connection.open_or_explain(url).problem is Problem.SCHEMA_TOO_NEW


def test_opening_at_start_explains_instead_of_raising(server):
    _, url = server
    problem = connection.open_or_explain(_on(url, port=1))
    assert problem.problem is Problem.UNREACHABLE


@pytest.fixture
def mysql_user(server_databases):
    url = server_databases["mysql"].new_url()
    name, password = f"shop_{secrets.token_hex(3)}", "right horse battery"
    database = urlparse(url).path.lstrip("/")
    _admin_sql("mysql", [f"CREATE USER '{name}'@'%%' IDENTIFIED BY '{password}'",
                         f"GRANT ALL ON {database}.* TO '{name}'@'%%'"])
    yield url, name, password
    _admin_sql("mysql", [f"DROP USER IF EXISTS '{name}'@'%%'"])


def test_a_wrong_password_is_said_to_be_one_and_never_repeated(mysql_user):
    url, name, password = mysql_user
    wrong = _on(url, user=name, password="not-it-42")
    check = connection.check(wrong)
    assert check.problem.problem is Problem.WRONG_PASSWORD
    assert "not-it-42" not in check.problem.detail
    assert connection.check(connection.with_password(_on(url, user=name), password)).ok


def test_an_unknown_user_on_postgresql_is_not_let_in(server_databases):
    """This server trusts local connections: it says at once that there is no such user."""
    url = server_databases["postgresql"].new_url()
    check = connection.check(_on(url, user="nobody_here"))
    assert check.problem.problem is Problem.NOT_ALLOWED


@pytest.mark.parametrize(("user", "password", "name", "problem"), [
    ("till", "not-it-42", "shop", Problem.WRONG_PASSWORD),
    ("till", None, "shop", Problem.WRONG_PASSWORD),  # none given, and the server asks
    ("nobody_here", "not-it-42", "shop", Problem.WRONG_PASSWORD),  # the server will not say
    ("till", "right horse battery", "no_such_shop", Problem.MISSING_DATABASE),
])
def test_a_server_asking_for_passwords_is_understood(password_server, user, password, name,
                                                      problem):
    check = connection.check(password_server.url_for(user=user, password=password, name=name))
    assert check.problem.problem is problem
    if password:
        assert password not in check.problem.detail


def test_the_right_password_opens_the_server_asking_for_it(password_server):
    assert connection.check(password_server.url_for()).ok


def test_the_url_given_to_the_driver_carries_the_password_quoted():
    url = connection.with_password("postgresql://shop@db.example:5432/bookshop", "p@ss:w/rd")
    assert urlparse(url).password == "p%40ss%3Aw%2Frd"
    assert connection.describe(url) == "postgresql://shop@db.example:5432/bookshop"
