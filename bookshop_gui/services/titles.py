"""Books named by title alone, as seed 000's clients name them.

A title is no key: two shops, or two editions, may share one. A title that
names one book, or one line of a cart, names that book; one that names
several is refused with each book's id, shop and price (`AmbiguousTitle`),
so the client can send the id instead. Titles match exactly, as
`catalog.by_title` matches them.
"""

from __future__ import annotations

from bookshop_gui import domain
from bookshop_gui.errors import AmbiguousTitle, NotFound
from bookshop_gui.services import catalog


def clean(title) -> str:
    return domain.text(title, "A title", catalog.MAX_TITLE, required=True)


def book_id(title) -> int:
    """The id of the one book in the catalog titled `title`."""
    title = clean(title)
    books = catalog.by_title(title)
    if not books:
        raise NotFound(f'No book is called "{title}".')
    _one(title, [(book.id, book.shop_name, book.price) for book in books])
    return books[0].id


def known(title) -> None:
    """NotFound unless some book is titled `title`."""
    title = clean(title)
    if not catalog.by_title(title):
        raise NotFound(f'No book is called "{title}".')


def cart_line(title, lines):
    """The one line of `lines` (cart rows with their book and its shop) whose book is titled
    `title`, or None if none is."""
    title = clean(title)
    found = [line for line in lines if line.book.title == title]
    _one(title, [(line.book.id, line.book.shop.name, line.book.price) for line in found])
    return found[0] if found else None


def _one(title: str, books: list) -> None:
    if len(books) > 1:
        raise AmbiguousTitle(title, books)
