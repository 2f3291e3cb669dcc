"""Cover pictures in the database, so a cover chosen at one workstation shows at every one.

On a shared server only the database is shared: a picture left as a path on
the computer where it was chosen showed nowhere else.
"""
from peewee import *


class PictureField(BlobField):
    def ddl_datatype(self, ctx):
        if ctx and ctx.state.quote == "``":
            return SQL("MEDIUMBLOB")
        return super().ddl_datatype(ctx)


def up(migrator, db):
    class CoverImage(Model):
        digest = CharField(unique=True, max_length=64)
        data = PictureField()
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'cover_images'
    db.create_tables([CoverImage])


def down(migrator, db):
    db.execute_sql('DROP TABLE cover_images')
