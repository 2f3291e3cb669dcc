"""Cover pictures in the shop database: what one workstation stores, every other one reads."""

import pytest

from bookshop_gui.errors import AuthError, InvalidInput
from bookshop_gui.models import CoverImage
from bookshop_gui.services import covers

PNG = b"\x89PNG\r\n\x1a\n"


def test_a_stored_picture_is_read_back_whole_and_kept_once(world):
    data = PNG + bytes(range(256)) * (5 * 2**20 // 256 - 1)  # just under the 5 MB limit
    pic = covers.store(world.staff_a.token, data)
    assert covers.image(pic) == data
    assert covers.store(world.staff_b.token, data) == pic
    assert CoverImage.select().count() == 1


@pytest.mark.parametrize(("data", "reason"), [
    (PNG + b"x" * (5 * 2**20), "5 MB"),
    (b"<svg onload=alert(1)>", "PNG, JPEG"),
    (b"", "Choose a picture"),
    ("not bytes", "Choose a picture"),
])
def test_too_big_or_not_a_picture_is_refused(world, data, reason):
    with pytest.raises(InvalidInput, match=reason):
        covers.store(world.staff_a.token, data)
    assert CoverImage.select().count() == 0


def test_only_staff_store_pictures(world):
    with pytest.raises(AuthError):
        covers.store(world.alice.token, PNG)


def test_a_name_that_is_not_a_stored_picture_reads_nothing(world):
    assert covers.image("cover:" + "0" * 64) is None
    assert covers.image("covers/emma.png") is None
    assert covers.image("cover:../../etc/passwd") is None
