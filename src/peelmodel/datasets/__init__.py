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

import json
from functools import cache
from importlib import resources
from typing import Final

from peelmodel.documents import loads
from peelmodel.errors import UnknownReferenceError
from peelmodel.model.inspection import Inspection
from peelmodel.model.record import GradesRecord

__all__ = ["GRADES", "PROVENANCE_KEYS", "grades_record", "load", "names", "text"]

#: The name of the grades record dataset (not an inspection, so not among :func:`names`).
GRADES = "peel-grades"
#: Keys an entry or statement of the grades record may hold beside its fields: the kind of
#: its source, a quote, an inference by elimination, earlier grades and conflicting pages.
#: The record's JSON keeps them; :func:`grades_record` reads the entries without them.
PROVENANCE_KEYS: Final = ("source_kind", "quote", "inferred", "history", "conflicts")


def names() -> tuple[str, ...]:
    """The names of the inspection datasets that ship with the package, sorted."""
    files = resources.files(__name__).iterdir()
    found = (f.name.removesuffix(".json") for f in files if f.name.endswith(".json"))
    return tuple(sorted(name for name in found if name != GRADES))


def text(name: str) -> str:
    """The JSON document of dataset *name* (an inspection, or :data:`GRADES`), as shipped."""
    if name != GRADES and name not in names():
        raise UnknownReferenceError("dataset", name, names())
    return resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")


@cache
def load(name: str) -> Inspection:
    """Load dataset *name* as an :class:`~peelmodel.Inspection` (cached: it is immutable)."""
    return loads(text(name), Inspection, source=f"{name}.json")


@cache
def grades_record() -> GradesRecord:
    """Load the PEEL grades record of the 43 forces (cached: it is immutable)."""
    return loads(_without_provenance(text(GRADES)), GradesRecord, source=f"{GRADES}.json")


def _without_provenance(shipped: str) -> str:
    """*shipped* without the :data:`PROVENANCE_KEYS` of its entries and statements.

    Text that is not a JSON object is returned as it is, for the strict reader to refuse.
    """
    try:
        document = json.loads(shipped)
    except ValueError:
        return shipped
    if not isinstance(document, dict):
        return shipped
    for field in ("entries", "statements"):
        items = document.get(field)
        if isinstance(items, list):
            document[field] = [
                {k: v for k, v in item.items() if k not in PROVENANCE_KEYS}
                if isinstance(item, dict)
                else item
                for item in items
            ]
    return json.dumps(document, ensure_ascii=False)
