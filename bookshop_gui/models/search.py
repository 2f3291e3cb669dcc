"""The catalog's trigram search index (migration 0003), where the backend has one.

SQLite: `candidate_ids` asks the FTS5 index for the books whose title, author
or ISBN may contain the text; the caller still applies its own exact
condition to them. When the text is too short for trigrams, or so common that
reading the newest books in order finds a page sooner, the answer is None and
the caller scans as before.

PostgreSQL: `page_ids` and `count` answer from the `book_search` table alone,
whose lower-cased text makes `LIKE lower(pattern)` mean exactly what the
catalog's ILIKE conditions mean; the planner picks the trigram index for rare
text and a newest-first walk for common text.
"""

from __future__ import annotations

import weakref

from bookshop_gui._peewee import peewee
from bookshop_gui.models.base import database

MIN_LENGTH = 3  # a trigram index cannot look up less
MAX_CANDIDATES = 2000  # beyond this, the newest-first scan meets a page of matches sooner

_HAS_INDEX: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def candidate_ids(text: str, isbn: str) -> list[int] | None:
    """SQLite: ids of the books that may match `text` (or the ISBN digits `isbn`), or None."""
    if _index_kind() != "sqlite" or len(text) < MIN_LENGTH or (isbn and len(isbn) < MIN_LENGTH):
        return None
    rows = database.execute_sql(
        "SELECT rowid FROM book_search WHERE book_search MATCH ? LIMIT ?",
        (_fts_query(text, isbn), MAX_CANDIDATES + 1),
    )
    ids = [row[0] for row in rows]
    return ids if len(ids) <= MAX_CANDIDATES else None


def page_ids(text: str, isbn: str, shop_id, offset: int, limit: int):
    """PostgreSQL: a subquery of the ids on one newest-first page of matches, or None."""
    where = _pg_where(text, isbn, shop_id)
    if where is None:
        return None
    sql, params = where
    return peewee.SQL(
        f"(SELECT book_id FROM book_search WHERE {sql} "
        "ORDER BY created_at DESC, book_id DESC LIMIT %s OFFSET %s)",
        (*params, limit, offset),
    )


def count(text: str, isbn: str, shop_id, up_to: int | None = None) -> int | None:
    """PostgreSQL: how many books match (at most `up_to`), or None without the index."""
    where = _pg_where(text, isbn, shop_id)
    if where is None:
        return None
    sql, params = where
    if up_to is not None:
        sql, params = f"{sql} LIMIT %s", (*params, up_to)
    cursor = database.execute_sql(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM book_search WHERE {sql}) AS matches", params)
    return cursor.fetchone()[0]


def _pg_where(text: str, isbn: str, shop_id):
    if _index_kind() != "postgresql" or not text or "\x01" in text:
        return None
    sql, params = "(doc LIKE lower(%s)", [_like_pattern(text)]
    if isbn:
        sql += " OR isbn LIKE lower(%s)"
        params.append(_like_pattern(isbn))
    sql += ")"
    if shop_id is not None:
        sql += " AND shop_id = %s"
        params.append(shop_id)
    return sql, tuple(params)


def _index_kind() -> str | None:
    """'sqlite' or 'postgresql' when this database has the search index, else None."""
    db = database.obj
    if db is None:
        return None
    if db not in _HAS_INDEX:
        kind = type(db).__name__.lower()
        kind = "sqlite" if "sqlite" in kind else "postgresql" if "postgres" in kind else None
        _HAS_INDEX[db] = kind if kind and db.table_exists("book_search") else None
    return _HAS_INDEX[db]


def _fts_query(text: str, isbn: str) -> str:
    words = _fts_phrase(text)
    query = f"{{title author isbn}} : {words}"
    if isbn and isbn != text:
        query += f" OR isbn : {_fts_phrase(isbn)}"
    return query


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
