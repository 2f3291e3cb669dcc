"""Bookshop desktop: a buyer kiosk and a merchant workstation over one shop database.

The program's version is pyproject.toml's, read back by bookshop_gui.version.
"""
