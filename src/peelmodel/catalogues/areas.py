"""The registry of areas: England and Wales, its regions, and the 43 force areas.

>>> from peelmodel import areas
>>> areas.lookup("South East").id, len(areas.all(kind=areas.AreaKind.REGION))
('south-east-region', 10)
>>> areas.ENGLAND_AND_WALES.kind
<AreaKind.NATIONAL: 'national'>
"""

from __future__ import annotations

from typing import Any, Final

from peelmodel.catalogues._registry import Registry, read_data
from peelmodel.model.area import ENGLAND_AND_WALES, Area, AreaKind, Country, Force

__all__ = ["ENGLAND_AND_WALES", "Area", "AreaKind", "Country", "Force", "all", "get", "lookup"]


def _build() -> list[Area]:
    built: dict[str, Area] = {}
    for entry in read_data("areas.json")["areas"]:
        fields: dict[str, Any] = {**entry, "kind": AreaKind(entry["kind"])}
        fields["aliases"] = tuple(entry.get("aliases", ()))
        if fields["kind"] is AreaKind.FORCE:
            fields["region"] = built[entry["region"]]  # regions come first in the data
            fields["country"] = Country(entry["country"])
            built[entry["id"]] = Force(**fields)
        else:
            built[entry["id"]] = Area(**fields)
    return list(built.values())


_REGISTRY: Final = Registry[Area](
    "area", _build, key=lambda a: a.id, names=lambda a: (a.name, a.ons_code, *a.aliases)
)


def get(area_id: str) -> Area:
    """Return the area with this id; raise :class:`~peelmodel.errors.UnknownReferenceError`."""
    return _REGISTRY.get(area_id)


def lookup(name: str) -> Area:
    """Return the area with this id, name, alias or ONS code, ignoring case."""
    return _REGISTRY.lookup(name)


def all(*, kind: AreaKind | None = None) -> tuple[Area, ...]:  # noqa: A001 - mirrors forces.all()
    """Every area, or every area of one *kind*, in registry order."""
    return tuple(area for area in _REGISTRY if kind is None or area.kind is kind)
