"""Errors a user can cause, each carrying one sentence that says what went wrong."""

from __future__ import annotations


class PeskovError(Exception):
    """Base of the errors shown to the user as one line, never as a traceback.

    The message is one sentence; ``str()`` ends it with a full stop.
    """

    def __str__(self) -> str:
        message = super().__str__()
        return message if message.endswith((".", "?", "!")) else message + "."


class CorpusError(PeskovError):
    """Nothing could be loaded from the given paths, or a path or option is unusable."""


class ArticleNotFound(PeskovError):
    """No article has the requested id."""


class SpeakerNotFound(PeskovError):
    """No quote in the corpus is attributed to the requested speaker."""


class QuotesNotRead(PeskovError):
    """A question about the quotes of the whole corpus, asked before they were read."""
