"""The registry of the 43 territorial police forces of England and Wales.

:func:`get` takes the data.police.uk id; :func:`lookup` takes a name as
people write it: any case, spaces or hyphens, with or without "Police" or
"Constabulary", a short name, or the ONS code:

>>> from peelmodel import forces
>>> len(forces.all()), forces.get("hampshire").ons_code
(43, 'E23000030')
>>> [forces.lookup(name).id for name in ("thames valley", "Avon & Somerset", "the Met", "hants")]
['thames-valley', 'avon-and-somerset', 'metropolitan', 'hampshire']
>>> forces.lookup("E23000034").id, forces.lookup("london, city of").id
('city-of-london', 'city-of-london')

A name found nowhere is refused with the closest names:

>>> forces.lookup("Thames Vally")
Traceback (most recent call last):
...
peelmodel.errors.UnknownReferenceError: unknown force 'Thames Vally'; did you mean thames-valley (Thames Valley Police)?

England and Wales is an area, not a force:

>>> forces.get("england-and-wales")
Traceback (most recent call last):
...
peelmodel.errors.UnknownReferenceError: unknown force 'england-and-wales'; ...
"""

from __future__ import annotations

from typing import Final

from peelmodel._typecheck import checked
from peelmodel.catalogues import areas
from peelmodel.catalogues._registry import AREA_PREFIXES, AREA_SUFFIXES, Registry
from peelmodel.model.area import Force

__all__ = ["Force", "all", "get", "lookup"]


def _build() -> list[Force]:
    return [area for area in areas.all() if isinstance(area, Force)]


_REGISTRY: Final = Registry[Force](
    "force",
    _build,
    key=lambda f: f.id,
    names=areas.names,
    title=lambda f: f.name,
    prefixes=AREA_PREFIXES,
    suffixes=AREA_SUFFIXES,
)


@checked
def get(force_id: str) -> Force:
    """Return the force with exactly this data.police.uk id, such as ``"hampshire"``."""
    return _REGISTRY.get(force_id)


@checked
def lookup(name: str) -> Force:
    """Return the force with this id, official name, alias or ONS code, written loosely.

    Case, spaces, hyphens, ``&`` and words such as "Police" do not matter (see
    :mod:`peelmodel.forces`).
    """
    return _REGISTRY.lookup(name)


def all() -> tuple[Force, ...]:  # noqa: A001 - the registry's documented name
    """The 43 forces, in alphabetical order of id."""
    return tuple(_REGISTRY)
