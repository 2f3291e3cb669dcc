"""A shop chain's PostgreSQL server fails over to its hot standby, and the program follows.

Two real servers run for this test (standby_pair.py): a primary and a
streaming standby made with `pg_basebackup -R`. The program opens them through
one URL naming both hosts with `target_session_attrs=read-write`, as the
settings dialog writes it. Orders are placed; the primary is shut down and the
standby promoted; every committed order is on the new primary, and the next
service calls, on the same connection settings, carry on there by themselves.
"""

import pytest

from bookshop_gui import db
from bookshop_gui.admin import backup
from bookshop_gui.domain import OrderStatus
from bookshop_gui.errors import InvalidInput
from bookshop_gui.models import database as bound
from bookshop_gui.services import catalog, connection, orders


def _server_port() -> int:
    return bound.execute_sql("SELECT inet_server_port()").fetchone()[0]


def test_every_committed_order_survives_a_failover_and_the_next_calls_carry_on(pair, chain):
    buyer, book = chain
    placed = [orders.create(buyer.token, book, 1) for _ in range(3)]
    orders.pay(buyer.token, placed[0])
    assert _server_port() == pair.ports["primary"]

    pair.fail_over()

    # The same connection settings, no restart: the next call finds the new primary.
    statuses = {order: orders.info(buyer.token, order).status for order in placed}
    waiting = OrderStatus.PENDING_PAYMENT
    assert statuses == {placed[0]: OrderStatus.PENDING_SHIPMENT, placed[1]: waiting,
                        placed[2]: waiting}
    assert _server_port() == pair.ports["standby"]
    assert catalog.get(book).stock == 17
    orders.pay(buyer.token, placed[1])
    later = orders.create(buyer.token, book, 2)
    assert orders.info(buyer.token, later).status == OrderStatus.PENDING_PAYMENT
    assert catalog.get(book).stock == 15
    assert orders.info(buyer.token, placed[1]).status == OrderStatus.PENDING_SHIPMENT


def test_the_status_bar_the_password_and_the_backup_advice_keep_every_host():
    url = "postgresql://till@main:5432,standby:5433/shop?target_session_attrs=read-write"
    assert connection.describe(url) == "postgresql://till@main:5432,standby:5433/shop"
    assert connection.with_password(url, "p w") == (
        "postgresql://till:p%20w@main:5432,standby:5433/shop?target_session_attrs=read-write")
    assert "pg_dump -h main,standby -p 5432,5433 -U till" in backup.server_advice(url)


def test_several_hosts_are_refused_for_mysql_with_a_typed_error():
    with pytest.raises(InvalidInput, match="PostgreSQL only"):
        db.open_url("mysql://root@main:3306,standby:3306/shop")
