"""The shipped translations: complete, faithful to their placeholders, compiled, current."""

import re
import shutil
import xml.etree.ElementTree as ElementTree

import pytest
from PySide6.QtCore import QTranslator

from bookshop_gui import translations

COMMAND = "python -m bookshop_gui.translations"


def _messages(language):
    root = ElementTree.parse(translations.ts_file(language)).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.findall("numerusform")] or [
                translation.text or ""]
            yield context.findtext("name"), message.findtext("source"), forms


def test_every_string_has_a_chinese_translation():
    assert translations.unfinished("zh_CN") == [], f"translate them, then run {COMMAND}"


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_translations_keep_every_placeholder(language):
    wrong = []
    for context, source, forms in _messages(language):
        wanted = sorted(re.findall(r"%(?:\d|n)", source))
        wrong += [(context, source, form) for form in forms
                  if sorted(re.findall(r"%(?:\d|n)", form)) != wanted]
    assert wrong == []


def test_the_chinese_translation_is_chinese():
    same_in_every_language = {"ISBN", "ISBN %1", "PDF (*.pdf)"}
    english = [(c, s) for c, s, forms in _messages("zh_CN") if forms[0] == s
               and re.search(r"[A-Za-z]{3}", s) and s not in same_in_every_language]
    assert english == [], "translated to itself"


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """The translation files as the documented command would make them now."""
    folder = tmp_path_factory.mktemp("translations")
    for language in translations.LANGUAGES:
        shutil.copy(translations.ts_file(language), folder)
    translations.update(folder)
    return folder


def test_the_sources_hold_every_string_the_code_has(regenerated):
    for language in translations.LANGUAGES:
        now = translations.messages(translations.ts_file(language, regenerated))
        shipped = translations.messages(translations.ts_file(language))
        assert now == shipped, f"strings changed in the code: run {COMMAND}"


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_the_compiled_files_say_what_their_sources_say(language):
    """The committed .qm is compiled from the committed .ts (whatever lrelease made it)."""
    translator = QTranslator()
    assert translator.load(str(translations.ts_file(language).with_suffix(".qm")))
    stale = []
    for context, source, forms in _messages(language):
        plural = "%n" in source
        got = translator.translate(context, source, None, 2 if plural else -1)
        wanted = forms[-1] if plural else forms[0]  # two is the last form in both languages
        if got != wanted:
            stale.append((context, source, got, wanted))
    assert stale == [], f"run {COMMAND}"


def test_english_counts_read_as_english_does(qapp):
    """The English file holds the plural forms: "1 book", "2 books", never "book(s)"."""
    translator = QTranslator()
    assert translator.load(str(translations.ts_file("en").with_suffix(".qm")))
    read = [translator.translate("Counts", "%n book(s)", None, n) for n in (1, 2)]
    assert read == ["%n book", "%n books"]
    shipped = {source for _, source, _ in _messages("en")}
    assert shipped and all("%n" in source for source in shipped)
