<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Bookshop</source>
            <translation>About Bookshop</translation>
        </message>
        <message>
            <source>Asking the database…</source>
            <translation>Asking the database…</translation>
        </message>
        <message>
            <source>Bookshop %1</source>
            <translation>Bookshop %1</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>Database</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>not reachable now</source>
            <translation>not reachable now</translation>
        </message>
    </context>
    <context>
        <name>AddressBookPage</name>
        <message>
            <source>My addresses</source>
            <translation>My addresses</translation>
        </message>
        <message>
            <source>Add a new address</source>
            <translation>Add a new address</translation>
        </message>
        <message>
            <source>No address yet. Add one so the shop knows where to send your books.</source>
            <translation>No address yet. Add one so the shop knows where to send your books.</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>Default</translation>
        </message>
        <message>
            <source>Make default</source>
            <translation>Make default</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
    </context>
    <context>
        <name>AddressChooser</name>
        <message>
            <source>Ship to</source>
            <translation>Ship to</translation>
        </message>
        <message>
            <source>Add a new address</source>
            <translation>Add a new address</translation>
        </message>
    </context>
    <context>
        <name>AddressForm</name>
        <message>
            <source>Full name</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>Mobile phone number</source>
            <translation>Mobile phone number</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>Province</translation>
        </message>
        <message>
            <source>City</source>
            <translation>City</translation>
        </message>
        <message>
            <source>District</source>
            <translation>District</translation>
        </message>
        <message>
            <source>Street, building, room</source>
            <translation>Street, building, room</translation>
        </message>
        <message>
            <source>Postcode (optional)</source>
            <translation>Postcode (optional)</translation>
        </message>
        <message>
            <source>Use as my default address</source>
            <translation>Use as my default address</translation>
        </message>
        <message>
            <source>Receiver</source>
            <translation>Receiver</translation>
        </message>
        <message>
            <source>Mobile phone</source>
            <translation>Mobile phone</translation>
        </message>
        <message>
            <source>Province / city / district</source>
            <translation>Province / city / district</translation>
        </message>
        <message>
            <source>Street address</source>
            <translation>Street address</translation>
        </message>
        <message>
            <source>Postcode</source>
            <translation>Postcode</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Save address</source>
            <translation>Save address</translation>
        </message>
        <message>
            <source>Change address</source>
            <translation>Change address</translation>
        </message>
        <message>
            <source>New address</source>
            <translation>New address</translation>
        </message>
    </context>
    <context>
        <name>ApprovalDialog</name>
        <message>
            <source>Administrator's approval</source>
            <translation>Administrator's approval</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Approve and save</source>
            <translation>Approve and save</translation>
        </message>
    </context>
    <context>
        <name>BookEditor</name>
        <message>
            <source>Edit book</source>
            <translation>Edit book</translation>
        </message>
        <message>
            <source>Add a book</source>
            <translation>Add a book</translation>
        </message>
        <message>
            <source>ISBN-10 or ISBN-13</source>
            <translation>ISBN-10 or ISBN-13</translation>
        </message>
        <message>
            <source>Choose image…</source>
            <translation>Choose image…</translation>
        </message>
        <message>
            <source>No image</source>
            <translation>No image</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Author</translation>
        </message>
        <message>
            <source>ISBN</source>
            <translation>ISBN</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>Stock</source>
            <translation>Stock</translation>
        </message>
        <message>
            <source>Cover</source>
            <translation>Cover</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Choose a cover image</source>
            <translation>Choose a cover image</translation>
        </message>
        <message>
            <source>Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp)</source>
            <translation>Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp)</translation>
        </message>
        <message>
            <source>A book needs a title.</source>
            <translation>A book needs a title.</translation>
        </message>
        <message>
            <source>This ISBN's check digit is wrong: check for a typo.</source>
            <translation>This ISBN's check digit is wrong: check for a typo.</translation>
        </message>
        <message>
            <source>A price is 0 or more, with at most two decimals.</source>
            <translation>A price is 0 or more, with at most two decimals.</translation>
        </message>
    </context>
    <context>
        <name>BookPanel</name>
        <message>
            <source>Choose a book to see it here, or scan its barcode.</source>
            <translation>Choose a book to see it here, or scan its barcode.</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>Add to cart</source>
            <translation>Add to cart</translation>
        </message>
        <message>
            <source>Buy now</source>
            <translation>Buy now</translation>
        </message>
        <message>
            <source>Unknown author</source>
            <translation>Unknown author</translation>
        </message>
        <message>
            <source>Sold by %1</source>
            <translation>Sold by %1</translation>
        </message>
        <message>
            <source>ISBN %1</source>
            <translation>ISBN %1</translation>
        </message>
        <message>
            <source>List price %1</source>
            <translation>List price %1</translation>
        </message>
        <message>
            <source>Your VIP price %1</source>
            <translation>Your VIP price %1</translation>
        </message>
        <message>
            <source>Price %1</source>
            <translation>Price %1</translation>
        </message>
    </context>
    <context>
        <name>BookPicker</name>
        <message>
            <source>Add a book to the order</source>
            <translation>Add a book to the order</translation>
        </message>
        <message>
            <source>Title, author or ISBN</source>
            <translation>Title, author or ISBN</translation>
        </message>
        <message>
            <source>Books</source>
            <translation>Books</translation>
        </message>
        <message>
            <source>Add to order</source>
            <translation>Add to order</translation>
        </message>
        <message>
            <source>%1 — %2 · %3 in stock</source>
            <translation>%1 — %2 · %3 in stock</translation>
        </message>
    </context>
    <context>
        <name>BuyerWindow</name>
        <message>
            <source>Bookshop — %1</source>
            <translation>Bookshop — %1</translation>
        </message>
        <message>
            <source>Added %1 × %2 to your cart.</source>
            <translation>Added %1 × %2 to your cart.</translation>
        </message>
        <message>
            <source>Paid. Thank you! The shop will ship soon.</source>
            <translation>Paid. Thank you! The shop will ship soon.</translation>
        </message>
        <message>
            <source>Bookshop</source>
            <translation>Bookshop</translation>
        </message>
    </context>
    <context>
        <name>CartModel</name>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Book</source>
            <translation>Book</translation>
        </message>
        <message>
            <source>Shop</source>
            <translation>Shop</translation>
        </message>
        <message>
            <source>Your price</source>
            <translation>Your price</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>Money</source>
            <translation>Money</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>Out of stock</translation>
        </message>
        <message>
            <source>Only %1 in stock</source>
            <translation>Only %1 in stock</translation>
        </message>
    </context>
    <context>
        <name>CartPage</name>
        <message>
            <source>Your cart</source>
            <translation>Your cart</translation>
        </message>
        <message>
            <source>Your cart is empty. Find a book in the catalog and add it.</source>
            <translation>Your cart is empty. Find a book in the catalog and add it.</translation>
        </message>
        <message>
            <source>Browse the catalog</source>
            <translation>Browse the catalog</translation>
        </message>
        <message>
            <source>Choose all</source>
            <translation>Choose all</translation>
        </message>
        <message>
            <source>Create order</source>
            <translation>Create order</translation>
        </message>
        <message>
            <source>Cart lines</source>
            <translation>Cart lines</translation>
        </message>
        <message>
            <source>To order</source>
            <translation>To order</translation>
        </message>
        <message>
            <source>One order is made per shop; each pays its own shipping.</source>
            <translation>One order is made per shop; each pays its own shipping.</translation>
        </message>
        <message>
            <source>Quantity of %1</source>
            <translation>Quantity of %1</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Remove %1</source>
            <translation>Remove %1</translation>
        </message>
        <message>
            <source>Tick the books you want to order first.</source>
            <translation>Tick the books you want to order first.</translation>
        </message>
        <message>
            <source>%1 + %2 shipping</source>
            <translation>%1 + %2 shipping</translation>
        </message>
        <message>
            <source>Total %1</source>
            <translation>Total %1</translation>
        </message>
    </context>
    <context>
        <name>CatalogModel</name>
        <message>
            <source>%1 by %2, %3, %4</source>
            <translation>%1 by %2, %3, %4</translation>
        </message>
        <message>
            <source>unknown author</source>
            <translation>unknown author</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>Out of stock</translation>
        </message>
        <message>
            <source>Only %1 left</source>
            <translation>Only %1 left</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Author</translation>
        </message>
        <message>
            <source>ISBN</source>
            <translation>ISBN</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>Stock</source>
            <translation>Stock</translation>
        </message>
        <message>
            <source>Low stock</source>
            <translation>Low stock</translation>
        </message>
    </context>
    <context>
        <name>CatalogPage</name>
        <message>
            <source>Search title, author or ISBN — or scan a barcode</source>
            <translation>Search title, author or ISBN — or scan a barcode</translation>
        </message>
        <message>
            <source>Search the catalog</source>
            <translation>Search the catalog</translation>
        </message>
        <message>
            <source>Clear the search</source>
            <translation>Clear the search</translation>
        </message>
        <message>
            <source>Shop</source>
            <translation>Shop</translation>
        </message>
        <message>
            <source>All shops</source>
            <translation>All shops</translation>
        </message>
        <message>
            <source>Books</source>
            <translation>Books</translation>
        </message>
        <message>
            <source>No book has the ISBN %1.</source>
            <translation>No book has the ISBN %1.</translation>
        </message>
        <message>
            <source>No books match.</source>
            <translation>No books match.</translation>
        </message>
        <message>
            <source>1 book</source>
            <translation>1 book</translation>
        </message>
        <message>
            <source>%1 books</source>
            <translation>%1 books</translation>
        </message>
    </context>
    <context>
        <name>CatalogPane</name>
        <message>
            <source>Title, author or ISBN</source>
            <translation>Title, author or ISBN</translation>
        </message>
        <message>
            <source>Add book…</source>
            <translation>Add book…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>Import CSV…</source>
            <translation>Import CSV…</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <source>Books</source>
            <translation>Books</translation>
        </message>
        <message numerus="yes">
            <source>%n book(s)</source>
            <translation>
                <numerusform>%n book</numerusform>
                <numerusform>%n books</numerusform>
            </translation>
        </message>
        <message>
            <source>Book saved.</source>
            <translation>Book saved.</translation>
        </message>
        <message>
            <source>Import books from CSV</source>
            <translation>Import books from CSV</translation>
        </message>
        <message>
            <source>Importing books…</source>
            <translation>Importing books…</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <source>Import CSV</source>
            <translation>Import CSV</translation>
        </message>
        <message>
            <source>Import finished</source>
            <translation>Import finished</translation>
        </message>
        <message>
            <source>%1 added, %2 updated, %3 unchanged, %4 refused.</source>
            <translation>%1 added, %2 updated, %3 unchanged, %4 refused.</translation>
        </message>
        <message>
            <source>Line %1: %2</source>
            <translation>Line %1: %2</translation>
        </message>
        <message>
            <source>…and %1 more.</source>
            <translation>…and %1 more.</translation>
        </message>
        <message>
            <source>Import stopped</source>
            <translation>Import stopped</translation>
        </message>
        <message>
            <source>Export books to CSV</source>
            <translation>Export books to CSV</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n book(s).</source>
            <translation>
                <numerusform>Exported %n book.</numerusform>
                <numerusform>Exported %n books.</numerusform>
            </translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export failed</translation>
        </message>
    </context>
    <context>
        <name>Header</name>
        <message>
            <source>Bookshop</source>
            <translation>Bookshop</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>Catalog</translation>
        </message>
        <message>
            <source>Cart</source>
            <translation>Cart</translation>
        </message>
        <message>
            <source>My orders</source>
            <translation>My orders</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Working</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Sign out</translation>
        </message>
        <message>
            <source>Balance</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>Cart (%1)</source>
            <translation>Cart (%1)</translation>
        </message>
        <message>
            <source>Standard prices</source>
            <translation>Standard prices</translation>
        </message>
        <message>
            <source>VIP: %1% off</source>
            <translation>VIP: %1% off</translation>
        </message>
    </context>
    <context>
        <name>LedgerModel</name>
        <message>
            <source>Opening balance</source>
            <translation>Opening balance</translation>
        </message>
        <message>
            <source>Top-up</source>
            <translation>Top-up</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>Payment</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>Refund</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <source>Balance after</source>
            <translation>Balance after</translation>
        </message>
    </context>
    <context>
        <name>LedgerView</name>
        <message>
            <source>Show older</source>
            <translation>Show older</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <source>Balance history</source>
            <translation>Balance history</translation>
        </message>
        <message>
            <source>Export balance history</source>
            <translation>Export balance history</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>Saved %n balance entry(s) to %1.</source>
            <translation>
                <numerusform>Saved %n balance entry to %1.</numerusform>
                <numerusform>Saved %n balance entries to %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MembersModel</name>
        <message>
            <source>Username</source>
            <translation>Username</translation>
        </message>
        <message>
            <source>VIP ratio</source>
            <translation>VIP ratio</translation>
        </message>
        <message>
            <source>Balance</source>
            <translation>Balance</translation>
        </message>
    </context>
    <context>
        <name>MembersPane</name>
        <message>
            <source>Find a buyer by username</source>
            <translation>Find a buyer by username</translation>
        </message>
        <message>
            <source>Choose a buyer</source>
            <translation>Choose a buyer</translation>
        </message>
        <message>
            <source>Amount, e.g. 50.00</source>
            <translation>Amount, e.g. 50.00</translation>
        </message>
        <message>
            <source>Top up…</source>
            <translation>Top up…</translation>
        </message>
        <message>
            <source>Amount to add</source>
            <translation>Amount to add</translation>
        </message>
        <message>
            <source>Add to the store balance (cash or card at the counter):</source>
            <translation>Add to the store balance (cash or card at the counter):</translation>
        </message>
        <message>
            <source>Set VIP ratio</source>
            <translation>Set VIP ratio</translation>
        </message>
        <message>
            <source>Share of the list price this buyer pays:</source>
            <translation>Share of the list price this buyer pays:</translation>
        </message>
        <message>
            <source>Buyer</source>
            <translation>Buyer</translation>
        </message>
        <message>
            <source>Shop staff</source>
            <translation>Shop staff</translation>
        </message>
        <message>
            <source>Create account</source>
            <translation>Create account</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Username</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Account</translation>
        </message>
        <message>
            <source>Shop</source>
            <translation>Shop</translation>
        </message>
        <message>
            <source>VIP ratio</source>
            <translation>VIP ratio</translation>
        </message>
        <message>
            <source>New account</source>
            <translation>New account</translation>
        </message>
        <message>
            <source>Balance %1</source>
            <translation>Balance %1</translation>
        </message>
        <message>
            <source>VIP ratio %1</source>
            <translation>VIP ratio %1</translation>
        </message>
        <message>
            <source>Add %1 to %2's balance? It will then be %3.</source>
            <translation>Add %1 to %2's balance? It will then be %3.</translation>
        </message>
        <message>
            <source>Top up</source>
            <translation>Top up</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Added %1 to %2's balance; it is now %3.</source>
            <translation>Added %1 to %2's balance; it is now %3.</translation>
        </message>
        <message>
            <source>%1's VIP ratio was changed.</source>
            <translation>%1's VIP ratio was changed.</translation>
        </message>
        <message>
            <source>Account %1 was created.</source>
            <translation>Account %1 was created.</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
    </context>
    <context>
        <name>MerchantWindow</name>
        <message>
            <source>Sections</source>
            <translation>Sections</translation>
        </message>
        <message>
            <source>Bookshop — %1</source>
            <translation>Bookshop — %1</translation>
        </message>
        <message>
            <source>Bookshop — Administration</source>
            <translation>Bookshop — Administration</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>Catalog</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Signed in as %1</source>
            <translation>Signed in as %1</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Sign out</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>Working…</translation>
        </message>
    </context>
    <context>
        <name>OrderActions</name>
        <message>
            <source>Cancel order #%1? You have paid for it, so %2 goes back to your balance.</source>
            <translation>Cancel order #%1? You have paid for it, so %2 goes back to your balance.</translation>
        </message>
        <message>
            <source>Cancel order #%1? You have not paid for it, so no money moves.</source>
            <translation>Cancel order #%1? You have not paid for it, so no money moves.</translation>
        </message>
        <message>
            <source>Cancel order</source>
            <translation>Cancel order</translation>
        </message>
        <message>
            <source>Cancel the order</source>
            <translation>Cancel the order</translation>
        </message>
        <message>
            <source>Keep it</source>
            <translation>Keep it</translation>
        </message>
        <message>
            <source>Have you received every book of order #%1?</source>
            <translation>Have you received every book of order #%1?</translation>
        </message>
        <message>
            <source>Confirm receipt</source>
            <translation>Confirm receipt</translation>
        </message>
        <message>
            <source>Yes, I have them</source>
            <translation>Yes, I have them</translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>Not yet</translation>
        </message>
        <message>
            <source>Thank you! Order #%1 is marked as received. You can review it now.</source>
            <translation>Thank you! Order #%1 is marked as received. You can review it now.</translation>
        </message>
        <message>
            <source>Bookshop</source>
            <translation>Bookshop</translation>
        </message>
    </context>
    <context>
        <name>OrderAddressPanel</name>
        <message>
            <source>Keep the address</source>
            <translation>Keep the address</translation>
        </message>
        <message>
            <source>Send it here</source>
            <translation>Send it here</translation>
        </message>
    </context>
    <context>
        <name>OrderDetailPage</name>
        <message>
            <source>Order lines</source>
            <translation>Order lines</translation>
        </message>
        <message>
            <source>Change address</source>
            <translation>Change address</translation>
        </message>
        <message>
            <source>Tracking number</source>
            <translation>Tracking number</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>Ship to</source>
            <translation>Ship to</translation>
        </message>
        <message>
            <source>Courier</source>
            <translation>Courier</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>Copied</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Items</translation>
        </message>
        <message>
            <source>Shipping</source>
            <translation>Shipping</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Back to my orders</source>
            <translation>Back to my orders</translation>
        </message>
        <message>
            <source>Pay</source>
            <translation>Pay</translation>
        </message>
        <message>
            <source>Confirm receipt</source>
            <translation>Confirm receipt</translation>
        </message>
        <message>
            <source>Cancel order</source>
            <translation>Cancel order</translation>
        </message>
        <message>
            <source>Order #%1 · %2</source>
            <translation>Order #%1 · %2</translation>
        </message>
        <message>
            <source>Placed %1</source>
            <translation>Placed %1</translation>
        </message>
        <message>
            <source>No address yet: choose where to send it.</source>
            <translation>No address yet: choose where to send it.</translation>
        </message>
        <message>
            <source>Your review: %1</source>
            <translation>Your review: %1</translation>
        </message>
    </context>
    <context>
        <name>OrderEditor</name>
        <message>
            <source>Order #%1</source>
            <translation>Order #%1</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Lines</translation>
        </message>
        <message>
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <source>Add book…</source>
            <translation>Add book…</translation>
        </message>
        <message>
            <source>Remove line</source>
            <translation>Remove line</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Before → after</source>
            <translation>Before → after</translation>
        </message>
        <message>
            <source>Packing slip…</source>
            <translation>Packing slip…</translation>
        </message>
        <message>
            <source>Undo changes</source>
            <translation>Undo changes</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Order #%1 · %2</source>
            <translation>Order #%1 · %2</translation>
        </message>
        <message>
            <source>%1 · created %2</source>
            <translation>%1 · created %2</translation>
        </message>
        <message>
            <source>Ship to: %1</source>
            <translation>Ship to: %1</translation>
        </message>
        <message>
            <source>no address given</source>
            <translation>no address given</translation>
        </message>
        <message>
            <source>Shipped with %1, waybill %2</source>
            <translation>Shipped with %1, waybill %2</translation>
        </message>
        <message>
            <source>The buyer has paid for this order, so its lines can no longer be changed.</source>
            <translation>The buyer has paid for this order, so its lines can no longer be changed.</translation>
        </message>
        <message>
            <source>This order has been shipped, so its lines can no longer be changed.</source>
            <translation>This order has been shipped, so its lines can no longer be changed.</translation>
        </message>
        <message>
            <source>This order has been received, so its lines can no longer be changed.</source>
            <translation>This order has been received, so its lines can no longer be changed.</translation>
        </message>
        <message>
            <source>This order is completed, so its lines can no longer be changed.</source>
            <translation>This order is completed, so its lines can no longer be changed.</translation>
        </message>
        <message>
            <source>This order was cancelled, so its lines can no longer be changed.</source>
            <translation>This order was cancelled, so its lines can no longer be changed.</translation>
        </message>
        <message>
            <source>Items %1</source>
            <translation>Items %1</translation>
        </message>
        <message>
            <source>+ shipping %1</source>
            <translation>+ shipping %1</translation>
        </message>
        <message>
            <source>Total %1</source>
            <translation>Total %1</translation>
        </message>
        <message>
            <source>Correct the values marked in red before saving.</source>
            <translation>Correct the values marked in red before saving.</translation>
        </message>
        <message>
            <source>That is not an administrator's user name and password. Nothing was saved.</source>
            <translation>That is not an administrator's user name and password. Nothing was saved.</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>An administrator can approve this cut by typing their own user name and password.</source>
            <translation>An administrator can approve this cut by typing their own user name and password.</translation>
        </message>
        <message>
            <source>The order is no longer waiting for payment (the buyer may have paid or cancelled it), so it cannot be edited.</source>
            <translation>The order is no longer waiting for payment (the buyer may have paid or cancelled it), so it cannot be edited.</translation>
        </message>
        <message>
            <source>Your changes were not saved. The order has been reloaded as it is now.</source>
            <translation>Your changes were not saved. The order has been reloaded as it is now.</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>Order #%1 has changes that are not saved. Discard them?</source>
            <translation>Order #%1 has changes that are not saved. Discard them?</translation>
        </message>
        <message>
            <source>Discard changes</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <source>Keep editing</source>
            <translation>Keep editing</translation>
        </message>
    </context>
    <context>
        <name>OrderHistory</name>
        <message>
            <source>Lines edited</source>
            <translation>Lines edited</translation>
        </message>
        <message>
            <source>Marked shipped</source>
            <translation>Marked shipped</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>total %1 → %2</source>
            <translation>total %1 → %2</translation>
        </message>
        <message>
            <source>price cut approved by %1</source>
            <translation>price cut approved by %1</translation>
        </message>
        <message>
            <source>refunded %1</source>
            <translation>refunded %1</translation>
        </message>
    </context>
    <context>
        <name>OrderLinesModel</name>
        <message>
            <source>Book</source>
            <translation>Book</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>Unit price</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>Money</source>
            <translation>Money</translation>
        </message>
        <message>
            <source>Line money</source>
            <translation>Line money</translation>
        </message>
        <message>
            <source>A quantity is a whole number from 1 to %1.</source>
            <translation>A quantity is a whole number from 1 to %1.</translation>
        </message>
        <message>
            <source>An amount of money, 0 or more, with at most two decimal places.</source>
            <translation>An amount of money, 0 or more, with at most two decimal places.</translation>
        </message>
    </context>
    <context>
        <name>OrderStatus</name>
        <message>
            <source>Pending payment</source>
            <translation>Pending payment</translation>
        </message>
        <message>
            <source>Pending shipment</source>
            <translation>Pending shipment</translation>
        </message>
        <message>
            <source>Shipped</source>
            <translation>Shipped</translation>
        </message>
        <message>
            <source>Pending review</source>
            <translation>Pending review</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>To pay</source>
            <translation>To pay</translation>
        </message>
        <message>
            <source>To ship</source>
            <translation>To ship</translation>
        </message>
        <message>
            <source>To review</source>
            <translation>To review</translation>
        </message>
    </context>
    <context>
        <name>OrdersModel</name>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Items</translation>
        </message>
        <message>
            <source>Shop</source>
            <translation>Shop</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Placed</source>
            <translation>Placed</translation>
        </message>
        <message>
            <source>Buyer</source>
            <translation>Buyer</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>Ship to</source>
            <translation>Ship to</translation>
        </message>
    </context>
    <context>
        <name>OrdersPage</name>
        <message>
            <source>Order status</source>
            <translation>Order status</translation>
        </message>
        <message>
            <source>No orders here yet.</source>
            <translation>No orders here yet.</translation>
        </message>
        <message>
            <source>Browse the catalog</source>
            <translation>Browse the catalog</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Pay</source>
            <translation>Pay</translation>
        </message>
        <message>
            <source>Confirm receipt</source>
            <translation>Confirm receipt</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>Review</translation>
        </message>
        <message>
            <source>Cancel order</source>
            <translation>Cancel order</translation>
        </message>
        <message>
            <source>My addresses</source>
            <translation>My addresses</translation>
        </message>
        <message>
            <source>My orders</source>
            <translation>My orders</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>All (%1)</source>
            <translation>All (%1)</translation>
        </message>
    </context>
    <context>
        <name>OrdersPane</name>
        <message>
            <source>Order status</source>
            <translation>Order status</translation>
        </message>
        <message>
            <source>Order number or buyer</source>
            <translation>Order number or buyer</translation>
        </message>
        <message>
            <source>Newest first</source>
            <translation>Newest first</translation>
        </message>
        <message>
            <source>Oldest first</source>
            <translation>Oldest first</translation>
        </message>
        <message>
            <source>Highest total</source>
            <translation>Highest total</translation>
        </message>
        <message>
            <source>Lowest total</source>
            <translation>Lowest total</translation>
        </message>
        <message>
            <source>Sort:</source>
            <translation>Sort:</translation>
        </message>
        <message>
            <source>Today's shipments…</source>
            <translation>Today's shipments…</translation>
        </message>
        <message>
            <source>Today's parcels as CSV, in the column order a courier's batch import reads</source>
            <translation>Today's parcels as CSV, in the column order a courier's batch import reads</translation>
        </message>
        <message>
            <source>Open…</source>
            <translation>Open…</translation>
        </message>
        <message>
            <source>Mark shipped</source>
            <translation>Mark shipped</translation>
        </message>
        <message>
            <source>Cancel order…</source>
            <translation>Cancel order…</translation>
        </message>
        <message>
            <source>Packing slip…</source>
            <translation>Packing slip…</translation>
        </message>
        <message>
            <source>Scan to ship…</source>
            <translation>Scan to ship…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>%1 selected</source>
            <translation>%1 selected</translation>
        </message>
        <message>
            <source>Order #%1 saved.</source>
            <translation>Order #%1 saved.</translation>
        </message>
        <message>
            <source>Export today's shipments</source>
            <translation>Export today's shipments</translation>
        </message>
        <message>
            <source>Receiver</source>
            <translation>Receiver</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Parcel content</source>
            <translation>Parcel content</translation>
        </message>
        <message>
            <source>Order number</source>
            <translation>Order number</translation>
        </message>
        <message numerus="yes">
            <source>Saved %n shipment(s).</source>
            <translation>
                <numerusform>Saved %n shipment.</numerusform>
                <numerusform>Saved %n shipments.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Marked %n order(s) shipped.</source>
            <translation>
                <numerusform>Marked %n order shipped.</numerusform>
                <numerusform>Marked %n orders shipped.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel orders</source>
            <translation>Cancel orders</translation>
        </message>
        <message>
            <source>Cancel and refund</source>
            <translation>Cancel and refund</translation>
        </message>
        <message>
            <source>Keep the order</source>
            <translation>Keep the order</translation>
        </message>
        <message>
            <source>Cancel order %1?</source>
            <translation>Cancel order %1?</translation>
        </message>
        <message>
            <source>The buyer is refunded %1 in full to their store balance.</source>
            <translation>The buyer is refunded %1 in full to their store balance.</translation>
        </message>
        <message>
            <source>Unpaid orders have nothing to refund.</source>
            <translation>Unpaid orders have nothing to refund.</translation>
        </message>
        <message>
            <source>The books go back into stock. This cannot be undone.</source>
            <translation>The books go back into stock. This cannot be undone.</translation>
        </message>
        <message numerus="yes">
            <source>Cancelled %n order(s).</source>
            <translation>
                <numerusform>Cancelled %n order.</numerusform>
                <numerusform>Cancelled %n orders.</numerusform>
            </translation>
        </message>
        <message>
            <source>Some orders were not changed</source>
            <translation>Some orders were not changed</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
    </context>
    <context>
        <name>PackingSlip</name>
        <message>
            <source>Packing slip</source>
            <translation>Packing slip</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Book</source>
            <translation>Book</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>Qty</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Items</translation>
        </message>
        <message>
            <source>Shipping</source>
            <translation>Shipping</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Thank you for shopping with us.</source>
            <translation>Thank you for shopping with us.</translation>
        </message>
        <message>
            <source>Ship to</source>
            <translation>Ship to</translation>
        </message>
        <message>
            <source>Postcode</source>
            <translation>Postcode</translation>
        </message>
        <message>
            <source>No address given</source>
            <translation>No address given</translation>
        </message>
        <message>
            <source>Packing slip — order #%1</source>
            <translation>Packing slip — order #%1</translation>
        </message>
        <message>
            <source>A5 sheet</source>
            <translation>A5 sheet</translation>
        </message>
        <message>
            <source>Label 100 × 150 mm</source>
            <translation>Label 100 × 150 mm</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Save packing slip</source>
            <translation>Save packing slip</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>The packing slip is saved as %1.</source>
            <translation>The packing slip is saved as %1.</translation>
        </message>
    </context>
    <context>
        <name>PaymentPage</name>
        <message>
            <source>Pay from your store balance</source>
            <translation>Pay from your store balance</translation>
        </message>
        <message>
            <source>Pay later</source>
            <translation>Pay later</translation>
        </message>
        <message>
            <source>Pay</source>
            <translation>Pay</translation>
        </message>
        <message>
            <source>Amount to pay</source>
            <translation>Amount to pay</translation>
        </message>
        <message>
            <source>Your balance</source>
            <translation>Your balance</translation>
        </message>
        <message>
            <source>Balance after paying</source>
            <translation>Balance after paying</translation>
        </message>
        <message>
            <source>%1 short</source>
            <translation>%1 short</translation>
        </message>
        <message>
            <source>Order #%1 · %2</source>
            <translation>Order #%1 · %2</translation>
        </message>
        <message>
            <source>incl. %1 shipping</source>
            <translation>incl. %1 shipping</translation>
        </message>
        <message>
            <source>The shop changed your order after you placed it. Please check before paying:</source>
            <translation>The shop changed your order after you placed it. Please check before paying:</translation>
        </message>
        <message>
            <source>The shop changed order #%1 after this page showed it: it now costs %2 instead of %3.</source>
            <translation>The shop changed order #%1 after this page showed it: it now costs %2 instead of %3.</translation>
        </message>
        <message>
            <source>The order was changed</source>
            <translation>The order was changed</translation>
        </message>
        <message>
            <source>Pay %1 now?</source>
            <translation>Pay %1 now?</translation>
        </message>
        <message>
            <source>Pay %1</source>
            <translation>Pay %1</translation>
        </message>
        <message>
            <source>Do not pay</source>
            <translation>Do not pay</translation>
        </message>
        <message>
            <source>Order #%1: %2 → %3 (total %4 → %5)</source>
            <translation>Order #%1: %2 → %3 (total %4 → %5)</translation>
        </message>
        <message>
            <source>Paid: %1.</source>
            <translation>Paid: %1.</translation>
        </message>
        <message>
            <source>Press Pay again to finish: the same payment is sent, so you are never charged twice.</source>
            <translation>Press Pay again to finish: the same payment is sent, so you are never charged twice.</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>Submit order</source>
            <translation>Submit order</translation>
        </message>
        <message>
            <source>Add the address to send your books to first.</source>
            <translation>Add the address to send your books to first.</translation>
        </message>
        <message>
            <source>The books are set aside for you when you submit. Please pay within %1 minutes.</source>
            <translation>The books are set aside for you when you submit. Please pay within %1 minutes.</translation>
        </message>
        <message>
            <source>Check your order</source>
            <translation>Check your order</translation>
        </message>
        <message>
            <source>Check your orders: %1 orders, one per shop</source>
            <translation>Check your orders: %1 orders, one per shop</translation>
        </message>
        <message>
            <source>Total %1</source>
            <translation>Total %1</translation>
        </message>
        <message>
            <source>× %1</source>
            <translation>× %1</translation>
        </message>
        <message>
            <source>Shipping</source>
            <translation>Shipping</translation>
        </message>
        <message>
            <source>Order total</source>
            <translation>Order total</translation>
        </message>
    </context>
    <context>
        <name>ReportsPane</name>
        <message>
            <source>Export CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Sales per day</source>
            <translation>Sales per day</translation>
        </message>
        <message>
            <source>Top-selling books</source>
            <translation>Top-selling books</translation>
        </message>
        <message>
            <source>Orders by status</source>
            <translation>Orders by status</translation>
        </message>
        <message>
            <source>Shipped per day</source>
            <translation>Shipped per day</translation>
        </message>
        <message>
            <source>The last day comes before the first.</source>
            <translation>The last day comes before the first.</translation>
        </message>
        <message numerus="yes">
            <source>%n paid order(s), %1</source>
            <translation>
                <numerusform>%n paid order, %1</numerusform>
                <numerusform>%n paid orders, %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Export report</source>
            <translation>Export report</translation>
        </message>
        <message>
            <source>Report saved.</source>
            <translation>Report saved.</translation>
        </message>
    </context>
    <context>
        <name>ReviewPanel</name>
        <message>
            <source>How was this order?</source>
            <translation>How was this order?</translation>
        </message>
        <message>
            <source>%1 of 5 stars</source>
            <translation>%1 of 5 stars</translation>
        </message>
        <message>
            <source>A few words for the shop (optional)</source>
            <translation>A few words for the shop (optional)</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Comment</translation>
        </message>
        <message>
            <source>Submit review</source>
            <translation>Submit review</translation>
        </message>
        <message>
            <source>%1 of %2 stars</source>
            <translation>%1 of %2 stars</translation>
        </message>
    </context>
    <context>
        <name>SalesChart</name>
        <message>
            <source>No sales in this period</source>
            <translation>No sales in this period</translation>
        </message>
        <message numerus="yes">
            <source>%1: %n order(s), %2</source>
            <translation>
                <numerusform>%1: %n order, %2</numerusform>
                <numerusform>%1: %n orders, %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ScanShipDialog</name>
        <message>
            <source>Scan to ship</source>
            <translation>Scan to ship</translation>
        </message>
        <message>
            <source>Scanned code</source>
            <translation>Scanned code</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Courier</source>
            <translation>Courier</translation>
        </message>
        <message>
            <source>Shipped just now</source>
            <translation>Shipped just now</translation>
        </message>
        <message>
            <source>Scan the order barcode on the packing slip.</source>
            <translation>Scan the order barcode on the packing slip.</translation>
        </message>
        <message>
            <source>That is not an order barcode. Scan the packing slip first.</source>
            <translation>That is not an order barcode. Scan the packing slip first.</translation>
        </message>
        <message>
            <source>Order #%1 is not waiting to be shipped (%2).</source>
            <translation>Order #%1 is not waiting to be shipped (%2).</translation>
        </message>
        <message>
            <source>No address given</source>
            <translation>No address given</translation>
        </message>
        <message>
            <source>Now scan the waybill for order #%1.</source>
            <translation>Now scan the waybill for order #%1.</translation>
        </message>
        <message>
            <source>#%1 shipped, waybill %2</source>
            <translation>#%1 shipped, waybill %2</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Shop database</source>
            <translation>Shop database</translation>
        </message>
        <message>
            <source>On this computer (a local file)</source>
            <translation>On this computer (a local file)</translation>
        </message>
        <message>
            <source>On a shared server</source>
            <translation>On a shared server</translation>
        </message>
        <message>
            <source>Database file</source>
            <translation>Database file</translation>
        </message>
        <message>
            <source>e.g. shopserver or 192.168.1.10</source>
            <translation>e.g. shopserver or 192.168.1.10</translation>
        </message>
        <message>
            <source>kept in the keyring</source>
            <translation>kept in the keyring</translation>
        </message>
        <message>
            <source>Server type</source>
            <translation>Server type</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>Host</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>Database</translation>
        </message>
        <message>
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <source>Shop</source>
            <translation>Shop</translation>
        </message>
        <message>
            <source>Shipping fee</source>
            <translation>Shipping fee</translation>
        </message>
        <message>
            <source>Charged once on every new order, on every workstation.</source>
            <translation>Charged once on every new order, on every workstation.</translation>
        </message>
        <message>
            <source>Only an administrator can change the shipping fee.</source>
            <translation>Only an administrator can change the shipping fee.</translation>
        </message>
        <message>
            <source>This workstation</source>
            <translation>This workstation</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Follow the system</translation>
        </message>
        <message>
            <source>A new language shows after the program restarts.</source>
            <translation>A new language shows after the program restarts.</translation>
        </message>
        <message>
            <source>Kiosk signs out after</source>
            <translation>Kiosk signs out after</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>The password is kept in this computer's keyring.</source>
            <translation>The password is kept in this computer's keyring.</translation>
        </message>
        <message>
            <source>This computer has no keyring: the password is not stored and is asked for each time the program starts.</source>
            <translation>This computer has no keyring: the password is not stored and is asked for each time the program starts.</translation>
        </message>
        <message>
            <source>open a database to see it</source>
            <translation>open a database to see it</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>Connected. The database is empty: the shop's tables will be created when the program opens it.</source>
            <translation>Connected. The database is empty: the shop's tables will be created when the program opens it.</translation>
        </message>
        <message>
            <source>Connected. The database will be upgraded to this version when the program opens it.</source>
            <translation>Connected. The database will be upgraded to this version when the program opens it.</translation>
        </message>
        <message>
            <source>Connected. The database is ready.</source>
            <translation>Connected. The database is ready.</translation>
        </message>
        <message>
            <source>The shipping fee must be an amount such as 22.00.</source>
            <translation>The shipping fee must be an amount such as 22.00.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPane</name>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>No limit</translation>
        </message>
        <message>
            <source>Shipping fee</source>
            <translation>Shipping fee</translation>
        </message>
        <message>
            <source>Charged once on every new order. Orders already made keep the fee they were made with.</source>
            <translation>Charged once on every new order. Orders already made keep the fee they were made with.</translation>
        </message>
        <message>
            <source>Price cut limit (%)</source>
            <translation>Price cut limit (%)</translation>
        </message>
        <message>
            <source>How far below its list price staff may set an order line on their own. A deeper cut needs an administrator's user name and password. Leave empty for no limit.</source>
            <translation>How far below its list price staff may set an order line on their own. A deeper cut needs an administrator's user name and password. Leave empty for no limit.</translation>
        </message>
        <message>
            <source>The shipping fee is now %1.</source>
            <translation>The shipping fee is now %1.</translation>
        </message>
        <message>
            <source>Staff may now cut prices by up to %1% on their own.</source>
            <translation>Staff may now cut prices by up to %1% on their own.</translation>
        </message>
        <message>
            <source>Staff may now cut prices without limit.</source>
            <translation>Staff may now cut prices without limit.</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
    </context>
    <context>
        <name>Shell</name>
        <message>
            <source>Cannot open the shop database</source>
            <translation>Cannot open the shop database</translation>
        </message>
        <message>
            <source>This kiosk is for buyers. Staff, please use a workstation.</source>
            <translation>This kiosk is for buyers. Staff, please use a workstation.</translation>
        </message>
        <message>
            <source>Bookshop</source>
            <translation>Bookshop</translation>
        </message>
    </context>
    <context>
        <name>ShipDialog</name>
        <message>
            <source>Mark shipped</source>
            <translation>Mark shipped</translation>
        </message>
        <message>
            <source>Courier</source>
            <translation>Courier</translation>
        </message>
        <message>
            <source>Scan or type the waybill number</source>
            <translation>Scan or type the waybill number</translation>
        </message>
        <message>
            <source>Ship</source>
            <translation>Ship</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Each parcel's waybill number, as the courier printed it.</source>
            <translation>Each parcel's waybill number, as the courier printed it.</translation>
        </message>
    </context>
    <context>
        <name>ShippedDaysModel</name>
        <message>
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>Parcels shipped</source>
            <translation>Parcels shipped</translation>
        </message>
    </context>
    <context>
        <name>SignInWindow</name>
        <message>
            <source>Bookshop — Sign in</source>
            <translation>Bookshop — Sign in</translation>
        </message>
        <message>
            <source>Bookshop</source>
            <translation>Bookshop</translation>
        </message>
        <message>
            <source>Welcome! Sign in to browse, order and pay from your store balance.</source>
            <translation>Welcome! Sign in to browse, order and pay from your store balance.</translation>
        </message>
        <message>
            <source>Sign in to your shop or your reader's account.</source>
            <translation>Sign in to your shop or your reader's account.</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Username</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Remember me on this computer</source>
            <translation>Remember me on this computer</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>Database settings…</source>
            <translation>Database settings…</translation>
        </message>
        <message>
            <source>Demo accounts (the password is the username):</source>
            <translation>Demo accounts (the password is the username):</translation>
        </message>
        <message>
            <source>buyer</source>
            <translation>buyer</translation>
        </message>
        <message>
            <source>staff</source>
            <translation>staff</translation>
        </message>
        <message>
            <source>admin</source>
            <translation>admin</translation>
        </message>
        <message>
            <source>Database: %1</source>
            <translation>Database: %1</translation>
        </message>
        <message>
            <source>Remembering sign-ins is off: this computer has no secure keyring to keep it in.</source>
            <translation>Remembering sign-ins is off: this computer has no secure keyring to keep it in.</translation>
        </message>
        <message>
            <source>Enter your username and password.</source>
            <translation>Enter your username and password.</translation>
        </message>
        <message>
            <source>Wrong username or password.</source>
            <translation>Wrong username or password.</translation>
        </message>
    </context>
    <context>
        <name>StatusTotalsModel</name>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>TopBooksModel</name>
        <message>
            <source>Book</source>
            <translation>Book</translation>
        </message>
        <message>
            <source>Copies sold</source>
            <translation>Copies sold</translation>
        </message>
        <message>
            <source>Revenue</source>
            <translation>Revenue</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <source>Leave kiosk mode</source>
            <translation>Leave kiosk mode</translation>
        </message>
        <message>
            <source>Staff username</source>
            <translation>Staff username</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Staff only: sign in to close the kiosk.</source>
            <translation>Staff only: sign in to close the kiosk.</translation>
        </message>
        <message>
            <source>Only staff can leave kiosk mode. Check the username and password.</source>
            <translation>Only staff can leave kiosk mode. Check the username and password.</translation>
        </message>
    </context>
    <context>
        <name>WaitingList</name>
        <message>
            <source>Orders waiting to ship</source>
            <translation>Orders waiting to ship</translation>
        </message>
        <message>
            <source>Open…</source>
            <translation>Open…</translation>
        </message>
        <message>
            <source>Mark shipped…</source>
            <translation>Mark shipped…</translation>
        </message>
        <message>
            <source>Paid over 48 hours ago, not shipped (%1)</source>
            <translation>Paid over 48 hours ago, not shipped (%1)</translation>
        </message>
        <message numerus="yes">
            <source>Marked %n order(s) shipped.</source>
            <translation>
                <numerusform>Marked %n order shipped.</numerusform>
                <numerusform>Marked %n orders shipped.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WaitingModel</name>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>Buyer</source>
            <translation>Buyer</translation>
        </message>
        <message>
            <source>Ship to</source>
            <translation>Ship to</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>connection</name>
        <message>
            <source>No database server answers at %1. Check that the server is running and that the host and port are right, and that the network is up.</source>
            <translation>No database server answers at %1. Check that the server is running and that the host and port are right, and that the network is up.</translation>
        </message>
        <message>
            <source>The server at %1 refused the user name or password.</source>
            <translation>The server at %1 refused the user name or password.</translation>
        </message>
        <message>
            <source>The server answers, but it has no database named as in %1. Ask whoever runs the server to create it, or correct the name.</source>
            <translation>The server answers, but it has no database named as in %1. Ask whoever runs the server to create it, or correct the name.</translation>
        </message>
        <message>
            <source>The server at %1 does not let this user or this computer in.</source>
            <translation>The server at %1 does not let this user or this computer in.</translation>
        </message>
        <message>
            <source>The database at %1 was upgraded by a newer version of Bookshop. Install that version on this computer to use it.</source>
            <translation>The database at %1 was upgraded by a newer version of Bookshop. Install that version on this computer to use it.</translation>
        </message>
        <message>
            <source>The file %1 is not a shop database: it may have been replaced by another file. Choose the right file in Settings, or restore the latest backup (see "Backups" in the manual).</source>
            <translation>The file %1 is not a shop database: it may have been replaced by another file. Choose the right file in Settings, or restore the latest backup (see "Backups" in the manual).</translation>
        </message>
        <message>
            <source>The shop database file %1 is damaged. Restore the latest backup (see "Backups" in the manual) and open it again.</source>
            <translation>The shop database file %1 is damaged. Restore the latest backup (see "Backups" in the manual) and open it again.</translation>
        </message>
        <message>
            <source>The shop database file %1 is locked by another program. Close that program, or wait for it to finish, then choose Retry.</source>
            <translation>The shop database file %1 is locked by another program. Close that program, or wait for it to finish, then choose Retry.</translation>
        </message>
        <message>
            <source>The database at %1 could not be opened.</source>
            <translation>The database at %1 could not be opened.</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Database password</source>
            <translation>Database password</translation>
        </message>
        <message>
            <source>Password for %1:</source>
            <translation>Password for %1:</translation>
        </message>
    </context>
    <context>
        <name>covers</name>
        <message>
            <source>This picture is over %1 MB. Choose a smaller one.</source>
            <translation>This picture is over %1 MB. Choose a smaller one.</translation>
        </message>
        <message>
            <source>This file is not a picture Bookshop can show.</source>
            <translation>This file is not a picture Bookshop can show.</translation>
        </message>
        <message>
            <source>This picture is %1 × %2 pixels; a cover can be at most %3 pixels a side.</source>
            <translation>This picture is %1 × %2 pixels; a cover can be at most %3 pixels a side.</translation>
        </message>
    </context>
    <context>
        <name>crash</name>
        <message>
            <source>Bookshop: unexpected error</source>
            <translation>Bookshop: unexpected error</translation>
        </message>
        <message>
            <source>Keep working</source>
            <translation>Keep working</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Something went wrong inside Bookshop:
%1

What you were doing may not have finished; check it before going on. The details are in the log:
%2</source>
            <translation>Something went wrong inside Bookshop:
%1

What you were doing may not have finished; check it before going on. The details are in the log:
%2</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>Your balance is %1 but this order costs %2. Please top up %3 at the counter.</source>
            <translation>Your balance is %1 but this order costs %2. Please top up %3 at the counter.</translation>
        </message>
        <message>
            <source>Not enough copies in stock for: %1</source>
            <translation>Not enough copies in stock for: %1</translation>
        </message>
        <message>
            <source>The shop changed this order meanwhile: it now costs %1. Nothing was charged.</source>
            <translation>The shop changed this order meanwhile: it now costs %1. Nothing was charged.</translation>
        </message>
        <message>
            <source>Someone else changed this order meanwhile. It has been reloaded; check it and make your change again.</source>
            <translation>Someone else changed this order meanwhile. It has been reloaded; check it and make your change again.</translation>
        </message>
        <message>
            <source>A line is cut more than %1% below its list price. An administrator must approve it.</source>
            <translation>A line is cut more than %1% below its list price. An administrator must approve it.</translation>
        </message>
        <message>
            <source>The connection to the shop database was lost while saving, so it is not known yet whether it was saved. Check before doing it again.</source>
            <translation>The connection to the shop database was lost while saving, so it is not known yet whether it was saved. Check before doing it again.</translation>
        </message>
        <message>
            <source>The shop database is busy with another workstation's work. Nothing was changed; try again in a moment.</source>
            <translation>The shop database is busy with another workstation's work. Nothing was changed; try again in a moment.</translation>
        </message>
        <message>
            <source>The shop database cannot be reached. Nothing was changed.</source>
            <translation>The shop database cannot be reached. Nothing was changed.</translation>
        </message>
        <message>
            <source>The shop database file is damaged. Restore the latest backup (see "Backups" in the manual).</source>
            <translation>The shop database file is damaged. Restore the latest backup (see "Backups" in the manual).</translation>
        </message>
        <message>
            <source>This database was upgraded by a newer version of Bookshop. Please install that version.</source>
            <translation>This database was upgraded by a newer version of Bookshop. Please install that version.</translation>
        </message>
        <message>
            <source>Your session has ended. Please sign in again.</source>
            <translation>Your session has ended. Please sign in again.</translation>
        </message>
    </context>
    <context>
        <name>unreachable</name>
        <message>
            <source>Database unreachable</source>
            <translation>Database unreachable</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>Check again</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Later</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
</TS>
