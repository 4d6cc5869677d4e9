"""What the domain limits alone say about a figure: the few quantities they link, and its shape.

A figure's *domain* (see :mod:`peelmodel.analysis.scrutiny`) depends only on
the quantities linked to its own through limits, not on the rest of its
component: under the limits alone, unlinked quantities can always take
their least values. :func:`around` gives those quantities as a component of
their own, and a key that names the question exactly (the formula, the
precision, the limits and which quantities are at least 1, numbered from
the figure's own quantities outwards), so that figures of the same shape,
such as every outcome-type rate of a force and of England and Wales, share
one answer.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable

from peelmodel.analysis._components import Component
from peelmodel.arithmetic import unchecked_places
from peelmodel.claims import Claim, Quantity
from peelmodel.limits import Limit

__all__ = ["around"]


def around(claim: Claim, component: Component) -> tuple[Callable[[], Component], Hashable]:
    """The quantities *component*'s limits link to *claim*'s, with those limits, and a key.

    The linked quantities come as a function that makes their component,
    since only the first claim of each key needs it. Two published claims
    with equal keys have equal domains.
    """
    formula = claim.formula
    number: dict[Quantity, int] = {}
    for quantity in formula.quantities:
        number.setdefault(quantity, len(number))
    touching = component.touching
    used: dict[str, Limit] = {}
    queue = list(number)
    for quantity in queue:  # the queue grows as limits bring in quantities
        for limit in touching.get(quantity, ()):
            if limit.id not in used:
                used[limit.id] = limit
                for other in (*limit.parts, limit.whole):
                    if other not in number:
                        number[other] = len(number)
                        queue.append(other)
    positive = {quantity for quantity in number if quantity in component.positive}
    linked = functools.partial(Component, list(number), [], list(used.values()), positive)
    assert claim.published is not None  # noqa: S101 - only published figures have a domain
    key = (
        formula.scale,
        formula.offset,
        unchecked_places(claim.published),
        claim.qualifier,
        tuple(number[quantity] for quantity in formula.numerator),
        -1 if formula.denominator is None else number[formula.denominator],
        tuple(
            sorted(
                (tuple(sorted(number[part] for part in limit.parts)), number[limit.whole])
                for limit in used.values()
            )
        ),
        tuple(sorted(number[quantity] for quantity in positive)),
        len(number),
    )
    return linked, key
