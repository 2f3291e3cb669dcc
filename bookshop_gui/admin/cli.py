"""`python main.py admin COMMAND`: set up and look after a shop database from a terminal."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from decimal import Decimal, InvalidOperation

from bookshop_gui import db, paths
from bookshop_gui.domain import Role
from bookshop_gui.errors import BookshopError
from bookshop_gui.redact import mask_password


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if not getattr(args, "opens_database", True):
        return _run_alone(args)
    try:
        database = db.connect(args.db)
    except BookshopError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    try:
        return args.run(args) or 0
    except BookshopError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    finally:
        database.close()


def _run_alone(args) -> int:
    """A command that reads the database file itself instead of opening it through peewee."""
    try:
        return args.run(args) or 0
    except BookshopError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return getattr(exc, "exit_code", 1)


def _backup(args) -> None:
    from bookshop_gui.admin import backup

    result = backup.backup(args.db, args.path, force=args.force)
    print(f"Backed up {mask_password(args.db)} to {result.path} ({result.size:,} bytes)")


def _init(args) -> None:
    print(f"Database ready: {mask_password(args.db)}")


def _create_shop(args) -> None:
    from bookshop_gui.services import accounts

    print(f"Created shop {args.name} (id {accounts.create_shop(args.name)})")


def _create_user(args) -> None:
    from bookshop_gui.services import accounts

    password = args.password or os.environ.get("BOOKSHOP_PASSWORD") or _ask_new_password()
    user_id = accounts.create_user(
        args.username, password, args.role, shop_id=args.shop,
        vip_ratio=args.vip, balance=args.balance,
    )
    print(f"Created {args.role} {args.username} (id {user_id})")


def _top_up(args) -> None:
    from bookshop_gui.services import accounts, auth

    password = os.environ.get("BOOKSHOP_PASSWORD") or _ask(f"Password for {args.as_}: ")
    session = auth.login(args.as_, password)
    try:
        balance = accounts.top_up(session.token, args.username, args.amount)
    finally:
        auth.logout(session.token)
    print(f"{args.username} now has {balance}")


def _seed_demo(args) -> None:
    from bookshop_gui.services import demo_data

    counts = demo_data.seed(force=args.force)
    print("Demo data added: {shops} shops, {books} books, {accounts} accounts.".format(**counts))
    print(demo_data.DEMO_PASSWORD_NOTE)


def _seed_bulk(args) -> None:
    from bookshop_gui.admin import bulk

    sizes = bulk.Sizes(books=args.books, orders=args.orders, buyers=args.buyers, shops=args.shops)
    counts = bulk.seed(sizes, password=args.password)
    print("Bulk data added in {seconds} s: {shops} shops, {staff} staff, {buyers} buyers, "
          "{books} books, {orders} orders with {order_lines} lines.".format(**counts))
    print(f"Every bulk account uses the password {args.password!r}.")


def _reconcile(args) -> int:
    """Print every place the ledger does not add up; non-zero when there is one."""
    from bookshop_gui.services import ledger

    found = ledger.reconcile()
    for item in found:
        where = f"order {item.order_id} of {item.username}" if item.order_id else item.username
        print(f"{item.kind}: {where}: {item.detail}")
    if found:
        print(f"{len(found)} difference(s) found.", file=sys.stderr)
        return 1
    print("The books balance: every balance equals its entries, every order's payments "
          "match its status.")
    return 0


def _ask_new_password() -> str:
    first = _ask("Password: ")
    if first != _ask("Again: "):
        raise SystemExit("error: the passwords differ")
    return first


def _ask(prompt: str) -> str:
    """A password typed at the terminal; one line of error, not a traceback, when
    there is no one to type it (a script with its input closed)."""
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise SystemExit("error: no password given; type it at a terminal, "
                         "or set BOOKSHOP_PASSWORD") from None


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not a number: {text}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py admin", description=__doc__)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", default=os.environ.get("BOOKSHOP_DB_URL") or paths.default_db_url(),
        help="database URL: sqlite:///path, postgresql://… or mysql://… (default: %(default)s)",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(name, run, help_text):
        sub = commands.add_parser(name, parents=[common], help=help_text, description=help_text)
        sub.set_defaults(run=run)
        return sub

    command("init", _init, "create the schema, or upgrade it to this version")
    command("create-shop", _create_shop, "add a shop").add_argument("name")
    user = command("create-user", _create_user, "add a buyer, staff or admin account")
    user.add_argument("username")
    user.add_argument("--role", choices=[role.value for role in Role],
                      default=Role.BUYER.value)
    user.add_argument("--shop", type=int, help="the shop id a staff account works for")
    user.add_argument("--vip", type=_decimal, default=Decimal("1"), help="price ratio, e.g. 0.95")
    user.add_argument("--balance", type=_decimal, default=Decimal("0"))
    user.add_argument("--password", help="(or set BOOKSHOP_PASSWORD; asked for if neither)")
    top_up = command("top-up", _top_up, "add to a buyer's balance, as a staff or admin account")
    top_up.add_argument("username")
    top_up.add_argument("amount", type=_decimal)
    top_up.add_argument("--as", dest="as_", required=True, metavar="STAFF",
                        help="the staff or admin account doing it (password asked for)")
    command("reconcile", _reconcile,
            "check that every buyer's balance equals the sum of their balance entries and "
            "that every order's money moved as its status says (exit status 1 if not)")
    demo = command("seed-demo", _seed_demo,
                   "fill a database without shops with demo shops, books and accounts")
    demo.add_argument("--force", action="store_true", help="add the demo data even if shops exist")
    backup = command("backup", _backup,
                     "copy the local database to PATH while the program runs (SQLite); "
                     "a shared server is backed up with pg_dump or mysqldump")
    backup.add_argument("path", help="the backup file, or a folder to put it in")
    backup.add_argument("--force", action="store_true", help="replace an existing backup file")
    backup.set_defaults(opens_database=False)
    bulk = command("seed-bulk", _seed_bulk,
                   "add generated shops, buyers, books and orders, to measure the program at scale")
    bulk.add_argument("--books", type=_size, default=100_000)
    bulk.add_argument("--orders", type=_size, default=100_000)
    bulk.add_argument("--buyers", type=_size, default=20_000)
    bulk.add_argument("--shops", type=_size, default=5)
    bulk.add_argument("--password", default="bookshop", help="shared by every bulk account")
    return parser


def _size(text: str) -> int:
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"cannot be negative: {text}")
    return value
