"""Linear bounds over whole numbers: the rules of a reconciliation and their propagation.

Every published claim ``scale × sum(numerator) ÷ denominator + offset`` within
its band is linear once multiplied by the denominator:
``low × denominator ≤ sum(numerator) ≤ high × denominator`` (strict at an
open end). A domain limit is the rule ``0 ≤ sum(parts) ≤ 1 × whole``. A
:class:`System` holds such rules over numbered unknowns, each a whole number
in ``[0, ceiling]`` (at least 1 where something divides by it), and
:func:`propagate` narrows their bounds rule by rule, with exact rational
arithmetic and integer rounding, until nothing changes. Propagation is
sound: it removes only values no solution takes. The exact answers (a
solution attaining each end) come from :mod:`peelmodel.analysis._search`;
:func:`ratio_band` shows a band turned into the rule's.
"""

from __future__ import annotations

import functools
import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import NamedTuple

from peelmodel.analysis._pairs import Pair, pair_of, tighten
from peelmodel.analysis._rules import Rule, holds
from peelmodel.arithmetic import Band
from peelmodel.claims import Claim, Quantity
from peelmodel.limits import Limit

__all__ = [
    "INFEASIBLE",
    "Rule",
    "Step",
    "System",
    "admits_non_negative",
    "by_id",
    "claim_rule",
    "dividers_of",
    "exceeds_whole",
    "holds",
    "limit_rule",
    "propagate",
    "ratio_band",
    "solvable_ratio",
    "step_of",
]

#: What :func:`propagate` returns when a domain becomes empty.
INFEASIBLE = -1


class System:
    """Rules over numbered unknowns, each a whole number in ``[0, ceiling]``.

    *positive* unknowns are at least 1 (something divides by them). ``low``
    and ``high`` are the bounds before any rule is applied. *steps* are the
    rules already compiled by :func:`step_of`, where the caller keeps them.
    """

    def __init__(
        self,
        size: int,
        rules: Sequence[Rule],
        ceiling: int,
        positive: Iterable[int] = (),
        *,
        steps: Sequence[Step] | None = None,
    ) -> None:
        self.size = size
        self.rules = list(rules)
        self.ceiling = ceiling
        self.low = [0] * size
        for unknown in positive:
            self.low[unknown] = 1
        self.high = [ceiling] * size
        self.users: list[list[int]] = [[] for _ in range(size)]
        #: The unknown whose domain the last failed propagation emptied (-1: none).
        self.failed = -1
        self.steps = [step_of(rule) for rule in self.rules] if steps is None else list(steps)
        for index, step in enumerate(self.steps):
            for unknown in step.unknowns:
                self.users[unknown].append(index)

    def add(self, rule: Rule) -> int:
        """Add *rule* as the last rule; its index."""
        index = len(self.rules)
        self.rules.append(rule)
        self.steps.append(step_of(rule))
        for unknown in self.steps[index].unknowns:
            self.users[unknown].append(index)
        return index

    def replace(self, index: int, rule: Rule, step: Step | None = None) -> None:
        """Put *rule* (compiled: *step*), over the same unknowns, in place of rule *index*."""
        self.rules[index] = rule
        self.steps[index] = step_of(rule) if step is None else step

    def budget(self) -> int:
        """How many rule steps one propagation takes before it stops, leaving bounds wider."""
        return 64 + 32 * len(self.rules)


def propagate(  # noqa: PLR0913 - the budget is the one setting a search changes
    system: System,
    low: list[int],
    high: list[int],
    start: Iterable[int],
    active: Sequence[bool] | None = None,
    *,
    budget: int | None = None,
) -> int:
    """Narrow *low* and *high* in place by the rules, from the rules in *start*.

    Only the rules marked in *active* apply (all of them without it). Returns
    :data:`INFEASIBLE` (-1) when a domain becomes empty, else the number of
    steps taken; a propagation that runs out of steps (*budget*, by default
    the system's: a bound creeping up one at a time) stops early, which
    leaves bounds wider, never wrong.
    """
    steps_of, users = system.steps, system.users
    # Rules wait in sweeps over their order, up then down in turn: a change that
    # travels along a chain of rules, either way, settles within one sweep.
    ahead = sorted(set(start))  # a sorted list is a heap
    later: list[int] = []
    queued = set(ahead)
    up = True
    steps = 0
    budget = system.budget() if budget is None else budget
    while ahead or later:
        if not ahead:
            up = not up
            ahead, later = [index if up else -index for index in later], []
            heapq.heapify(ahead)
        index = heapq.heappop(ahead)
        if not up:
            index = -index
        queued.discard(index)
        steps += 1
        if steps > budget:  # bounds that creep: stop, leaving them wider (the search goes on)
            return steps
        changed = _narrow(steps_of[index], low, high)
        if changed is None:
            rule = system.rules[index]
            system.failed = next(u for u in rule.unknowns if low[u] > high[u])
            return INFEASIBLE
        for unknown in changed:
            for user in users[unknown]:
                if user not in queued and (active is None or active[user]):
                    queued.add(user)
                    if (user > index) if up else (user < index):
                        heapq.heappush(ahead, user if up else -user)
                    else:
                        later.append(user)
    return steps


class Step(NamedTuple):
    """A rule in whole numbers, as :func:`_narrow` reads it.

    ``lp ÷ lq ⊲ sum ÷ denominator ⊲ hp ÷ hq``; ``lq`` (``hq``) is -1 where
    there is no such end (a least end below 0 is none: a sum of counts is
    never below 0). ``pair`` holds the ends of a ratio of one unknown over
    another, which :func:`~peelmodel.analysis._pairs.tighten` moves to values
    whole numbers attain. ``unknowns`` are the rule's unknowns, each once.
    """

    numerator: tuple[int, ...]
    denominator: int
    lp: int
    lq: int
    hp: int
    hq: int
    low_open: bool
    high_open: bool
    pair: Pair | None
    unknowns: tuple[int, ...]


def step_of(rule: Rule) -> Step:
    """*rule* in whole numbers, as propagation reads it."""
    least, most = rule.low, rule.high
    lp, lq = (
        (-1, -1) if least is None or least.numerator < 0 else (least.numerator, least.denominator)
    )
    hp, hq = (-1, -1) if most is None else (most.numerator, most.denominator)
    numerator, denominator = rule.numerator, rule.denominator
    single = len(numerator) == 1 and denominator >= 0 and numerator[0] != denominator
    return Step(
        numerator,
        denominator,
        lp,
        lq,
        hp,
        hq,
        rule.low_open,
        rule.high_open,
        pair_of(rule) if single else None,
        tuple(dict.fromkeys(rule.unknowns)),
    )


def _narrow(step: Step, low: list[int], high: list[int]) -> list[int] | None:  # noqa: PLR0912 - one rule's bounds, end by end
    """Narrow the unknowns of one rule; the unknowns that changed, or ``None`` if one is empty.

    Whole-number arithmetic throughout: a ratio ``p/q`` bounds ``q × sum``
    by ``p × denominator``, and every end is rounded inwards.
    """
    numerator, denominator, lp, lq, hp, hq, low_open, high_open, pair, _ = step
    if pair is not None:
        return _narrow_pair(step, pair, low, high)
    if denominator < 0:
        d_low = d_high = 1
    else:
        d_low, d_high = low[denominator], high[denominator]
    sum_low = sum_high = 0
    for unknown in numerator:
        sum_low += low[unknown]
        sum_high += high[unknown]
    changed: list[int] = []
    least = lp * d_low  # q × sum must be at least this
    most = hp * (d_high if hp >= 0 else d_low)  # q × sum must be at most this
    for unknown in numerator:
        was_low, was_high = low[unknown], high[unknown]
        if lq > 0:
            target = least - lq * (sum_high - was_high)
            value = target // lq + 1 if low_open else -(-target // lq)
            if value > was_low:
                low[unknown] = value
                sum_low += value - was_low
        if hq > 0:
            target = most - hq * (sum_low - low[unknown])
            value = -(-target // hq) - 1 if high_open else target // hq
            if value < was_high:
                high[unknown] = value
                sum_high += value - was_high
        if low[unknown] > high[unknown]:
            return None
        if low[unknown] != was_low or high[unknown] != was_high:
            changed.append(unknown)
    if denominator >= 0:
        was_low, was_high = d_low, d_high
        if lq > 0 and lp > 0:  # lp × d ⊲ lq × sum ≤ lq × (greatest sum)
            top = lq * sum_high
            value = -(-top // lp) - 1 if low_open else top // lp
            if value < d_high:
                high[denominator] = d_high = value
        if hq > 0 and hp > 0:  # hp × d ⊳ hq × sum ≥ hq × (least sum)
            bottom = hq * sum_low
            value = bottom // hp + 1 if high_open else -(-bottom // hp)
            if value > d_low:
                low[denominator] = d_low = value
        if d_low > d_high:
            return None
        if d_low != was_low or d_high != was_high:
            changed.append(denominator)
    return changed


def _narrow_pair(step: Step, pair: Pair, low: list[int], high: list[int]) -> list[int] | None:
    """:func:`_narrow` for a ratio of one unknown ``x`` over another ``y``, then :func:`tighten`."""
    _, _, lp, lq, hp, hq, low_open, high_open, _, _ = step
    x, y = pair.x, pair.y
    x_low, x_high, y_low, y_high = low[x], high[x], low[y], high[y]
    least, most = x_low, x_high
    if lq > 0:  # lq × x ⊳ lp × y
        target = lp * y_low
        value = target // lq + 1 if low_open else -(-target // lq)
        if value > least:
            least = low[x] = value
    if hq > 0:  # hq × x ⊲ hp × y
        target = hp * (y_high if hp >= 0 else y_low)
        value = -(-target // hq) - 1 if high_open else target // hq
        if value < most:
            most = high[x] = value
    if least > most:
        return None
    changed = [x] if least != x_low or most != x_high else []
    fewest, greatest = y_low, y_high
    if lq > 0 and lp > 0:  # lp × y ⊲ lq × x ≤ lq × (greatest x)
        top = lq * most
        value = -(-top // lp) - 1 if low_open else top // lp
        if value < greatest:
            greatest = high[y] = value
    if hq > 0 and hp > 0:  # hp × y ⊳ hq × x ≥ hq × (least x)
        bottom = hq * least
        value = bottom // hp + 1 if high_open else -(-bottom // hp)
        if value > fewest:
            fewest = low[y] = value
    if fewest > greatest:
        return None
    if fewest != y_low or greatest != y_high:
        changed.append(y)
    moved = tighten(pair, low, high)
    if moved is None:
        return None
    return changed + [unknown for unknown in moved if unknown not in changed]


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


def by_id(item: Claim | Limit | Rule) -> str:
    """The id of a claim, limit or rule: the canonical order of the engines."""
    return item.id


def claim_rule(claim: Claim, number: dict[Quantity, int], ratio: Band | None = None) -> Rule:
    """The rule of a published claim (or of *ratio* over its formula), over numbered unknowns."""
    formula = claim.formula
    if ratio is None:
        ratio = solvable_ratio(claim)
        assert ratio is not None  # noqa: S101 - claims no whole numbers give are set aside first
    denominator = -1 if formula.denominator is None else number[formula.denominator]
    return Rule(
        claim.id,
        tuple(number[quantity] for quantity in formula.numerator),
        denominator,
        ratio.low,
        ratio.low_open,
        ratio.high,
        ratio.high_open,
    )


def limit_rule(limit: Limit, number: dict[Quantity, int]) -> Rule:
    """The rule of a domain limit: its parts make up between none and all of its whole."""
    parts = tuple(number[part] for part in limit.parts)
    whole = number[limit.whole]
    return Rule(
        limit.id, parts, whole, Fraction(0), low_open=False, high=Fraction(1), high_open=False
    )


def solvable_ratio(claim: Claim) -> Band | None:
    """Where ``sum ÷ denominator`` must lie for *claim*, or ``None`` if no whole numbers can."""
    published = claim.band
    assert published is not None  # noqa: S101 - only published claims constrain
    return _solvable_band(published, claim.formula.scale, claim.formula.offset)


@functools.lru_cache(maxsize=4096)
def _solvable_band(published: Band, scale: Fraction, offset: Fraction) -> Band | None:
    ratio = ratio_band(published, scale, offset)
    return ratio if ratio is not None and admits_non_negative(ratio) else None
