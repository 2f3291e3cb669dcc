"""`python main.py admin reconcile`: silent success on books that balance, and the
differences named, with a failing exit status, when a balance was changed behind
the program's back; on each database the program runs on."""

import pytest

from bookshop_gui import db

from .test_admin_commands import admin


def change_behind_the_programs_back(url: str, sql: str) -> None:
    """Run `sql` on its own connection, as someone at the database's own console would."""
    database = db.open_url(url)
    database.connect()
    try:
        database.execute_sql(sql)
    finally:
        database.close()


@pytest.mark.backends
def test_reconcile_passes_on_demo_data_and_names_a_corrupted_balance(fresh_server_url):
    url = fresh_server_url
    assert admin("seed-demo", url=url).returncode == 0

    clean = admin("reconcile", url=url)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "The books balance" in clean.stdout

    # cents: 100.00 appears from nowhere
    change_behind_the_programs_back(
        url, "UPDATE users SET balance = balance + 10000 WHERE username = 'reader'")
    corrupt = admin("reconcile", url=url)
    assert corrupt.returncode == 1
    assert corrupt.stdout.splitlines() == [
        "balance: reader: balance is 600.00 but the entries add up to 500.00"]
    assert "1 difference(s) found." in corrupt.stderr
