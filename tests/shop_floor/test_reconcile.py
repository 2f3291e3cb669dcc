"""`python main.py admin reconcile`: silent success on books that balance, and the
differences named, with a failing exit status, when a balance was changed behind
the program's back."""

import sqlite3

from .test_admin_commands import admin


def test_reconcile_passes_on_demo_data_and_names_a_corrupted_balance(tmp_path):
    path = tmp_path / "shop.db"
    url = f"sqlite:///{path}"
    assert admin("seed-demo", url=url).returncode == 0

    clean = admin("reconcile", url=url)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "The books balance" in clean.stdout

    with sqlite3.connect(path) as connection:  # cents: 100.00 appears from nowhere
        connection.execute("UPDATE users SET balance = balance + 10000 WHERE username = 'reader'")
    connection.close()
    corrupt = admin("reconcile", url=url)
    assert corrupt.returncode == 1
    assert corrupt.stdout.splitlines() == [
        "balance: reader: balance is 600.00 but the entries add up to 500.00"]
    assert "1 difference(s) found." in corrupt.stderr
