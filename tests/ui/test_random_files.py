"""The app on a folder of seeded random files (see ``tests/fuzz_inputs.py``) and a file whose
name is not UTF-8: it opens what can be read, names what cannot, and searches and reads on."""

from __future__ import annotations

import random
from pathlib import Path

from peskovtui.ui.app import PeskovApp
from peskovtui.ui.widgets.article_list import ArticleList
from peskovtui.ui.widgets.reader import Reader
from tests.corpus.test_hostile_input import non_utf8_name
from tests.fuzz_inputs import random_file

from .conftest import Run, search, settle
from .test_key_bursts import KEYS, burst

SEED = 20261204


async def test_the_app_reads_on_through_random_files(run_app: Run, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    for _ in range(20):
        name, data = random_file(rng)
        (tmp_path / name).write_bytes(data)
    non_utf8_name(tmp_path)
    async with run_app(paths=(tmp_path,)) as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        ids = [article.id for article in app.query_one(ArticleList).articles]
        assert "caf\\xe9" in ids
        await search(pilot, "kremlin")
        reader = app.query_one(Reader)
        assert reader.article is not None and reader.article.id == "caf\\xe9"
        assert reader.matches
        for _ in range(5):
            burst(pilot, [rng.choice(KEYS) for _ in range(20)])
            await pilot.pause()
        await settle(pilot)
        assert app.is_running
    # Leaving the block re-raises any error the app met.
