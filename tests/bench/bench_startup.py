"""Start-up: from launching the program to its first painted sign-in window.

Each run is a new process, timed by the wall clock from just before it is
spawned until it reports that its first window has been painted
(`_first_paint.py`, offscreen). The program runs as people start it, through
`main.py`, on a new local SQLite database (`--db sqlite:///…/shop.db`) with
its own empty settings and log folders. The floor is the same interpreter
showing and painting a bare `QMainWindow`: the cost of Python and Qt alone.
Floor and program runs alternate, after one unmeasured run of each.

    python tests/bench/bench_startup.py [--small] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common as common

DRIVER = Path(__file__).with_name("_first_paint.py")
GOAL_RATIO = 1.3
# What the program needs only once the window is up: none of it should be loaded before.
LATER = ("peewee", "playhouse", "psycopg", "pymysql", "sqlite3", "keyring", "logging.handlers",
         "bookshop_gui.db", "bookshop_gui.models", "bookshop_gui.services",
         "bookshop_gui.ui.crash")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", action="store_true", help="a smoke run that takes seconds")
    parser.add_argument("--repeat", type=int, default=None, help="timed runs of each")
    args = parser.parse_args()
    repeat = args.repeat or (3 if args.small else 15)
    floor, program = measure(repeat)
    program_ms, floor_ms = _median(program, "wall_ms"), _median(floor, "wall_ms")
    common.emit({
        "benchmark": "start-up to the first painted sign-in window", "repeat": repeat,
        "goal_vs_floor": GOAL_RATIO, "machine": common.machine(),
        "program": _summary(program), "floor": _summary(floor),
        "vs_floor": common.ratio(program_ms, floor_ms),
        "goal_met": program_ms <= GOAL_RATIO * floor_ms,
        "loaded_before_paint": loaded_too_early(program[-1]["modules"]),
    })


def measure(repeat: int) -> tuple[list[dict], list[dict]]:
    """The floor's runs and the program's, alternating, after one unmeasured run of each.

    The unmeasured runs also compile the bytecode, kept in a folder of this
    run's own (even where PYTHONDONTWRITEBYTECODE is set), as an installed
    program has it: what is timed is starting, not compiling.
    """
    with tempfile.TemporaryDirectory(prefix="bookshop-bench-bytecode-") as bytecode:
        first_paint("floor", bytecode)
        first_paint("program", bytecode)
        floor, program = [], []
        for _ in range(repeat):
            floor.append(first_paint("floor", bytecode))
            program.append(first_paint("program", bytecode))
    return floor, program


def first_paint(kind: str, bytecode: str) -> dict:
    """One new process: milliseconds from spawn to painted, its CPU time, modules loaded by then.

    CPU time (the child's user and system time, to its exit just after the
    paint) says how much work there was even when other processes share the
    cores and stretch the wall clock.
    """
    with tempfile.TemporaryDirectory(prefix="bookshop-bench-") as folder:
        command = [sys.executable, str(DRIVER), kind]
        if kind == "program":
            command += ["--db", f"sqlite:///{folder}/shop.db"]
        errors = Path(folder, "stderr.txt")
        before = _children_cpu()
        with errors.open("w") as stderr:
            start = time.perf_counter()
            child = subprocess.Popen(command, env=_environment(folder, bytecode),
                                     stdout=subprocess.PIPE, stderr=stderr, text=True)
            marker = child.stdout.readline().strip()
            wall = (time.perf_counter() - start) * 1000
            modules = child.stdout.read()
            child.wait()
        if marker != "painted":
            raise RuntimeError(f"{kind} never painted a window:\n{errors.read_text()}")
    return {"wall_ms": wall, "cpu_ms": _children_cpu() - before, "modules": json.loads(modules)}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def _summary(runs: list[dict]) -> dict:
    return {"median_ms": common.ms(_median(runs, "wall_ms")),
            "min_ms": common.ms(min(run["wall_ms"] for run in runs)),
            "cpu_median_ms": common.ms(_median(runs, "cpu_ms"))}


def _environment(folder: str, bytecode: str) -> dict:
    """Offscreen, with settings, data and logs kept in `folder`, bytecode in `bytecode`."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=bytecode)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        environment[name] = folder
    environment.pop("BOOKSHOP_DB_URL", None)
    return environment


def loaded_too_early(modules: list[str]) -> list[str]:
    return sorted({name for name in modules for prefix in LATER
                   if name == prefix or name.startswith(prefix + ".")})


if __name__ == "__main__":
    main()
