"""No orphans: an index build's processes end with the process that started it, Ctrl-C stops
a build at once, and what a dead build left behind is removed at the next start."""

from __future__ import annotations

import signal
import subprocess
import threading
from pathlib import Path

from peskovtui.corpus.model import Article
from peskovtui.search import WhooshSearchEngine
from peskovtui.search.store import CorpusIndexDir
from tests.processes import (
    Announcements,
    Proc,
    announce,
    build_processes,
    needs_proc,
    signal_and_watch,
    start_python,
)
from tests.search.articles import make_article

pytestmark = needs_proc


def stuck_speakers(article: Article) -> list[str]:
    """Speakers that never come: the build's workers stay busy until they are stopped."""
    announce()
    threading.Event().wait()
    return []


def articles() -> list[Article]:
    return [make_article(f"a{n}", f"Title {n}", [f"Body {n}."]) for n in range(4)]


# Builds the index of ``articles()`` in a child process (threshold 0), its speakers never found.
BUILD = """
import sys
from peskovtui.search import DerivedSpeakers, WhooshSearchEngine
from tests.search.test_orphans import articles, stuck_speakers

engine = WhooshSearchEngine([sys.argv[1]], child_build_threshold=0)
engine.refresh(articles(), speakers=DerivedSpeakers(stuck_speakers, "stuck"))
"""


def start_build(
    corpus: Path, output: Path, announced: Announcements
) -> tuple[subprocess.Popen[bytes], list[Proc]]:
    """Start the build in a new process; return it and its build processes once they run."""
    parent = start_python(BUILD, str(corpus), output=output, announced=announced)
    return parent, build_processes(parent, announced)


def leftovers(corpus: Path) -> list[str]:
    root = CorpusIndexDir.for_corpus([str(corpus)]).root
    return sorted(p.name for p in root.iterdir() if p.name.startswith((".build-", ".items-")))


def test_killing_the_parent_ends_the_build_and_the_next_start_cleans_up(
    tmp_path: Path, announced: Announcements
) -> None:
    parent, processes = start_build(tmp_path, tmp_path / "output", announced)
    assert signal_and_watch(parent, processes, signal.SIGKILL)
    assert [name[:7] for name in leftovers(tmp_path)] == [".build-"]
    engine = WhooshSearchEngine([str(tmp_path)])
    report = engine.refresh(articles())
    assert report.rebuilt
    assert leftovers(tmp_path) == []
    assert engine.search("body").total == 4
    engine.close()


def test_ctrl_c_stops_a_build_at_once_and_removes_its_files(
    tmp_path: Path, announced: Announcements
) -> None:
    output = tmp_path / "output"
    parent, processes = start_build(tmp_path, output, announced)
    assert signal_and_watch(parent, processes, signal.SIGINT)
    assert output.read_text(encoding="utf-8").rstrip().endswith("KeyboardInterrupt")
    assert leftovers(tmp_path) == []
