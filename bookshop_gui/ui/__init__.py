"""The Qt windows: a buyer kiosk and a merchant workstation over the service layer.

Nothing here issues SQL or imports peewee or the models: every read and write
is a `bookshop_gui.services` call run by `tasks.Tasks` off the GUI thread.
"""
