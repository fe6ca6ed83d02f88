"""Offsets are the spine: every quote is exactly ``text[start:end]``, on the seeds and beyond."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peskovtui.quotes import extract_quotes

REPO = Path(__file__).resolve().parents[2]
GOLD = sorted((REPO / "tests" / "quotes" / "gold").glob("*.gold.json"))
HARDCASES = REPO.parent / "shared" / "eval" / "hardcases" / "grain_talks.gold.json"

# Small texts built from the shapes news quotes take, combined below into many fixtures.
PIECES = [
    "“We are ready,” Ivanov said.",
    '"Prices will fall," said Tom Baker, an analyst.',
    "The minister said: “Nothing has changed.”",
    "He called it “lousy” and “a step backwards”.",
    "“A,” she said, “b and c.”",
    "“Open and\n\n“closed later.”",
    "Sources said it was ‘not dead’.",
    'They don"t agree, he said. The senators"?votes "?all of them "?counted.',
    "“Nobody … not even us,” the official said.",
    "It’s Russia’s leaders’ view.",
    '"Unclosed at the end',
    "“Also unclosed",
    "«Guillemets», said Pierre Dupont.",
    "\"We were told 'next week',\" said Olena Kovalenko.",
    '“Wrong close" and "straight open” mixed.',
]


def fixtures() -> list[str]:
    out = []
    for i, first in enumerate(PIECES):
        for j, second in enumerate(PIECES):
            sep = "\n\n" if (i + j) % 2 else " "
            out.append(f"Title ‘{i}’ here\n\n{first}{sep}{second}")
    return out


def test_offsets_hold_over_many_fixtures() -> None:
    for text in fixtures():
        for q in extract_quotes(text):
            assert text[q.start : q.end] == q.text
            assert q.start < q.end
            assert text[: q.start].rstrip()[-1] in "“\"‘'«"
            assert text[q.end :].lstrip()[0] in "”\"’'»"
            for a, b in q.segments:
                assert q.start <= a < b <= q.end
            if q.mention_start is not None:
                assert text[q.mention_start : q.mention_end] == q.speaker_mention


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.name[:3] for p in GOLD])
def test_seed_gold(gold_path: Path) -> None:
    """Every full and partial quote of the seeds is found, with the right speaker."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (gold_path.parent / gold["text_file"]).read_text(encoding="utf-8")
    found = {(q.start - 1, q.end + 1): q for q in extract_quotes(text)}
    assert len(found) == len(gold["quotes"])
    for g in gold["quotes"]:
        q = found[(g["start"], g["end"])]
        assert text[q.start : q.end] == q.text
        if q.kind in ("full", "partial"):
            assert q.speaker == g["speaker"], g["text"]


@pytest.mark.skipif(not HARDCASES.exists(), reason="../shared/eval/hardcases is absent")
def test_shared_hard_cases() -> None:
    gold = json.loads(HARDCASES.read_text(encoding="utf-8"))
    text = HARDCASES.with_suffix("").with_suffix(".txt").read_text(encoding="utf-8")
    found = extract_quotes(text)
    assert [(q.start - 1, q.end + 1) for q in found] == [
        (g["start"], g["end"]) for g in gold["quotes"]
    ]
    right = sum(
        q.speaker.lower() in g["speaker"].lower() or g["speaker"].lower() in q.speaker.lower()
        for q, g in zip(found, gold["quotes"], strict=True)
    )
    assert right >= 25
