"""Where a recorded fact comes from: the kind of source, a quote, an inference, earlier and other grades.

The grades record and the findings record share these: every entry names
the page it comes from, the kind of that page (:class:`SourceKind`) and a
short quote from it; an entry deduced by elimination shows its
:class:`Inference`; a grade changed after publication keeps the
:class:`EarlierGrade`; a grade another source states but the record does
not follow is a :class:`SourceConflict`.
"""

from __future__ import annotations

import enum
import re
from datetime import date
from typing import Final

import attrs

from peelmodel._validators import check_date, check_text, refuse_non_text
from peelmodel.errors import InvalidTypeError, InvalidValueError
from peelmodel.model.grade import Grade

__all__ = [
    "JSON_KEY",
    "MAX_QUOTE",
    "EarlierGrade",
    "Inference",
    "SourceConflict",
    "SourceKind",
    "check_address",
    "check_provenance",
    "check_quote",
    "check_source_kind",
]

#: The most characters of a quote: a short extract, never a copy of the page.
MAX_QUOTE: Final = 300
#: The attrs metadata key naming the JSON key of a field whose name cannot be it.
JSON_KEY: Final = "json_key"

_ADDRESS: Final = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?")


class SourceKind(enum.Enum):
    """The kind of page a fact comes from; HMICFRS's own pages are preferred."""

    #: An HMICFRS (or HMIC) report or force page.
    HMICFRS_REPORT = "hmicfrs-report"
    #: An HMICFRS news release.
    HMICFRS_NEWS = "hmicfrs-news"
    #: A police and crime commissioner's page.
    COMMISSIONER = "commissioner"
    #: Local or trade press.
    PRESS = "press"
    #: Any other public page, such as a force's own.
    OTHER_PUBLIC = "other-public"

    @classmethod
    def _missing_(cls, value: object) -> None:
        refuse_non_text(cls, value)


def check_address(owner: str, field: str, value: object) -> None:
    """Require a web address (http or https)."""
    check_text(owner, field, value)
    if not isinstance(value, str) or not _ADDRESS.fullmatch(value):
        raise InvalidValueError(owner, field, value, "must be a web address (http or https)")


def check_quote(owner: str, field: str, value: object) -> None:
    """Require a short quote: non-blank text of at most :data:`MAX_QUOTE` characters."""
    check_text(owner, field, value)
    if isinstance(value, str) and len(value) > MAX_QUOTE:
        raise InvalidValueError(
            owner, field, value, f"must be at most {MAX_QUOTE} characters (has {len(value)})"
        )


def check_source_kind(owner: str, field: str, value: object) -> None:
    """Require a :class:`SourceKind`."""
    if not isinstance(value, SourceKind):
        raise InvalidTypeError(owner, field, value, "a SourceKind")


def _check_grade(owner: str, value: object) -> None:
    if not isinstance(value, Grade):
        raise InvalidTypeError(owner, "grade", value, "a Grade")


@attrs.frozen(kw_only=True)
class Inference:
    """How an entry was deduced by elimination from a national statement.

    >>> Inference(
    ...     statement="https://hmicfrs.justiceinspectorates.gov.uk/news/news-feed/peel/",
    ...     arithmetic="12 forces good nationally; 11 recorded good; the others are recorded "
    ...     "otherwise, so this force is good",
    ... ).statement.endswith("/peel/")
    True
    """

    #: The address of the national statement.
    statement: str
    #: The arithmetic, in words.
    arithmetic: str

    def __attrs_post_init__(self) -> None:
        check_address("Inference", "statement", self.statement)
        check_text("Inference", "arithmetic", self.arithmetic)


@attrs.frozen(kw_only=True)
class EarlierGrade:
    """A grade an entry held before it was changed, with the dates it stood (JSON ``from``, ``until``).

    *since* (``from``) is ``None`` where no source states when the grade was first given.

    >>> from datetime import date
    >>> EarlierGrade(
    ...     grade=Grade.ADEQUATE, since=date(2024, 8, 1), until=date(2024, 3, 1),
    ...     source="https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/kent-2023-25/",
    ...     source_kind=SourceKind.HMICFRS_REPORT, quote="Responding to the public: adequate",
    ... )
    Traceback (most recent call last):
    ...
    peelmodel.errors.InvalidValueError: EarlierGrade.until: must not be before from (2024-08-01) (found datetime.date(2024, 3, 1))
    """

    grade: Grade
    since: date | None = attrs.field(metadata={JSON_KEY: "from"})
    until: date
    source: str
    source_kind: SourceKind
    quote: str

    def __attrs_post_init__(self) -> None:
        owner = "EarlierGrade"
        _check_grade(owner, self.grade)
        if self.since is not None:
            check_date(owner, "from", self.since)
        check_date(owner, "until", self.until)
        if self.since is not None and self.until < self.since:
            raise InvalidValueError(
                owner, "until", self.until, f"must not be before from ({self.since.isoformat()})"
            )
        check_address(owner, "source", self.source)
        check_source_kind(owner, "source_kind", self.source_kind)
        check_quote(owner, "quote", self.quote)


@attrs.frozen(kw_only=True)
class SourceConflict:
    """A grade another source states, which the record does not follow, and why.

    >>> SourceConflict(
    ...     grade=Grade.ADEQUATE,
    ...     source="https://www.example-news.co.uk/police-inspection/",
    ...     source_kind=SourceKind.PRESS,
    ...     quote="rated adequate at investigating crime",
    ...     why_not_followed="an HMICFRS report page states good",
    ... ).source_kind.value
    'press'
    """

    grade: Grade
    source: str
    source_kind: SourceKind
    quote: str
    why_not_followed: str

    def __attrs_post_init__(self) -> None:
        owner = "SourceConflict"
        _check_grade(owner, self.grade)
        check_address(owner, "source", self.source)
        check_source_kind(owner, "source_kind", self.source_kind)
        check_quote(owner, "quote", self.quote)
        check_text(owner, "why_not_followed", self.why_not_followed)


def check_provenance(owner: str, source: str | None, kind: object, quote: object) -> None:
    """A kind of source and a quote, each optional, need the source they describe."""
    if kind is not None:
        check_source_kind(owner, "source_kind", kind)
        if source is None:
            raise InvalidValueError(
                owner, "source_kind", getattr(kind, "value", kind), "needs a source"
            )
    if quote is not None:
        check_quote(owner, "quote", quote)
        if source is None:
            raise InvalidValueError(owner, "quote", quote, "needs a source")
