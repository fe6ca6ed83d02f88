"""Control characters in untrusted text: shown visibly, or stripped from what is copied."""

from __future__ import annotations

import pytest

from peskovtui.display import counted, strip_controls, visible_controls, visible_in_place


def test_escape_sequences_are_shown_not_obeyed() -> None:
    assert visible_controls("\x1b[2Jcleared") == "␛[2Jcleared"
    assert visible_controls("\x1b]0;title\x07") == "␛]0;title␇"
    assert visible_controls("bell\x07 nul\x00 del\x7f") == "bell␇ nul␀ del␡"


def test_c1_controls_are_spelled_out() -> None:
    assert visible_controls("a\x9b2Jb") == "a\\x9b2Jb"
    assert visible_controls("\x80\x85\x9f") == "\\x80\\x85\\x9f"


def test_newline_and_tab_are_text() -> None:
    assert visible_controls("one\ntwo\tthree") == "one\ntwo\tthree"
    assert strip_controls("one\ntwo\tthree") == "one\ntwo\tthree"


def test_carriage_return_and_other_c0_are_controls() -> None:
    assert visible_controls("a\rb\x0bc\x0cd") == "a␍b␋c␌d"


@pytest.mark.parametrize("code", [*range(0x20), 0x7F, *range(0x80, 0xA0)])
def test_every_control_is_handled(code: int) -> None:
    char = chr(code)
    if char in "\n\t":
        assert visible_controls(char) == char
        assert strip_controls(char) == char
        return
    shown = visible_controls(char)
    assert shown != char and shown.isprintable()
    assert strip_controls(f"a{char}b") == "ab"


def test_ordinary_text_is_unchanged() -> None:
    text = "Peskov: “[the] leak” — Песков, 9/11, café, \u00a0nbsp, 漢字, 🙂"
    assert visible_controls(text) == text
    assert strip_controls(text) == text


def test_counted_agrees_with_its_number() -> None:
    assert counted(1, "article") == "1 article"
    assert counted(0, "article") == "0 articles"
    assert counted(2, "quote") == "2 quotes"
    assert counted(1, "match", "matches") == "1 match"
    assert counted(3, "match", "matches") == "3 matches"


def test_lone_surrogates_become_the_replacement_character() -> None:
    # From undecodable bytes in a file name or on the command line (surrogateescape).
    assert visible_controls("caf\udce9") == "caf\ufffd"
    assert strip_controls("caf\udce9") == "caf\ufffd"
    assert visible_in_place("caf\udce9") == "caf\ufffd"
    visible_controls("\ud800\udfff").encode("utf-8")  # printable at all
