"""Selecting entries of the PEEL grades record by force, programme, pillar, question and region."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from typing import Any, Final

from peelmodel import datasets
from peelmodel._typecheck import checked
from peelmodel.catalogues import areas, forces, programmes, questions
from peelmodel.errors import UnknownReferenceError
from peelmodel.model.area import Area, AreaKind, Force
from peelmodel.model.grade import Pillar, Programme
from peelmodel.model.provenance import EarlierGrade, SourceConflict
from peelmodel.model.question import InspectionQuestion, QuestionLevel
from peelmodel.model.record import GradeEntry, GradesRecord, RecordState

__all__ = [
    "order",
    "resolve_force",
    "resolve_programme",
    "resolve_question",
    "row",
    "rows",
    "select",
]


def resolve_force(name: str | Force) -> Force:
    """The force named by *name* (id, name, alias or ONS code), or *name* itself."""
    return name if isinstance(name, Force) else forces.lookup(name)


def resolve_programme(name: str | Programme) -> Programme:
    """The programme named by *name* (id or name), or *name* itself."""
    return name if isinstance(name, Programme) else programmes.lookup(name)


def resolve_question(name: str | InspectionQuestion) -> InspectionQuestion:
    """The question named by *name* (id or text), or *name* itself."""
    return name if isinstance(name, InspectionQuestion) else questions.lookup(name)


def _pillar(name: str | Pillar) -> Pillar:
    return programmes.pillar(name)


def _region(name: str | Area) -> Area:
    found = name if isinstance(name, Area) else areas.lookup(name, kind=AreaKind.REGION)
    if found.kind is not AreaKind.REGION:
        regions = (area.id for area in areas.all(kind=AreaKind.REGION))
        raise UnknownReferenceError("region", name, regions)
    return found


def _state(name: str | RecordState) -> RecordState:
    try:
        return RecordState(name)
    except ValueError:
        raise UnknownReferenceError("state", name, (s.value for s in RecordState)) from None


_PILLAR_ORDER: Final = {pillar: index for index, pillar in enumerate(Pillar)}


@functools.cache
def _programme_positions() -> dict[str, int]:
    """Each programme's place, oldest first (built on first use, not at import)."""
    return {p.id: index for index, p in enumerate(programmes.all())}


@functools.cache
def _area_positions(programme: str) -> dict[str, int]:
    """Each area's place in its programme's catalogue (built on first use)."""
    return {q.id: index for index, q in enumerate(questions.areas(programme))}


def order(entry: GradeEntry) -> tuple[int, int, tuple[int, ...], str]:
    """Programme (oldest first), pillar, question number (an area: its catalogue place), then force."""
    question = entry.question
    if question.pillar is None:
        places = _area_positions(entry.programme.id)
        number: tuple[int, ...] = (places.get(question.id, len(places)),)
    else:
        number = tuple(int(part) for part in question.number.split(".") if part)
    return (
        _programme_positions()[entry.programme.id],
        len(_PILLAR_ORDER) if question.pillar is None else _PILLAR_ORDER[question.pillar],
        number,
        entry.force.id,
    )


@checked
def select(  # noqa: PLR0913 - one keyword-only filter per field of an entry
    *,
    force: str | Force | None = None,
    programme: str | Programme | None = None,
    pillar: str | Pillar | None = None,
    question: str | InspectionQuestion | None = None,
    region: str | Area | None = None,
    state: str | RecordState | None = None,
    headline: bool | None = None,
    record: GradesRecord | None = None,
) -> tuple[GradeEntry, ...]:
    """The entries that match every filter given, in record order.

    Forces, programmes, pillars, questions (and areas) and regions are found
    by id or name, as people write them (see :mod:`peelmodel.forces`); *headline* keeps pillar grades only (``True``) or
    the other questions and areas only (``False``). An unknown name raises
    :class:`~peelmodel.errors.UnknownReferenceError`.

    >>> [e.force.id for e in select(region="Wales", programme="PEEL 2015", pillar="efficiency")]
    ['dyfed-powys', 'gwent', 'north-wales', 'south-wales']
    >>> select(force="atlantis")
    Traceback (most recent call last):
    ...
    peelmodel.errors.UnknownReferenceError: unknown force 'atlantis'; no close match among the 43 known
    """
    wanted_force = None if force is None else resolve_force(force).id
    wanted_programme = None if programme is None else resolve_programme(programme).id
    wanted_pillar = None if pillar is None else _pillar(pillar)
    wanted_question = None if question is None else resolve_question(question).id
    wanted_region = None if region is None else _region(region).id
    wanted_state = None if state is None else _state(state)
    return tuple(
        entry
        for entry in (record or datasets.grades_record()).entries
        if (wanted_force is None or entry.force.id == wanted_force)
        and (wanted_programme is None or entry.programme.id == wanted_programme)
        and (wanted_pillar is None or entry.pillar is wanted_pillar)
        and (wanted_question is None or entry.question.id == wanted_question)
        and (wanted_region is None or entry.force.region.id == wanted_region)
        and (wanted_state is None or entry.state is wanted_state)
        and (headline is None or (entry.question.level is QuestionLevel.HEADLINE) is headline)
    )


def _dated(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _earlier(earlier: EarlierGrade) -> dict[str, Any]:
    return {
        "grade": earlier.grade.value,
        "from": _dated(earlier.since),
        "until": earlier.until.isoformat(),
        "source": earlier.source,
        "source_kind": earlier.source_kind.value,
        "quote": earlier.quote,
    }


def _conflict(conflict: SourceConflict) -> dict[str, Any]:
    return {
        "grade": conflict.grade.value,
        "source": conflict.source,
        "source_kind": conflict.source_kind.value,
        "quote": conflict.quote,
        "why_not_followed": conflict.why_not_followed,
    }


@checked
def row(entry: GradeEntry) -> dict[str, Any]:
    """One JSON-ready dict of *entry*, as :func:`rows` gives it."""
    found: dict[str, Any] = {
        "force": entry.force.id,
        "programme": entry.programme.id,
        "question": entry.question.id,
        "state": entry.state.value,
        "grade": None if entry.grade is None else entry.grade.value,
        "last_updated": _dated(entry.last_updated),
        "source": entry.source,
        "source_kind": None if entry.source_kind is None else entry.source_kind.value,
    }
    if entry.quote is not None:
        found["quote"] = entry.quote
    if entry.published is not None:
        found["published"] = entry.published.isoformat()
    if entry.inferred is not None:
        found["inferred"] = {
            "statement": entry.inferred.statement,
            "arithmetic": entry.inferred.arithmetic,
        }
    if entry.history:
        found["history"] = [_earlier(earlier) for earlier in entry.history]
    if entry.conflicts:
        found["conflicts"] = [_conflict(conflict) for conflict in entry.conflicts]
    return found


@checked
def rows(entries: Iterable[GradeEntry]) -> list[dict[str, Any]]:
    """One JSON-ready dict per entry: force, programme, question, state, grade, last_updated, source.

    Each also has its ``source_kind`` (``None`` where the record does not
    name it) and, where the entry holds them, ``quote``, ``published``,
    ``inferred`` (``statement`` and ``arithmetic``), ``history`` and
    ``conflicts``, with the keys of the data files.

    >>> rows(select(force="hampshire", question="peel-2015.legitimacy"))[0]["grade"]
    'good'
    """
    return [row(entry) for entry in entries]
