"""A buyer's cart (seed 000 getcart, addcart, delcart): no stock is checked or held here."""

from bookshop_gui import domain
from bookshop_gui._peewee import peewee
from bookshop_gui.domain import CartLine as CartLineValue
from bookshop_gui.domain import Role
from bookshop_gui.errors import InvalidInput, NotFound
from bookshop_gui.models import Book, CartLine, Shop, database
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
    """Add `cnt` copies to the book's line; a line holds 1 to 999 copies."""
    buyer = caller(token, Role.BUYER)
    cnt = domain.count(cnt)
    _add(buyer, _book(book_id), cnt)


@writes
def add_by_title(token, title, cnt=1) -> None:
    """Seed 000's addcart: as `add`, the book named by its title (`titles.book_id`)."""
    buyer = caller(token, Role.BUYER)
    cnt = domain.count(cnt)
    _add(buyer, _book(titles.book_id(title)), cnt)


def _add(buyer, book: Book, cnt: int) -> None:
    """Add to the buyer's line of `book`, creating it if another window has not just done so."""
    mine = CartLine.select().where(CartLine.user == buyer.id, CartLine.book == book)
    line = for_update(mine).first()
    if line is None:
        if _created(buyer.id, book, cnt):
            return
        line = for_update(mine).first()
    if line.cnt + cnt > domain.MAX_COUNT:
        raise InvalidInput(f"A cart line holds at most {domain.MAX_COUNT} copies.")
    later(CartLine.update(cnt=CartLine.cnt + cnt).where(CartLine.id == line.id))


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


def _created(user_id: int, book: Book, cnt: int) -> bool:
    """Insert a new line; False if another window just created it (then add to that one)."""
    try:
        with database.atomic():  # a savepoint, so a lost race leaves the transaction usable
            CartLine.create(user=user_id, book=book, cnt=cnt)
    except peewee.IntegrityError:
        return False
    return True


def _book(book_id) -> Book:
    book = Book.get_or_none(Book.id == domain.row_id(book_id, "No such book."))
    if book is None:
        raise NotFound("No such book.")
    return book


def _line(row: CartLine, vip_ratio) -> CartLineValue:
    book = row.book
    return CartLineValue(
        book_id=book.id, title=book.title, shop_id=book.shop_id, unit_price=book.price,
        cnt=row.cnt, money=domain.line_money(book.price, row.cnt, vip_ratio), stock=book.stock,
        shop_name=book.shop.name, author=book.author, pic=book.pic,
    )
