"""Translations as a build step: `python -m bookshop_gui.translations`.

1. `pyside6-lupdate` collects every `tr()` / `translate()` string in
   bookshop_gui/ui into resources/translations/bookshop_<lang>.ts, keeping the
   translations already made (the .ts files are the source of truth; edit them
   with `pyside6-linguist`). English holds only the plural forms.
2. `pyside6-lrelease` compiles them into the .qm files the program loads.

`--compile` does step 2 alone (what a build needs). `--check` fails if a
Chinese translation is missing or unfinished.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "bookshop_gui" / "ui"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def ts_file(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"bookshop_{language}.ts"


def tool(name: str) -> str:
    """A PySide6 tool, from PATH or next to this Python."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"error: {name} not found; install PySide6 in this environment")
    return found


def update(folder: Path = FOLDER) -> None:
    """Bring the .ts files in `folder` up to date with the strings in the code.

    Every string is a literal `self.tr()` or `QCoreApplication.translate()`
    whose context lupdate reads. English is the language of the code, so its
    file holds only the plural forms ("%n order(s)": "1 order", "2 orders");
    every other English string is shown as written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    for language in LANGUAGES:
        plurals_only = ["-pluralonly"] if language == "en" else []
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                        *plurals_only, *sources, "-ts", str(ts_file(language, folder))],
                       check=True, cwd=ROOT)


def messages(path: Path) -> set[tuple[str, str]]:
    """(context, source) of every message in a .ts file."""
    return {(context.findtext("name") or "", message.findtext("source"))
            for context in ElementTree.parse(path).getroot().iter("context")
            for message in context.iter("message")}


def compile_all(folder: Path = FOLDER, into: Path | None = None) -> list[Path]:
    made = []
    for language in LANGUAGES:
        source = ts_file(language, folder)
        target = (into or folder) / source.with_suffix(".qm").name
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)],
                       check=True, cwd=ROOT)
        made.append(target)
    return made


def unfinished(language: str = "zh_CN") -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ElementTree.parse(ts_file(language)).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform") or [translation]
            if translation.get("type") == "unfinished" or not all(f.text for f in forms):
                missing.append((name, message.findtext("source")))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bookshop_gui.translations",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--compile", action="store_true", help="only compile .ts to .qm")
    parser.add_argument("--check", action="store_true",
                        help="fail if the Chinese translation is unfinished")
    options = parser.parse_args(argv)
    if not options.compile:
        update()
    for path in compile_all():
        print(f"compiled {path.relative_to(ROOT)}")
    missing = unfinished("zh_CN")
    if missing:
        print(f"{len(missing)} strings have no Chinese translation yet, e.g.:")
        for context, source in missing[:10]:
            print(f"  {context}: {source!r}")
        return 1 if options.check else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
