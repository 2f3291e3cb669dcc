"""Other workstations' changes, read from the change log every few seconds.

One indexed query a poll: the log rows after the last one seen. Ids are
handed out when a transaction starts writing but become visible when it
commits, so on PostgreSQL and MariaDB a lower id can appear after a higher
one; each poll therefore looks back `OVERLAP` ids and skips the rows it has
already reported.
"""

from __future__ import annotations

from datetime import timedelta

from bookshop_gui._peewee import peewee
from bookshop_gui.domain import Changes
from bookshop_gui.models import ChangeLog
from bookshop_gui.models.fields import utcnow
from bookshop_gui.services import changes, together
from bookshop_gui.services.transactions import reads, writes

OVERLAP = 100
KEEP_HOURS = 24


class ChangeFeed:
    """One window's place in the change log. Polled from one thread at a time."""

    def __init__(self, source: str):
        self.source = source
        self.last: int | None = None
        self._seen: set[int] = set()

    def poll(self, token) -> Changes:
        """What other windows changed since the last poll; nothing on the first."""
        rows = _rows_after(token, None if self.last is None else self.last - OVERLAP)
        if self.last is None:
            self.start_at(rows[0][0])
            return Changes()
        found = Changes()
        for row_id, kinds, order_ids, source in rows:
            if row_id not in self._seen and source != self.source:
                found = found | changes.parse(kinds, order_ids)
            self._seen.add(row_id)
        self.last = max([self.last, *self._seen])
        self._seen = {i for i in self._seen if i > self.last - OVERLAP}
        return found

    def start_at(self, position: int) -> None:
        """Report only the changes logged after `position` (a read of `position_query`
        made before the window's first reads): every row up to it counts as seen."""
        self.last = position
        self._seen = set(range(self.last - OVERLAP + 1, self.last + 1))


def position_query():
    """The query of where the change log stands now, to send with other statements."""
    return ChangeLog.select(peewee.fn.MAX(ChangeLog.id)).tuples()


def position_of(rows: list) -> int:
    """The position from what `position_query` read (0 for an empty log)."""
    return rows[0][0] or 0


@reads
def _rows_after(token, after: int | None) -> list[tuple]:
    if after is None:
        _, (last,) = together.as_caller(token, (), lambda _user: [position_query()])
        return [(position_of(last), "", "", "")]
    _, (rows,) = together.as_caller(token, (), lambda _user: [
        ChangeLog.select(ChangeLog.id, ChangeLog.kinds, ChangeLog.order_ids, ChangeLog.origin)
        .where(ChangeLog.id > after).order_by(ChangeLog.id).tuples()])
    return rows


@writes
def prune() -> int:
    """Forget log rows older than a day: every window has read them long since."""
    cutoff = utcnow() - timedelta(hours=KEEP_HOURS)
    return ChangeLog.delete().where(ChangeLog.at < cutoff).execute()
