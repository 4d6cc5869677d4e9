"""Inspection reports, the PEEL grades record and the findings record that ship with peelmodel.

>>> from peelmodel import datasets
>>> datasets.names()
('hampshire-2015',)
>>> datasets.load("hampshire-2015").force.id
'hampshire'
>>> datasets.grades_record().entries[0].programme.id
'peel-2014'
>>> datasets.findings_record().findings[0].force.id
'hampshire'

The grades record is one :class:`~peelmodel.GradesRecord`: the document
``peel-grades.json`` (PEEL 2014 to 2018/19) and the files
``grades-<programme>.json`` of later programmes; the findings record is one
:class:`~peelmodel.FindingsRecord` of the files ``findings-<programme>.json``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from peelmodel._typecheck import checked
from peelmodel.catalogues import programmes
from peelmodel.datasets._files import read_findings, read_grades
from peelmodel.documents import loads
from peelmodel.errors import UnknownReferenceError
from peelmodel.model.finding import FindingsRecord
from peelmodel.model.inspection import Inspection
from peelmodel.model.record import GradesRecord

__all__ = [
    "GRADES",
    "findings_record",
    "grades_record",
    "load",
    "names",
    "read_findings",
    "read_grades",
    "record_files",
    "text",
]

#: The name of the grades record dataset (not an inspection, so not among :func:`names`).
GRADES = "peel-grades"
#: How the files of the records begin: not inspections either.
_RECORD_PREFIXES = ("grades-", "findings-")


def _files() -> tuple[str, ...]:
    found = resources.files(__name__).iterdir()
    return tuple(sorted(f.name.removesuffix(".json") for f in found if f.name.endswith(".json")))


@checked
def names() -> tuple[str, ...]:
    """The names of the inspection datasets that ship with the package, sorted."""
    return tuple(
        name for name in _files() if name != GRADES and not name.startswith(_RECORD_PREFIXES)
    )


@checked
def record_files(kind: str) -> tuple[str, ...]:
    """The names of the shipped files of *kind* (``"grades"`` or ``"findings"``), oldest programme first.

    >>> record_files("findings")[0]
    'findings-peel-2015'
    """
    if kind not in ("grades", "findings"):
        raise UnknownReferenceError("record", kind, ("grades", "findings"))
    shipped = set(_files())
    return tuple(f"{kind}-{p.id}" for p in programmes.all() if f"{kind}-{p.id}" in shipped)


@checked
def text(name: str) -> str:
    """The JSON text of dataset *name* (an inspection, :data:`GRADES` or a record file), as shipped."""
    records = (GRADES, *record_files("grades"), *record_files("findings"))
    if name not in records and name not in names():
        raise UnknownReferenceError("dataset", name, names())
    return resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")


@checked
@cache
def load(name: str) -> Inspection:
    """Load dataset *name* as an :class:`~peelmodel.Inspection` (cached: it is immutable)."""
    return loads(text(name), Inspection, source=f"{name}.json")


@checked
@cache
def grades_record() -> GradesRecord:
    """Load the PEEL grades record of the 43 forces, every programme (cached: it is immutable)."""
    parts = [loads(text(GRADES), GradesRecord, source=f"{GRADES}.json")]
    parts += [read_grades(text(name), source=f"{name}.json") for name in record_files("grades")]
    return GradesRecord(
        entries=tuple(entry for part in parts for entry in part.entries),
        statements=tuple(statement for part in parts for statement in part.statements),
        notes=tuple(note for part in parts for note in part.notes),
    )


@checked
@cache
def findings_record() -> FindingsRecord:
    """Load the findings record: every shipped ``findings-<programme>.json`` (cached)."""
    parts = [read_findings(text(name), source=f"{name}.json") for name in record_files("findings")]
    return FindingsRecord(
        findings=tuple(finding for part in parts for finding in part.findings),
        counts=tuple(count for part in parts for count in part.counts),
        notes=tuple(note for part in parts for note in part.notes),
    )
