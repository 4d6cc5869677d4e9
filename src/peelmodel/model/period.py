"""Reporting periods: "12 months to 30 June 2015", "as at 30 June 2015"."""

from __future__ import annotations

import re
from datetime import date, timedelta

import attrs

from peelmodel._validators import check_date
from peelmodel.errors import InvalidTypeError, InvalidValueError

__all__ = ["Period"]

#: The calendar date form documents use; ``date.fromisoformat`` also takes
#: ``20150630`` and week dates on Python 3.11+, which must not be accepted.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@attrs.frozen(kw_only=True, order=True)
class Period:
    """A closed range of days; a single day is an "as at" date.

    >>> period = Period.twelve_months_to(date(2015, 6, 30))
    >>> period.start, str(period)
    (datetime.date(2014, 7, 1), '12 months to 30 June 2015')
    >>> str(Period.as_at(date(2015, 6, 30))), Period.parse("2015-06-30").is_instant
    ('as at 30 June 2015', True)
    """

    start: date
    end: date

    def __attrs_post_init__(self) -> None:
        check_date("Period", "start", self.start)
        check_date("Period", "end", self.end)
        if self.end < self.start:
            raise InvalidValueError(
                "Period", "end", self.end, f"must not be before start {self.start}"
            )

    @classmethod
    def twelve_months_to(cls, end: date) -> Period:
        """The twelve months that end on *end*."""
        check_date("Period", "end", end)
        return cls(start=_year_before(end), end=end)

    @classmethod
    def as_at(cls, day: date) -> Period:
        """The single day *day*."""
        return cls(start=day, end=day)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ISO 8601: ``2015-06-30`` (as at) or ``2014-07-01/2015-06-30``."""
        if not isinstance(text, str):
            raise InvalidTypeError("Period", "start/end", text, "a string")
        start_text, slash, end_text = text.partition("/")
        try:
            if not _ISO_DATE.fullmatch(start_text) or (slash and not _ISO_DATE.fullmatch(end_text)):
                raise ValueError(text)  # noqa: TRY301 - one message for every malformed text
            start = date.fromisoformat(start_text)
            end = date.fromisoformat(end_text) if slash else start
        except ValueError:
            raise InvalidValueError(
                "Period", "start/end", text, "must be an ISO date or 'start/end' of ISO dates"
            ) from None
        return cls(start=start, end=end)

    @property
    def is_instant(self) -> bool:
        """Whether the period is a single day ("as at")."""
        return self.start == self.end

    @property
    def is_twelve_months(self) -> bool:
        """Whether the period is exactly twelve months."""
        return not self.is_instant and self.start == _year_before(self.end)

    def isoformat(self) -> str:
        """The ISO 8601 form that :meth:`parse` reads."""
        if self.is_instant:
            return self.end.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @property
    def slug(self) -> str:
        """A short stable name: ``12m-to-2015-06-30``, ``at-2015-06-30``, ``2015-09-01-to-...``."""
        if self.is_instant:
            return f"at-{self.end.isoformat()}"
        if self.is_twelve_months:
            return f"12m-to-{self.end.isoformat()}"
        return f"{self.start.isoformat()}-to-{self.end.isoformat()}"

    def __str__(self) -> str:
        if self.is_instant:
            return f"as at {_long(self.end)}"
        if self.is_twelve_months:
            return f"12 months to {_long(self.end)}"
        return f"{_long(self.start)} to {_long(self.end)}"


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _year_before(end: date) -> date:
    """The first day of the twelve months that end on *end*."""
    after = end + timedelta(days=1)
    try:
        return after.replace(year=after.year - 1)
    except ValueError:  # the day after is 29 February
        return date(after.year - 1, 3, 1)
