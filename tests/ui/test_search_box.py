"""The merchant panes' search field searches once the typing pauses, not once per letter."""

from bookshop_gui.ui.search_box import SearchBox


def test_a_word_typed_is_searched_once_after_the_pause(qtbot):
    box = SearchBox("Find", pause_ms=20)
    qtbot.addWidget(box)
    searched = []
    box.searched.connect(searched.append)
    qtbot.keyClicks(box, "  emma ")
    assert searched == []  # still typing
    qtbot.waitUntil(lambda: searched == ["emma"], timeout=2000)
    qtbot.wait(60)
    assert searched == ["emma"]
