"""Inspection reports that ship with peelmodel, as validated objects.

>>> from peelmodel import datasets
>>> datasets.names()
('hampshire-2015',)
>>> datasets.load("hampshire-2015").force.id
'hampshire'
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from peelmodel._inspection import Inspection
from peelmodel.errors import UnknownReferenceError
from peelmodel.serialization import loads

__all__ = ["load", "names", "text"]


def names() -> tuple[str, ...]:
    """The names of the datasets that ship with the package, sorted."""
    files = resources.files(__name__).iterdir()
    return tuple(sorted(f.name.removesuffix(".json") for f in files if f.name.endswith(".json")))


def text(name: str) -> str:
    """The JSON document of dataset *name*, as shipped."""
    if name not in names():
        raise UnknownReferenceError("dataset", name, names())
    return resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")


@cache
def load(name: str) -> Inspection:
    """Load dataset *name* as an :class:`~peelmodel.Inspection` (cached: it is immutable)."""
    return loads(text(name), Inspection, source=f"{name}.json")
