"""Many kiosks: processes buying and paying against one PostgreSQL database at once.

Each kiosk is its own process signed in as its own buyer. In a loop it puts
one to three of a small set of popular books in the cart, orders them and
pays (and now and then cancels a paid order, which refunds it). Stock is
scarce on purpose, so kiosks race for the last copies. Afterwards the
database must add up exactly: no book below zero, every copy either on the
shelf or in a live order, every balance equal to its opening less what its
paid orders cost, one payment entry (and at most one refund) per order, and
the daily totals and sold lines each kiosk adds to equal the orders added up
afresh.

    python tests/bench/bench_kiosks.py [--small] [--kiosks 20] [--seconds 30]
"""

from __future__ import annotations

import multiprocessing
import random
import statistics
import time

import _common as common

HOT_BOOKS = 40
STOCK = 150
TOP_UP_CENTS = 100_000_000


def main() -> None:
    parser = common.parser(__doc__, backends=("postgresql",))
    parser.add_argument("--kiosks", type=int, default=None, help="default 20 (--small: 4)")
    parser.add_argument("--seconds", type=float, default=None, help="default 30 (--small: 3)")
    args = parser.parse_args()
    kiosks = args.kiosks or (4 if args.small else 20)
    seconds = args.seconds or (3 if args.small else 30)
    result = {"benchmark": "many kiosks", "kiosks": kiosks, "seconds": seconds,
              "hot_books": HOT_BOOKS, "stock_each": STOCK, "machine": common.machine(),
              "backends": {}}
    for backend in common.backends_of(args, ("postgresql",)):
        result["backends"][backend] = run(backend, kiosks, seconds)
    common.emit(result)


def run(backend: str, kiosks: int, seconds: float) -> dict:
    from bookshop_gui.models import Book, User

    with common.bulk_database(backend, books=2_000, orders=1_000, buyers=kiosks + 5) as (
            url, database, _counts):
        hot = [b.id for b in Book.select(Book.id).order_by(Book.id.desc()).limit(HOT_BOOKS)]
        Book.update(stock=STOCK).where(Book.id.in_(hot)).execute()
        chosen = [*User.select().where(User.role == "buyer").order_by(User.id).limit(kiosks)]
        buyers = [u.username for u in chosen]
        for user in chosen:  # enough money for the whole run, entered in the ledger too
            database.execute_sql("UPDATE users SET balance = balance + %s WHERE id = %s",
                                 (TOP_UP_CENTS, user.id))
            database.execute_sql(
                "INSERT INTO balance_entries (user_id, at, amount, reason, order_id, by_username) "
                "VALUES (%s, CURRENT_TIMESTAMP, %s, 'top_up', NULL, 'bench')",
                (user.id, TOP_UP_CENTS))
        before = _snapshot(database)
        database.close()
        ctx = multiprocessing.get_context("spawn")
        start_at = time.time() + 3 + kiosks * 0.3  # every kiosk signed in before the start
        with ctx.Pool(kiosks) as pool:
            reports = pool.starmap(_kiosk, [(url, name, hot, start_at, seconds, i)
                                            for i, name in enumerate(buyers)])
        database.connect()
        check = _check(database, before, hot)
    latencies = [ms for r in reports for ms in r["latencies"]]
    paid = sum(r["paid"] for r in reports)
    return {
        "orders_paid": paid, "orders_per_s": round(paid / seconds, 1),
        "p50_ms": common.ms(common.percentile(latencies, 0.5)),
        "p95_ms": common.ms(common.percentile(latencies, 0.95)),
        "out_of_stock": sum(r["out_of_stock"] for r in reports),
        "short_of_money": sum(r["short"] for r in reports),
        "cancelled_and_refunded": sum(r["refunded"] for r in reports),
        "errors": sorted({e for r in reports for e in r["errors"]}),
        "median_orders_per_kiosk": statistics.median(r["paid"] for r in reports),
        "check": check,
    }


def _kiosk(url, username, hot, start_at, seconds, seed) -> dict:
    """One kiosk process: buy and pay in a loop until the time is up."""
    from bookshop_gui import db
    from bookshop_gui.errors import InsufficientBalance, OutOfStock
    from bookshop_gui.services import auth, cart, orders

    database = db.connect(url)
    rng = random.Random(seed)
    token = auth.login(username, "bookshop").token
    report = {"latencies": [], "paid": 0, "out_of_stock": 0, "short": 0, "refunded": 0,
              "errors": []}
    time.sleep(max(0.0, start_at - time.time()))
    end = time.time() + seconds
    while time.time() < end:
        picks = rng.sample(hot, rng.randint(1, 3))
        started = time.perf_counter()
        try:
            for book_id in picks:
                cart.add(token, book_id, rng.randint(1, 2))
            for order_id in orders.create_from_cart(token, picks):
                orders.pay(token, order_id)
                report["paid"] += 1
                if rng.random() < 0.1:
                    orders.cancel(token, order_id)
                    report["refunded"] += 1
        except OutOfStock:
            report["out_of_stock"] += 1
            for book_id in picks:
                cart.remove(token, book_id)
        except InsufficientBalance:
            report["short"] += 1
        except Exception as exc:  # reported, not hidden: the check below says if it mattered
            report["errors"].append(type(exc).__name__)
        report["latencies"].append((time.perf_counter() - started) * 1000)
    auth.logout(token)
    database.close()
    return report


def _snapshot(database) -> dict:
    stock = dict(database.execute_sql("SELECT id, stock FROM books").fetchall())
    balance = dict(database.execute_sql(
        "SELECT id, balance FROM users WHERE role = 'buyer'").fetchall())
    return {"stock": stock, "balance": balance,
            "max_order": database.execute_sql("SELECT MAX(id) FROM orders").fetchone()[0] or 0}


def _check(database, before: dict, hot: list[int]) -> dict:
    """Do stock and money add up exactly after the run?"""
    after = _snapshot(database)
    first_new = before["max_order"]
    held = dict(database.execute_sql(
        "SELECT l.book_id, SUM(l.cnt) FROM order_lines l JOIN orders o ON o.id = l.order_id "
        "WHERE o.id > %s AND o.status <> -1 GROUP BY l.book_id", (first_new,)).fetchall())
    stock_ok = all(after["stock"][b] == before["stock"][b] - held.get(b, 0) for b in hot)
    never_negative = min(after["stock"].values()) >= 0
    spent = dict(database.execute_sql(
        "SELECT buyer_id, SUM(total) FROM orders WHERE id > %s AND status IN (1, 2, 3, 4) "
        "GROUP BY buyer_id", (first_new,)).fetchall())
    balance_ok = all(after["balance"][u] == before["balance"][u] - spent.get(u, 0)
                     for u in before["balance"])
    ledger_ok = not database.execute_sql(
        "SELECT u.id FROM users u LEFT JOIN balance_entries e ON e.user_id = u.id "
        "WHERE u.role = 'buyer' GROUP BY u.id, u.balance "
        "HAVING u.balance <> COALESCE(SUM(e.amount), 0)").fetchall()
    doubled = database.execute_sql(
        "SELECT order_id, reason FROM balance_entries WHERE order_id > %s "
        "GROUP BY order_id, reason HAVING COUNT(*) > 1", (first_new,)).fetchall()
    days_ok, sold_ok = _days_kept() == _days_fresh(), _sold_kept() == _sold_fresh()
    ok = (stock_ok and never_negative and balance_ok and ledger_ok and not doubled
          and days_ok and sold_ok)
    return {"stock_adds_up": stock_ok, "no_negative_stock": never_negative,
            "balances_add_up": balance_ok, "ledger_matches_balances": ledger_ok,
            "double_charges_or_refunds": len(doubled), "daily_totals_add_up": days_ok,
            "sold_lines_add_up": sold_ok, "all_exact": ok}


def _days_fresh() -> dict:
    """Orders and totals per shop, local day and status, added up from the orders."""
    from bookshop_gui.models import Order
    from bookshop_gui.services.day_totals import local_day

    sums: dict = {}
    for shop_id, created_at, status, total in Order.select(
            Order.shop, Order.created_at, Order.status, Order.total).tuples():
        count, money = sums.get((shop_id, local_day(created_at), status), (0, 0))
        sums[shop_id, local_day(created_at), status] = (count + 1, money + total)
    return sums


def _days_kept() -> dict:
    """The daily totals, each day's slots added up, leaving out rows every order has moved
    away from."""
    from bookshop_gui._peewee import peewee
    from bookshop_gui.models import SalesDay
    from bookshop_gui.models.fields import money_sum

    rows = (SalesDay.select(SalesDay.shop, SalesDay.day, SalesDay.status,
                            peewee.fn.SUM(SalesDay.orders), money_sum(SalesDay.total))
            .group_by(SalesDay.shop, SalesDay.day, SalesDay.status).tuples())
    return {(shop_id, _date(day), status): (count, money)
            for shop_id, day, status, count, money in rows if count or money}


def _date(value):
    import datetime

    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(
        str(value)[:10])


def _sold_fresh() -> set:
    """Every line of a paid, shipped, received or reviewed order, with its shop and moment."""
    from bookshop_gui.models import Order, OrderLine
    from bookshop_gui.services.sold_lines import SOLD

    return set(OrderLine.select(OrderLine.id, Order.shop, OrderLine.book, Order.created_at,
                                OrderLine.cnt, OrderLine.money)
               .join(Order).where(Order.status.in_([int(s) for s in SOLD])).tuples())


def _sold_kept() -> set:
    from bookshop_gui.models import SoldLine

    return set(SoldLine.select(SoldLine.line, SoldLine.shop_id, SoldLine.book_id,
                               SoldLine.placed_at, SoldLine.cnt, SoldLine.money).tuples())


if __name__ == "__main__":
    main()
