"""A clip list written out: Markdown for a draft, plain text, CSV for a spreadsheet, JSON for
scripts, and CSL-JSON (one item per article) for Zotero and Pandoc.

Markdown and text are the app's copy formats, one clip after another; control characters are
left out of them as out of what is copied, shown visibly in CSV, and escaped in JSON.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from peskovtui.citation import Citation, as_markdown, as_plain
from peskovtui.display import strip_controls, visible_controls
from peskovtui.errors import PeskovError
from peskovtui.library.clips import Clip, ClipStatus

EXPORT_FORMATS = ("md", "text", "csv", "json", "csljson")

CSV_FIELDS = (
    "clip",
    "passage",
    "quote",
    "speaker",
    "article_id",
    "title",
    "outlet",
    "date",
    "url",
    "authors",
    "paragraph",
    "last_paragraph",
    "start",
    "end",
    "location",
    "note",
    "added",
    "status",
)

_STALE = {
    "changed": "The article has changed since this was clipped; the passage is as clipped.",
    "missing": "The article is no longer in the corpus; the passage is as clipped.",
}


def export_clips(clips: Sequence[Clip], statuses: Sequence[ClipStatus], fmt: str) -> str:
    """The clips (with each one's status, see ``clip_status``) in format ``fmt``."""
    if len(statuses) != len(clips):
        raise ValueError("one status per clip is needed")
    if fmt == "md":
        return _joined(clips, statuses, as_markdown, "> ")
    if fmt == "text":
        return _joined(clips, statuses, as_plain, "")
    if fmt == "csv":
        return _csv(clips, statuses)
    if fmt == "json":
        records = [_record(n, clip, status) for n, (clip, status) in _numbered(clips, statuses)]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csljson":
        return json.dumps(csl_items(clips), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown export format {fmt!r}")


def write_export(text: str, target: Path, *, replace: bool = False) -> None:
    """Write an export to ``target``; an existing file is replaced only with ``replace``.

    Raises ``FileExistsError`` for a file that is there (so that a caller can ask), and
    ``PeskovError`` with one sentence for any other failure.
    """
    try:
        # "x" refuses an existing file at the moment of opening: nothing is replaced unasked,
        # even by a file that appeared after the caller looked.
        with target.open("w" if replace else "x", encoding="utf-8", newline="") as file:
            file.write(text)
    except FileExistsError:
        raise
    except IsADirectoryError:
        raise PeskovError(f"Cannot write {target}: it is a folder") from None
    except OSError as error:
        raise PeskovError(f"Cannot write {target}: {error.strerror}") from None


def _numbered(
    clips: Sequence[Clip], statuses: Sequence[ClipStatus]
) -> list[tuple[int, tuple[Clip, ClipStatus]]]:
    return list(enumerate(zip(clips, statuses, strict=True), start=1))


def _record(number: int, clip: Clip, status: ClipStatus) -> dict[str, Any]:
    return {"clip": number, **clip.to_json(), "status": status}


def _joined(
    clips: Sequence[Clip],
    statuses: Sequence[ClipStatus],
    cited: Callable[[Citation], str],
    lead: str,
) -> str:
    """Each clip as the app copies it, then its note and staleness, a blank line between."""
    parts = []
    for clip, status in zip(clips, statuses, strict=True):
        text = cited(clip.citation)
        extra = []
        if clip.note:
            extra.append(f"Note: {strip_controls(clip.note)}")
        if status in _STALE:
            extra.append(_STALE[status])
        for line in extra:
            # In Markdown the note stays inside the clip's block quote, after an empty line.
            text += f"{lead.rstrip()}\n{lead}{line}\n" if lead else f"{line}\n"
        parts.append(text)
    return "\n".join(parts)


def _csv(clips: Sequence[Clip], statuses: Sequence[ClipStatus]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(CSV_FIELDS), lineterminator="\n")
    writer.writeheader()
    for number, (clip, status) in _numbered(clips, statuses):
        record = _record(number, clip, status)
        record["authors"] = "; ".join(clip.authors)
        writer.writerow({k: _cell(record[k]) for k in CSV_FIELDS})
    return out.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    return visible_controls(value) if isinstance(value, str) else value


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def csl_items(clips: Sequence[Clip]) -> list[dict[str, Any]]:
    """CSL-JSON: one ``article-newspaper`` item per article, in the order of its first clip.
    Each clip's passage and location go in the item's ``note``; the ``locator`` is the
    paragraph (or paragraphs) when all the article's clips are in one place. The CSL data
    schema has no ``label`` on an item, so the note names the paragraph for any style."""
    by_article: dict[str, list[Clip]] = {}
    for clip in clips:
        by_article.setdefault(clip.citation.article_id, []).append(clip)
    return [_csl_item(group) for group in by_article.values()]


def _csl_item(clips: list[Clip]) -> dict[str, Any]:
    first = clips[0].citation
    item: dict[str, Any] = {"id": first.article_id, "type": "article-newspaper"}
    if first.title:
        item["title"] = strip_controls(first.title)
    if first.outlet:
        item["container-title"] = strip_controls(first.outlet)
    issued = _date_parts(first.date)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    elif first.date:
        item["issued"] = {"literal": strip_controls(first.date)}
    if first.url:
        item["URL"] = first.url
    if clips[0].authors:
        item["author"] = [{"literal": strip_controls(name)} for name in clips[0].authors]
    places = {c.citation.paragraphs for c in clips}
    if len(places) == 1:
        start, last = places.pop()
        item["locator"] = str(start) if start == last else f"{start}–{last}"
    item["note"] = "\n\n".join(_csl_note(clip) for clip in clips)
    return item


def _csl_note(clip: Clip) -> str:
    citation = clip.citation
    passage = f"“{citation.passage}”" if citation.is_quote else citation.passage
    who = f" — {citation.speaker}" if citation.speaker else ""
    where = f"{citation.paragraph_label}, characters {citation.start}–{citation.end}"
    note = f"\nNote: {clip.note}" if clip.note else ""
    return strip_controls(f"{passage}{who} ({where}){note}")


def _date_parts(date: str | None) -> list[int]:
    """``[2017, 1, 5]`` from a date that starts ``2017-01-05`` (or ``2017-01``, ``2017``)."""
    found = _DATE.match(date or "")
    if not found:
        return []
    return [int(part) for part in found.groups() if part is not None]
