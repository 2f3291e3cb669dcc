"""The merchant workstation: a shop's orders, catalog, members and reports."""
