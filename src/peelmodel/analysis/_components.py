"""The parts of a reconciliation that share no quantity, each with its claims and limits.

Claims and limits that share a quantity are linked; a :class:`Component` is
one set of linked quantities with every claim and limit over them. What one
component's figures say never bears on another's, so each is reconciled, and
its figures blamed, on its own, and the cost of a report grows with its
largest component rather than with the whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from peelmodel.analysis._propagation import Step, System, step_of
from peelmodel.analysis._rules import Rule, by_id, claim_rule, limit_rule, solvable_ratio
from peelmodel.analysis._search import Solution, solve
from peelmodel.claims import Claim, Formula, Quantity
from peelmodel.limits import Limit

__all__ = ["Component", "components_of", "least_counts"]


@attrs.define(eq=False)
class Component:
    """Linked quantities with their published claims (by id), limits and divided quantities.

    ``claims`` are the published claims that whole numbers can give (the
    others conflict alone); ``positive`` the quantities some claim divides by.
    """

    quantities: list[Quantity]
    claims: list[Claim]
    limits: list[Limit]
    positive: set[Quantity]
    number: dict[Quantity, int] = attrs.field(init=False)
    _ids: list[str] | None = attrs.field(init=False, default=None)
    _positions: dict[str, int] | None = attrs.field(init=False, default=None)
    _touching: dict[Quantity, list[Limit]] | None = attrs.field(init=False, default=None)
    _rules: dict[str, tuple[Rule, Step]] = attrs.field(init=False, factory=dict)
    _limit_rules: list[tuple[Rule, Step]] = attrs.field(init=False, factory=list)

    def __attrs_post_init__(self) -> None:
        self.number = {quantity: index for index, quantity in enumerate(self.quantities)}
        self._ids = self._positions = self._touching = None
        self._rules = {}
        self._limit_rules = [_compiled(limit_rule(limit, self.number)) for limit in self.limits]

    @property
    def ids(self) -> list[str]:
        """The ids of the quantities, in order (found on first use)."""
        if self._ids is None:
            self._ids = [quantity.id for quantity in self.quantities]
        return self._ids

    @property
    def positions(self) -> dict[str, int]:
        """The number of each quantity, by id (found on first use)."""
        if self._positions is None:
            self._positions = {name: number for number, name in enumerate(self.ids)}
        return self._positions

    @property
    def touching(self) -> dict[Quantity, list[Limit]]:
        """The limits over each quantity, as part or whole, in order (found on first use)."""
        if self._touching is None:
            touching: dict[Quantity, list[Limit]] = {}  # reading a quantity never adds it
            for limit in self.limits:
                for quantity in (*limit.parts, limit.whole):
                    touching.setdefault(quantity, []).append(limit)
            self._touching = touching
        return self._touching

    def within_whole(self, formula: Formula) -> bool:
        """Whether a domain limit keeps *formula*'s numerator within its denominator: a share."""
        whole = formula.denominator
        return (
            whole is not None
            and len(set(formula.numerator)) == len(formula.numerator)
            and any(
                limit.whole == whole and set(formula.numerator) <= set(limit.parts)
                for limit in self.touching.get(whole, ())
            )
        )

    def _rule(self, claim: Claim) -> tuple[Rule, Step]:
        """The rule of a published *claim* over the component's unknowns, compiled (made once)."""
        found = self._rules.get(claim.id)
        if found is None:
            found = self._rules[claim.id] = _compiled(claim_rule(claim, self.number))
        return found

    def system(self, claims: Iterable[Claim], ceiling: int) -> System:
        """The rules of the limits, then of *claims*, over the component's unknowns."""
        pairs = [*self._limit_rules, *(self._rule(claim) for claim in claims)]
        return System(
            len(self.quantities),
            [rule for rule, _ in pairs],
            ceiling,
            (self.number[quantity] for quantity in self.positive),
            steps=[step for _, step in pairs],
        )

    def solution(self, claims: Iterable[Claim], ceiling: int) -> Solution | None:
        """Whole numbers that satisfy *claims* and the limits, or ``None`` if none exist."""
        return solve(self.system(claims, ceiling))


def _compiled(rule: Rule) -> tuple[Rule, Step]:
    return rule, step_of(rule)


def components_of(claims: Sequence[Claim], limits: Sequence[Limit]) -> list[Component]:
    """The components of *claims* (published or lost) and *limits*, in the order of their first quantity id.

    Lost claims link nothing (they constrain nothing) but bring their
    quantities, and make their denominators positive.
    """
    # Quantities numbered as first met, linked by number: lookups by value happen once each.
    number: dict[Quantity, int] = {}
    quantities: list[Quantity] = []
    parent: list[int] = []

    def numbered(quantity: Quantity) -> int:
        found = number.get(quantity)
        if found is None:
            found = number[quantity] = len(quantities)
            quantities.append(quantity)
            parent.append(found)
        return found

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def link(indexes: Sequence[int]) -> None:
        first = find(indexes[0])
        for index in indexes[1:]:
            other = find(index)
            if other != first:
                parent[other] = first

    positive: set[int] = set()
    active: list[tuple[Claim, int]] = []
    for claim in claims:
        indexes = [numbered(quantity) for quantity in claim.formula.quantities]
        if claim.formula.denominator is not None:
            positive.add(indexes[-1])
        if claim.published is not None and solvable_ratio(claim) is not None and indexes:
            link(indexes)
            active.append((claim, indexes[0]))
    for limit in limits:
        link([numbered(quantity) for quantity in (*limit.parts, limit.whole)])
    groups: dict[int, Component] = {}
    for index in sorted(range(len(quantities)), key=lambda index: quantities[index].id):
        key = find(index)
        if key not in groups:
            groups[key] = Component([], [], [], set())
        groups[key].quantities.append(quantities[index])
        if index in positive:
            groups[key].positive.add(quantities[index])
    for claim, first in sorted(active, key=lambda pair: pair[0].id):
        groups[find(first)].claims.append(claim)
    for limit in sorted(limits, key=by_id):
        groups[find(number[limit.whole])].limits.append(limit)
    for component in groups.values():
        component.__attrs_post_init__()
    return list(groups.values())


def least_counts(component: Component) -> dict[Quantity, int] | None:
    """The least value of each quantity of *component* under its limits alone.

    1 for a quantity divided by, and a whole is at least the sum of its
    parts' least; every quantity at its least is then a solution of the
    limits. ``None`` where they still grow after a round per limit: limits
    in a cycle with a part at least 1, which no whole numbers satisfy.
    """
    lows = {quantity: int(quantity in component.positive) for quantity in component.quantities}
    for _ in range(len(component.limits) + 1):
        grew = False
        for limit in component.limits:
            total = sum(lows[part] for part in limit.parts)
            if total > lows[limit.whole]:
                lows[limit.whole], grew = total, True
        if not grew:
            return lows
    return None
