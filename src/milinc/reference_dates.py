"""Reference dates as callers give them: a date, a datetime, or a string in ISO 8601 (or RFC 2822) form.

>>> import datetime
>>> from milinc.reference_dates import as_reference_date
>>> as_reference_date("2024-03-05T23:10:00+01:00"), as_reference_date(datetime.datetime(2024, 3, 5, 8))
(datetime.date(2024, 3, 5), datetime.date(2024, 3, 5))

A timestamp dates its own day, in the time zone it is written in (an article
stamped ``2024-03-05T23:10:00+01:00`` was published on 5 March, whatever the
reader's zone). :func:`milinc.parse`, :meth:`milinc.Parser.parse`,
:func:`milinc.parse_many` and the records' ``reference_date`` (or ``date``,
``published``, ``published_at``) fields all read them this way.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from .errors import InvalidInputError

__all__ = ["as_reference_date"]


def _from_string(value: str, name: str) -> _dt.date:
    text = value.strip()
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        pass
    iso = text[:-1] + "+00:00" if text[-1:] in ("Z", "z") else text  # Python < 3.11 does not read "Z"
    try:  # a timestamp ("2024-03-05 10:00:00", "2024-03-05T10:00:00+01:00") dates its day
        return _dt.datetime.fromisoformat(iso).date()
    except ValueError:
        pass
    if any(c.isalpha() for c in text[:3]):  # "Tue, 05 Mar 2024 10:00:00 GMT", as RSS feeds date articles
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            pass
    raise InvalidInputError(f"{name} is not a date in YYYY-MM-DD form: {value!r}")


def as_reference_date(value: Any, *, name: str = "reference_date") -> _dt.date | None:
    """*value* as a :class:`datetime.date` (``None`` stays ``None``).

    Args:
        value: ``None``, a :class:`~datetime.date`, a :class:`~datetime.datetime`
            (its own day; a pandas ``Timestamp`` is one), or a string:
            ``YYYY-MM-DD``, an ISO 8601 timestamp (``Z`` or an offset allowed),
            or an RFC 2822 date as in e-mail and RSS.
        name: what to call the value in error messages.

    Raises:
        TypeError: *value* is of another type.
        InvalidInputError: a string that is not a date (a :class:`ValueError`).
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        return _from_string(value, name)
    raise TypeError(
        f"{name} must be a date, a datetime or an ISO 8601 string (YYYY-MM-DD), got {type(value).__name__}"
    )
