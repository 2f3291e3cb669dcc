"""Save the README's pictures into resources/screenshots/, taken by the layout walk.

    python tests/screens/make_screenshots.py [OUT_DIR]

The layout test's walk (tests/layout/walk.py) opens every screen on a fresh
demo database at a given screen size; this runs it for a landscape and a
portrait screen and keeps the pictures the README shows.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WALK = ROOT / "tests" / "layout" / "walk.py"
LANDSCAPE, PORTRAIT = (1280, 800), (1080, 1920)
# (screen size, picture the walk saved, name in the README)
PICTURES = (
    (LANDSCAPE, "kiosk-catalog-book-en", "buyer-catalog"),
    (LANDSCAPE, "kiosk-cart-en", "buyer-cart"),
    (LANDSCAPE, "kiosk-preview-en", "buyer-preview"),
    (LANDSCAPE, "kiosk-payment-en", "buyer-payment"),
    (LANDSCAPE, "kiosk-orders-all-en", "buyer-orders"),
    (LANDSCAPE, "kiosk-order-paid-en", "buyer-order-detail"),
    (PORTRAIT, "kiosk-catalog-book-zh_CN", "buyer-portrait-catalog-zh"),
    (PORTRAIT, "kiosk-cart-en", "buyer-portrait-cart"),
    (LANDSCAPE, "merchant-orders-0-en", "merchant-orders"),
    (LANDSCAPE, "merchant-order-editor-en", "merchant-order-editor"),
    (LANDSCAPE, "merchant-catalog-en", "merchant-catalog"),
    (LANDSCAPE, "merchant-packing-slip-en", "merchant-packing-slip"),
)


def walk(size: tuple[int, int], folder: Path) -> Path:
    """Run the walk on a screen of `size`; the folder its pictures are in."""
    width, height = size
    config = folder / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{
        "name": "Screen", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    environment = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    subprocess.run([sys.executable, str(WALK), f"{width}x{height}", str(folder)],
                   env=environment, check=True, stdout=subprocess.DEVNULL)
    return folder / f"{width}x{height}"


def main() -> int:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        taken = {size: walk(size, Path(folder)) for size in (LANDSCAPE, PORTRAIT)}
        for size, source, name in PICTURES:
            target = out_dir / f"{name}.png"
            shutil.copyfile(taken[size] / f"{source}.png", target)
            print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
