"""How values go into translated sentences."""

import re
from pathlib import Path

import bookshop_gui.ui
from bookshop_gui.ui import formatting

UI = Path(bookshop_gui.ui.__file__).parent
CHAIN = re.compile(r"""\.replace\(\s*f?["']%""")


def test_fill_puts_each_value_in_its_place_in_one_pass():
    assert formatting.fill("%2 copies of %1", "Emma", 3) == "3 copies of Emma"
    assert formatting.fill("Order #%1 · %2", 7, "50%2 off") == "Order #7 · 50%2 off"
    assert formatting.fill("VIP: %1% off", "5") == "VIP: 5% off"
    assert formatting.fill("%1 and %3", "a") == "a and %3"  # a missing value stays visible


def test_no_screen_fills_a_sentence_by_chained_replaces():
    """Every sentence goes through `fill`: a value holding "%2" cannot turn into another."""
    chained = [f"{path.relative_to(UI)}:{number}"
               for path in sorted(UI.rglob("*.py"))
               for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if CHAIN.search(line)]
    assert chained == []


def test_sentences_are_spaced_as_each_language_spaces_them():
    assert formatting.sentences("Cancel order #2?", "", "This cannot be undone.") == (
        "Cancel order #2? This cannot be undone.")
    assert formatting.sentences("取消订单 #2？", "图书将退回库存。", "此操作无法撤销。") == (
        "取消订单 #2？图书将退回库存。此操作无法撤销。")
