"""The store world most tests start from: two shops, their staff, two buyers, three books."""

import pytest

from .builders import make_world


@pytest.fixture
def world(database):
    return make_world()
