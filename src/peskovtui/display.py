"""Text made fit to print: control characters shown visibly or removed, counts worded.

Article text, titles, speakers, file names and queries come from outside. A control character
printed raw can move the cursor, clear the screen or change the terminal's title (ESC, the C1
CSI ``\\x9b``), or break a CSV or Markdown table. On screen and in table, CSV and Markdown
output they are shown as visible stand-ins; in what is copied they are removed. Newline and tab
are text, not controls, and are kept.
"""

from __future__ import annotations

from collections.abc import Iterable

# C0 (U+0000–U+001F, ESC among them) without tab and newline, and DEL.
_C0 = [c for c in range(0x20) if chr(c) not in "\n\t"] + [0x7F]
# C1 (U+0080–U+009F): no control picture exists for them, so they are spelled out.
_C1 = range(0x80, 0xA0)

# Lone surrogates (from undecodable bytes in a file name or a command line) cannot be encoded
# for the terminal at all: they are shown as the replacement character.
_SURROGATES = range(0xD800, 0xE000)

# The Unicode control pictures: U+2400 + code for C0 (ESC → ␛), U+2421 for DEL (␡).
_VISIBLE: dict[int, str] = {
    **{c: chr(0x2400 + c) for c in _C0 if c != 0x7F},
    0x7F: "\u2421",
    **{c: f"\\x{c:02x}" for c in _C1},
    **dict.fromkeys(_SURROGATES, "\ufffd"),
}
_REMOVED: dict[int, str | None] = {
    **dict.fromkeys([*_C0, *_C1]),
    **dict.fromkeys(_SURROGATES, "\ufffd"),
}


def visible_controls(text: str) -> str:
    """``text`` with each control character (not newline or tab) shown as a visible stand-in,
    a lone surrogate as ``\\ufffd``."""
    # Printable text holds no control character and no surrogate: nothing to replace.
    return text if text.isprintable() else text.translate(_VISIBLE)


# One stand-in character per control character, for views that map offsets to cells.
_IN_PLACE: dict[int, str] = {
    **{c: v for c, v in _VISIBLE.items() if len(v) == 1},
    **dict.fromkeys([*_C1, *_SURROGATES], "\ufffd"),
}


def visible_in_place(text: str) -> str:
    """``text`` with each control character shown as one visible character (C1 controls and
    lone surrogates as ``\ufffd``), so that an offset into the result is the same offset into
    ``text``."""
    return text.translate(_IN_PLACE)


def strip_controls(text: str) -> str:
    """``text`` without its control characters (newline and tab are kept), a lone surrogate
    replaced by ``\ufffd``."""
    return text.translate(_REMOVED)


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``1 article``, ``2 articles``; ``plural`` for nouns that do not just take an s."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def marked_pieces(text: str, ranges: Iterable[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` cut at the given ranges (in order) into pieces, each with its controls shown
    and whether it is one of the ranges: what a marked passage is built from."""
    pieces: list[tuple[str, bool]] = []
    done = 0
    for start, end in ranges:
        pieces.append((visible_controls(text[done:start]), False))
        pieces.append((visible_controls(text[start:end]), True))
        done = end
    pieces.append((visible_controls(text[done:]), False))
    return pieces
