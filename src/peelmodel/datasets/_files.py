"""The data files of a programme's grades and findings, read strictly into the records.

``grades-<programme>.json`` and ``findings-<programme>.json`` name their
programme once, at the top, and each entry its area by the area's id within
the programme (``investigating-crime``; before PEEL 2021/22, a question id
without the programme, such as ``effectiveness.2``). They are read into a
:class:`~peelmodel.GradesRecord` and a :class:`~peelmodel.FindingsRecord` by the
same converter as every document, and every problem is reported at once,
with its path in the file.

Beyond the model's own rules, a grades file must have, for every entry, each
key of the schema (``published``, ``source_kind``, ``quote``, ``inferred``,
``history`` and ``conflicts`` included); a graded entry a ``source_kind`` and a
``quote``; an entry with a source, its kind, and an unknown one, neither source
nor kind nor quote; and an inferred entry the address of one of the file's
statements about its area.
"""

from __future__ import annotations

import re
from typing import Any, Final

from peelmodel._typecheck import checked
from peelmodel._validators import key_problems
from peelmodel.catalogues import programmes
from peelmodel.documents.converter import structure
from peelmodel.documents.parsing import parse
from peelmodel.documents.problems import describe
from peelmodel.errors import DocumentError, Problem, UnknownReferenceError
from peelmodel.model.finding import FindingsRecord
from peelmodel.model.grade import Programme
from peelmodel.model.record import GradesRecord, RecordState

__all__ = ["read_findings", "read_grades"]

_GRADES_KEYS: Final = ("programme", "notes", "entries", "statements")
_ENTRY_KEYS: Final = (
    *("force", "area", "state", "grade", "published", "last_updated", "source"),
    *("source_kind", "quote", "inferred", "history", "conflicts"),
)
_STATEMENT_KEYS: Final = ("area", "grade", "count", "source", "source_kind", "quote")
_FINDINGS_KEYS: Final = ("programme", "findings", "counts")
_FINDINGS_OPTIONAL: Final = ("notes",)
_FINDING_KEYS: Final = ("force", "area", "kind", "text", "date", "source", "source_kind")
_COUNT_KEYS: Final = ("force", "kind", "area", "count", "source", "source_kind", "quote")
#: A path the converter reports at an item's question: the file calls it its area.
_QUESTION_PATH: Final = re.compile(
    r"^(\$\.(?:entries|statements|findings|counts)\[[0-9]+\])\.question"
)
#: A path the converter reports at a finding's kind, which documents hold as finding_kind.
_KIND_PATH: Final = re.compile(r"^(\$\.(?:findings|counts)\[[0-9]+\])\.finding_kind")


def _programme(document: dict[str, Any]) -> tuple[Programme | None, list[Problem]]:
    value = document.get("programme")
    if type(value) is not str:
        return None, [Problem("$.programme", f"expected a programme id, found {describe(value)}")]
    try:
        return programmes.get(value), []
    except UnknownReferenceError as error:
        return None, [Problem("$.programme", str(error))]


def _items(
    document: dict[str, Any], name: str, keys: tuple[str, ...], programme: Programme
) -> tuple[list[Any], list[Problem]]:
    """The items of array *name*, each with its area made a question id; and the problems."""
    items = document.get(name, [])
    if type(items) is not list:
        return [], [Problem(f"$.{name}", f"expected an array, found {describe(items)}")]
    problems: list[Problem] = []
    translated: list[Any] = []
    for index, item in enumerate(items):
        if type(item) is not dict:
            translated.append(item)
            continue
        problems += key_problems(item, f"$.{name}[{index}]", keys)
        known = {key: value for key, value in item.items() if key in keys}
        if "area" in known:
            area = known.pop("area")
            known["question"] = area if type(area) is not str else f"{programme.id}.{area}"
        if name in ("findings", "counts"):
            known["programme"] = programme.id
            if "kind" in known:
                known["finding_kind"] = known.pop("kind")
        translated.append(known)
    return translated, problems


def _file_path(path: str) -> str:
    """The path of a problem as the file writes it: ``area`` and ``kind``, not the fields' names."""
    return _KIND_PATH.sub(r"\1.kind", _QUESTION_PATH.sub(r"\1.area", path))


def _structure(data: dict[str, Any], cls: type, problems: list[Problem], source: str | None) -> Any:
    built: Any = None
    try:
        built = structure(data, cls)
    except DocumentError as error:
        problems = problems + [Problem(_file_path(p.path), p.message) for p in error.problems]
        problems = list(dict.fromkeys(problems))  # a missing key is reported once
    if problems:
        raise DocumentError(problems, source)
    return built


def _read(
    text: str | bytes,
    source: str | None,
    cls: type,
    keys: tuple[str, ...],
    optional: tuple[str, ...],
    *lists: tuple[str, tuple[str, ...]],
) -> Any:
    """A programme file's object: its keys, its programme, then each of its *lists* of items."""
    document = parse(text, source)
    if type(document) is not dict:
        raise DocumentError(
            [Problem("$", f"expected an object, found {describe(document)}")], source
        )
    problems = key_problems(document, "$", keys, optional)
    programme, found = _programme(document)
    if programme is None:
        raise DocumentError([*problems, *found], source)
    data: dict[str, Any] = {"notes": document.get("notes", [])}
    for name, item_keys in lists:
        data[name], found = _items(document, name, item_keys, programme)
        problems += found
    return _structure(data, cls, problems, source)


@checked
def read_grades(text: str | bytes, *, source: str | None = None) -> GradesRecord:
    """Read a ``grades-<programme>.json`` file into a :class:`~peelmodel.GradesRecord`.

    >>> read_grades('{"programme": "peel-2021-22", "notes": [], "entries": [], "statements": [{}]}')
    Traceback (most recent call last):
    ...
    peelmodel.errors.DocumentError: invalid document (6 problems): $.statements[0].area: required key missing; ...
    """
    record: GradesRecord = _read(
        text,
        source,
        GradesRecord,
        _GRADES_KEYS,
        (),
        ("entries", _ENTRY_KEYS),
        ("statements", _STATEMENT_KEYS),
    )
    problems = _file_rules(record)
    if problems:
        raise DocumentError(problems, source)
    return record


def _file_rules(record: GradesRecord) -> list[Problem]:
    """What a programme's grades file requires beyond the model."""
    problems: list[Problem] = []
    for index, entry in enumerate(record.entries):
        path = f"$.entries[{index}]"
        if entry.state is RecordState.UNKNOWN:
            problems.extend(
                Problem(f"{path}.{field}", "must be null when the state is unknown")
                for field in ("source", "source_kind", "quote")
                if getattr(entry, field) is not None
            )
            continue
        if entry.source_kind is None:
            problems.append(Problem(f"{path}.source_kind", "is required where a source is given"))
        if entry.state is RecordState.GRADED and entry.quote is None:
            problems.append(Problem(f"{path}.quote", "is required for a graded entry"))
    for index, statement in enumerate(record.statements):
        problems.extend(
            Problem(f"$.statements[{index}].{field}", "is required")
            for field in ("source_kind", "quote")
            if getattr(statement, field) is None
        )
    return problems


@checked
def read_findings(text: str | bytes, *, source: str | None = None) -> FindingsRecord:
    """Read a ``findings-<programme>.json`` file into a :class:`~peelmodel.FindingsRecord`.

    >>> read_findings('{"programme": "peel-2015", "findings": [{"area": 1}], "counts": []}')
    Traceback (most recent call last):
    ...
    peelmodel.errors.DocumentError: invalid document (7 problems): $.findings[0].force: required key missing; ...
    """
    record: FindingsRecord = _read(
        text,
        source,
        FindingsRecord,
        _FINDINGS_KEYS,
        _FINDINGS_OPTIONAL,
        ("findings", _FINDING_KEYS),
        ("counts", _COUNT_KEYS),
    )
    return record
