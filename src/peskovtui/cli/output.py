"""How the command line prints: Rich tables and text for people, JSON, JSON Lines, CSV and
Markdown for scripts, warnings and errors on stderr.

Article text, titles, speakers, file names and queries are printed as text, never as Rich markup
(every table cell and title is a ``Text``), with control characters shown visibly; JSON escapes
them.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from peskovtui.cli.parser import PROG as PROG
from peskovtui.display import marked_pieces, visible_controls
from peskovtui.search import Snippet

PIPED_WIDTH = 160


def stdout_console() -> Console:
    """A console on stdout; wide enough not to cut tables when piped."""
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=PIPED_WIDTH)
    return console


def stderr_console() -> Console:
    """A console on stderr for warnings and errors."""
    return Console(stderr=True, highlight=False)


# json.dumps escapes C0 controls; DEL and the C1 controls (U+009B is a CSI to some terminals)
# it leaves raw when non-ASCII is kept. Escaped, the JSON value is the same. So are lone
# surrogates (a file name that is not UTF-8), which no UTF-8 output could hold.
_JSON_CONTROLS = {c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0), *range(0xD800, 0xE000))}


def to_json(value: Any, indent: int | None = None) -> str:
    """``value`` as JSON, non-ASCII kept as is and every control character escaped."""
    return json.dumps(value, ensure_ascii=False, indent=indent).translate(_JSON_CONTROLS)


def emit_json(value: Any) -> None:
    """Print ``value`` as indented JSON."""
    sys.stdout.write(to_json(value, indent=2) + "\n")


def emit_jsonl(values: Iterable[Any]) -> None:
    """Print one compact JSON document per line."""
    for value in values:
        sys.stdout.write(to_json(value) + "\n")


def plain(value: str | None, style: str = "") -> Text:
    """Untrusted text as a Rich ``Text``: never read as markup, controls shown visibly."""
    return Text(visible_controls(value or ""), style=style)


def titled_table(title: str, **options: Any) -> Table:
    """A table whose title (it names the corpus, a file name) is text, not markup."""
    return Table(title=plain(title), title_justify="left", **options)


def warn(message: str) -> None:
    """Print a warning on stderr."""
    # soft_wrap: a message stays one line, however long its paths, for grep and for logs.
    stderr_console().print(plain(f"{PROG}: warning: {message}", style="yellow"), soft_wrap=True)


def emit_csv(records: Sequence[dict[str, Any]], fields: Sequence[str]) -> None:
    """Print records as CSV with a header row (lists joined with "; ")."""
    writer = csv.DictWriter(sys.stdout, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _flat(record[k]) for k in fields})


def emit_markdown(records: Sequence[dict[str, Any]], fields: Sequence[str]) -> None:
    """Print records as a Markdown table; pipes and line breaks in cells are escaped."""
    sys.stdout.write("| " + " | ".join(fields) + " |\n")
    sys.stdout.write("|" + "---|" * len(fields) + "\n")
    for record in records:
        cells = [str(_flat(record[k])).replace("|", "\\|").replace("\n", "<br>") for k in fields]
        sys.stdout.write("| " + " | ".join(cells) + " |\n")


def _flat(value: Any) -> Any:
    """A cell of CSV or Markdown: text with its controls shown, lists joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return visible_controls("; ".join(str(v) for v in value))
    if isinstance(value, str):
        return visible_controls(value)
    return value


def emit_records(
    fmt: str,
    records: Sequence[dict[str, Any]],
    fields: Sequence[str],
    table: Callable[[], None],
) -> None:
    """Print records in the chosen format; ``table`` prints them for people."""
    if fmt == "json":
        emit_json(list(records))
    elif fmt == "jsonl":
        emit_jsonl(records)
    elif fmt == "csv":
        emit_csv(records, fields)
    elif fmt == "md":
        emit_markdown(records, fields)
    else:
        table()


def highlighted(snippet: Snippet) -> Text:
    """A snippet with its matches styled (built from ranges, never parsed as markup)."""
    return marked(snippet.text, snippet.highlights)


def marked(value: str, ranges: Iterable[tuple[int, int]]) -> Text:
    """Untrusted text with the given ranges of it styled, in order (never parsed as markup)."""
    text = Text()
    for piece, is_marked in marked_pieces(value, ranges):
        text.append(piece, style="bold reverse" if is_marked else "")
    return text
