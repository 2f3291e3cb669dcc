"""Database errors are told apart by their codes, never by their words.

Each code the program acts on is raised for real where that is cheap: the
PostgreSQL server raises any SQLSTATE (`RAISE`), MariaDB any error number
(`SIGNAL`), and SQLite is handed a file that is not a database or is locked.
Every raised error carries the same misleading words, so only its code can
put it where it belongs. The codes only a client meets (a socket closed, a
reply lost) are the driver's own exception classes, made here.
"""

from __future__ import annotations

import socket
import sqlite3
from contextlib import closing

import pymysql
import pytest
from conftest import SERVER_URLS, _unreachable

from bookshop_gui import db
from bookshop_gui.db_errors import Fault, fault
from bookshop_gui.services import connection
from bookshop_gui.services.connection import Problem

WORDS = "deadlock: lost connection to server, access denied, database is locked"

PG_FAULTS = {
    "40001": Fault.CONFLICT, "40P01": Fault.CONFLICT,
    "55P03": Fault.BUSY, "57014": Fault.BUSY,
    "57P01": Fault.LOST, "57P02": Fault.LOST, "57P03": Fault.LOST, "57P05": Fault.LOST,
    "25P03": Fault.LOST, "08006": Fault.LOST, "08001": Fault.LOST,  # and the whole 08 class
    "23505": Fault.OTHER, "42P01": Fault.OTHER, "P0001": Fault.OTHER,
}
MYSQL_FAULTS = {
    1213: Fault.CONFLICT, 1205: Fault.CONFLICT, 1969: Fault.BUSY, 3024: Fault.BUSY,
    1053: Fault.LOST, 1077: Fault.LOST, 1927: Fault.LOST, 4031: Fault.LOST,
    1062: Fault.OTHER, 1146: Fault.OTHER, 1045: Fault.OTHER,
}
MYSQL_CLIENT_FAULTS = {
    0: Fault.LOST, 2002: Fault.LOST, 2003: Fault.LOST, 2006: Fault.LOST, 2013: Fault.LOST,
    2055: Fault.LOST,
}
PG_PROBLEMS = {
    "28P01": Problem.WRONG_PASSWORD, "28000": Problem.NOT_ALLOWED,
    "3D000": Problem.MISSING_DATABASE, "42501": Problem.NOT_ALLOWED,
    "57P03": Problem.UNREACHABLE, "23505": Problem.OTHER,
}
MYSQL_PROBLEMS = {
    1045: Problem.WRONG_PASSWORD, 1049: Problem.MISSING_DATABASE,
    1044: Problem.NOT_ALLOWED, 1130: Problem.NOT_ALLOWED, 1062: Problem.OTHER,
}


def _server(backend: str):
    database = db.open_url(SERVER_URLS[backend])
    try:
        database.connect()
    except Exception as exc:  # any failure to reach the server
        _unreachable(backend, exc)
    return database


@pytest.fixture(scope="module")
def postgres():
    database = _server("postgresql")
    yield database
    database.close()


@pytest.fixture(scope="module")
def mariadb():
    database = _server("mysql")
    yield database
    database.close()


def pg_error(postgres, state: str) -> Exception:
    """What the server raises for `state`, as peewee hands it on."""
    with pytest.raises(Exception) as caught:
        postgres.execute_sql(
            f"DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '{state}', MESSAGE = '{WORDS}'; END $$")
    return caught.value


def mysql_error(mariadb, number: int) -> Exception:
    with pytest.raises(Exception) as caught:
        mariadb.execute_sql(
            f"SIGNAL SQLSTATE '45000' SET MYSQL_ERRNO = {number}, MESSAGE_TEXT = '{WORDS}'")
    return caught.value


def not_a_database(tmp_path) -> sqlite3.DatabaseError:
    path = tmp_path / "letter.db"
    path.write_bytes(b"Dear supplier, please find our order attached.\n" * 200)
    with closing(sqlite3.connect(path)) as reader, pytest.raises(sqlite3.DatabaseError) as caught:
        reader.execute("SELECT * FROM sqlite_master")
    return caught.value


def locked(tmp_path) -> sqlite3.OperationalError:
    """What SQLite says to a reader while another program writes the file."""
    path = tmp_path / "shop.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    with closing(holder), closing(sqlite3.connect(path, timeout=0)) as reader, \
            pytest.raises(sqlite3.OperationalError) as caught:
        reader.execute("SELECT * FROM t")
    return caught.value


# -- what a failed call means: db_errors.fault ----------------------------------------


@pytest.mark.parametrize(("state", "expected"), PG_FAULTS.items())
def test_postgresql_errors_are_told_by_sqlstate(postgres, state, expected):
    assert fault(pg_error(postgres, state)) is expected


@pytest.mark.parametrize(("number", "expected"), MYSQL_FAULTS.items())
def test_mariadb_errors_are_told_by_error_number(mariadb, number, expected):
    assert fault(mysql_error(mariadb, number)) is expected


@pytest.mark.parametrize(("number", "expected"), MYSQL_CLIENT_FAULTS.items())
def test_pymysql_client_errors_are_told_by_error_number(number, expected):
    assert fault(pymysql.err.OperationalError(number, WORDS)) is expected


def test_a_closed_mariadb_connection_is_lost(mariadb):
    raw = mariadb.connection()
    mariadb.close()
    with pytest.raises(pymysql.err.InterfaceError) as caught:
        raw.cursor().execute("SELECT 1")
    assert fault(caught.value) is Fault.LOST
    mariadb.connect()


def test_a_postgresql_server_not_listening_is_lost():
    """libpq gives no SQLSTATE when it never reached a server."""
    database = db.open_url("postgresql://postgres@127.0.0.1:1/test")
    with pytest.raises(Exception) as caught:
        database.connect()
    assert fault(caught.value) is Fault.LOST


def test_an_sqlite_file_that_is_not_a_database(tmp_path):
    assert fault(not_a_database(tmp_path)) is Fault.NOT_A_DATABASE


def test_an_sqlite_file_another_program_holds_is_busy(tmp_path):
    assert fault(locked(tmp_path)) is Fault.BUSY


@pytest.mark.parametrize(("code", "expected"), [
    (11, Fault.DAMAGED), (6, Fault.BUSY), (517, Fault.BUSY),  # BUSY_SNAPSHOT: extended
    (10, Fault.OTHER), (19, Fault.OTHER),  # an I/O error, a constraint
])
def test_sqlite_result_codes_are_read_from_their_low_byte(code, expected):
    error = sqlite3.DatabaseError(WORDS)
    error.sqlite_errorcode = code
    assert fault(error) is expected


def test_an_error_without_a_driver_code_is_no_fault_of_the_database():
    assert fault(ValueError(WORDS)) is Fault.OTHER


# -- why a database could not be opened: connection.classify --------------------------


@pytest.mark.parametrize(("state", "expected"), PG_PROBLEMS.items())
def test_postgresql_refusals_are_told_by_sqlstate(postgres, state, expected):
    assert connection.classify(pg_error(postgres, state)) is expected


@pytest.mark.parametrize(("number", "expected"), MYSQL_PROBLEMS.items())
def test_mariadb_refusals_are_told_by_error_number(mariadb, number, expected):
    assert connection.classify(mysql_error(mariadb, number)) is expected


def test_a_mariadb_port_that_refuses_is_an_unreachable_server():
    database = db.open_url("mysql://root@127.0.0.1:1/test")
    with pytest.raises(Exception) as caught:
        database.connect()
    assert connection.classify(caught.value) is Problem.UNREACHABLE


@pytest.mark.parametrize(("network", "expected"), [
    (socket.gaierror(socket.EAI_NONAME, WORDS), Problem.UNKNOWN_HOST),
    (TimeoutError(WORDS), Problem.TIMED_OUT),
    (ConnectionRefusedError(WORDS), Problem.UNREACHABLE),
])
def test_what_the_socket_said_under_mariadbs_cannot_connect(network, expected):
    error = pymysql.err.OperationalError(2003, WORDS)
    error.original_exception = network
    assert connection.classify(error) is expected


def test_sqlite_files_are_told_by_result_code(tmp_path):
    assert connection.classify(not_a_database(tmp_path)) is Problem.NOT_A_DATABASE
    assert connection.classify(locked(tmp_path)) is Problem.LOCKED
