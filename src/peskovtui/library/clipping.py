"""The Library's clips: the corpus's clip list, added to, arranged, checked and exported."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from peskovtui.citation import Citation
from peskovtui.corpus import Article, Corpus
from peskovtui.quotes import Quote

if TYPE_CHECKING:
    from peskovtui.library.clips import Clip, ClipStatus, ClipStore


class ClipsMixin:
    """The clip list of this corpus: added to, arranged, checked and exported."""

    # The clip list of this corpus, kept in the user data dir. Each call reads the list from
    # its file (another process may have changed it) and writes it back when it changes.
    # The clips' modules are imported by the first call that needs them: opening a corpus and
    # its first screen do without them.

    corpus: Corpus
    _by_id: dict[str, Article]

    if TYPE_CHECKING:

        def article(self, article_id: str) -> Article: ...
        def cite(
            self,
            article_id: str,
            start: int,
            end: int,
            *,
            speaker: str | None = None,
            quote: bool = False,
        ) -> Citation: ...

    @cached_property
    def clip_store(self) -> ClipStore:
        """Where this corpus's clips are kept; its ``notices`` say what was set aside."""
        from peskovtui.library.clips import ClipStore

        return ClipStore.for_corpus(self.corpus.sources)

    def clips(self) -> list[Clip]:
        """The clips of this corpus, in order."""
        return self.clip_store.load()

    def clip_citation(self, citation: Citation, note: str = "") -> list[Clip]:
        """Add a citation (made by ``cite``) to the clips, with its article's authors."""
        from peskovtui.library.clips import appended, new_clip

        authors = self.article(citation.article_id).authors
        return self.clip_store.change(appended(new_clip(citation, authors, note.strip())))

    def clip_range(self, article_id: str, start: int, end: int, note: str = "") -> list[Clip]:
        """Add ``text[start:end]`` of an article to the clips, cited as ``cite`` cites it."""
        return self.clip_citation(self.cite(article_id, start, end), note)

    def clip_quote(self, quote: Quote, note: str = "") -> list[Clip]:
        """Add a quote to the clips, with its speaker."""
        citation = self.cite(
            quote.article_id or "", quote.start, quote.end, speaker=quote.speaker, quote=True
        )
        return self.clip_citation(citation, note)

    def move_clip(self, index: int, offset: int) -> list[Clip]:
        """Move clip ``index`` (from 0) up (negative ``offset``) or down."""
        from peskovtui.library.clips import moved

        return self.clip_store.change(moved(index, offset))

    def delete_clip(self, index: int) -> list[Clip]:
        """Delete clip ``index`` (from 0)."""
        from peskovtui.library.clips import removed

        return self.clip_store.change(removed(index))

    def note_clip(self, index: int, note: str) -> list[Clip]:
        """Set the note of clip ``index`` (from 0)."""
        from peskovtui.library.clips import noted

        return self.clip_store.change(noted(index, note))

    def clip_statuses(self, clips: Sequence[Clip]) -> list[ClipStatus]:
        """For each clip, whether its passage is still in the corpus as it was clipped."""
        from peskovtui.library.clips import clip_status

        return [clip_status(clip, self._by_id.get(clip.citation.article_id)) for clip in clips]

    def export_clips(self, fmt: str, clips: Sequence[Clip] | None = None) -> str:
        """The clips (all of this corpus's by default) as ``md``, ``text``, ``csv``, ``json``
        or ``csljson``."""
        from peskovtui.library.clip_export import export_clips

        chosen = self.clips() if clips is None else list(clips)
        return export_clips(chosen, self.clip_statuses(chosen), fmt)
