"""The registry of inspection programmes and their grading scales, and the pillars' names.

:func:`get` takes an id; :func:`lookup` and :func:`pillar` take names as
people write them:

>>> from peelmodel import programmes
>>> [p.id for p in programmes.all()][:3]
['peel-2014', 'peel-2015', 'peel-2016']
>>> programmes.lookup("PEEL 2021/22").scale.id
'five-grade'
>>> programmes.lookup("2015").id, programmes.lookup("peel 2018-19").id
('peel-2015', 'peel-2018-19')
>>> programmes.pillar("Effectiveness"), programmes.pillar("police legitimacy")
(<Pillar.EFFECTIVENESS: 'effectiveness'>, <Pillar.LEGITIMACY: 'legitimacy'>)
"""

from __future__ import annotations

from datetime import date
from typing import Final

from peelmodel._typecheck import checked
from peelmodel.catalogues._registry import Registry, read_data
from peelmodel.model.grade import FIVE_GRADE, FOUR_GRADE, GradingScale, Pillar, Programme

__all__ = ["Programme", "all", "get", "lookup", "pillar", "scales"]

_SCALES: Final = {scale.id: scale for scale in (FOUR_GRADE, FIVE_GRADE)}


def _build() -> list[Programme]:
    return [
        Programme(
            id=entry["id"],
            name=entry["name"],
            scale=_SCALES[entry["scale"]],
            starts=date.fromisoformat(entry["starts"]),
        )
        for entry in read_data("programmes.json")["programmes"]
    ]


_REGISTRY: Final = Registry[Programme](
    "programme",
    _build,
    key=lambda p: p.id,
    names=lambda p: (p.name,),
    title=lambda p: p.name,
    prefixes=("peel",),
)
_PILLARS: Final = Registry[Pillar](
    "pillar", lambda: tuple(Pillar), key=lambda p: p.value, prefixes=("police", "peel")
)


@checked
def get(programme_id: str) -> Programme:
    """Return the programme with exactly this id, such as ``"peel-2015"``."""
    return _REGISTRY.get(programme_id)


@checked
def lookup(name: str) -> Programme:
    """Return the programme with this id or name, written loosely (``PEEL 2015``, ``2015``)."""
    return _REGISTRY.lookup(name)


@checked
def pillar(name: str | Pillar) -> Pillar:
    """Return the pillar named *name* (``"Effectiveness"``, ``"police efficiency"``), or *name*."""
    return name if isinstance(name, Pillar) else _PILLARS.lookup(name)


def all() -> tuple[Programme, ...]:  # noqa: A001 - the registry's documented name
    """Every programme, oldest first."""
    return tuple(_REGISTRY)


def scales() -> tuple[GradingScale, ...]:
    """The grading scales: four grades, then five."""
    return tuple(_SCALES.values())
