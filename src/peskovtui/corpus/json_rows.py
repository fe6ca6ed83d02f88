"""Reading the objects of a JSON Lines or JSON data set into records: a bad line is named and
skipped, a value that is not text is made text the way a reader would expect."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from peskovtui.corpus.fields import map_columns
from peskovtui.corpus.names import has_surrogates, without_surrogates
from peskovtui.corpus.rows import Record, RowWarnings, Warn, display_name
from peskovtui.errors import CorpusError

# How deep a JSON value is searched for text (a list of authors, an object with a "name").
_MAX_VALUE_DEPTH = 4


def json_lines_records(
    path: Path, text: str, warn: Warn, overrides: Mapping[str, str]
) -> Iterator[Record]:
    """Yield one record per line of a JSON Lines data set."""
    objects = list(_jsonl_objects(path, text.splitlines(), warn))
    return _object_records(path, _keys(objects), objects, warn, overrides)


def streamed_json_lines(
    path: Path, lines: Callable[[], Iterator[str]], warn: Warn, overrides: Mapping[str, str]
) -> Iterator[Record]:
    """Like ``json_lines_records``, for a data set whose ``lines`` are read twice, a line at a
    time (once for the keys of its objects, once for its records), rather than held."""
    keys: dict[str, None] = {}
    for _, obj in _jsonl_objects(path, _split(lines()), warn):
        _add_keys(keys, obj)
    objects = _jsonl_objects(path, _split(lines()), _told_already)
    yield from _object_records(path, keys, objects, warn, overrides)


def _split(lines: Iterator[str]) -> Iterator[str]:
    # As ``str.splitlines`` splits a whole text: at other line ends than those of a file too.
    for line in lines:
        yield from line.splitlines()


def _told_already(message: str) -> None:
    pass


def json_records(
    path: Path, text: str, warn: Warn, overrides: Mapping[str, str]
) -> Iterator[Record]:
    """Yield one record per object of a JSON data set (a list, or an object holding one)."""
    objects = _json_objects(path, text)
    return _object_records(path, _keys(objects), objects, warn, overrides)


def _jsonl_objects(path: Path, lines: Iterable[str], warn: Warn) -> Iterator[tuple[int, Any]]:
    row_warning = RowWarnings(warn)
    for line_number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield line_number, _parse_json(line)
        except _BadJSON as error:
            row_warning(
                f"{display_name(path)} line {line_number} is not valid JSON "
                f"({error.reason}); skipped."
            )


def _json_objects(path: Path, text: str) -> list[tuple[int, Any]]:
    name = display_name(path)
    try:
        document = _parse_json(text)
    except _BadJSON as error:
        where = f" at line {error.line}" if error.line else ""
        raise CorpusError(f"{name} is not valid JSON ({error.reason}{where}).") from None
    if isinstance(document, dict):
        lists = [v for v in document.values() if isinstance(v, list)]
        document = lists[0] if len(lists) == 1 else None
    if not isinstance(document, list):
        raise CorpusError(f"{name} is JSON but not a list of articles.")
    return list(enumerate(document, start=1))


class _BadJSON(Exception):
    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def _parse_json(text: str) -> Any:
    """A JSON document, or ``_BadJSON`` saying why it cannot be read.

    Besides malformed JSON, Python's parser fails on nesting deeper than its recursion limit
    and on integers of more than 4,300 digits; both are reported as malformed.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise _BadJSON(error.msg, error.lineno) from None
    except RecursionError:
        raise _BadJSON("nested too deeply") from None
    except ValueError:  # an integer too long to convert
        raise _BadJSON("a number with too many digits") from None


def _keys(objects: list[tuple[int, Any]]) -> dict[str, None]:
    keys: dict[str, None] = {}
    for _, obj in objects:
        _add_keys(keys, obj)
    return keys


def _add_keys(keys: dict[str, None], obj: Any) -> None:
    """Add the keys of ``obj``, if it is an object, to ``keys`` (in the order first met)."""
    if isinstance(obj, dict):
        keys.update(dict.fromkeys(without_surrogates(str(k)) for k in obj))


def _object_records(
    path: Path,
    keys: dict[str, None],
    objects: Iterable[tuple[int, Any]],
    warn: Warn,
    overrides: Mapping[str, str],
) -> Iterator[Record]:
    name = display_name(path)
    if not keys:
        warn(f"{name} holds no JSON objects; skipped.")
        return
    mapping = map_columns(keys, overrides, source=name)
    row_warning = RowWarnings(warn)
    for number, obj in objects:
        if not isinstance(obj, dict):
            row_warning(f"{name} row {number} is not a JSON object; skipped.")
            continue
        if any(has_surrogates(str(k)) for k in obj):
            obj = {without_surrogates(str(k)): v for k, v in obj.items()}
        fields = {field: _text_value(obj.get(column)) for field, column in mapping.items()}
        broken = [field for field, value in fields.items() if has_surrogates(value)]
        if broken:
            # An escaped lone surrogate ("\ud800") is valid JSON but not text: no encoding
            # can write it, so it would fail the index, the terminal and the clipboard.
            fields = {field: without_surrogates(value) for field, value in fields.items()}
            row_warning(
                f"{name} row {number} has an invalid character (a lone surrogate) in its "
                f"{', '.join(broken)}; shown as \ufffd."
            )
        yield Record(path, fields, number)


def _text_value(value: Any, depth: int = 0) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if depth >= _MAX_VALUE_DEPTH:  # deeper is not an article's field; nothing is made of it
        return ""
    if isinstance(value, list):
        return ", ".join(_text_value(v, depth + 1) for v in value if v is not None)
    if isinstance(value, dict):
        for key in ("name", "title", "text", "value"):
            if isinstance(value.get(key), str):
                return str(value[key])
        return ""
    return str(value)
