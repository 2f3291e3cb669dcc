"""Every screen of both windows fits at four screen sizes, in English and Chinese,
and every control on it has a name a screen reader can say.

Each size runs in a process of its own (`walk.py`), since the offscreen
platform takes its screen size when it starts; the four run two at a time,
as CI has two cores, and each saves its screenshots under tests/output/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
OUTPUT = HERE.parent / "output"
SIZES = ((1024, 768), (1280, 800), (1920, 1080), (1080, 1920))
AT_ONCE = 2
TIMEOUT_S = 120


def _screen_file(width: int, height: int, folder: Path) -> Path:
    screen = {"name": "Screen", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    path = folder / f"screen-{width}x{height}.json"
    path.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return path


def _walk(size: tuple[int, int], folder: Path) -> dict[str, list[str]]:
    width, height = size
    config = _screen_file(width, height, folder)
    environment = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    run = subprocess.run(
        [sys.executable, str(HERE / "walk.py"), f"{width}x{height}", str(OUTPUT)],
        capture_output=True, text=True, env=environment, timeout=TIMEOUT_S, check=False,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def walks(tmp_path_factory):
    """The problems found at each size, the walks running side by side."""
    folder = tmp_path_factory.mktemp("screens")
    with ThreadPoolExecutor(AT_ONCE) as pool:
        futures = {size: pool.submit(_walk, size, folder) for size in SIZES}
        yield futures


IDS = [f"{w}x{h}" for w, h in SIZES]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_every_screen_fits(walks, size):
    """No cut text, elided tab or cell; on the kiosk, nothing under 48 px to press."""
    problems = walks[size].result()["layout"]
    assert problems == [], "\n".join(problems)
    width, height = size
    assert (OUTPUT / f"{width}x{height}" / "kiosk-cart-zh_CN.png").is_file()


@pytest.mark.parametrize("size", SIZES[:1], ids=IDS[:1])
def test_every_control_has_a_spoken_name(walks, size):
    unnamed = walks[size].result()["names"]
    assert unnamed == [], "\n".join(unnamed)
