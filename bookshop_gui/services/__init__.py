"""The shop's rules as plain calls: both windows, the HTTP server, the admin command line
and tests use them.

Each public call checks its caller's token. A write call is one database
transaction and either does all it says or raises a `bookshop_gui.errors`
error having changed nothing; a read call sees committed data only
(`transactions.reads`). Nothing here imports Qt.
"""
