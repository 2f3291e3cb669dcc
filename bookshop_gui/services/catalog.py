"""The books on sale: public search for buyers, and editing for each shop's staff."""

from bookshop_gui import domain
from bookshop_gui.domain import Book as BookValue
from bookshop_gui.domain import Role
from bookshop_gui.errors import InvalidInput, NotFound
from bookshop_gui.models import Book, Shop
from bookshop_gui.models import search as search_index
from bookshop_gui.services import changes
from bookshop_gui.services.sessions import caller
from bookshop_gui.services.transactions import reads, writes

MAX_LIMIT = 500
MAX_STOCK = 1_000_000
MAX_TITLE = 300
_TEXT_LIMITS = {"title": MAX_TITLE, "author": 200, "isbn": 20, "pic": 500}


@reads
def search(text="", *, shop_id=None, offset=0, limit=50) -> list[BookValue]:
    """Books whose title, author or ISBN contains `text`, newest first."""
    text, shop_id = domain.text(text, "Search", 200), _shop_filter(shop_id)
    offset, limit = domain.page_offset(offset), domain.page_limit(limit, MAX_LIMIT)
    page = search_index.page_ids(text, normalise_isbn(text), shop_id, offset, limit)
    if page is not None:
        rows = Book.select(Book, Shop).join(Shop).where(Book.id.in_(page))
    else:
        rows = _matching(text, shop_id).offset(offset).limit(limit)
    return [_book(row) for row in rows.order_by(Book.created_at.desc(), Book.id.desc())]


@reads
def count(text="", *, shop_id=None, up_to=None) -> int:
    """How many books `search` would find in all; with `up_to`, counting stops there.

    A search box says "1,000+ books" rather than wait while a one-letter search
    counts nearly the whole catalog: past `up_to` matches the exact number is
    no help to anyone, and counting them is most of the keystroke's cost.
    """
    text, shop_id = domain.text(text, "Search", 200), _shop_filter(shop_id)
    if up_to is not None:
        up_to = domain.page_limit(up_to)
    found = search_index.count(text, normalise_isbn(text), shop_id, up_to)
    if found is not None:
        return found
    matching = _matching(text, shop_id)
    return matching.limit(up_to).count() if up_to is not None else matching.count()


@reads
def get(book_id) -> BookValue:
    return _book(_row(book_id))


@reads
def by_title(title) -> list[BookValue]:
    """Every book whose title is exactly `title`, oldest first.

    Seed 000's clients name books by title alone, and two shops (or two
    editions) can share one, so the caller must be told when a title is not
    enough to choose a book. The search index narrows the rows first.
    """
    title = domain.text(title, "A title", _TEXT_LIMITS["title"], required=True)
    rows = _matching(title, None).where(Book.title == title).order_by(Book.id)
    return [_book(row) for row in rows if row.title == title]


@reads
def find_isbn(isbn) -> BookValue | None:
    """The newest book with exactly this ISBN: what a barcode scanner asks for."""
    code = normalise_isbn(isbn)
    row = (
        Book.select(Book, Shop).join(Shop).where(Book.isbn == code)
        .order_by(Book.id.desc()).first()
    ) if code else None
    return _book(row) if row else None


@writes
def add_book(token, *, title, price, stock, author="", isbn="", pic="") -> int:
    """Staff add a book to their own shop."""
    staff = caller(token, Role.STAFF)
    fields = _clean({"title": title, "price": price, "stock": stock,
                     "author": author, "isbn": isbn, "pic": pic})
    return Book.create(shop=staff.shop_id, **fields).id


@writes
def update_book(token, book_id, **fields) -> None:
    """Staff change their own shop's book; orders already made keep their prices."""
    staff = caller(token, Role.STAFF)
    unknown = set(fields) - {"title", "price", "stock", "author", "isbn", "pic"}
    if unknown:
        raise InvalidInput(f"A book has no {', '.join(sorted(unknown))}.")
    book = _row(book_id)
    if book.shop_id != staff.shop_id:
        raise NotFound("No such book in your shop.")
    clean = _clean(fields)
    if changes.holds(book, clean):
        changes.unchanged()
    else:
        Book.update(**clean).where(Book.id == book.id).execute()


def normalise_isbn(value) -> str:
    """An ISBN as stored: digits (and a final X) without hyphens or spaces."""
    if not isinstance(value, str) or not domain.storable(value):
        return ""
    return value.replace("-", "").replace(" ", "").upper()


def _clean(fields: dict) -> dict:
    """Validated copies of book fields, or InvalidInput naming the first bad one."""
    clean = {}
    for name, value in fields.items():
        if name == "price":
            clean[name] = domain.money(value, "Price")
        elif name == "stock":
            clean[name] = _stock(value)
        elif name == "isbn":
            clean[name] = clean_isbn(value)
        else:
            label = name.capitalize() if name != "pic" else "Cover"
            clean[name] = domain.text(value, label, _TEXT_LIMITS[name], required=name == "title")
    return clean


def _stock(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_STOCK:
        raise InvalidInput(f"Stock must be a whole number from 0 to {MAX_STOCK}.")
    return value


def clean_isbn(value) -> str:
    """An ISBN as stored, or "" for none; a wrong check digit is refused, as the editor does.

    A mistyped digit would otherwise be saved and never found by a scanner.
    """
    code = normalise_isbn(domain.text(value, "ISBN", 20))
    if code and not domain.isbn_valid(code):
        raise InvalidInput(f"ISBN {value} is not valid (its check digit is wrong).")
    return code


def _shop_filter(shop_id) -> int | None:
    return None if shop_id is None else domain.row_id(shop_id, "No such shop.")


def _matching(text: str, shop_id):
    query = Book.select(Book, Shop).join(Shop)
    if text:
        condition = Book.title.contains(text) | Book.author.contains(text)
        isbn = normalise_isbn(text)
        if isbn:
            condition |= Book.isbn.contains(isbn)
        candidates = search_index.candidate_ids(text, isbn)
        if candidates is not None:
            condition = Book.id.in_(candidates) & condition
        query = query.where(condition)
    if shop_id is not None:
        query = query.where(Book.shop == shop_id)
    return query


def _row(book_id) -> Book:
    book_id = domain.row_id(book_id, "No such book.")
    book = Book.select(Book, Shop).join(Shop).where(Book.id == book_id).first()
    if book is None:
        raise NotFound("No such book.")
    return book


def _book(row: Book) -> BookValue:
    return BookValue(
        id=row.id, shop_id=row.shop_id, shop_name=row.shop.name, title=row.title,
        author=row.author, isbn=row.isbn, price=row.price, stock=row.stock, pic=row.pic,
    )
