"""The schema: migrations match the models, money is exact, newer schemas are refused."""

from decimal import Decimal

import pytest
from playhouse.schema_diff import diff_models

from bookshop_gui import db
from bookshop_gui.errors import SchemaTooNew
from bookshop_gui.models import ALL_MODELS, Order, Shop, User
from bookshop_gui.models.fields import money_sum


def test_migrations_build_exactly_the_models(database):
    assert not diff_models(database, list(ALL_MODELS)), str(diff_models(database, list(ALL_MODELS)))


def test_connect_twice_applies_nothing_more(db_url):
    database = db.connect(db_url)
    assert db.migrate(database) == []
    assert all(m.applied for m in db.runner(database).status())
    database.close()


@pytest.mark.parametrize("amount", ["0.10", "0.01", "12345678.99", "22.00", "-3.30"])
def test_money_round_trips_exactly(database, amount):
    shop = Shop.create(name="Exact")
    user = User.create(username="u", password_hash="x", role="buyer", balance=Decimal(amount))
    stored = User.get_by_id(user.id).balance
    assert stored == Decimal(amount) and str(stored) == amount
    Order.create(buyer=user, shop=shop, shipping=Decimal("22.00"), total=Decimal(amount))
    Order.create(buyer=user, shop=shop, shipping=Decimal("22.00"), total=Decimal("0.20"))
    total = Order.select(money_sum(Order.total).alias("s")).get().s
    assert total == Decimal(amount) + Decimal("0.20")
    assert isinstance(total, Decimal)


def test_schema_from_a_newer_program_is_refused_untouched(fresh_server_url):
    db_url = fresh_server_url
    database = db.connect(db_url)
    history = db.runner(database).History
    history.create(name="9999_from_the_future")
    tables_before = set(database.get_tables())
    database.close()
    with pytest.raises(SchemaTooNew, match="newer version"):
        db.connect(db_url)
    again = db.open_url(db_url)
    assert set(again.get_tables()) == tables_before
    assert "9999_from_the_future" in db.runner(again).applied()
    again.close()
