"""The balance is a ledger that adds up: `reconcile` proves it, and finds what does not.

A day of trading (a top-up, payments, a refund) reconciles clean on every
backend, and so do the demo and bulk data; a balance or an entry changed
behind the program's back is found and named. A buyer's statement reads the
same entries, newest first, with the balance each one left.
"""

from decimal import Decimal

import pytest

from bookshop_gui.admin import bulk
from bookshop_gui.errors import AuthError, InvalidInput, NotFound
from bookshop_gui.models import BalanceEntry, User
from bookshop_gui.services import accounts, demo_data, ledger, orders, shop

from .builders import make_book, make_buyer, make_shop, make_staff


@pytest.fixture
def trading(database):
    """A top-up, an order paid then cancelled by the shop, one paid and kept, one unpaid."""
    shop_id = make_shop("Shop A")
    staff, buyer = make_staff("clerk", shop_id), make_buyer("reader")
    book = make_book(shop_id, price="10.00")
    accounts.top_up(staff.token, "reader", Decimal("500"))
    refunded = orders.create(buyer.token, book, 1)
    orders.pay(buyer.token, refunded)
    shop.cancel(staff.token, refunded)
    kept = orders.create(buyer.token, book, 2)
    orders.pay(buyer.token, kept)
    orders.create(buyer.token, book, 1)
    return staff, refunded, kept


def test_a_days_trading_reconciles_clean(trading):
    assert ledger.reconcile() == []


def test_a_balance_changed_behind_the_programs_back_is_found(trading):
    User.update(balance=User.balance + Decimal("100")).where(User.username == "reader").execute()
    found = ledger.reconcile()
    assert [(d.kind, d.username, d.order_id) for d in found] == [("balance", "reader", None)]
    assert found[0].detail == "balance is 558.00 but the entries add up to 458.00"


def test_a_missing_refund_and_a_double_payment_are_found(trading):
    _, refunded, kept = trading
    BalanceEntry.delete().where(BalanceEntry.order_id == refunded,
                                BalanceEntry.reason == "refund").execute()
    reader = User.get(User.username == "reader")
    BalanceEntry.create(user=reader.id, amount=Decimal("-42.00"), reason="payment", order_id=kept)
    found = {(d.kind, d.order_id) for d in ledger.reconcile()}
    assert found == {("balance", None), ("order", refunded), ("order", kept)}


def test_the_statement_runs_the_balance_newest_first_a_page_at_a_time(trading):
    staff, refunded, kept = trading
    whole = ledger.statement(staff.token, "reader")
    assert [(e.reason, e.amount, e.order_id, e.balance_after) for e in whole] == [
        ("payment", Decimal("-42.00"), kept, Decimal("458.00")),
        ("refund", Decimal("32.00"), refunded, Decimal("500.00")),
        ("payment", Decimal("-32.00"), refunded, Decimal("468.00")),
        ("top_up", Decimal("500.00"), None, Decimal("500.00"))]
    assert [e.by_username for e in whole] == ["reader", "clerk", "reader", "clerk"]
    assert whole[0].balance_after == accounts.get_member(staff.token, "reader").balance
    assert ledger.statement(staff.token, "reader", offset=2, limit=2) == whole[2:4]


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_statement_is_for_staff_and_checks_its_input(trading):
    staff = trading[0]
    with pytest.raises(AuthError):
        ledger.statement(make_buyer("other").token, "reader")
    with pytest.raises(NotFound):
        ledger.statement(staff.token, "nobody")
    for bad in ({"offset": -1}, {"limit": 0}, {"limit": "10"}, {"offset": True}):
        with pytest.raises(InvalidInput):
            ledger.statement(staff.token, "reader", **bad)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_statement_as_csv_keeps_amounts_numbers_and_words_text(trading, tmp_path):
    staff = trading[0]
    reader = User.get(User.username == "reader")
    BalanceEntry.update(by_username="=HYPERLINK(1)").where(
        BalanceEntry.user == reader.id, BalanceEntry.reason == "top_up").execute()
    path = tmp_path / "reader.csv"
    assert ledger.write_csv(staff.token, "reader", path) == 4
    rows = path.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0] == "date,reason,amount,order,by,balance"
    assert rows[1].split(",")[1:] == ["payment", "-42.00", str(trading[2]), "reader", "458.00"]
    assert rows[4].split(",")[1:] == ["top_up", "500.00", "", "'=HYPERLINK(1)", "500.00"]


@pytest.mark.parametrize("backend", ["sqlite"])
def test_demo_and_bulk_data_reconcile_clean(database):
    demo_data.seed()
    assert ledger.reconcile() == []
    bulk.seed(bulk.Sizes(books=30, orders=200, buyers=10, shops=2, busiest=20), password="pw")
    assert ledger.reconcile() == []
