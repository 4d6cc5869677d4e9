"""The bound-propagation engine behind :func:`~peelmodel.analysis.reconciliation.reconcile`.

Each published claim becomes a constraint ``sum(numerator) ÷ denominator``
within the band its published value allows, and each domain limit one that
its parts make up between none and all of its whole. :class:`Engine` narrows
the interval of every quantity, constraint by constraint, with exact rational
arithmetic and integer rounding of every bound, until nothing changes, or
raises :class:`Infeasible` with the claims behind an interval that became
empty.

>>> from decimal import Decimal
>>> from peelmodel.arithmetic import band
>>> ratio_band(band(Decimal("-11")), Fraction(100), Fraction(-100))
Band(low=Fraction(177, 200), high=Fraction(179, 200), low_open=True, high_open=False)
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs

from peelmodel._validators import MAX_COUNT
from peelmodel.arithmetic import Band
from peelmodel.claims import Claim, Quantity
from peelmodel.limits import Limit

__all__ = [
    "Engine",
    "Infeasible",
    "Interval",
    "admits_non_negative",
    "by_id",
    "dividers_of",
    "exceeds_whole",
    "find_infeasible",
    "ratio_band",
    "solvable_ratio",
]

#: How many times one bound may tighten before the engine stops refining it.
#: Bounds that creep by one at a time (two unknowns in one share) stop early;
#: stopping only leaves an interval wider, never wrong.
_MAX_TIGHTENINGS = 64

_NO_CLAIMS: frozenset[str] = frozenset()


@attrs.frozen
class Interval:
    """The whole numbers a quantity can take, and the claims that bound them.

    ``low_because`` and ``high_because`` name the claims each end rests on;
    an end that rests on no claim is the engine's prior (0, 1 for a
    denominator, or 10¹², the largest count the model accepts).
    """

    quantity: Quantity
    low: int
    high: int
    low_because: frozenset[str] = _NO_CLAIMS
    high_because: frozenset[str] = _NO_CLAIMS
    is_bounded: bool = True

    @property
    def is_exact(self) -> bool:
        """Whether exactly one value is possible."""
        return self.low == self.high

    def __repr__(self) -> str:
        high = f"{self.high:,}" if self.is_bounded else "no bound"
        return f"<Interval {self.quantity.id}: {self.low:,} to {high}>"


@attrs.define
class _Bound:
    value: int
    because: frozenset[str]
    prior: bool = False  # rests on the MAX_COUNT ceiling rather than on claims alone
    tightenings: int = 0
    structural: bool = False  # the initial "a denominator is at least 1"


class Infeasible(Exception):  # noqa: N818 - internal control flow, never escapes
    def __init__(self, because: frozenset[str], quantity: Quantity) -> None:
        self.because = because
        self.quantity = quantity


@attrs.frozen
class _Rule:
    """One constraint of the engine: ``sum(numerator) ÷ denominator`` lies in *ratio*."""

    id: str
    numerator: tuple[Quantity, ...]
    denominator: Quantity | None
    ratio: Band


#: A limit's parts make up between none and all of its whole.
_WITHIN = Band(Fraction(0), Fraction(1))


class Engine:
    """Interval propagation over published claims and domain limits.

    Claims without a published value (*passive*) do not constrain, but their
    quantities get an interval, and every claim that divides by a quantity
    (published or not) makes it at least 1: the report computed that figure,
    so its denominator was not zero. Rules run in the order of their ids, so
    the result depends on the claims, not on the order they come in.
    """

    def __init__(
        self,
        active: Iterable[Claim],
        passive: Iterable[Claim],
        limits: Iterable[Limit],
        dividers: Mapping[Quantity, frozenset[str]] | None = None,
    ) -> None:
        active = sorted(active, key=by_id)
        claims = [*active, *passive]
        self.limits = frozenset(limit.id for limit in limits)
        self.low: dict[Quantity, _Bound] = {}
        self.high: dict[Quantity, _Bound] = {}
        self.users: dict[Quantity, list[int]] = defaultdict(list)
        rules = [_claim_rule(claim) for claim in active]
        rules += sorted(
            (_Rule(limit.id, limit.parts, limit.whole, _WITHIN) for limit in limits), key=by_id
        )
        self.rules = rules
        for rule in rules:
            for quantity in (
                rule.numerator if rule.denominator is None else (*rule.numerator, rule.denominator)
            ):
                self._add(quantity)
        for claim in claims:
            for quantity in claim.formula.quantities:
                self._add(quantity)
            denominator = claim.formula.denominator
            if denominator is not None:
                self.low[denominator] = _Bound(1, _NO_CLAIMS, structural=True)
        self.dividers = dividers if dividers is not None else dividers_of(claims)
        for index, rule in enumerate(rules):
            quantities = (*rule.numerator, *([rule.denominator] if rule.denominator else []))
            for quantity in dict.fromkeys(quantities):
                self.users[quantity].append(index)

    def _add(self, quantity: Quantity) -> None:
        self.low.setdefault(quantity, _Bound(0, _NO_CLAIMS))
        self.high.setdefault(quantity, _Bound(MAX_COUNT, _NO_CLAIMS, prior=True))

    def with_claim(self, claim: Claim) -> tuple[Engine, int]:
        """A copy of this engine, at its bounds so far, with one more published claim."""
        copy = object.__new__(Engine)
        copy.limits, copy.dividers = self.limits, self.dividers
        copy.low, copy.high = dict(self.low), dict(self.high)
        copy.users = defaultdict(list, {q: list(users) for q, users in self.users.items()})
        rule = _claim_rule(claim)
        copy.rules = [*self.rules, rule]
        for quantity in claim.formula.quantities:
            copy._add(quantity)
        denominator = claim.formula.denominator
        if denominator is not None and copy.low[denominator].value < 1:
            copy.low[denominator] = _Bound(1, _NO_CLAIMS, structural=True)
            copy._check(denominator)  # the claim divides by it: one known to be 0 conflicts
        index = len(copy.rules) - 1
        for quantity in dict.fromkeys(claim.formula.quantities):
            copy.users[quantity].append(index)
        return copy, index

    def run(self, start: Iterable[int] | None = None) -> None:
        queue = deque(range(len(self.rules)) if start is None else start)
        queued = set(queue)
        while queue:
            index = queue.popleft()
            queued.discard(index)
            for changed in self._propagate(index):
                for user in self.users[changed]:
                    if user not in queued:
                        queued.add(user)
                        queue.append(user)

    def _tighten_low(self, quantity: Quantity, value: int, because: frozenset[str]) -> bool:
        bound = self.low[quantity]
        if value <= bound.value or bound.tightenings >= _MAX_TIGHTENINGS:
            return False
        self.low[quantity] = _Bound(value, because, tightenings=bound.tightenings + 1)
        self._check(quantity)
        return True

    def _tighten_high(
        self, quantity: Quantity, value: int, because: frozenset[str], *, prior: bool
    ) -> bool:
        bound = self.high[quantity]
        if value >= bound.value or bound.tightenings >= _MAX_TIGHTENINGS:
            return False
        self.high[quantity] = _Bound(value, because, prior, bound.tightenings + 1)
        self._check(quantity)
        return True

    def _check(self, quantity: Quantity) -> None:
        low, high = self.low[quantity], self.high[quantity]
        if low.value > high.value:
            because = low.because | high.because
            if low.structural and not because & self.dividers.get(quantity, _NO_CLAIMS):
                # Only the figures that divide by the quantity make it positive.
                because |= self.dividers.get(quantity, _NO_CLAIMS)
            raise Infeasible(because, quantity)

    def _propagate(self, index: int) -> list[Quantity]:
        """Narrow every quantity of rule *index*; return those that changed."""
        rule = self.rules[index]
        own = frozenset({rule.id})
        ratio = rule.ratio
        changed: list[Quantity] = []
        numerator = rule.numerator
        denominator = rule.denominator
        if denominator is None:
            d_low = d_high = _Bound(1, _NO_CLAIMS)
        else:
            d_low, d_high = self.low[denominator], self.high[denominator]
        # The claim itself requires its denominator to be at least 1.
        d_low_because = _NO_CLAIMS if d_low.structural else d_low.because
        for position, quantity in enumerate(numerator):
            rest = numerator[:position] + numerator[position + 1 :]
            if ratio.low is not None and ratio.low >= 0:
                # sum >= ratio.low × denominator >= ratio.low × (least denominator)
                rest_high = sum(self.high[q].value for q in rest)
                target = ratio.low * d_low.value - rest_high
                value = math.floor(target) + 1 if ratio.low_open else math.ceil(target)
                because = own.union(
                    d_low_because if ratio.low > 0 else _NO_CLAIMS,
                    *(self.high[q].because for q in rest),
                )
                if self._tighten_low(quantity, value, because):
                    changed.append(quantity)
            if ratio.high is not None:
                # sum <= ratio.high × denominator <= ratio.high × (greatest denominator)
                rest_low = sum(self.low[q].value for q in rest)
                target = ratio.high * d_high.value - rest_low
                value = math.ceil(target) - 1 if ratio.high_open else math.floor(target)
                because = own.union(d_high.because, *(self.low[q].because for q in rest))
                if self._tighten_high(quantity, value, because, prior=d_high.prior):
                    changed.append(quantity)
        if denominator is not None:
            changed.extend(self._propagate_denominator(own, numerator, denominator, ratio))
        return changed

    def _propagate_denominator(
        self,
        own: frozenset[str],
        numerator: tuple[Quantity, ...],
        denominator: Quantity,
        ratio: Band,
    ) -> list[Quantity]:
        changed: list[Quantity] = []
        if ratio.low is not None and ratio.low > 0:
            # The largest the ratio can be is (greatest numerator) / denominator.
            top = sum(self.high[q].value for q in numerator)
            target = Fraction(top) / ratio.low
            value = math.ceil(target) - 1 if ratio.low_open else math.floor(target)
            because = own.union(*(self.high[q].because for q in numerator))
            prior = any(self.high[q].prior for q in numerator)
            if self._tighten_high(denominator, value, because, prior=prior):
                changed.append(denominator)
        if ratio.high is not None and ratio.high > 0:
            # The smallest the ratio can be is (least numerator) / denominator.
            bottom = sum(self.low[q].value for q in numerator)
            target = Fraction(bottom) / ratio.high
            value = math.floor(target) + 1 if ratio.high_open else math.ceil(target)
            because = own.union(*(self.low[q].because for q in numerator))
            if self._tighten_low(denominator, value, because):
                changed.append(denominator)
        return changed

    def intervals(self) -> tuple[Interval, ...]:
        return tuple(
            Interval(
                q,
                self.low[q].value,
                self.high[q].value,
                self.low[q].because,
                self.high[q].because,
                is_bounded=not self.high[q].prior,
            )
            for q in sorted(self.low, key=lambda q: q.id)
        )


def ratio_band(published: Band, scale: Fraction, offset: Fraction) -> Band | None:
    """Where ``sum ÷ denominator`` must lie for ``scale × it + offset`` to be in *published*.

    ``None`` when no value can: a formula with scale 0 is the constant *offset*.

    >>> from decimal import Decimal
    >>> from peelmodel.arithmetic import band
    >>> ratio_band(band(Decimal("-11")), Fraction(100), Fraction(-100))
    Band(low=Fraction(177, 200), high=Fraction(179, 200), low_open=True, high_open=False)
    """
    if scale == 0:
        return Band(None, None) if offset in published else None

    def solve(value: Fraction | None) -> Fraction | None:
        return None if value is None else (value - offset) / scale

    if scale > 0:
        return Band(
            solve(published.low), solve(published.high), published.low_open, published.high_open
        )
    return Band(
        solve(published.high), solve(published.low), published.high_open, published.low_open
    )


def exceeds_whole(ratio: Band) -> bool:
    """Whether every value of *ratio* is above 1: a part larger than its whole."""
    return ratio.low is not None and (ratio.low > 1 or (ratio.low == 1 and ratio.low_open))


def admits_non_negative(ratio: Band) -> bool:
    """Whether some value at least 0 lies in *ratio* (a sum of counts over a count is one)."""
    if ratio.high is None:
        return True
    if ratio.low is not None and (
        ratio.low > ratio.high or (ratio.low == ratio.high and (ratio.low_open or ratio.high_open))
    ):
        return False
    return ratio.high > 0 or (ratio.high == 0 and not ratio.high_open)


def dividers_of(claims: Iterable[Claim]) -> dict[Quantity, frozenset[str]]:
    """The claims that divide by each quantity, named when it is found to be 0.

    Published figures only, where any divides by it; otherwise the lost ones.
    """
    published: dict[Quantity, set[str]] = defaultdict(set)
    lost: dict[Quantity, set[str]] = defaultdict(set)
    for claim in claims:
        denominator = claim.formula.denominator
        if denominator is not None:
            (lost if claim.published is None else published)[denominator].add(claim.id)
    return {
        quantity: frozenset(published.get(quantity) or lost[quantity])
        for quantity in published.keys() | lost.keys()
    }


def by_id(rule: Claim | Limit | _Rule) -> str:
    return rule.id


def _claim_rule(claim: Claim) -> _Rule:
    formula = claim.formula
    ratio = solvable_ratio(claim)
    assert ratio is not None  # noqa: S101 - reconcile sets unsolvable claims aside first
    return _Rule(claim.id, formula.numerator, formula.denominator, ratio)


def solvable_ratio(claim: Claim) -> Band | None:
    """Where ``sum ÷ denominator`` must lie for *claim*, or ``None`` if no whole numbers can."""
    published = claim.band
    assert published is not None  # noqa: S101 - only published claims constrain
    return _solvable_band(published, claim.formula.scale, claim.formula.offset)


@functools.lru_cache(maxsize=4096)
def _solvable_band(published: Band, scale: Fraction, offset: Fraction) -> Band | None:
    ratio = ratio_band(published, scale, offset)
    return ratio if ratio is not None and admits_non_negative(ratio) else None


def find_infeasible(
    active: Iterable[Claim],
    passive: Iterable[Claim],
    limits: tuple[Limit, ...],
    dividers: Mapping[Quantity, frozenset[str]] | None = None,
) -> Infeasible | None:
    """The first infeasibility the engine meets over these claims, or ``None``."""
    try:
        Engine(active, passive, limits, dividers).run()
    except Infeasible as infeasible:
        return infeasible
    return None
