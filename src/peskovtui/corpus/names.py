"""Text that cannot be encoded: file names that are not UTF-8, and lone surrogates in data.

A file name whose bytes are not UTF-8 reaches Python as text holding surrogate escapes
(``U+DCE9`` for the byte ``0xE9``), and a JSON string may hold an escaped lone surrogate
(``"\\ud800"``). Neither can be encoded as UTF-8: the search index, the terminal and the
clipboard would all fail on it. The path itself is kept as it is (it opens the file); what is
shown, searched or used as an id is made of encodable text.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogates(text: str) -> bool:
    """Whether ``text`` holds a character that cannot be encoded as UTF-8."""
    return _SURROGATE.search(text) is not None


def printable_name(name: str) -> str:
    """A file name as text: each byte that is not UTF-8 written as ``\\xe9``, as Python and
    the shell write it."""
    return _SURROGATE.sub(_escaped_byte, name)


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, the replacement character."""
    return _SURROGATE.sub("\ufffd", text)


def _escaped_byte(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte Python could not decode, kept as a surrogate escape
        return f"\\x{code - 0xDC00:02x}"
    return "\ufffd"
