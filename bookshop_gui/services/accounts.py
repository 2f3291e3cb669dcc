"""Shops and accounts: set-up calls, balances, and the members pane's look-ups."""

from decimal import Decimal

from bookshop_gui import domain
from bookshop_gui.domain import Account, Member, Role
from bookshop_gui.domain import Shop as ShopValue
from bookshop_gui.errors import InvalidInput, NotFound
from bookshop_gui.models import BalanceEntry, Shop, User, database
from bookshop_gui.services import changes, requests
from bookshop_gui.services.addresses import addresses as addresses  # the contract's names
from bookshop_gui.services.addresses import remove_address as remove_address
from bookshop_gui.services.addresses import save_address as save_address
from bookshop_gui.services.passwords import hash_password
from bookshop_gui.services.sessions import caller
from bookshop_gui.services.transactions import later, reads, rows, together, writes

MAX_BALANCE = Decimal("1000000.00")


@writes
def create_shop(name) -> int:
    name = domain.text(name, "Shop name", 100, required=True)
    if Shop.select().where(Shop.name == name).exists():
        raise InvalidInput(f"There is already a shop called {name}.")
    return Shop.create(name=name).id


@writes
def create_user(
    username, password, role, *, shop_id=None, vip_ratio=Decimal("1"), balance=Decimal("0")
) -> int:
    """Create an account; staff belong to a shop, buyers have a VIP ratio and a balance."""
    username = domain.text(username, "Username", 64, required=True)
    if not isinstance(password, str) or not password:
        raise InvalidInput("A password cannot be empty.")
    if not domain.storable(password):
        raise InvalidInput("The password holds a character that cannot be saved; please retype it.")
    if role not in tuple(Role):
        raise InvalidInput("An account is a buyer, staff or admin account.")
    if role == Role.STAFF and (
            not domain.is_row_id(shop_id) or Shop.get_or_none(id=shop_id) is None):
        raise InvalidInput("A staff account needs the shop it works for.")
    ratio, opening = domain.ratio(vip_ratio), domain.money(balance, "Balance")
    if User.select().where(User.username == username).exists():
        raise InvalidInput(f"The username {username} is already taken.")
    user = User.create(
        username=username,
        password_hash=hash_password(password),
        role=str(role),
        shop=shop_id if role == Role.STAFF else None,
        vip_ratio=ratio,
        balance=opening,
    )
    if opening:
        later(BalanceEntry.insert(user=user.id, amount=opening, reason="opening"))
    return user.id


@writes
@requests.once("accounts.top_up")
def top_up(token, username, amount) -> Decimal:
    """Add to a buyer's balance (staff or admin); returns the new balance."""
    clerk = caller(token, Role.STAFF, Role.ADMIN)
    amount = domain.money(amount, "Top-up")
    if amount == 0:
        raise InvalidInput("A top-up must be more than zero.")
    # The buyer and the guarded credit need nothing from each other: one round trip.
    # Where the server can, the credit returns the new balance, so nothing is read after.
    found = _buyer_query(username)
    credit = (User.update(balance=User.balance + amount)
              .where(_is_buyer(username), User.balance <= MAX_BALANCE - amount))
    if database.obj.returning_clause:
        credit = credit.returning(User.balance).tuples()
    buyers, credited = together(found, credit)
    buyer = _buyer(username, rows(found, buyers))
    if not credited.rowcount:
        raise InvalidInput(f"A balance cannot go above {MAX_BALANCE}.")
    balance = (rows(credit, credited)[0][0] if database.obj.returning_clause
               else User.get_by_id(buyer.id).balance)
    later(BalanceEntry.insert(user=buyer.id, amount=amount, reason="top_up",
                              by_username=clerk.username))
    return balance


@reads
def me(token) -> Account:
    """The signed-in person's current balance and VIP ratio, for a window's header."""
    user = caller(token)
    shop_name = Shop.get_by_id(user.shop_id).name if user.shop_id else ""
    return Account(user.username, user.role, user.balance, user.vip_ratio, shop_name)


@reads
def find_members(token, text="", *, offset=0, limit=50) -> list[Member]:
    """Buyers whose username contains `text`, for staff at the counter."""
    caller(token, Role.STAFF, Role.ADMIN)
    text = domain.text(text, "Search", 64)
    query = User.select().where(User.role == Role.BUYER)
    if text:
        query = query.where(User.username.contains(text))
    rows = (query.order_by(User.username)
            .offset(domain.page_offset(offset)).limit(domain.page_limit(limit)))
    return [_member(user) for user in rows]


@reads
def get_member(token, username) -> Member:
    caller(token, Role.STAFF, Role.ADMIN)
    return _member(_buyer(username))


@writes
def set_vip_ratio(token, username, vip_ratio) -> None:
    """Admins only: the share of the list price this buyer pays from now on."""
    caller(token, Role.ADMIN)
    ratio = domain.ratio(vip_ratio)
    buyer = _buyer(username)
    if buyer.vip_ratio == ratio:
        changes.unchanged()
    else:
        User.update(vip_ratio=ratio).where(User.id == buyer.id).execute()


@writes
def create_account(token, username, password, role, *, shop_id=None, vip_ratio=Decimal("1")) -> int:
    """Admins only: a new buyer or staff account, from the members pane."""
    caller(token, Role.ADMIN)
    return create_user(username, password, role, shop_id=shop_id, vip_ratio=vip_ratio)


@reads
def list_shops() -> list[ShopValue]:
    """Every shop, by name: the catalog's shop filter."""
    return [ShopValue(shop.id, shop.name) for shop in Shop.select().order_by(Shop.name)]


def _buyer(username, found: list | None = None) -> User:
    """The buyer called `username`, from `_buyer_query`'s rows if read already."""
    found = list(_buyer_query(username)) if found is None else found
    if not found:
        raise NotFound(f"No buyer called {username}.")
    return found[0]


def _buyer_query(username):
    return User.select().where(_is_buyer(username)).limit(1)


def _is_buyer(username):
    if not isinstance(username, str) or not domain.storable(username):
        raise NotFound("No buyer with that username.")
    return (User.username == username.strip()) & (User.role == Role.BUYER)


def _member(user: User) -> Member:
    return Member(user.id, user.username, user.role, user.shop_id, user.vip_ratio, user.balance)
