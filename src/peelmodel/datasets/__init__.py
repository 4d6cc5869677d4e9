"""Inspection reports and the PEEL grades record that ship with peelmodel, as validated objects.

>>> from peelmodel import datasets
>>> datasets.names()
('hampshire-2015',)
>>> datasets.load("hampshire-2015").force.id
'hampshire'
>>> datasets.grades_record().entries[0].programme.id
'peel-2014'
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from peelmodel._typecheck import checked
from peelmodel.documents import loads
from peelmodel.errors import UnknownReferenceError
from peelmodel.model.inspection import Inspection
from peelmodel.model.record import GradesRecord

__all__ = ["GRADES", "grades_record", "load", "names", "text"]

#: The name of the grades record dataset (not an inspection, so not among :func:`names`).
GRADES = "peel-grades"


@checked
def names() -> tuple[str, ...]:
    """The names of the inspection datasets that ship with the package, sorted."""
    files = resources.files(__name__).iterdir()
    found = (f.name.removesuffix(".json") for f in files if f.name.endswith(".json"))
    return tuple(sorted(name for name in found if name != GRADES))


@checked
def text(name: str) -> str:
    """The JSON document of dataset *name* (an inspection, or :data:`GRADES`), as shipped."""
    if name != GRADES and name not in names():
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
    """Load the PEEL grades record of the 43 forces (cached: it is immutable)."""
    return loads(text(GRADES), GradesRecord, source=f"{GRADES}.json")
