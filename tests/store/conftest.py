"""The store world most tests start from (two shops, their staff, two buyers, three books),
and a proxy in front of its server that can lose the connection."""

import pytest
from fault_proxy import FaultProxy

from bookshop_gui import db

from .builders import make_world


@pytest.fixture
def world(database):
    return make_world()


@pytest.fixture
def proxy(backend, db_url, world):
    """The world is made directly; from here on every call goes through a `FaultProxy`."""
    proxy = FaultProxy.for_url(db_url)
    through = db.connect(proxy.url(db_url))
    yield proxy
    through.close()
    proxy.close()
