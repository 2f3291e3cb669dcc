"""Signing in and out: salted slow password hashes, hashed random tokens that expire."""

from datetime import timedelta
from decimal import Decimal

import pytest

from bookshop_gui import db
from bookshop_gui.errors import AuthError, InvalidInput
from bookshop_gui.models import AuthSession, User
from bookshop_gui.models.fields import utcnow
from bookshop_gui.services import accounts, auth, cart, shop

from .builders import snapshot


@pytest.fixture
def people(database):
    shop_id = accounts.create_shop("Corner Books")
    accounts.create_user("wang", "plum blossom", "buyer", vip_ratio=Decimal("0.9"),
                         balance=Decimal("50.00"))
    accounts.create_user("li", "plum blossom", "staff", shop_id=shop_id)
    return shop_id


def test_login_returns_the_session_of_that_person(people):
    session = auth.login("wang", "plum blossom")
    assert (session.username, session.role, session.shop_id, session.vip_ratio) == (
        "wang", "buyer", None, Decimal("0.9"))
    assert session.user_id == User.get(User.username == "wang").id
    staff = auth.login("li", "plum blossom")
    assert (staff.role, staff.shop_id) == ("staff", people)
    assert len(session.token) >= 32 and session.token != staff.token
    assert cart.get(session.token) == []
    assert shop.list_orders(staff.token) == []


def test_each_login_gets_a_different_token(people):
    first, second = auth.login("wang", "plum blossom"), auth.login("wang", "plum blossom")
    assert first.token != second.token
    auth.logout(first.token)
    assert cart.get(second.token) == []


def test_a_wrong_password_and_an_unknown_name_are_refused_alike(people):
    before = snapshot()
    with pytest.raises(AuthError) as wrong:
        auth.login("wang", "plum blosom")
    with pytest.raises(AuthError) as unknown:
        auth.login("nobody", "plum blossom")
    assert wrong.value.code == unknown.value.code == 401
    assert str(wrong.value) == str(unknown.value)
    for username, password in ((None, "x"), ("wang", None), ("wang", ""), (3, 4)):
        with pytest.raises(AuthError):
            auth.login(username, password)
    assert snapshot() == before


def test_logout_stops_the_token_at_once(people):
    token = auth.login("wang", "plum blossom").token
    auth.logout(token)
    with pytest.raises(AuthError) as caught:
        cart.get(token)
    assert caught.value.code == 401
    auth.logout(token)  # a second logout is harmless
    auth.logout("never issued")


def test_an_expired_token_no_longer_works(people):
    token = auth.login("wang", "plum blossom").token
    AuthSession.update(expires_at=utcnow() - timedelta(seconds=1)).execute()
    with pytest.raises(AuthError) as caught:
        cart.get(token)
    assert caught.value.code == 401


def test_a_token_works_on_another_connection_to_the_same_database(people, db_url, database):
    token = auth.login("wang", "plum blossom").token
    database.close()
    again = db.connect(db_url)
    try:
        assert cart.get(token) == []
    finally:
        again.close()


def test_tokens_are_stored_only_as_hashes(people, database):
    token = auth.login("wang", "plum blossom").token
    rows = database.execute_sql("SELECT * FROM auth_sessions").fetchall()
    assert len(rows) == 1
    assert all(token not in str(value) for value in rows[0])
    assert token not in str(AuthSession.get().token_hash)


def test_passwords_are_stored_as_salted_scrypt(people, database):
    stored = dict(database.execute_sql("SELECT username, password_hash FROM users").fetchall())
    assert set(stored) == {"wang", "li"}
    for value in stored.values():
        assert "plum blossom" not in value
        assert value.startswith("scrypt$")
    assert stored["wang"] != stored["li"]  # same password, different salt


def test_a_username_can_be_taken_only_once(people):
    before = snapshot()
    with pytest.raises(InvalidInput):
        accounts.create_user("wang", "other", "buyer")
    assert snapshot() == before
    assert User.select().count() == 2
