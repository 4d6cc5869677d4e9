"""Domain limits: the parts of a whole add up to no more than the whole.

Limits are not published figures: they hold for any report, so the engines
apply them to every quantity they infer. :func:`limits_of` finds those that
bear on a set of claims, from what the claims say (a share *of* a count) and
from the catalogue of measure parts
(:mod:`peelmodel.catalogues.measure_parts`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import attrs

from peelmodel._typecheck import checked
from peelmodel._validators import check_instance, check_tuple
from peelmodel.catalogues import measure_parts
from peelmodel.claims import Claim, Quantity
from peelmodel.errors import InvalidValueError
from peelmodel.model.area import Area
from peelmodel.model.period import Period

__all__ = ["Limit", "limits_of"]


@attrs.frozen(kw_only=True)
class Limit:
    """A domain limit: the *parts* add up to no more than the *whole*.

    >>> from peelmodel import areas
    >>> crime = Quantity(area=areas.get("hampshire"), measure="recorded-crime")
    >>> victims = Quantity(area=areas.get("hampshire"), measure="victim-based-crime")
    >>> str(Limit(parts=(victims,), whole=crime))
    'hampshire.victim-based-crime ≤ hampshire.recorded-crime'
    """

    parts: tuple[Quantity, ...]
    whole: Quantity
    _id: str = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        check_tuple("Limit", "parts", self.parts)
        if not self.parts:
            raise InvalidValueError("Limit", "parts", self.parts, "must not be empty")
        for part in self.parts:
            check_instance("Limit", "parts", part, Quantity)
        check_instance("Limit", "whole", self.whole, Quantity)
        # Named once: the engines sort and index limits by name over and over.
        name = f"{' + '.join(part.id for part in self.parts)} ≤ {self.whole.id}"
        object.__setattr__(self, "_id", name)

    @property
    def id(self) -> str:
        """A stable name: the parts, ``≤``, the whole."""
        return self._id

    def __str__(self) -> str:
        return self.id


@checked
def limits_of(claims: Iterable[Claim]) -> tuple[Limit, ...]:
    """The domain limits on the quantities of *claims*, in a canonical order.

    A figure that is a part *of* another measure keeps its subject within
    it; and where the catalogue of measure parts names a whole and some of its
    parts for the same area, period and exclusions, their sum stays within it.

    >>> from peelmodel import datasets
    >>> from peelmodel.claims import claims_of
    >>> limits = limits_of(claims_of(datasets.load("hampshire-2015")).values())
    >>> any(limit.whole.measure == "recorded-crime" for limit in limits)
    True
    """
    found: set[Limit] = set()
    places: dict[tuple[str, Period | None, tuple[Area, ...]], set[Quantity]] = defaultdict(set)
    quantities: dict[Quantity, None] = {}  # each once: many figures read the same count
    for claim in claims:
        if claim.part_of is not None:
            found.add(Limit(parts=claim.formula.numerator, whole=claim.part_of))
        quantities.update(dict.fromkeys(claim.formula.quantities))
    for quantity in quantities:
        places[quantity.area.id, quantity.period, quantity.excluding].add(quantity)
    for present in places.values():
        by_measure = {quantity.measure: quantity for quantity in present}
        for entry in measure_parts.all():
            if entry.whole not in by_measure:
                continue
            parts = sorted(quantity for quantity in present if entry.includes(quantity.measure))
            if parts:
                found.add(Limit(parts=tuple(parts), whole=by_measure[entry.whole]))
    return tuple(sorted(found, key=lambda limit: limit.id))
