"""A real server process per backend (`main.py serve`), shared by every test of this folder.

Starting one costs a second or so, so each backend's server lives for the
whole folder while its database is emptied before each test, as the store
tests' databases are. The test process binds the same database to build the
shop it needs through the services, and reads back what a user would check.
"""

from __future__ import annotations

import pytest
from conftest import TABLES, _empty

from bookshop_gui import db

from .server_process import Client, Server, start_server, stop_server


@pytest.fixture(scope="package")
def servers(tmp_path_factory):
    started: dict[str, Server] = {}
    yield started
    for server in started.values():  # all told at once, so they stop side by side
        server.process.terminate()
    for server in started.values():
        stop_server(server)


@pytest.fixture
def server(backend, servers, server_databases, shared_server_urls, tmp_path_factory) -> Server:
    """This backend's running server, over an empty migrated database bound here too."""
    if backend not in servers:
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'shop.db'}"
        else:
            if backend not in shared_server_urls:
                shared_server_urls[backend] = server_databases[backend].new_url()
            url = shared_server_urls[backend]
        db.connect(url).close()  # migrated before the server opens it
        servers[backend] = start_server(url)
    return servers[backend]


@pytest.fixture
def database(server, backend):
    """The server's database, emptied, bound to the models of this process."""
    database = db.connect(server.db_url)
    if backend == "sqlite":
        database.execute_sql("PRAGMA foreign_keys = OFF")
        for table in TABLES:
            database.execute_sql(f"DELETE FROM {table}")
        database.execute_sql("PRAGMA foreign_keys = ON")
    else:
        _empty(database, backend)
    yield database
    database.close()


@pytest.fixture
def api(server, database):
    client = Client(server.url)
    yield client
    client.http.close()


@pytest.fixture
def world(database):
    from store.builders import make_world

    return make_world()
