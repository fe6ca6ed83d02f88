"""Publication dates in the many shapes data sets use, normalised to ISO 8601."""

from __future__ import annotations

import re
from datetime import date, datetime

_SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_FORMATS = (
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%B %d %Y",
    "%d/%m/%Y",
    "%Y%m%d",
)


def iso_date(value: str) -> str | None:
    """The date in ISO 8601 (``2017-02-07``, or with its time), the input if it cannot be
    parsed, and None for a blank value."""
    value = " ".join(value.split())
    if not value:
        return None
    parsed = _parse(value)
    return parsed if parsed is not None else value


def _parse(value: str) -> str | None:
    slashed = _SLASHED.match(value)
    if slashed:
        year, month, day, hour, minute, second = (int(p) if p else None for p in slashed.groups())
        try:
            if hour is None:
                return date(year or 0, month or 0, day or 0).isoformat()
            moment = datetime(year or 0, month or 0, day or 0, hour, minute or 0, second or 0)
        except ValueError:
            return None
        return moment.isoformat(timespec="seconds")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    else:
        return _moment_iso(moment, has_time="T" in value or ":" in value)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    from email.utils import parsedate_to_datetime  # RFC 2822 dates are the rare last resort

    try:
        return _moment_iso(parsedate_to_datetime(value), has_time=True)
    except (TypeError, ValueError, IndexError):
        return None


def _moment_iso(moment: datetime, *, has_time: bool) -> str:
    if not has_time:
        return moment.date().isoformat()
    return moment.isoformat(timespec="seconds")
