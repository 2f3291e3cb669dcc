"""MySQL / MariaDB stop a statement at the call's own limit, as PostgreSQL does.

Every call has a limit on the server (a second inside the time the program
waits for a reply), and a report gets its minute. A statement that runs past
its limit is told as busy, "try again in a moment", never as a lost link, and
the connection goes on serving the next call with the usual limit.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bookshop_gui import db, deadline
from bookshop_gui.errors import DatabaseBusy, OutcomeUnknown
from bookshop_gui.models import database
from bookshop_gui.services import reports
from bookshop_gui.services.transactions import reads

pytestmark = pytest.mark.parametrize("backend", ["mysql"])


def _sleep(seconds: float) -> int:
    return database.execute_sql("SELECT SLEEP(%s)", (seconds,)).fetchone()[0]


@reads(seconds=0.5)
def impatient_sleep(seconds: float) -> int:
    """A call allowed half a second, as a report is allowed a minute."""
    return _sleep(seconds)


@reads(seconds=5)
def patient_sleep(seconds: float) -> int:
    return _sleep(seconds)


@reads
def usual_sleep(seconds: float) -> int:
    return _sleep(seconds)


@reads
def usual_limit() -> float:
    return float(database.execute_sql("SELECT @@max_statement_time").fetchone()[0])


def session_limit() -> float:
    """The limit the connection was left with by the last call."""
    with database.connection().cursor() as cursor:
        cursor.execute("SELECT @@max_statement_time")
        return float(cursor.fetchone()[0])


def test_a_statement_past_its_calls_limit_is_told_as_busy(world):
    with pytest.raises(DatabaseBusy) as caught:
        impatient_sleep(3)
    assert not isinstance(caught.value, OutcomeUnknown)
    assert "try again" in caught.value.message
    assert usual_limit() == deadline.CALL_SECONDS - 1  # the same connection, as usual again


def test_a_report_runs_under_its_minute(world):
    today = datetime.now(UTC).date()
    reports.sales_report(world.staff_a.token, today, today)
    assert session_limit() == 60
    usual_limit()
    assert session_limit() == deadline.CALL_SECONDS - 1


def test_a_long_call_is_not_cut_at_the_usual_time(db_url, short_timeouts):
    """With calls limited to 2 s, a call allowed 5 s runs a 3 s statement to its end."""
    connected = db.connect(db_url)
    try:
        assert patient_sleep(3) == 0  # SLEEP answers 0 when it was not interrupted
        with pytest.raises(DatabaseBusy):  # a usual call stops at its own second
            usual_sleep(3)
    finally:
        connected.close()
