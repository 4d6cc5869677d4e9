"""The registry of areas: England and Wales, its regions, and the 43 force areas.

:func:`get` takes an id; :func:`lookup` takes a name as people write it:

>>> from peelmodel import areas
>>> areas.lookup("South East").id, areas.lookup("south-east").id, len(areas.all(kind=areas.AreaKind.REGION))
('south-east-region', 'south-east-region', 10)
>>> areas.lookup("Wales", kind=areas.AreaKind.REGION).ons_code
'W92000004'
>>> areas.ENGLAND_AND_WALES.kind
<AreaKind.NATIONAL: 'national'>
"""

from __future__ import annotations

from typing import Any, Final

from peelmodel._typecheck import checked
from peelmodel.catalogues._registry import AREA_PREFIXES, AREA_SUFFIXES, Registry, read_data
from peelmodel.model.area import ENGLAND_AND_WALES, Area, AreaKind, Country, Force

__all__ = [
    "ENGLAND_AND_WALES",
    "Area",
    "AreaKind",
    "Country",
    "Force",
    "all",
    "get",
    "lookup",
    "names",
]

#: The everyday names of each area (``everyday_names`` in the data), by id.
_EVERYDAY: Final[dict[str, tuple[str, ...]]] = {}


def _build() -> list[Area]:
    built: dict[str, Area] = {}
    for entry in read_data("areas.json")["areas"]:
        fields: dict[str, Any] = {**entry, "kind": AreaKind(entry["kind"])}
        fields["aliases"] = tuple(entry.get("aliases", ()))
        _EVERYDAY[entry["id"]] = tuple(fields.pop("everyday_names", ()))
        if fields["kind"] is AreaKind.FORCE:
            fields["region"] = built[entry["region"]]  # regions come first in the data
            fields["country"] = Country(entry["country"])
            built[entry["id"]] = Force(**fields)
        else:
            built[entry["id"]] = Area(**fields)
    return list(built.values())


@checked
def names(area: Area) -> tuple[str, ...]:
    """Every name :func:`lookup` finds *area* by, besides its id.

    Its official name, ONS code and aliases, and the everyday names the
    catalogue holds (short names such as "the Met" or "Hants", Welsh names).

    >>> names(get("hampshire"))
    ('Hampshire Constabulary', 'E23000030', 'Hants', 'Hampshire and Isle of Wight Constabulary')
    """
    len(_REGISTRY)  # the everyday names are read with the registry
    return (area.name, area.ons_code, *area.aliases, *_EVERYDAY.get(area.id, ()))


_REGISTRY: Final = Registry[Area](
    "area",
    _build,
    key=lambda a: a.id,
    names=names,
    title=lambda a: a.name,
    prefixes=AREA_PREFIXES,
    suffixes=AREA_SUFFIXES,
)


@checked
def get(area_id: str) -> Area:
    """Return the area with this id; raise :class:`~peelmodel.errors.UnknownReferenceError`."""
    return _REGISTRY.get(area_id)


@checked
def lookup(name: str, *, kind: AreaKind | None = None) -> Area:
    """Return the area (of one *kind*, if given) with this id, name, alias or ONS code.

    Case, spaces, hyphens, ``&`` and words such as "Police" do not matter; a
    name that fits two areas equally raises
    :class:`~peelmodel.errors.AmbiguousReferenceError`.
    """
    if kind is None:
        return _REGISTRY.lookup(name)
    return _REGISTRY.lookup(name, where=lambda a: a.kind is kind, kind=kind.value)


@checked
def all(*, kind: AreaKind | None = None) -> tuple[Area, ...]:  # noqa: A001 - mirrors forces.all()
    """Every area, or every area of one *kind*, in registry order."""
    return tuple(area for area in _REGISTRY if kind is None or area.kind is kind)
