"""Test articles built from the bundled seeds (the corpus loader lives on another branch)."""

from __future__ import annotations

from pathlib import Path

from peskovtui.corpus.model import Article, ParagraphRole, compose_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def make_article(
    article_id: str,
    title: str,
    body: list[str],
    *,
    subtitle: str = "",
    outlet: str | None = None,
    authors: tuple[str, ...] = (),
    date: str | None = None,
    path: str | None = None,
) -> Article:
    """An Article whose display text is the title, the subtitle and the body paragraphs."""
    blocks: list[tuple[str, ParagraphRole]] = [(title, "title")]
    if subtitle:
        blocks.append((subtitle, "subtitle"))
    blocks += [(p, "body") for p in body]
    text, paragraphs = compose_text(blocks)
    return Article(
        id=article_id,
        title=title,
        text=text,
        paragraphs=paragraphs,
        subtitle=subtitle,
        outlet=outlet,
        authors=authors,
        date=date,
        path=path,
    )


def seed_article(path: Path, **meta: object) -> Article:
    """A seed file as an Article: first line is the title, each further line a paragraph."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    return make_article(path.stem, lines[0], lines[1:], path=str(path), **meta)  # type: ignore[arg-type]


def seed_articles() -> list[Article]:
    """The five bundled seed articles with made-up outlets, authors and dates for field tests."""
    meta: list[dict[str, object]] = [
        {"outlet": "CNN", "authors": ("Christiane Amanpour",), "date": "2016-12-02"},
        {"outlet": "TASS", "authors": ("Anna Petrova",), "date": "2017-01-15"},
        {"outlet": "Al Jazeera", "authors": (), "date": "2017-02-20"},
        {"outlet": "BBC News", "authors": ("John Smith", "Zoë Müller"), "date": "2017-03-05"},
        {"outlet": "DW", "authors": (), "date": None},
    ]
    return [seed_article(p, **m) for p, m in zip(sorted(SEEDS.glob("*.txt")), meta, strict=True)]
