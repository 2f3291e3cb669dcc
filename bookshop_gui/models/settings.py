"""Shop-wide settings shared by every workstation on the database."""

from bookshop_gui._peewee import peewee
from bookshop_gui.models.base import BaseModel


class Setting(BaseModel):
    key = peewee.CharField(max_length=64, primary_key=True)
    value = peewee.CharField(max_length=255)

    class Meta:
        table_name = "settings"
