"""A buyer's cart (seed 000 getcart, addcart, delcart): no stock is checked or held here."""

from bookshop_gui import domain
from bookshop_gui.domain import CartLine as CartLineValue
from bookshop_gui.domain import Role
from bookshop_gui.errors import InvalidInput, NotFound
from bookshop_gui.models import Book, CartLine, Shop
from bookshop_gui.services import changes, titles, together
from bookshop_gui.services.sessions import caller
from bookshop_gui.services.transactions import for_update, later, reads, writes


@reads
def get(token) -> list[CartLineValue]:
    """The cart's lines, newest first, with the buyer's VIP price: one query."""
    buyer, (rows,) = together.as_caller(token, (Role.BUYER,), lambda buyer: [
        CartLine.select(CartLine, Book, Shop)
        .join(Book).join(Shop)
        .where(CartLine.user == buyer.id)
        .order_by(CartLine.added_at.desc(), CartLine.id.desc())
    ])
    return [_line(row, buyer.vip_ratio) for row in rows]


@writes
def add(token, book_id, cnt=1) -> None:
    """Add `cnt` copies to the book's line; a line holds 1 to 999 copies.

    The book and the buyer's line are read with the session check (one round
    trip on PostgreSQL), and adding to a line goes with the commit.
    """
    buyer, (books, lines) = together.as_caller(
        token, (Role.BUYER,), lambda buyer: _adding(buyer.id, book_id, cnt))
    cnt = domain.count(cnt)
    _add(buyer, _found(books).id, cnt, lines)


@writes
def add_by_title(token, title, cnt=1) -> None:
    """Seed 000's addcart: as `add`, the book named by its title (`titles.book_id`)."""
    buyer = caller(token, Role.BUYER)
    cnt = domain.count(cnt)
    book_id = titles.book_id(title)  # found in the catalog: it exists
    _add(buyer, book_id, cnt, list(for_update(_line_of(buyer.id, book_id))))


def _add(buyer, book_id: int, cnt: int, lines: list) -> None:
    """Add to the buyer's line of the book (`lines`: that line, locked, if there is one),
    creating it unless another window has just done so."""
    if not lines:
        if _created(buyer.id, book_id, cnt):
            return
        lines = list(for_update(_line_of(buyer.id, book_id)))
    if lines[0].cnt + cnt > domain.MAX_COUNT:
        raise InvalidInput(f"A cart line holds at most {domain.MAX_COUNT} copies.")
    later(CartLine.update(cnt=CartLine.cnt + cnt).where(CartLine.id == lines[0].id))


@writes
def set_count(token, book_id, cnt) -> None:
    """Set the line's count outright: what the cart's quantity box does."""
    buyer = caller(token, Role.BUYER)
    cnt = domain.count(cnt)
    line = (CartLine.user == buyer.id) & (CartLine.book == _book(book_id))
    if CartLine.update(cnt=cnt).where(line, CartLine.cnt != cnt).execute():
        return
    if not CartLine.select().where(line).exists():
        raise NotFound("That book is not in your cart.")
    changes.unchanged()


@writes
def remove(token, book_id) -> None:
    """Remove the book's whole line; a book not in the cart is left alone."""
    buyer = caller(token, Role.BUYER)
    removed = domain.is_row_id(book_id) and (
        CartLine.delete().where(CartLine.user == buyer.id, CartLine.book == book_id).execute())
    if not removed:
        changes.unchanged()


@writes
def remove_by_title(token, title) -> None:
    """Seed 000's delcart: remove the line of the book titled `title`.

    A title no line of the cart has is left alone, as `remove` leaves a book
    not in the cart (a retry after a lost answer must not fail), unless no
    book at all has that title. Found and removed in one transaction, so a
    line another window adds meanwhile is never taken for the one named.
    """
    buyer = caller(token, Role.BUYER)
    title = titles.clean(title)
    line = titles.cart_line(title, (
        CartLine.select(CartLine, Book, Shop).join(Book).join(Shop)
        .where(CartLine.user == buyer.id, Book.title == title)))
    if line is not None:
        CartLine.delete().where(CartLine.id == line.id).execute()
        return
    titles.known(title)
    changes.unchanged()


def _adding(user_id: int, book_id, cnt) -> tuple:
    """What `add` reads: the book, and the buyer's line of it, locked. A count that is
    refused is refused before the book is looked for."""
    domain.count(cnt)
    book_id = domain.row_id(book_id, "No such book.")
    return Book.select().where(Book.id == book_id), for_update(_line_of(user_id, book_id))


def _line_of(user_id: int, book_id: int):
    return CartLine.select().where(CartLine.user == user_id, CartLine.book == book_id)


def _created(user_id: int, book_id: int, cnt: int) -> bool:
    """Insert a new line; False if another window just created it (then add to that one).

    The unique (buyer, book) key turns the insert of a line that is already
    there into nothing, on every backend, with no savepoint to send and release.
    """
    return bool(CartLine.insert(user=user_id, book=book_id, cnt=cnt).on_conflict_ignore()
                .execute())


def _book(book_id) -> Book:
    return _found(list(Book.select().where(Book.id == domain.row_id(book_id, "No such book."))))


def _found(books: list) -> Book:
    if not books:
        raise NotFound("No such book.")
    return books[0]


def _line(row: CartLine, vip_ratio) -> CartLineValue:
    book = row.book
    return CartLineValue(
        book_id=book.id, title=book.title, shop_id=book.shop_id, unit_price=book.price,
        cnt=row.cnt, money=domain.line_money(book.price, row.cnt, vip_ratio), stock=book.stock,
        shop_name=book.shop.name, author=book.author, pic=book.pic,
    )
