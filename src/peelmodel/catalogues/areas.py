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
from peelmodel.model.area import Area, AreaKind, Force

__all__ = ["ENGLAND_AND_WALES", "Area", "AreaKind", "Force", "all", "get", "lookup", "region_of"]


def _build() -> list[Area]:
    built: list[Area] = []
    for entry in read_data("areas.json")["areas"]:
        fields: dict[str, Any] = {**entry, "kind": AreaKind(entry["kind"])}
        fields["aliases"] = tuple(entry.get("aliases", ()))
        built.append(Force(**fields) if fields["kind"] is AreaKind.FORCE else Area(**fields))
    return built


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


def region_of(force: Force) -> Area:
    """The region a force belongs to."""
    return get(force.region)


ENGLAND_AND_WALES: Final = Area(
    id="england-and-wales", name="England and Wales", ons_code="K04000001", kind=AreaKind.NATIONAL
)
