"""Checkout: a 10-line cart ordered and paid, and the order list of a buyer with 1,000 orders.

Each figure is the median of repeated runs of the service call
(`orders.create_from_cart`, `orders.pay`, `orders.list`) beside the same
transaction written by hand in raw SQL through the driver (sqlite3 or psycopg):
the same checks, guarded updates and rows, with nothing in between.

    python tests/bench/bench_checkout.py [--small] [--backend sqlite ...]
"""

from __future__ import annotations

import hashlib
import random

import _common as common

LINES = 10
GOAL_RATIO = 3


def main() -> None:
    args = common.parser(__doc__).parse_args()
    repeat = args.repeat or (3 if args.small else 15)
    sizes = ({"books": 500, "orders": 2_000, "buyers": 20} if args.small
             else {"books": 20_000, "orders": 20_000, "buyers": 200})
    result = {"benchmark": "checkout", "cart_lines": LINES, "busiest_buyer_orders": 1000,
              "repeat": repeat, "goal_ratio": GOAL_RATIO, "machine": common.machine(),
              **sizes, "backends": {}}
    for backend in common.backends_of(args):
        result["backends"][backend] = run(backend, sizes, repeat)
    common.emit(result)


def run(backend: str, sizes: dict, repeat: int) -> dict:
    from bookshop_gui.models import User
    from bookshop_gui.services import auth

    with common.bulk_database(backend, **sizes, busiest=1000) as (url, _, _counts):
        regular = User.select().where(User.role == "buyer").order_by(User.id).first()
        User.update(balance=User.balance * 1000).where(User.id == regular.id).execute()
        token = auth.login(regular.username, "bookshop").token
        raw = common.RawConnection(url)
        try:
            bench = _Checkout(raw, token, regular.id, sizes["books"])
            figures = {
                "create_from_cart": bench.pair(bench.service_create, bench.raw_create, repeat),
                "pay": bench.pair(bench.service_pay, bench.raw_pay, repeat),
                "orders_list_1000": bench.pair(bench.service_list, bench.raw_list, repeat),
            }
            figures["list_rows"] = len(bench.service_list())
        finally:
            raw.close()
            auth.logout(token)
    for name in ("create_from_cart", "pay", "orders_list_1000"):
        figures[name]["goal_met"] = figures[name]["vs_floor"] <= GOAL_RATIO
    return figures


class _Checkout:
    """Both ways of doing each step; untimed set-up refills the cart between runs."""

    def __init__(self, raw, token: str, buyer_id: int, books: int):
        self.raw, self.token, self.buyer_id = raw, token, buyer_id
        self.digest = hashlib.sha256(token.encode()).hexdigest()
        self.rng = random.Random(7)
        self.book_count = books
        raw.run("UPDATE books SET stock = 1000000")
        self.unpaid: list[int] = []

    def pair(self, service, floor, repeat: int) -> dict:
        service_ms, floor_ms = [], []
        for i in range(repeat + 1):  # the first of each is a warm-up
            for fn, sink in ((service, service_ms), (floor, floor_ms)):
                arg = self._prepare(fn)
                elapsed = common.timed(fn, *arg)[0]
                if i:
                    sink.append(elapsed)
        s, f = _median(service_ms), _median(floor_ms)
        return {"service_ms": common.ms(s), "floor_ms": common.ms(f),
                "vs_floor": common.ratio(s, f)}

    def _prepare(self, fn):
        if fn in (self.service_create, self.raw_create):
            return (self._fill_cart(),)
        if fn in (self.service_pay, self.raw_pay):
            return (self.unpaid.pop(),)
        return ()

    def _fill_cart(self) -> list[int]:
        ids = self.rng.sample(range(1, self.book_count + 1), LINES)
        self.raw.run("DELETE FROM cart_lines WHERE user_id = %s", (self.buyer_id,))
        self.raw.many("INSERT INTO cart_lines (user_id, book_id, cnt, added_at) "
                      "VALUES (%s, %s, %s, CURRENT_TIMESTAMP)",
                      [(self.buyer_id, b, 1 + b % 3) for b in ids])
        return ids

    # -- the service --------------------------------------------------------

    def service_create(self, ids):
        from bookshop_gui.services import orders

        self.unpaid.extend(orders.create_from_cart(self.token, ids))

    def service_pay(self, order_id):
        from bookshop_gui.services import orders

        orders.pay(self.token, order_id)

    def service_list(self):
        from bookshop_gui.services import orders

        return orders.list(self.token)

    # -- the floor: the same work in raw SQL ---------------------------------------

    def _caller(self, tx) -> tuple:
        return tx.rows(
            "SELECT u.id, u.vip_ratio, u.balance FROM users u JOIN auth_sessions s "
            "ON s.user_id = u.id WHERE s.token_hash = %s AND s.expires_at > %s",
            (self.digest, _now()),
        )[0]

    def raw_create(self, ids):
        marks = ", ".join(["%s"] * len(ids))
        with self.raw.transaction() as tx:
            buyer_id, ratio, _ = self._caller(tx)
            lines = tx.rows(
                "SELECT c.book_id, c.cnt, b.shop_id, b.title, b.pic, b.price FROM cart_lines c "
                f"JOIN books b ON b.id = c.book_id WHERE c.user_id = %s AND c.book_id IN ({marks})",
                (buyer_id, *ids),
            )
            needed = " ".join(["WHEN %s THEN %s"] * len(lines))
            counts = [value for book_id, cnt, *_ in sorted(lines) for value in (book_id, cnt)]
            taken = tx.run(
                f"UPDATE books SET stock = stock - (CASE id {needed} END) "
                f"WHERE id IN ({marks}) AND stock >= (CASE id {needed} END)",
                (*counts, *ids, *counts),
            )
            if taken != len(lines):
                raise RuntimeError("out of stock")
            shipping = tx.rows("SELECT value FROM settings WHERE key = 'shipping_fee'")
            fee = int(float(shipping[0][0]) * 100) if shipping else 2200
            by_shop: dict[int, list] = {}
            for line in sorted(lines):
                by_shop.setdefault(line[2], []).append(line)
            for shop_id, items in sorted(by_shop.items()):
                self.unpaid.append(self._raw_order(tx, buyer_id, ratio, fee, shop_id, items))
            tx.run(f"DELETE FROM cart_lines WHERE user_id = %s AND book_id IN ({marks})",
                   (buyer_id, *ids))

    def _raw_order(self, tx, buyer_id, ratio, fee, shop_id, items) -> int:
        money = [(price * cnt * ratio + 5_000) // 10_000 for _, cnt, _, _, _, price in items]
        total = sum(money) + fee
        order_id = tx.rows(
            "INSERT INTO orders (buyer_id, shop_id, status, shipping, total, created_at, version) "
            "VALUES (%s, %s, 0, %s, %s, %s, 1) RETURNING id",
            (buyer_id, shop_id, fee, total, _now()),
        )[0][0]
        tx.many(
            "INSERT INTO order_lines (order_id, book_id, name, pic, unit_price, cnt, money) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [(order_id, b, title, pic, price, cnt, m)
             for (b, cnt, _, title, pic, price), m in zip(items, money, strict=True)],
        )
        return order_id

    def raw_pay(self, order_id):
        lock = "" if self.raw.backend == "sqlite" else " FOR UPDATE"
        with self.raw.transaction() as tx:
            buyer_id, _, _ = self._caller(tx)
            status, total = tx.rows("SELECT status, total FROM orders WHERE id = %s AND "
                                    f"buyer_id = %s{lock}", (order_id, buyer_id))[0]
            if status != 0 or not tx.run(
                "UPDATE orders SET status = 1, version = version + 1, paid_at = %s "
                "WHERE id = %s AND status = 0", (_now(), order_id)):
                raise RuntimeError("not payable")
            if not tx.run("UPDATE users SET balance = balance - %s WHERE id = %s AND balance >= %s",
                          (total, buyer_id, total)):
                raise RuntimeError("balance")
            tx.run("INSERT INTO balance_entries (user_id, at, amount, reason, order_id, "
                   "by_username) VALUES (%s, %s, %s, 'payment', %s, '')",
                   (buyer_id, _now(), -total, order_id))

    def raw_list(self):
        with self.raw.transaction() as tx:
            buyer_id, _, _ = self._caller(tx)
            orders = tx.rows(
                "SELECT o.id, o.status, o.shop_id, s.name, o.total, o.created_at FROM orders o "
                "JOIN shops s ON s.id = o.shop_id WHERE o.buyer_id = %s "
                "ORDER BY o.created_at DESC, o.id DESC", (buyer_id,))
            ids = [o[0] for o in orders]
            marks = ", ".join(["%s"] * len(ids))
            lines = tx.rows(f"SELECT order_id, name, cnt, pic FROM order_lines "
                            f"WHERE order_id IN ({marks}) ORDER BY id", ids)
        grouped: dict[int, list] = {}
        for order_id, name, cnt, pic in lines:
            grouped.setdefault(order_id, []).append((name, cnt, pic))
        return [(o, tuple(grouped.get(o[0], ()))) for o in orders]


def _now():
    from bookshop_gui.models.fields import utcnow

    return utcnow()


def _median(values):
    import statistics

    return statistics.median(values)


if __name__ == "__main__":
    main()
