"""Reason backwards from rounded figures to the numbers a report leaves out.

Every published figure is a constraint: its formula, rounded half up to the
published precision, equals the published value. Every quantity is a whole
number (a count, a population), at least 0, at least 1 where a figure
divides by it, and at most :data:`~peelmodel._validators.MAX_COUNT` (a prior, not
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

import functools
import math
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs

from peelmodel._validators import MAX_COUNT
from peelmodel.arithmetic import Band
from peelmodel.claims import Claim, Limit, Quantity, limits_of
from peelmodel.errors import UnknownReferenceError

__all__ = ["Conflict", "Interval", "Reconciliation", "holds_together", "reconcile"]

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
    denominator, or :data:`~peelmodel._validators.MAX_COUNT`).
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
    """Claims that no values of the quantities can satisfy together.

    ``limits`` names the domain limits the disagreement also rests on.
    """

    claims: frozenset[str]
    quantity: Quantity
    limits: frozenset[str] = frozenset()

    def __str__(self) -> str:
        text = (
            f"{', '.join(sorted(self.claims))} cannot all hold (they disagree on {self.quantity.id}"
        )
        if self.limits:
            text += f", given {'; '.join(sorted(self.limits))}"
        return text + ")"


@attrs.frozen
class Reconciliation:
    """The result of :func:`reconcile`: intervals of every quantity, and conflicts."""

    intervals: tuple[Interval, ...]
    conflicts: tuple[Conflict, ...]
    limits: tuple[Limit, ...] = ()
    _engine: _Engine | None = attrs.field(default=None, eq=False, repr=False)
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

    def admits(self, claim: Claim) -> bool:
        """Whether one more published *claim* passes bounds consistency with the reconciled ones.

        The engine goes on from the intervals already inferred, so this costs
        a few steps rather than a whole reconciliation.

        >>> from decimal import Decimal
        >>> from peelmodel.claims import Claim, Formula, Quantity
        >>> groups = Quantity("a", "groups")
        >>> result = reconcile([Claim("groups", "Groups", "a", "text", Decimal(62), Formula((groups,)))])
        >>> result.admits(Claim("again", "Groups", "a", "text", Decimal(63), Formula((groups,))))
        False
        """
        if claim.published is None:
            return True
        if _conflict_alone(claim, _shares(self.limits)) is not None:
            return False
        if self._engine is None:  # built by hand: there is nothing to go on from
            return holds_together([claim], self.limits)
        try:
            engine, index = self._engine.with_claim(claim)
            engine.run([index])
        except _Infeasible:
            return False
        return True

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


class _Engine:
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
        active = sorted(active, key=_by_id)
        claims = [*active, *passive]
        self.limits = frozenset(limit.id for limit in limits)
        self.low: dict[Quantity, _Bound] = {}
        self.high: dict[Quantity, _Bound] = {}
        self.users: dict[Quantity, list[int]] = defaultdict(list)
        rules = [_claim_rule(claim) for claim in active]
        rules += sorted(
            (_Rule(limit.id, limit.parts, limit.whole, _WITHIN) for limit in limits), key=_by_id
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
        self.dividers = dividers if dividers is not None else _dividers(claims)
        for index, rule in enumerate(rules):
            quantities = (*rule.numerator, *([rule.denominator] if rule.denominator else []))
            for quantity in dict.fromkeys(quantities):
                self.users[quantity].append(index)

    def _add(self, quantity: Quantity) -> None:
        self.low.setdefault(quantity, _Bound(0, _NO_CLAIMS))
        self.high.setdefault(quantity, _Bound(MAX_COUNT, _NO_CLAIMS, prior=True))

    def with_claim(self, claim: Claim) -> tuple[_Engine, int]:
        """A copy of this engine, at its bounds so far, with one more published claim."""
        copy = object.__new__(_Engine)
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
            raise _Infeasible(because, quantity)

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


def _ratio_band(published: Band, scale: Fraction, offset: Fraction) -> Band | None:
    """Where ``sum ÷ denominator`` must lie for ``scale × it + offset`` to be in *published*.

    ``None`` when no value can: a formula with scale 0 is the constant *offset*.

    >>> from decimal import Decimal
    >>> from peelmodel.arithmetic import band
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


def _exceeds_whole(ratio: Band) -> bool:
    """Whether every value of *ratio* is above 1: a part larger than its whole."""
    return ratio.low is not None and (ratio.low > 1 or (ratio.low == 1 and ratio.low_open))


def _admits_non_negative(ratio: Band) -> bool:
    """Whether some value at least 0 lies in *ratio* (a sum of counts over a count is one)."""
    if ratio.high is None:
        return True
    if ratio.low is not None and (
        ratio.low > ratio.high or (ratio.low == ratio.high and (ratio.low_open or ratio.high_open))
    ):
        return False
    return ratio.high > 0 or (ratio.high == 0 and not ratio.high_open)


def _dividers(claims: Iterable[Claim]) -> dict[Quantity, frozenset[str]]:
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


def _by_id(rule: Claim | Limit | _Rule) -> str:
    return rule.id


def _claim_rule(claim: Claim) -> _Rule:
    formula = claim.formula
    ratio = _solvable_ratio(claim)
    assert ratio is not None  # noqa: S101 - reconcile sets unsolvable claims aside first
    return _Rule(claim.id, formula.numerator, formula.denominator, ratio)


def _solvable_ratio(claim: Claim) -> Band | None:
    """Where ``sum ÷ denominator`` must lie for *claim*, or ``None`` if no whole numbers can."""
    published = claim.band
    assert published is not None  # noqa: S101 - only published claims constrain
    return _solvable_band(published, claim.formula.scale, claim.formula.offset)


@functools.lru_cache(maxsize=4096)
def _solvable_band(published: Band, scale: Fraction, offset: Fraction) -> Band | None:
    ratio = _ratio_band(published, scale, offset)
    return ratio if ratio is not None and _admits_non_negative(ratio) else None


def _infeasible(
    active: Iterable[Claim],
    passive: Iterable[Claim],
    limits: tuple[Limit, ...],
    dividers: Mapping[Quantity, frozenset[str]] | None = None,
) -> _Infeasible | None:
    """The first infeasibility the engine meets over these claims, or ``None``."""
    try:
        _Engine(active, passive, limits, dividers).run()
    except _Infeasible as infeasible:
        return infeasible
    return None


def holds_together(claims: Iterable[Claim], limits: Iterable[Limit]) -> bool:
    """Whether the published *claims* pass bounds consistency together under *limits*.

    One pass of the engine, without naming the claims that disagree: the
    quick question :func:`reconcile` answers in full.
    """
    everything = list(claims)
    rules = tuple(limits)
    shares = _shares(rules)
    active = [claim for claim in everything if claim.published is not None]
    if any(_conflict_alone(claim, shares) is not None for claim in active):
        return False
    passive = [claim for claim in everything if claim.published is None]
    return _infeasible(active, passive, rules) is None


def _shares(limits: Iterable[Limit]) -> dict[tuple[tuple[Quantity, ...], Quantity], str]:
    """The limits by their parts and whole, to find claims that are shares of a whole."""
    return {(limit.parts, limit.whole): limit.id for limit in limits}


def _conflict_alone(
    claim: Claim, shares: dict[tuple[tuple[Quantity, ...], Quantity], str]
) -> Conflict | None:
    """The conflict of a published claim that no whole numbers can give, if it is one.

    That is a figure no counts give at all (a fall of more than 100 percent),
    or a share of a whole said to be more than all of it.
    """
    formula = claim.formula
    ratio = _solvable_ratio(claim)
    if ratio is None:
        return Conflict(frozenset({claim.id}), formula.quantities[0])
    if formula.denominator is not None and _exceeds_whole(ratio):
        share = shares.get((formula.numerator, formula.denominator))
        if share is not None:
            return Conflict(frozenset({claim.id}), formula.quantities[0], frozenset({share}))
    return None


def _minimal_conflict(
    found: _Infeasible,
    everything: list[Claim],
    active: list[str],
    limits: tuple[Limit, ...],
    dividers: Mapping[Quantity, frozenset[str]],
) -> Conflict:
    """Shrink the claims behind *found* to a set of which no claim can be spared.

    Each claim, in the order of their ids, is left out in turn and stays out
    if the others still cannot all hold; domain limits always hold.
    """
    by_id = {claim.id: claim for claim in everything}
    kept = sorted(found.because & set(active))
    for suspect in list(kept):
        trial = [by_id[claim_id] for claim_id in kept if claim_id != suspect]
        if _infeasible(trial, _passive(everything, trial), limits, dividers) is not None:
            kept.remove(suspect)
    chosen = [by_id[claim_id] for claim_id in kept]
    final = _infeasible(chosen, _passive(everything, chosen), limits, dividers)
    assert final is not None  # noqa: S101 - kept is infeasible by construction
    names = {limit.id for limit in limits}
    # The engine also names the figures that divide by a quantity it found to be 0.
    return Conflict(
        frozenset(kept) | (final.because - names), final.quantity, final.because & names
    )


def reconcile(claims: Iterable[Claim], *, limits: Iterable[Limit] | None = None) -> Reconciliation:
    """Infer the interval of every quantity, and find the claims that cannot all hold.

    *limits* are the domain limits to respect (by default :func:`~peelmodel.claims.limits_of`
    the claims). When claims conflict, the conflict is shrunk to claims none of
    which can be spared, recorded, set aside, and the rest reconciled again, so
    that independent errors are all found. Claims without a published value
    take no part, but their quantities are reported too, so that
    :meth:`Reconciliation.range_of` can bound them. The answer depends only on
    the claims, never on their order.
    """
    everything = sorted(claims, key=_by_id)
    rules = tuple(limits_of(everything) if limits is None else sorted(limits, key=_by_id))
    conflicts: list[Conflict] = []
    remaining: list[Claim] = []
    shares = _shares(rules)
    dividers = _dividers(everything)
    for claim in everything:
        if claim.published is None:
            continue
        alone = _conflict_alone(claim, shares)
        if alone is None:
            remaining.append(claim)
        else:
            conflicts.append(alone)
    wrong_alone = {claim_id for conflict in conflicts for claim_id in conflict.claims}
    while True:
        engine = _Engine(remaining, _passive(everything, remaining), rules, dividers)
        try:
            engine.run()
            break
        except _Infeasible as infeasible:
            active = [claim.id for claim in remaining]
            conflict = _minimal_conflict(infeasible, everything, active, rules, dividers)
            conflicts.append(conflict)
            remaining = [claim for claim in remaining if claim.id not in conflict.claims]
    # A claim set aside may disagree with the rest in other ways too: find each way.
    for claim in everything:
        if claim.published is None or claim in remaining or claim.id in wrong_alone:
            continue
        rest = remaining
        while (
            found := _infeasible(
                [*rest, claim], _passive(everything, [*rest, claim]), rules, dividers
            )
        ) is not None:
            active = [other.id for other in (*rest, claim)]
            conflict = _minimal_conflict(found, everything, active, rules, dividers)
            conflicts.append(conflict)
            shrunk = [other for other in rest if other.id not in conflict.claims]
            if len(shrunk) == len(rest):
                break
            rest = shrunk
    unique = {(tuple(sorted(c.claims)), c.quantity.id): c for c in conflicts}
    named = tuple(unique[key] for key in sorted(unique))
    return Reconciliation(engine.intervals(), named, rules, engine)


def _passive(everything: list[Claim], active: list[Claim]) -> list[Claim]:
    """Every claim not in *active*, without its published value."""
    ids = {claim.id for claim in active}
    return [attrs.evolve(claim, published=None) for claim in everything if claim.id not in ids]
