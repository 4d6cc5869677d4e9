"""The catalogue of measure parts: measures that are always part of another measure.

Read from ``measure-parts.json``: each entry names a whole and the measures
that are disjoint parts of it in the same area and period, so that their sum
never exceeds it.

>>> [(entry.whole, entry.parts) for entry in all()][:2]  # doctest: +NORMALIZE_WHITESPACE
[('recorded-crime', ('victim-based-crime',)),
 ('victim-based-crime', ('sexual-offences', 'assault-with-injury', 'burglary-in-a-dwelling'))]
"""

from __future__ import annotations

from functools import cache

import attrs

from peelmodel.catalogues._registry import read_data

__all__ = ["MeasureParts", "all"]


@attrs.frozen(kw_only=True)
class MeasureParts:
    """A whole measure and the patterns of its parts (a ``*`` at the end is a wildcard).

    >>> outcomes = MeasureParts(whole="recorded-crime", parts=("outcomes.type-*",))
    >>> outcomes.includes("outcomes.type-1"), outcomes.includes("recorded-crime")
    (True, False)
    """

    whole: str
    parts: tuple[str, ...]

    def includes(self, measure: str) -> bool:
        """Whether *measure* is one of the parts."""
        return any(
            measure.startswith(pattern[:-1]) if pattern.endswith("*") else measure == pattern
            for pattern in self.parts
        )


@cache
def all() -> tuple[MeasureParts, ...]:  # noqa: A001 - mirrors areas.all()
    """Every entry of the catalogue, in its order."""
    return tuple(
        MeasureParts(whole=entry["whole"], parts=tuple(entry["parts"]))
        for entry in read_data("measure-parts.json")["parts"]
    )
