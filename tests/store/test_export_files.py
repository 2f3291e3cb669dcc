"""An export that is refused or fails leaves the disk as it was: no new file, no cut-off one.

A person who chose a file name and was told "not allowed" or "try again"
would otherwise find an empty or half-written CSV there, or find last week's
good export replaced by a few lines of this one.
"""

from __future__ import annotations

import stat
from datetime import UTC, datetime

import pytest

from bookshop_gui.errors import AuthError, BookshopError, NotFound
from bookshop_gui.services import catalog_io, csv_files, ledger, reports, shipments

GOOD = "last week's export\n"


@pytest.fixture
def folder(tmp_path):
    """A folder of its own: the SQLite database lives in tmp_path."""
    exports = tmp_path / "exports"
    exports.mkdir()
    return exports


def refused_exports(world):
    """(call, the error it must raise) for each export made by the wrong person or of no one."""
    return [
        (lambda path: ledger.write_csv("signed-out", "alice", path), AuthError),
        (lambda path: ledger.write_csv(world.alice.token, "alice", path), AuthError),
        (lambda path: ledger.write_csv(world.staff_a.token, "nobody", path), NotFound),
        (lambda path: catalog_io.export_csv("signed-out", path), AuthError),
        (lambda path: catalog_io.export_csv(world.alice.token, path), AuthError),
    ]


def test_a_refused_export_makes_no_file(world, folder):
    for number, (export, error) in enumerate(refused_exports(world)):
        with pytest.raises(error):
            export(folder / f"export-{number}.csv")
    assert list(folder.iterdir()) == []


def test_a_refused_export_leaves_an_existing_file_as_it_was(world, folder):
    path = folder / "statement.csv"
    for export, error in refused_exports(world):
        path.write_text(GOOD)
        with pytest.raises(error):
            export(path)
        assert path.read_text() == GOOD
    assert list(folder.iterdir()) == [path]


def test_an_export_failing_half_way_leaves_no_file(folder):
    path = folder / "report.csv"
    with pytest.raises(RuntimeError), csv_files.writing(path) as writer:
        writer.writerow(["day", "orders"])
        raise RuntimeError("the connection went")
    assert list(folder.iterdir()) == []
    path.write_text(GOOD)
    with pytest.raises(RuntimeError), csv_files.writing(path) as writer:
        writer.writerow(["day", "orders"])
        raise RuntimeError("the connection went")
    assert path.read_text() == GOOD
    assert list(folder.iterdir()) == [path]


def test_every_export_writes_its_whole_file_readable_by_others(world, folder):
    today = datetime.now(UTC).date()
    written = {
        "ledger": lambda p: ledger.write_csv(world.staff_a.token, "alice", p),
        "catalog": lambda p: catalog_io.export_csv(world.staff_a.token, p),
        "report": lambda p: reports.write_csv(
            reports.sales_report(world.staff_a.token, today, today), p),
        "shipments": lambda p: shipments.write_csv(
            shipments.shipments(world.staff_a.token, today), p),
    }
    for name, export in written.items():
        export(folder / f"{name}.csv")
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.csv" for n in written)
    for path in folder.iterdir():
        assert path.read_text(encoding="utf-8-sig").splitlines()[0]  # a header at least
        assert stat.S_IMODE(path.stat().st_mode) & stat.S_IROTH


def test_a_device_or_folder_is_not_written_over(folder):
    for target in (folder, "/dev/null"):
        with pytest.raises(BookshopError), csv_files.writing(target):
            pass
    assert list(folder.iterdir()) == []
