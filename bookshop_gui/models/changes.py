"""The change log: one row per write transaction, read by every other window."""

from bookshop_gui._peewee import peewee
from bookshop_gui.models.base import BaseModel
from bookshop_gui.models.fields import utcnow


class ChangeLog(BaseModel):
    """What one transaction changed (`kinds`, comma-separated) and by which window.

    Rows are only ever added, so writers never wait on one another for it;
    readers ask for the rows after the last id they saw, a primary-key walk.
    """

    at = peewee.DateTimeField(default=utcnow, index=True)
    kinds = peewee.CharField(max_length=100)
    order_ids = peewee.CharField(max_length=255, default="")
    origin = peewee.CharField(max_length=32, default="")

    class Meta:
        table_name = "change_log"
