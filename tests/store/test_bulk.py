"""Bulk data: the sizes asked for, every status, and books that balance."""

from bookshop_gui import db
from bookshop_gui.admin import bulk, cli
from bookshop_gui.domain import OrderStatus
from bookshop_gui.models import BalanceEntry, Book, Order, OrderLine, User
from bookshop_gui.models.fields import money_sum
from bookshop_gui.services import auth, catalog, orders


def test_isbn13_check_digit():
    assert bulk.isbn13("978014143951") == "9780141439518"
    assert bulk.isbn13("978702000220") == "9787020002207"


def test_seed_bulk_writes_the_sizes_asked_for(database):
    counts = bulk.seed(bulk.Sizes(books=60, orders=300, buyers=40, shops=3, busiest=25))
    written = (counts["books"], counts["orders"], counts["buyers"], counts["shops"])
    assert written == (60, 300, 40, 3)
    assert Book.select().count() == 60 and Order.select().count() == 300
    assert {o.status for o in Order.select(Order.status)} == {int(s) for s in OrderStatus}
    assert 2.5 <= OrderLine.select().count() / 300 <= 3.5
    assert all(bulk.isbn13(b.isbn[:12]) == b.isbn for b in Book.select(Book.isbn))
    newest_first = [o.id for o in Order.select().order_by(Order.created_at.desc())]
    assert newest_first == sorted(newest_first, reverse=True)


def test_bulk_balances_add_up_and_accounts_work(database):
    bulk.seed(bulk.Sizes(books=30, orders=200, buyers=10, shops=2, busiest=20), password="pw")
    for user in User.select().where(User.role == "buyer"):
        entries = BalanceEntry.select(money_sum(BalanceEntry.amount).alias("s"))
        assert entries.where(BalanceEntry.user == user.id).get().s == user.balance
    for order in Order.select():
        lines = OrderLine.select(money_sum(OrderLine.money).alias("s"))
        assert lines.where(OrderLine.order == order.id).get().s + order.shipping == order.total
    regular = User.select().where(User.role == "buyer").order_by(User.id).first()
    session = auth.login(regular.username, "pw")
    assert len(orders.list(session.token)) == 20
    auth.logout(session.token)
    assert catalog.search(Book.get_by_id(1).isbn[3:9])


def test_seed_bulk_twice_and_from_the_command_line(db_url, capsys):
    args = ["seed-bulk", "--db", db_url, "--books", "10", "--orders", "20", "--buyers", "5",
            "--shops", "2"]
    assert cli.main(args) == 0
    assert cli.main(args) == 0
    assert "20 orders" in capsys.readouterr().out
    database = db.connect(db_url)
    assert Order.select().count() == 40 and User.select().count() == 2 * (5 + 2 * 2 + 1)
    database.close()
