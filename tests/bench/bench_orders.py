"""The merchant's orders list at 100,000 orders: the first page per status, and paging to the end.

One shop holds every order (the worst case for a shop's list). For each status
tab, and for "all", the first page of `shop.list_orders` (100 rows, as the
orders pane fetches them) is timed beside the same page read with raw SQL
(sqlite3 / psycopg). Then every page of "all" is read in turn to the end, as
scrolling does, and the slowest fetch is reported beside the raw SQL's.

    python tests/bench/bench_orders.py [--small] [--orders N] [--backend sqlite ...]
"""

from __future__ import annotations

import hashlib
import statistics

import _common as common

PAGE = 100
GOAL_FIRST_PAGE_RATIO = 2
GOAL_FETCH_MS = 50


def main() -> None:
    parser = common.parser(__doc__)
    parser.add_argument("--orders", type=int, default=None, help="default 100000 (--small: 3000)")
    args = parser.parse_args()
    orders = args.orders or (3_000 if args.small else 100_000)
    repeat = args.repeat or (3 if args.small else 9)
    result = {"benchmark": "shop orders list", "orders": orders, "page": PAGE, "repeat": repeat,
              "goal_first_page_ratio": GOAL_FIRST_PAGE_RATIO, "goal_fetch_ms": GOAL_FETCH_MS,
              "machine": common.machine(), "backends": {}}
    for backend in common.backends_of(args):
        result["backends"][backend] = run(backend, orders, repeat)
    common.emit(result)


def run(backend: str, orders: int, repeat: int) -> dict:
    from bookshop_gui.models import User
    from bookshop_gui.services import auth, shop

    sizes = {"books": max(100, orders // 10), "orders": orders,
             "buyers": max(10, orders // 5), "shops": 1}
    with common.bulk_database(backend, **sizes) as (url, _, _counts):
        clerk = User.select().where(User.role == "staff").order_by(User.id).first()
        token = auth.login(clerk.username, "bookshop").token
        raw = common.RawConnection(url)
        try:
            floor = _RawPages(raw, token, clerk.shop_id)
            first = {}
            for name, status in common.STATUS_TABS.items():
                s = common.median_ms(shop.list_orders, repeat, token, status, limit=PAGE)
                f = common.median_ms(floor.page, repeat, status, 0)
                first[name] = {"service_ms": s, "floor_ms": f, "vs_floor": common.ratio(s, f)}
            worst = max(v["vs_floor"] or 0 for v in first.values())
            figures = {"first_page": first, "first_page_worst_ratio": worst,
                       "first_page_goal_met": worst <= GOAL_FIRST_PAGE_RATIO,
                       "scroll_to_end": _scroll(shop, floor, token, orders)}
        finally:
            raw.close()
            auth.logout(token)
    return figures


def _scroll(shop, floor, token: str, total: int) -> dict:
    service, raw, rows = [], [], 0
    for offset in range(0, total, PAGE):
        elapsed, page = common.timed(shop.list_orders, token, None, offset=offset, limit=PAGE)
        service.append(elapsed)
        raw.append(common.timed(floor.page, None, offset)[0])
        rows += len(page)
    return {
        "pages": len(service), "rows": rows,
        "fetch_median_ms": common.ms(statistics.median(service)),
        "fetch_p95_ms": common.ms(common.percentile(service, 0.95)),
        "fetch_max_ms": common.ms(max(service)),
        "last_fetch_ms": common.ms(service[-1]),
        "floor_fetch_median_ms": common.ms(statistics.median(raw)),
        "floor_fetch_max_ms": common.ms(max(raw)),
        "total_s": round(sum(service) / 1000, 2),
        "goal_met": max(service) < GOAL_FETCH_MS,
    }


class _RawPages:
    """One page of a shop's orders in full (buyer, review, lines), in raw SQL."""

    def __init__(self, raw, token: str, shop_id: int):
        self.raw, self.shop_id = raw, shop_id
        self.digest = hashlib.sha256(token.encode()).hexdigest()

    def page(self, status, offset: int):
        from bookshop_gui.models.fields import utcnow

        with self.raw.transaction() as tx:
            tx.rows("SELECT u.id, u.role, u.shop_id FROM users u JOIN auth_sessions s "
                    "ON s.user_id = u.id WHERE s.token_hash = %s AND s.expires_at > %s",
                    (self.digest, utcnow()))
            where, params = "o.shop_id = %s", [self.shop_id]
            if status is not None:
                where += " AND o.status = %s"
                params.append(status)
            orders = tx.rows(
                "SELECT o.id, o.status, o.shop_id, o.shipping, o.total, o.created_at, o.paid_at, "
                "o.version, s.name, u.username, r.mark, r.comment FROM orders o "
                "JOIN shops s ON s.id = o.shop_id JOIN users u ON u.id = o.buyer_id "
                f"LEFT JOIN reviews r ON r.order_id = o.id WHERE {where} "
                "ORDER BY o.created_at DESC, o.id DESC LIMIT %s OFFSET %s",
                (*params, PAGE, offset))
            ids = [o[0] for o in orders]
            lines = tx.rows(
                "SELECT order_id, book_id, name, cnt, pic, unit_price, money FROM order_lines "
                f"WHERE order_id IN ({', '.join(['%s'] * len(ids))}) ORDER BY id", ids
            ) if ids else []
        return orders, lines


if __name__ == "__main__":
    main()
