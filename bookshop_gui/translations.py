"""Translations as a build step: `python -m bookshop_gui.translations`.

1. `pyside6-lupdate` collects every `tr()` / `translate()` string in
   bookshop_gui/ui into resources/translations/bookshop_<lang>.ts, keeping the
   translations already made (the .ts files are the source of truth; edit them
   with `pyside6-linguist`). English translates each string to itself.
2. `pyside6-lrelease` compiles them into the .qm files the program loads.

`--compile` does step 2 alone (what a build needs). `--check` fails if a
Chinese translation is missing or unfinished.
"""

from __future__ import annotations

import argparse
import re
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
    """Bring the .ts files in `folder` up to date with the strings in the code."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    targets = [str(ts_file(lang, folder)) for lang in LANGUAGES]
    before = {lang: _translations(ts_file(lang, folder)) for lang in LANGUAGES}
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "absolute",
                    *sources, "-ts", *targets], check=True, cwd=ROOT)
    for language in LANGUAGES:
        _tidy(ts_file(language, folder), before[language])
    _english_is_itself(ts_file("en", folder))


def messages(path: Path) -> set[tuple[str, str]]:
    """(context, source) of every message in a .ts file."""
    return {(context.findtext("name") or "", message.findtext("source"))
            for context in ElementTree.parse(path).getroot().iter("context")
            for message in context.iter("message")}


# A module-level helper such as `def tr(text): return translate("PackingSlip", text)`
# hides its context from lupdate, which files those strings under no context.
_HELPER = re.compile(r"""translate\(\s*["']([\w.]+)["']\s*,\s*text\s*\)""")
_CLASS = re.compile(r"^class (\w+)\(", re.MULTILINE)


def _runtime_context(source: Path) -> str:
    """The context a file's context-less strings are looked up under when the program runs."""
    text = source.read_text(encoding="utf-8")
    match = _HELPER.search(text) or _CLASS.search(text)
    return match.group(1) if match else ""


def _translations(path: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) → the finished translation's forms, from an existing .ts file."""
    if not path.exists():
        return {}
    found = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type"):
                continue
            forms = [f.text or "" for f in translation.findall("numerusform")] or [
                translation.text or ""]
            if all(forms):
                found[(name, message.findtext("source"))] = forms
    return found


def _tidy(path: Path, known: dict) -> None:
    """Give context-less strings their runtime context, drop locations, keep translations."""
    tree = ElementTree.parse(path)
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.findall("context")}
    orphans = contexts.pop("", None)
    if orphans is not None:
        root.remove(orphans)
        current = None  # a location without a file name is in the previous message's file
        for message in orphans.findall("message"):
            location = message.find("location")
            if location is not None and location.get("filename"):
                current = (path.parent / location.get("filename")).resolve()
            name = _runtime_context(current) if current else ""
            if name not in contexts:
                contexts[name] = ElementTree.SubElement(root, "context")
                ElementTree.SubElement(contexts[name], "name").text = name
            contexts[name].append(message)
    for name, context in contexts.items():
        seen = set()
        for message in list(context.findall("message")):
            for location in message.findall("location"):
                message.remove(location)
            source = message.findtext("source")
            if source in seen:  # the same string moved in from a helper twice
                context.remove(message)
                continue
            seen.add(source)
            forms = known.get((name, source))
            translation = message.find("translation")
            if forms and translation.get("type") == "unfinished":
                numerus = translation.findall("numerusform")
                for form, text in zip(numerus or [translation], forms, strict=False):
                    form.text = text
                del translation.attrib["type"]
    root[:] = sorted(root, key=lambda c: c.findtext("name") or "")
    ElementTree.indent(tree, space="    ")
    _write(tree, path)


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


def _english_is_itself(path: Path) -> None:
    """The English file translates each string to itself, so it loads and is complete.

    A plural's forms come from its "(s)": "%n book(s)" reads "%n book" for
    one and "%n books" for more, "%n entry(s)" "%n entries".
    """
    tree = ElementTree.parse(path)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        source = message.findtext("source")
        forms = translation.findall("numerusform")
        for index, form in enumerate(forms):
            form.text = _english_plural(source) if index else source.replace("(s)", "")
        if not forms:
            translation.text = source
        translation.attrib.pop("type", None)
    _write(tree, path)


def _english_plural(source: str) -> str:
    return re.sub(r"([^aeiou])y\(s\)", r"\1ies", source).replace("(s)", "s")


def _write(tree: ElementTree.ElementTree, path: Path) -> None:
    body = ElementTree.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


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
