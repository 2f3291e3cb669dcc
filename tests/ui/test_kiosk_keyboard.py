"""The kiosk's on-screen keyboard: the real program started as a kiosk, its sign-in box
typed into through Qt Virtual Keyboard's input engine (what its keys call), in English
and in Chinese pinyin; a workstation started the same way gets no on-screen keyboard.

Each start is a process of its own (tests/ui/keyboard_probe.py), since the input method
is chosen before the QApplication exists. Skipped where PySide6-Addons, which carries
the keyboard's libraries, is not installed (the `test` extra installs it)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bookshop_gui.ui import keyboard

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(keyboard.problem() is not None,
                                reason=f"no Qt Virtual Keyboard here: {keyboard.problem()}")


def start(tmp_path, typed: str, *options: str) -> dict:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
                   "XDG_CONFIG_HOME": str(tmp_path / "config"),
                   "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path)}
    environment.pop("QT_IM_MODULE", None)
    database = f"sqlite:///{tmp_path / 'shop.db'}"
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "ui" / "keyboard_probe.py"), typed, *options,
         "--db", database], cwd=ROOT, env=environment, capture_output=True, text=True,
        timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    found = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("{")))
    assert "error" not in found, found["error"]
    return found


def test_a_kiosk_in_english_types_on_the_screen_keyboard(tmp_path):
    found = start(tmp_path, "reader", "--kiosk", "--lang", "en")
    assert found["im_module"] == keyboard.IM_MODULE
    assert found["focus_is_field"] and found["panel"] and found["panel_shown"]
    assert found["locales"] == "en_US,zh_CN"  # English and Chinese, nothing else
    assert found["typed"] == "reader"


def test_a_kiosk_in_chinese_starts_in_pinyin(tmp_path):
    found = start(tmp_path, "zhong", "--kiosk", "--lang", "zh_CN")
    assert found["preedit"] == "zhong"
    assert "中" in found["candidates"]
    assert found["typed"] == found["candidates"][0]


def test_a_kiosk_keeps_no_word_a_buyer_chose_for_the_next(tmp_path):
    # "lan shu" is offered as 蓝书 first; a buyer taps 懒 then 书, three times over. A
    # keyboard that learns would offer 懒书 first from then on, and keep it on disk.
    found = start(tmp_path, "lanshu", "--choose", "懒书", "3", "--kiosk", "--lang", "zh_CN")
    assert found["chosen"] == ["懒书"] * 3
    first = found["candidates"]
    assert first[0] == "蓝书" and "懒书" not in first
    assert found["offered"] == [first] * 3  # the same program, after each buyer
    assert found["predicted"] == []  # nothing guessed from what the buyer typed
    # Qt's pinyin input keeps what it learns in a user dictionary, written out on quitting.
    dictionary = tmp_path / "config" / "qtvirtualkeyboard" / "pinyin" / "usr_dict.dat"
    assert not dictionary.exists() or "懒书".encode("utf-16-le") not in dictionary.read_bytes()
    again = start(tmp_path, "lanshu", "--kiosk", "--lang", "zh_CN")  # the next start
    assert again["candidates"] == first
    assert again["typed"] == "蓝书"


def test_a_workstation_keeps_the_systems_input_methods(tmp_path):
    found = start(tmp_path, "lakeside", "--merchant", "--lang", "en")
    assert found["im_module"] is None
    assert not found["panel"]
