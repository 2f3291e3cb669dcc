"""Catalog search as you type, at 100,000 books: latency per keystroke.

Every prefix of a title word, an author's name and an ISBN is searched the
way the catalog's search box does (`catalog.search(text)`, first page of 50),
several times over; p50 and p95 are taken over all keystrokes. The floor is
the same SQL statements replayed straight through the driver (sqlite3 or
psycopg), so the difference is what the service layer and peewee add.

    python tests/bench/bench_search.py [--small] [--books N] [--backend sqlite ...]
"""

from __future__ import annotations

import _common as common

TYPED = {
    "title": ("lighthouse", "forgotten"),
    "author": ("lindqvist", "okafor"),
}
GOAL_P95_MS = 30


def main() -> None:
    parser = common.parser(__doc__)
    parser.add_argument("--books", type=int, default=None, help="default 100000 (--small: 3000)")
    args = parser.parse_args()
    books = args.books or (3_000 if args.small else 100_000)
    repeat = args.repeat or (2 if args.small else 7)
    result = {"benchmark": "catalog search per keystroke", "books": books, "repeat": repeat,
              "goal_p95_ms": GOAL_P95_MS, "machine": common.machine(), "backends": {}}
    for backend in common.backends_of(args):
        result["backends"][backend] = run(backend, books, repeat)
    common.emit(result)


def run(backend: str, books: int, repeat: int) -> dict:
    from bookshop_gui.models import Book
    from bookshop_gui.services import catalog

    with common.bulk_database(backend, books=books, orders=0, buyers=1) as (url, _, _counts):
        isbns = [Book.get_by_id(books // 2).isbn, Book.get_by_id(books // 3).isbn]
        typed = {**TYPED, "isbn": tuple(isbns)}
        raw = common.RawConnection(url)
        try:
            figures = {}
            for kind, words in typed.items():
                keystrokes = [word[:n] for word in words for n in range(1, len(word) + 1)]
                figures[kind] = _measure(catalog, raw, keystrokes, repeat)
            figures["all"] = _summary(
                [t for f in figures.values() for t in f.pop("_service")],
                [t for f in figures.values() for t in f.pop("_floor")],
            )
        finally:
            raw.close()
    return figures


def _measure(catalog, raw, keystrokes: list[str], repeat: int) -> dict:
    service, floor, found = [], [], {}
    for text in keystrokes:
        with common.QueryLog() as log:
            found[text] = len(catalog.search(text))  # warm-up, and the statements to replay
        for _ in range(repeat):
            service.append(common.timed(catalog.search, text)[0])
            floor.append(common.timed(common.replay, raw, log.reads())[0])
    figures = _summary(service, floor)
    figures["keystrokes"] = len(keystrokes)
    figures["rows_on_last_keystroke"] = found[keystrokes[-1]]
    figures["_service"], figures["_floor"] = service, floor
    return figures


def _summary(service: list[float], floor: list[float]) -> dict:
    p50, p95 = common.percentile(service, 0.5), common.percentile(service, 0.95)
    f50, f95 = common.percentile(floor, 0.5), common.percentile(floor, 0.95)
    return {
        "p50_ms": common.ms(p50), "p95_ms": common.ms(p95), "max_ms": common.ms(max(service)),
        "floor_p50_ms": common.ms(f50), "floor_p95_ms": common.ms(f95),
        "p95_vs_floor": common.ratio(p95, f95), "goal_met": p95 < GOAL_P95_MS,
    }


if __name__ == "__main__":
    main()
