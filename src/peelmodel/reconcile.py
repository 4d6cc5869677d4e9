"""Reason backwards from rounded figures to the numbers a report leaves out.

Every published figure is a constraint: its formula, rounded half up to the
published precision, equals the published value. Every quantity is a whole
number (a count, a population), at least 0, at least 1 where a figure
divides by it, and at most :data:`~peelmodel._checks.MAX_COUNT` (a prior, not
a fact: an end that rests on it is reported as unbounded). :func:`reconcile`
narrows the interval of each quantity, constraint by constraint, with exact
rational arithmetic and integer rounding of every bound, until nothing changes
(bounds consistency). Each bound remembers the claims it rests on, so when an
interval becomes empty the claims behind its two ends are a set of figures
that cannot all be true; a figure no whole numbers can give (a fall of more
than 100 percent) conflicts with itself alone.

It is sound: a value is only excluded when some figure rules it out, so the
true values of a consistent report always lie in the inferred intervals. It
is not complete: figures can pass bounds consistency and still have no common
solution.

>>> from peelmodel import datasets
>>> from peelmodel.claims import claims_of
>>> result = reconcile(claims_of(datasets.load("hampshire-2015")).values())
>>> result.conflicts
()
>>> drugs = result.interval("hampshire.ocgs-drug-activity.at-2015-06-30")
>>> drugs.low, drugs.high
(35, 35)
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Iterable
from fractions import Fraction

import attrs

from ._checks import MAX_COUNT
from .claims import Claim, Quantity
from .errors import UnknownReferenceError
from .rounding import Band

__all__ = ["Conflict", "Interval", "Reconciliation", "reconcile"]

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
    denominator, or :data:`~peelmodel._checks.MAX_COUNT`).
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


@attrs.frozen
class Conflict:
    """Claims that no values of the quantities can satisfy together."""

    claims: frozenset[str]
    quantity: Quantity

    def __str__(self) -> str:
        return f"{', '.join(sorted(self.claims))} cannot all hold (they disagree on {self.quantity.id})"


@attrs.frozen
class Reconciliation:
    """The result of :func:`reconcile`: intervals of every quantity, and conflicts."""

    intervals: tuple[Interval, ...]
    conflicts: tuple[Conflict, ...]
    _by_quantity: dict[Quantity, Interval] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index = {interval.quantity: interval for interval in self.intervals}
        object.__setattr__(self, "_by_quantity", index)

    def interval_of(self, quantity: Quantity) -> Interval:
        """The interval of *quantity*."""
        try:
            return self._by_quantity[quantity]
        except KeyError:
            raise UnknownReferenceError(
                "quantity", quantity.id, (q.id for q in self._by_quantity)
            ) from None

    def interval(self, quantity_id: str) -> Interval:
        """The interval of the quantity with this id."""
        for quantity, interval in self._by_quantity.items():
            if quantity.id == quantity_id:
                return interval
        raise UnknownReferenceError("quantity", quantity_id, (q.id for q in self._by_quantity))

    def conflicting(self, claim_id: str) -> frozenset[str]:
        """The claims that conflict with *claim_id* (empty when it is in no conflict).

        A claim that no whole numbers can satisfy on its own (a fall of more
        than 100 percent) conflicts with itself.

        >>> from decimal import Decimal
        >>> from peelmodel.claims import Claim, Formula, Quantity
        >>> now, before = Quantity("a", "now"), Quantity("a", "before")
        >>> fall = Formula((now,), before, Fraction(100), Fraction(-100))
        >>> reconcile([Claim("fall", "Fall", "a", "text", Decimal(-101), fall)]).conflicting("fall")
        frozenset({'fall'})
        """
        found: set[str] = set()
        for conflict in self.conflicts:
            if claim_id in conflict.claims:
                found |= conflict.claims
        if found != {claim_id}:
            found.discard(claim_id)
        return frozenset(found)

    def range_of(self, claim: Claim) -> tuple[Fraction, Fraction]:
        """The least and greatest exact values the claim's formula can take.

        Every quantity ranges over its interval; a denominator is taken to be
        at least 1, since a figure that divides by it is defined.

        >>> from decimal import Decimal
        >>> from peelmodel.claims import Claim, Formula, Quantity
        >>> groups, drugs = Quantity("a", "groups"), Quantity("a", "drugs")
        >>> count = Claim("groups", "Groups", "a", "text", Decimal(62), Formula((groups,)))
        >>> share = Claim("drugs", "Drugs", "a", "text", Decimal(56), Formula((drugs,), groups, Fraction(100)))
        >>> result = reconcile([count, share])
        >>> [str(value) for value in result.range_of(share)]
        ['1750/31', '1750/31']
        """
        interval = self.interval_of
        formula = claim.formula
        low = Fraction(sum(interval(q).low for q in formula.numerator))
        high = Fraction(sum(interval(q).high for q in formula.numerator))
        if formula.denominator is not None:
            denominator = interval(formula.denominator)
            low, high = low / max(denominator.high, 1), high / max(denominator.low, 1)
        ends = sorted((formula.scale * low + formula.offset, formula.scale * high + formula.offset))
        return ends[0], ends[1]


@attrs.define
class _Bound:
    value: int
    because: frozenset[str]
    prior: bool = False  # rests on the MAX_COUNT ceiling rather than on claims alone
    tightenings: int = 0
    structural: bool = False  # the initial "a denominator is at least 1"


class _Infeasible(Exception):  # noqa: N818 - internal control flow, never escapes
    def __init__(self, conflict: Conflict) -> None:
        self.conflict = conflict


class _Engine:
    """Interval propagation over one set of claims.

    Only claims with a published value constrain; every claim's quantities
    get an interval, and every claim that divides by a quantity (published
    or not) makes it at least 1: the report computed that figure, so its
    denominator was not zero.
    """

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = [claim for claim in claims if claim.published is not None]
        self.low: dict[Quantity, _Bound] = {}
        self.high: dict[Quantity, _Bound] = {}
        self.users: dict[Quantity, list[int]] = defaultdict(list)
        self.dividers: dict[Quantity, set[str]] = defaultdict(set)
        self.ratios: dict[int, Band] = {}
        for claim in claims:
            for quantity in claim.formula.quantities:
                self.low.setdefault(quantity, _Bound(0, _NO_CLAIMS))
                self.high.setdefault(quantity, _Bound(MAX_COUNT, _NO_CLAIMS, prior=True))
            denominator = claim.formula.denominator
            if denominator is not None:
                self.low[denominator] = _Bound(1, _NO_CLAIMS, structural=True)
        # Published figures first: a lost figure is named only when no published one divides.
        for claim in sorted(claims, key=lambda claim: claim.published is None):
            denominator = claim.formula.denominator
            if denominator is not None and (
                claim.published is not None or not self.dividers[denominator]
            ):
                self.dividers[denominator].add(claim.id)
        for index, claim in enumerate(self.claims):
            for quantity in set(claim.formula.quantities):
                self.users[quantity].append(index)

    def run(self) -> None:
        queue = deque(range(len(self.claims)))
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
            claims = low.because | high.because
            if low.structural and not claims & self.dividers[quantity]:
                # Only the figures that divide by the quantity make it positive.
                claims |= self.dividers[quantity]
            raise _Infeasible(Conflict(claims, quantity))

    def _ratio(self, index: int) -> Band:
        """Where ``sum ÷ denominator`` must lie for claim *index*; computed once per claim."""
        ratio = self.ratios.get(index)
        if ratio is None:
            claim = self.claims[index]
            published, formula = claim.band, claim.formula
            assert published is not None  # noqa: S101 - only published claims propagate
            found = _ratio_band(published, formula.scale, formula.offset)
            if found is None or not _admits_non_negative(found):
                # No whole numbers at all give the figure: it conflicts with itself.
                raise _Infeasible(Conflict(frozenset({claim.id}), formula.quantities[0]))
            ratio = self.ratios[index] = found
        return ratio

    def _propagate(self, index: int) -> list[Quantity]:
        """Narrow every quantity of claim *index*; return those that changed."""
        claim = self.claims[index]
        formula = claim.formula
        own = frozenset({claim.id})
        ratio = self._ratio(index)
        changed: list[Quantity] = []
        numerator = formula.numerator
        denominator = formula.denominator
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


def _ratio_band(published: Band, scale: Fraction, offset: Fraction) -> Band | None:
    """Where ``sum ÷ denominator`` must lie for ``scale × it + offset`` to be in *published*.

    ``None`` when no value can: a formula with scale 0 is the constant *offset*.

    >>> from decimal import Decimal
    >>> from peelmodel.rounding import band
    >>> _ratio_band(band(Decimal("-11")), Fraction(100), Fraction(-100))
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


def _admits_non_negative(ratio: Band) -> bool:
    """Whether some value at least 0 lies in *ratio* (a sum of counts over a count is one)."""
    if ratio.high is None:
        return True
    if ratio.low is not None and (
        ratio.low > ratio.high or (ratio.low == ratio.high and (ratio.low_open or ratio.high_open))
    ):
        return False
    return ratio.high > 0 or (ratio.high == 0 and not ratio.high_open)


def reconcile(claims: Iterable[Claim]) -> Reconciliation:
    """Infer the interval of every quantity, and find the claims that cannot all hold.

    When claims conflict, the conflict is recorded, its claims are set aside,
    and the rest are reconciled again, so that independent errors are all found.
    Claims without a published value take no part, but their quantities are
    reported too, so that :meth:`Reconciliation.range_of` can bound them.
    """
    everything = list(claims)
    remaining = [claim for claim in everything if claim.published is not None]
    conflicts: list[Conflict] = []
    while True:
        active = {claim.id for claim in remaining}
        passive = [
            attrs.evolve(claim, published=None) for claim in everything if claim.id not in active
        ]
        engine = _Engine([*remaining, *passive])
        try:
            engine.run()
        except _Infeasible as infeasible:
            conflicts.append(infeasible.conflict)
            remaining = [claim for claim in remaining if claim.id not in infeasible.conflict.claims]
            continue
        return Reconciliation(engine.intervals(), tuple(conflicts))
