"""The shop's rules as plain calls: both windows, the admin command line and tests use them.

Each public call is one database transaction, checks its caller's token, and
either does all it says or raises a `bookshop_gui.errors` error having changed
nothing. Nothing here imports Qt.
"""
