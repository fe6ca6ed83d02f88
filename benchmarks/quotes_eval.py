"""Score quote extraction and attribution against gold files.

Usage: python benchmarks/quotes_eval.py GOLD [GOLD ...] [--hide-fragments] [--errors N]

A gold file is either PolNeAR-style JSON Lines (``id``, ``text``, ``quotes`` with ``start``,
``end`` and ``speaker_mentions``) or a ``*.gold.json`` file with ``quotes`` (``start``, ``end``,
``speaker``) whose text is the ``.txt`` file of the same stem beside it, or the file named by
its ``text_file`` key. Gold ranges include the marks; predicted ranges do not; a predicted quote
matches the gold quote it overlaps (one to one, greedily in text order). Quotes of the kind
``term`` (titles, names and terms that nobody says) are no prediction: a gold quote they cover
counts as missed; gold of the kind ``term`` is no quote either, and is counted apart.

A speaker is right when it names the same person as the gold: for a ``speaker``, the names agree
after dropping articles, titles and parentheses (or one is the other's surname); for PolNeAR
mentions, our mention is the annotated one or our speaker agrees with a named mention in the
same way. A quote whose gold mentions are all pronouns is scored by the person the pronoun
refers to, read from the ``pronoun_resolutions*.json`` tables in this folder (hand-made for the
dev and the train split: article id and gold start → person, no article text); with
``--mention-level`` it is scored by whether we found the same pronoun instead. The count of
each rule is printed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from peskovtui.quotes import Quote, extract_quotes

PRONOUNS = frozenset(["he", "she", "they", "it", "i", "we", "him", "her", "them", "you", "his"])
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "president",
        "senator",
        "the",
        "a",
        "an",
        "former",
        "secretary",
        "press",
        "house",
        "speaker",
        "gen",
        "chief",
        "white",
        "kremlin",
        "spokesman",
        "spokeswoman",
    ]
)


@dataclass
class Doc:
    id: str
    text: str
    gold: list[tuple[int, int, list[str], str | None]]  # start, end, mentions, speaker
    terms: list[tuple[int, int]] = field(default_factory=list)  # gold of the kind "term"


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    speaker_ok: int = 0
    terms: int = 0
    gold_terms: int = 0
    terms_found: int = 0
    by_rule: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def load(path: Path) -> list[Doc]:
    """Read one gold file in either format."""
    if path.suffix == ".jsonl":
        docs = []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                obj = json.loads(line)
                gold: list[tuple[int, int, list[str], str | None]] = [
                    (q["start"], q["end"], list(q["speaker_mentions"]), None) for q in obj["quotes"]
                ]
                docs.append(Doc(obj["id"], obj["text"], gold))
        return docs
    obj = json.loads(path.read_text(encoding="utf-8"))
    text_path = (
        path.parent / obj["text_file"]
        if "text_file" in obj
        else path.with_name(path.name.removesuffix(".gold.json") + ".txt")
    )
    text = text_path.read_text(encoding="utf-8")
    gold_named: list[tuple[int, int, list[str], str | None]] = [
        (q["start"], q["end"], [q.get("speaker_mention") or ""], q["speaker"])
        for q in obj["quotes"]
        if q.get("kind") != "term"
    ]
    terms = [(q["start"], q["end"]) for q in obj["quotes"] if q.get("kind") == "term"]
    return [Doc(obj.get("id", text_path.stem), text, gold_named, terms)]


def _norm(name: str) -> list[str]:
    name = re.sub(r"\(.*?\)", " ", name.lower())
    name = re.sub(r"[^\w\s-]", " ", name.replace("’s", "").replace("'s", ""))
    kept = [t for t in name.split() if t not in _TITLES]
    return kept or [t for t in name.split() if t not in ("the", "a", "an")]


def same_person(a: str, b: str) -> bool:
    """Whether two speaker names denote the same person or body."""
    ta, tb = _norm(a), _norm(b)
    if not ta or not tb:
        return False
    if ta == tb or ta[-1] == tb[-1]:
        return True
    return set(ta) <= set(tb) or set(tb) <= set(ta)


def speaker_rule(
    doc: Doc,
    q: Quote,
    gold: tuple[int, int, list[str], str | None],
    table: dict[tuple[str, int], str],
    mention_level: bool,
) -> str | None:
    """The rule by which the predicted speaker is right, or None when it is wrong."""
    start, _, mentions, speaker = gold
    if speaker is not None:
        if speaker.lower() == "unattributed":
            return "gold-speaker" if not q.attributed else None
        return "gold-speaker" if q.attributed and same_person(q.speaker, speaker) else None
    if not mentions:
        return "no-mention" if not q.attributed else None
    ours = (q.speaker_mention or "").lower().strip()
    if all(m.lower() in PRONOUNS for m in mentions):
        person = table.get((doc.id, start))
        if person is not None and not mention_level:
            ok = q.attributed and same_person(q.speaker, person)
            return "resolved-pronoun" if ok else None
        ok = q.attributed and ours in {m.lower() for m in mentions}
        return "pronoun-mention" if ok else None
    for m in mentions:
        if not q.attributed or m.lower() == "said":
            continue
        if ours == m.lower().strip():
            return "same-mention"
        # The name is what precedes an apposition: "Flynn, a top Trump surrogate," is Flynn.
        pieces = [p.strip() for p in re.split(r",|\(| of | who ", m)]
        heads = [pieces[0]] + [p for p in pieces[1:] if p and p[0].isupper()]
        if any(same_person(q.speaker, h) for h in heads):
            return "named"
    return None


def score(
    docs: list[Doc], hide_fragments: bool, table: dict[tuple[str, int], str], mention_level: bool
) -> Tally:
    """Match predictions to gold and count."""
    t = Tally()
    for doc in docs:
        preds = extract_quotes(doc.text, article_id=doc.id)
        for q in preds:
            assert doc.text[q.start : q.end] == q.text
        # Terms (titles, names, words held at a distance) are declared no quotation; a gold
        # file may list the terms it expects, which are then compared apart.
        terms = [q for q in preds if q.kind == "term"]
        t.terms += len(terms)
        t.gold_terms += len(doc.terms)
        t.terms_found += sum(
            any(q.start < ge and gs < q.end for q in terms) for gs, ge in doc.terms
        )
        preds = [q for q in preds if q.kind != "term"]
        if hide_fragments:
            preds = [q for q in preds if q.kind != "fragment"]
        t.gold += len(doc.gold)
        t.pred += len(preds)
        used: set[int] = set()
        for gold in doc.gold:
            gs, ge, mentions, speaker = gold
            best = None
            for j, q in enumerate(preds):
                if j not in used and q.start < ge and gs < q.end:
                    best = j
                    break
            if best is None:
                t.errors.append(f"MISS {doc.id} {doc.text[gs:ge][:70]!r}")
                continue
            used.add(best)
            t.matched += 1
            q = preds[best]
            rule = speaker_rule(doc, q, gold, table, mention_level)
            if rule is None:
                t.errors.append(
                    f"SPKR {doc.id} got {q.speaker!r} via {q.speaker_mention!r}; gold "
                    f"{speaker or mentions!r}: {q.text[:50]!r}"
                )
            else:
                t.speaker_ok += 1
                t.by_rule[rule] = t.by_rule.get(rule, 0) + 1
    return t


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--hide-fragments", action="store_true", help="score only non-fragments")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    parser.add_argument(
        "--mention-level",
        action="store_true",
        help="score pronoun mentions by the pronoun we found, not by the person it names",
    )
    args = parser.parse_args(argv)
    table: dict[tuple[str, int], str] = {}
    for table_path in sorted(Path(__file__).parent.glob("pronoun_resolutions*.json")):
        raw = json.loads(table_path.read_text(encoding="utf-8"))
        table.update({(r["article"], r["start"]): r["person"] for r in raw["resolutions"]})
    docs: list[Doc] = []
    for path in args.gold:
        docs.extend(load(path))
    t = score(docs, args.hide_fragments, table, args.mention_level)
    sp, sr = t.matched / max(t.pred, 1), t.matched / max(t.gold, 1)
    pp, pr = t.speaker_ok / max(t.pred, 1), t.speaker_ok / max(t.gold, 1)
    print(
        f"articles {len(docs)}  gold {t.gold}  predicted {t.pred}  matched {t.matched}  "
        f"(terms set aside {t.terms})"
    )
    if t.gold_terms:
        print(f"terms    gold {t.gold_terms}  found as terms {t.terms_found}")
    print(f"span     P {sp:.3f}  R {sr:.3f}  F1 {f1(sp, sr):.3f}")
    print(
        f"speaker  accuracy on matched {t.speaker_ok / max(t.matched, 1):.3f} "
        f"({t.speaker_ok}/{t.matched})  by rule {dict(sorted(t.by_rule.items()))}"
    )
    print(f"pair     P {pp:.3f}  R {pr:.3f}  F1 {f1(pp, pr):.3f}")
    for line in t.errors[: args.errors]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
