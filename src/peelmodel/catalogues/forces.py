"""The registry of the 43 territorial police forces of England and Wales.

>>> from peelmodel import forces
>>> len(forces.all()), forces.get("hampshire").ons_code
(43, 'E23000030')
>>> forces.lookup("E23000034").id, forces.lookup("london, city of").id
('city-of-london', 'city-of-london')

England and Wales is an area, not a force:

>>> forces.get("england-and-wales")
Traceback (most recent call last):
...
peelmodel.errors.UnknownReferenceError: unknown force 'england-and-wales'; known: ...
"""

from __future__ import annotations

from typing import Final

from peelmodel.catalogues import areas
from peelmodel.catalogues._registry import Registry
from peelmodel.model.area import Force

__all__ = ["Force", "all", "get", "lookup"]


def _build() -> list[Force]:
    return [area for area in areas.all() if isinstance(area, Force)]


_REGISTRY: Final = Registry[Force](
    "force", _build, key=lambda f: f.id, names=lambda f: (f.name, f.ons_code, *f.aliases)
)


def get(force_id: str) -> Force:
    """Return the force with this data.police.uk id, such as ``"hampshire"``."""
    return _REGISTRY.get(force_id)


def lookup(name: str) -> Force:
    """Return the force with this id, official name, alias or ONS code, ignoring case."""
    return _REGISTRY.lookup(name)


def all() -> tuple[Force, ...]:  # noqa: A001 - the registry's documented name
    """The 43 forces, in alphabetical order of id."""
    return tuple(_REGISTRY)
