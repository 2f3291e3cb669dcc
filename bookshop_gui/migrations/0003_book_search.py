"""Search-as-you-type at 100,000 books: a trigram index of titles, authors and ISBNs.

`catalog.search` matches substrings, which no ordinary index can find. Here a
search index holds every book's title, author and ISBN cut into trigrams,
kept up to date by triggers, and the catalog asks it for the few matching ids:

- SQLite: an FTS5 table with the trigram tokenizer over `books` (external content);
- PostgreSQL: a `book_search` table (lower-cased text, shop and date) with
  pg_trgm GIN indexes, which also answers the newest-first page by itself.
  Making the extension needs a superuser; without it there is no index, and
  the catalog searches as before, only slower;
- MariaDB: nothing (its full-text indexes find words, not substrings).

Every backend also gets `books (created_at, id)`, so the newest-first page of
a common word is read in order and stops after one page.
The search tables are not models: no code but the catalog's search reads them.
"""
import logging

from peewee import *

logger = logging.getLogger(__name__)

SQLITE_UP = (
    "CREATE VIRTUAL TABLE book_search USING fts5(title, author, isbn, content='books', "
    "content_rowid='id', tokenize='trigram')",
    "INSERT INTO book_search (book_search) VALUES ('rebuild')",
    """CREATE TRIGGER book_search_insert AFTER INSERT ON books BEGIN
        INSERT INTO book_search (rowid, title, author, isbn)
        VALUES (new.id, new.title, new.author, new.isbn);
    END""",
    """CREATE TRIGGER book_search_delete AFTER DELETE ON books BEGIN
        INSERT INTO book_search (book_search, rowid, title, author, isbn)
        VALUES ('delete', old.id, old.title, old.author, old.isbn);
    END""",
    """CREATE TRIGGER book_search_update AFTER UPDATE OF title, author, isbn ON books BEGIN
        INSERT INTO book_search (book_search, rowid, title, author, isbn)
        VALUES ('delete', old.id, old.title, old.author, old.isbn);
        INSERT INTO book_search (rowid, title, author, isbn)
        VALUES (new.id, new.title, new.author, new.isbn);
    END""",
)
SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS book_search_update",
    "DROP TRIGGER IF EXISTS book_search_delete",
    "DROP TRIGGER IF EXISTS book_search_insert",
    "DROP TABLE IF EXISTS book_search",
)

# A lower-cased copy of what the catalog matches, with what it sorts and filters by:
# `doc LIKE lower(pattern)` is what `title ILIKE … OR author ILIKE …` means, but
# cheap enough to test row by row when the newest books are read in order.
POSTGRES_UP = (
    """CREATE TABLE book_search (
        book_id INTEGER PRIMARY KEY REFERENCES books (id) ON DELETE CASCADE,
        shop_id INTEGER NOT NULL,
        created_at TIMESTAMP NOT NULL,
        doc TEXT NOT NULL,
        isbn TEXT NOT NULL
    )""",
    """CREATE FUNCTION book_search_sync() RETURNS trigger LANGUAGE plpgsql AS $body$
    BEGIN
        INSERT INTO book_search (book_id, shop_id, created_at, doc, isbn)
        VALUES (NEW.id, NEW.shop_id, NEW.created_at,
                lower(NEW.title) || chr(1) || lower(NEW.author), lower(NEW.isbn))
        ON CONFLICT (book_id) DO UPDATE SET shop_id = EXCLUDED.shop_id,
            created_at = EXCLUDED.created_at, doc = EXCLUDED.doc, isbn = EXCLUDED.isbn;
        RETURN NULL;
    END
    $body$""",
    "INSERT INTO book_search (book_id, shop_id, created_at, doc, isbn) "
    "SELECT id, shop_id, created_at, lower(title) || chr(1) || lower(author), lower(isbn) "
    "FROM books",
    "CREATE INDEX book_search_doc_trgm ON book_search USING gin (doc gin_trgm_ops) "
    "WITH (fastupdate = off)",  # no pending list for every search to wade through
    "CREATE INDEX book_search_isbn_trgm ON book_search USING gin (isbn gin_trgm_ops) "
    "WITH (fastupdate = off)",
    "CREATE INDEX book_search_newest ON book_search (created_at, book_id)",
    "CREATE INDEX book_search_shop_newest ON book_search (shop_id, created_at, book_id)",
    """CREATE TRIGGER book_search_sync
        AFTER INSERT OR UPDATE OF title, author, isbn, shop_id, created_at ON books
        FOR EACH ROW EXECUTE FUNCTION book_search_sync()""",
)
POSTGRES_DOWN = (
    "DROP TRIGGER IF EXISTS book_search_sync ON books",
    "DROP FUNCTION IF EXISTS book_search_sync()",
    "DROP TABLE IF EXISTS book_search",
)


def up(migrator, db):
    migrator.migrate(migrator.add_index('books', ('created_at', 'id'), False))
    if isinstance(db, PostgresqlDatabase):
        if _trigram_extension(db):
            _run(db, POSTGRES_UP)
    elif isinstance(db, SqliteDatabase):
        try:
            with db.atomic():
                _run(db, SQLITE_UP)
        except OperationalError as exc:  # an SQLite built without FTS5 or its trigram tokenizer
            logger.warning("Catalog search index not made, searching without it: %s", exc)


def down(migrator, db):
    if isinstance(db, PostgresqlDatabase):
        _run(db, POSTGRES_DOWN)
    elif isinstance(db, SqliteDatabase):
        _run(db, SQLITE_DOWN)
    migrator.migrate(migrator.drop_index('books', 'books_created_at_id'))


def _trigram_extension(db) -> bool:
    """pg_trgm, made here if need be (a superuser's right); False if it cannot be had."""
    try:
        with db.atomic():
            db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        return True
    except DatabaseError as exc:
        logger.warning("Catalog search index not made (pg_trgm unavailable): %s", exc)
        return False


def _run(db, statements):
    for statement in statements:
        db.execute_sql(statement)
