"""The registry of inspection programmes and their grading scales.

>>> from peelmodel import programmes
>>> [p.id for p in programmes.all()][:3]
['peel-2014', 'peel-2015', 'peel-2016']
>>> programmes.lookup("PEEL 2021/22").scale.id
'five-grade'
"""

from __future__ import annotations

from datetime import date
from typing import Final

from peelmodel.catalogues._registry import Registry, read_data
from peelmodel.model.grade import FIVE_GRADE, FOUR_GRADE, GradingScale, Programme

__all__ = ["Programme", "all", "get", "lookup", "scales"]

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
    "programme", _build, key=lambda p: p.id, names=lambda p: (p.name,)
)


def get(programme_id: str) -> Programme:
    """Return the programme with this id, such as ``"peel-2015"``."""
    return _REGISTRY.get(programme_id)


def lookup(name: str) -> Programme:
    """Return the programme with this id or name, ignoring case."""
    return _REGISTRY.lookup(name)


def all() -> tuple[Programme, ...]:  # noqa: A001 - the registry's documented name
    """Every programme, oldest first."""
    return tuple(_REGISTRY)


def scales() -> tuple[GradingScale, ...]:
    """The grading scales: four grades, then five."""
    return tuple(_SCALES.values())
