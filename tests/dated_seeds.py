"""The bundled articles as a data set with dates and outlets, for the timelines: the seeds
themselves carry neither."""

from __future__ import annotations

import csv
from pathlib import Path

from peskovtui.library import Library

# Two articles a day apart in December, two a day apart in March, and one undated: Dmitry
# Peskov's quotes span weeks, Fareed Zakaria's two days.
DATED = {
    "000_8b6f72e4f8395ed9": ("2016-12-01", "https://tass.com/politics/000"),
    "001_8ec7c140cefdf3af": ("2016-12-02", "https://www.rt.com/news/001"),
    "002_3d0a4687557009c2": ("2017-03-12", "https://www.mediaite.com/tv/002"),
    "003_7447ffa13057d1de": ("2017-03-13", "https://edition.cnn.com/2017/03/13/003"),
    "004_67415639bfef48f7": ("", "https://tass.com/politics/004"),
}


def write_dated_seeds(folder: Path) -> Path:
    """Write the seeds with ``DATED``'s dates and links as ``seeds.csv`` in ``folder``."""
    target = folder / "seeds.csv"
    library = Library.open()
    with target.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["article_id", "publish_date", "article_source_link", "title", "text"])
        for article in library.articles:
            day, url = DATED[article.id]
            body = article.text[article.paragraphs[1].start :]
            writer.writerow([article.id[:3], day, url, article.title, body])
    return target
