"""Request ids already answered: the record that makes a repeated call change nothing."""

from bookshop_gui._peewee import peewee
from bookshop_gui.models.base import BaseModel
from bookshop_gui.models.fields import utcnow
from bookshop_gui.models.people import User


class RequestRecord(BaseModel):
    """One call made with a request id, written in the same transaction as its change.

    The unique key on (user, request_id) is what guarantees, on every backend,
    that two workstations sending the same request cannot both act on it.
    """

    user = peewee.ForeignKeyField(User, on_delete="CASCADE")
    request_id = peewee.CharField(max_length=64)
    operation = peewee.CharField(max_length=40)
    fingerprint = peewee.CharField(max_length=64)
    result = peewee.TextField()
    created_at = peewee.DateTimeField(default=utcnow, index=True)

    class Meta:
        table_name = "requests"
        indexes = ((("user", "request_id"), True),)
