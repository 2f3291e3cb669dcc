"""The buyer kiosk: browse the catalog, fill a cart, order, pay, track and review.

`window.BuyerWindow` holds one page per task (catalog, cart, order preview,
payment, my orders, order detail); each page lives in its own file with its
model beside it, and every database call goes through `ui.tasks.Tasks`.
"""
