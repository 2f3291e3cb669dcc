"""The fault proxy's slow line, which bench_remote.py relies on: every reply whole, trips counted.

A delay that reordered or dropped chunks would make the benchmark time a
broken connection; a count that missed writes would flatter the program.
"""

from __future__ import annotations

import os

import psycopg
from fault_proxy import FaultProxy

URL = os.environ.get("BOOKSHOP_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def test_a_delayed_line_carries_each_reply_whole_and_counts_each_round_trip():
    proxy = FaultProxy.for_url(URL)
    proxy.delay(0.002)
    try:
        with psycopg.connect(proxy.url(URL), autocommit=True) as conn:
            before = proxy.round_trips
            answers = [conn.execute("SELECT %s::int", (n,)).fetchone()[0] for n in range(3)]
            assert answers == [0, 1, 2]
            assert proxy.round_trips - before == 3
            # A reply of megabytes crosses in many chunks, each held: all arrive, in order.
            rows = conn.execute("SELECT n FROM generate_series(1, 200000) AS n").fetchall()
            assert [n for (n,) in rows] == list(range(1, 200_001))
            assert proxy.round_trips - before == 4
    finally:
        proxy.close()


def test_statements_pipelined_and_answered_once_are_one_round_trip():
    """psycopg writes each statement of a pipeline as it comes, and waits once, at the end;
    statements after the pipeline wait for their answers, one round trip each again."""
    proxy = FaultProxy.for_url(URL)
    proxy.delay(0.002)
    try:
        with psycopg.connect(proxy.url(URL), autocommit=True) as conn:
            before = proxy.round_trips
            with conn.pipeline():
                cursors = [conn.execute("SELECT %s::int", (n,)) for n in range(3)]
            assert [cursor.fetchone()[0] for cursor in cursors] == [0, 1, 2]
            assert proxy.round_trips - before == 1
            answers = [conn.execute("SELECT %s::int", (n,)).fetchone()[0] for n in range(2)]
            assert answers == [0, 1]
            assert proxy.round_trips - before == 3
    finally:
        proxy.close()

