"""Bookshop desktop: a buyer kiosk and a merchant workstation over one shop database."""

__version__ = "0.1.0"
