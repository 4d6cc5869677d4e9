"""The envelope of a document: ``format``, ``version`` and ``kind``, then the body.

A document of a class with fields holds them beside the header; a document
of a reference entry holds its id under ``id``, and one of a period holds it
under ``period``:

>>> from peelmodel.model.area import Force
>>> wrap(Force, "hampshire")
{'format': 'peelmodel', 'version': 1, 'kind': 'Force', 'id': 'hampshire'}
"""

from __future__ import annotations

from typing import Any, Final, NamedTuple

from peelmodel.documents.problems import describe, member
from peelmodel.errors import Problem
from peelmodel.model.area import Area, Force
from peelmodel.model.figure import Figure
from peelmodel.model.finding import (
    AreaForImprovement,
    CauseOfConcern,
    FindingCount,
    FindingEntry,
    FindingsRecord,
    Recommendation,
)
from peelmodel.model.grade import GradingScale, Programme
from peelmodel.model.inspection import Inspection
from peelmodel.model.judgment import Judgment
from peelmodel.model.outcome import OutcomeGroup, OutcomeRate, OutcomeType
from peelmodel.model.period import Period
from peelmodel.model.provenance import EarlierGrade, Inference, SourceConflict
from peelmodel.model.question import InspectionQuestion
from peelmodel.model.record import GradeEntry, GradesRecord, NationalStatement

__all__ = [
    "DOCUMENT_CLASSES",
    "FORMAT",
    "KINDS",
    "REFERENCE_CLASSES",
    "VERSION",
    "Envelope",
    "open_envelope",
    "quick_body",
    "wrap",
]

#: The ``format`` every document declares.
FORMAT: Final = "peelmodel"
#: The document version this release reads and writes.
VERSION: Final = 1

#: Classes written as JSON objects of their fields.
DOCUMENT_CLASSES: Final[tuple[type, ...]] = (
    Figure,
    OutcomeRate,
    Judgment,
    AreaForImprovement,
    Recommendation,
    CauseOfConcern,
    Inspection,
    GradeEntry,
    NationalStatement,
    GradesRecord,
    Inference,
    EarlierGrade,
    SourceConflict,
    FindingEntry,
    FindingCount,
    FindingsRecord,
)
#: Classes written as their id.
REFERENCE_CLASSES: Final[tuple[type, ...]] = (
    Force,
    Area,
    InspectionQuestion,
    Programme,
    GradingScale,
    OutcomeType,
    OutcomeGroup,
)
#: Every class that has documents, by the name a document gives as its ``kind``.
KINDS: Final[dict[str, type]] = {
    cls.__name__: cls for cls in (*DOCUMENT_CLASSES, *REFERENCE_CLASSES, Period)
}
_HEADER_KEYS: Final = ("format", "version", "kind")


def _key(cls: type) -> str:
    """The key a document of *cls* holds its value under, or ``""`` for a body of fields."""
    if cls in REFERENCE_CLASSES:
        return "id"
    return "period" if cls is Period else ""


def wrap(cls: type, data: Any) -> dict[str, Any]:
    """The document of a *cls* whose JSON-shaped value is *data*."""
    header: dict[str, Any] = {"format": FORMAT, "version": VERSION, "kind": cls.__name__}
    key = _key(cls)
    if key:
        header[key] = data
        return header
    return {**header, **data}


def quick_body(document: Any, cls: type) -> tuple[type, Any] | None:
    """The class to build and its data when *document* is a well-formed document of *cls*.

    ``None`` for anything else: :func:`open_envelope` then says what is wrong.

    >>> from peelmodel.model.area import Area
    >>> quick_body({"format": "peelmodel", "version": 1, "kind": "Force", "id": "kent"}, Area)
    (<class 'peelmodel.model.area.Force'>, 'kent')
    """
    if type(document) is not dict:
        return None
    kind = document.get("kind")
    if kind != cls.__name__:
        subclass = KINDS.get(kind) if type(kind) is str else None
        if subclass is None or not issubclass(subclass, cls):
            return None
        cls = subclass
    version = document.get("version")
    if document.get("format") != FORMAT or type(version) is not int or version != VERSION:
        return None
    key = _key(cls)
    if not key:
        return cls, {k: v for k, v in document.items() if k not in _HEADER_KEYS}
    if len(document) != 4 or key not in document:
        return None
    return cls, document[key]


class Envelope(NamedTuple):
    """A document's header read for a class: what to build, from what data, and what is wrong."""

    #: The class to build: the one asked for, or the subclass the document names.
    cls: type
    #: The JSON-shaped value to structure.
    data: Any
    #: The JSON path of :attr:`data`, or ``None`` when the document lacks it.
    path: str | None
    #: What is wrong with the header and the keys beside it.
    problems: list[Problem]


def open_envelope(document: dict[str, Any], cls: type) -> Envelope:
    """Check the header of a JSON object read as a *cls*, and find its body.

    >>> from peelmodel.model.area import Force
    >>> found = open_envelope({"format": "peelmodel", "version": 2, "kind": "Force"}, Force)
    >>> [str(problem) for problem in found.problems], found.path
    (['$.version: expected 1, found 2', '$.id: required key missing'], None)
    """
    kind = document.get("kind")
    subclass = KINDS.get(kind) if type(kind) is str else None
    if subclass is not None and issubclass(subclass, cls):
        cls = subclass
    problems: list[Problem] = []
    for key, expected in (("format", FORMAT), ("version", VERSION), ("kind", cls.__name__)):
        found = document.get(key)
        if type(found) is not type(expected) or found != expected:
            problems.append(Problem(f"$.{key}", f"expected {expected!r}, found {describe(found)}"))
    body = {key: value for key, value in document.items() if key not in _HEADER_KEYS}
    key = _key(cls)
    if not key:
        return Envelope(cls, body, "$", problems)
    problems.extend(Problem(member("$", name), "unknown key") for name in sorted(set(body) - {key}))
    if key not in body:
        problems.append(Problem(f"$.{key}", "required key missing"))
        return Envelope(cls, None, None, problems)
    return Envelope(cls, body[key], f"$.{key}", problems)
