"""Demo shops, public-domain books and accounts: what a new install opens on."""

from decimal import Decimal

from bookshop_gui.domain import Role
from bookshop_gui.errors import InvalidInput
from bookshop_gui.services import accounts, auth, catalog, settings

DEMO_PASSWORD_NOTE = "Demo accounts use their username as the password."
PRICE_CUT_LIMIT = Decimal("20")  # staff cut a line by more than 20 % only with an admin's approval

# (username, role, shop index or None, VIP ratio, balance)
ACCOUNTS = (
    ("reader", Role.BUYER, None, Decimal("0.95"), Decimal("500.00")),
    ("guest", Role.BUYER, None, Decimal("1"), Decimal("30.00")),
    ("lakeside", Role.STAFF, 0, Decimal("1"), Decimal("0")),
    ("moxiang", Role.STAFF, 1, Decimal("1"), Decimal("0")),
    ("admin", Role.ADMIN, None, Decimal("1"), Decimal("0")),
)

SHOPS = ("Lakeside Books", "墨香书店")

# Where each demo buyer's parcels go: (username, receiver, phone, region, street, postcode)
ADDRESSES = (
    ("reader", "李明", "138 0013 8000", "浙江省 杭州市 西湖区", "文三路 90 号 3 幢 501 室",
     "310012"),
    ("guest", "王芳", "139 1234 5678", "上海市 上海市 浦东新区", "世纪大道 100 号 12 楼",
     "200120"),
)

# (shop index, title, author, ISBN, price, stock)
BOOKS = (
    (0, "Pride and Prejudice", "Jane Austen", "9780141439518", "9.99", 12),
    (0, "Emma", "Jane Austen", "9780141439587", "8.99", 6),
    (0, "Sense and Sensibility", "Jane Austen", "9780141439662", "8.99", 4),
    (0, "Moby-Dick", "Herman Melville", "9780142437247", "14.50", 5),
    (0, "Frankenstein", "Mary Shelley", "9780141439471", "7.99", 9),
    (0, "Jane Eyre", "Charlotte Brontë", "9780141441146", "9.50", 7),
    (0, "Wuthering Heights", "Emily Brontë", "9780141439556", "8.50", 3),
    (0, "Great Expectations", "Charles Dickens", "9780141439563", "10.99", 8),
    (0, "A Tale of Two Cities", "Charles Dickens", "9780141439600", "9.99", 2),
    (0, "Oliver Twist", "Charles Dickens", "9780141439747", "8.99", 10),
    (0, "Dracula", "Bram Stoker", "9780141439846", "9.99", 6),
    (0, "The Picture of Dorian Gray", "Oscar Wilde", "9780141439570", "7.50", 11),
    (0, "Middlemarch", "George Eliot", "9780141439549", "12.99", 1),
    (0, "Heart of Darkness", "Joseph Conrad", "9780141441672", "6.99", 15),
    (0, "Alice's Adventures in Wonderland", "Lewis Carroll", "9780141439761", "6.50", 20),
    (0, "The Time Machine", "H. G. Wells", "9780141439976", "6.99", 8),
    (0, "The War of the Worlds", "H. G. Wells", "9780141441030", "7.99", 0),
    (0, "Adventures of Huckleberry Finn", "Mark Twain", "9780142437179", "8.99", 5),
    (0, "The Scarlet Letter", "Nathaniel Hawthorne", "9780142437261", "8.50", 4),
    (0, "The Odyssey", "Homer", "9780140268867", "13.00", 6),
    (1, "红楼梦", "曹雪芹", "9787020002207", "59.70", 10),
    (1, "三国演义", "罗贯中", "9787020008728", "39.50", 8),
    (1, "西游记", "吴承恩", "9787020008735", "47.20", 6),
    (1, "水浒传", "施耐庵", "9787020015016", "43.00", 3),
    (1, "道德经 Tao Te Ching", "老子 Lao Tzu", "9780140441314", "9.99", 12),
    (1, "Crime and Punishment", "Fyodor Dostoevsky", "9780140449136", "11.99", 5),
    (1, "War and Peace", "Leo Tolstoy", "9780140447934", "16.99", 2),
    (1, "Anna Karenina", "Leo Tolstoy", "9780143035008", "15.00", 4),
    (1, "Les Misérables", "Victor Hugo", "9780140444308", "17.50", 3),
    (1, "The Count of Monte Cristo", "Alexandre Dumas", "9780140449266", "16.00", 5),
    (1, "Madame Bovary", "Gustave Flaubert", "9780140449129", "10.50", 7),
    (1, "The Prince", "Niccolò Machiavelli", "9780140449150", "6.99", 9),
    (1, "Meditations", "Marcus Aurelius", "9780140449334", "8.99", 14),
    (1, "The Republic", "Plato", "9780140455113", "10.99", 6),
)


def seed(*, force: bool = False) -> dict:
    """Fill an empty database with the demo shops, books and accounts; returns counts."""
    if accounts.list_shops() and not force:
        raise InvalidInput("This database already has shops; demo data goes into an empty one.")
    shop_ids = [accounts.create_shop(name) for name in SHOPS]
    for username, role, shop, ratio, balance in ACCOUNTS:
        accounts.create_user(
            username, username, role, shop_id=shop_ids[shop] if shop is not None else None,
            vip_ratio=ratio, balance=balance,
        )
    for index in range(len(SHOPS)):
        staff = next(a[0] for a in ACCOUNTS if a[2] == index)
        token = auth.login(staff, staff).token
        for _, title, author, isbn, price, stock in (b for b in BOOKS if b[0] == index):
            catalog.add_book(token, title=title, author=author, isbn=isbn,
                             price=Decimal(price), stock=stock)
        auth.logout(token)
    token = auth.login("admin", "admin").token
    settings.set_price_cut_limit(token, PRICE_CUT_LIMIT)
    auth.logout(token)
    for username, name, phone, region, street, postcode in ADDRESSES:
        token = auth.login(username, username).token
        accounts.save_address(token, name=name, phone=phone, region=region, street=street,
                              postcode=postcode)
        auth.logout(token)
    return {"shops": len(SHOPS), "books": len(BOOKS), "accounts": len(ACCOUNTS)}


def is_demo_database() -> bool:
    """True when the demo shops are here: the sign-in screen then lists the demo accounts."""
    return {shop.name for shop in accounts.list_shops()} >= set(SHOPS)
