"""Linear bounds over whole numbers: a system of rules and their propagation.

A rule (:mod:`peelmodel.analysis._rules`) is linear once multiplied by its
denominator: ``low × denominator ≤ sum(numerator) ≤ high × denominator``
(strict at an open end). A :class:`System` holds rules over numbered
unknowns, each a whole number in ``[0, ceiling]`` (at least 1 where
something divides by it), and :func:`propagate` narrows their bounds rule
by rule, with integer arithmetic rounding inwards, until nothing changes.
Propagation is sound: it removes only values no solution takes. The exact
answers (a solution attaining each end) come from
:mod:`peelmodel.analysis._search`.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from peelmodel.analysis._pairs import Pair, pair_of, roomy, tighten
from peelmodel.analysis._rules import Rule, holds

__all__ = ["INFEASIBLE", "Rule", "Step", "System", "holds", "propagate", "step_of"]

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

    Only the rules marked in *active* apply (all of them without it), and
    *start* names active rules. Returns
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
    queued = _waiting(len(steps_of), ahead, active)
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
        queued[index] = False
        steps += 1
        if steps > budget:  # bounds that creep: stop, leaving them wider (the search goes on)
            return steps
        narrowed = _narrow(steps_of[index], low, high)
        if narrowed is None:
            rule = system.rules[index]
            system.failed = next(u for u in rule.unknowns if low[u] > high[u])
            return INFEASIBLE
        changed, again = narrowed
        if not again:  # the rule is at its own fixed point: what it moved does not wake it
            queued[index] = True
        for unknown in changed:
            for user in users[unknown]:
                if not queued[user] and not _entailed(steps_of[user], unknown, changed, low, high):
                    queued[user] = True
                    if (user > index) if up else (user < index):
                        heapq.heappush(ahead, user if up else -user)
                    else:
                        later.append(user)
        if not again:
            queued[index] = False
    return steps


def _waiting(count: int, ahead: list[int], active: Sequence[bool] | None) -> list[bool]:
    """Whether each of *count* rules waits already: those *ahead*, and those that do not apply."""
    queued = [False] * count if active is None else [not on for on in active]
    for index in ahead:
        queued[index] = True
    return queued


def _entailed(
    step: Step, unknown: int, changed: list[int], low: list[int], high: list[int]
) -> bool:
    """Whether a rule at its fixed point stays there, of the unknowns *changed*, only *unknown* its own.

    So it is where every other unknown of the rule is fixed, and was before:
    a rule that reads *unknown* once then allows it one interval of values,
    which narrowing moved its bounds into, and bounds within them stay
    within. (A rule that reads an unknown twice narrows it from its own
    other end, so it may move again.)
    """
    if not step.distinct:
        return False
    for other in step.unknowns:
        if other != unknown and (low[other] != high[other] or other in changed):
            return False
    return True


class Step(NamedTuple):
    """A rule in whole numbers, as :func:`_narrow` reads it.

    ``lp ÷ lq ⊲ sum ÷ denominator ⊲ hp ÷ hq``; ``lq`` (``hq``) is -1 where
    there is no such end (a least end below 0 is none: a sum of counts is
    never below 0). ``pair`` holds the ends of a ratio of one unknown over
    another, which :func:`~peelmodel.analysis._pairs.tighten` moves to values
    whole numbers attain. ``unknowns`` are the rule's unknowns, each once.
    ``once``: one narrowing settles the rule, whatever it moves; ``distinct``:
    no unknown is in the rule twice (see :func:`_settled`).
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
    once: bool
    distinct: bool


def step_of(rule: Rule) -> Step:
    """*rule* in whole numbers, as propagation reads it."""
    least, most = rule.low, rule.high
    lp, lq = (
        (-1, -1) if least is None or least.numerator < 0 else (least.numerator, least.denominator)
    )
    hp, hq = (-1, -1) if most is None else (most.numerator, most.denominator)
    numerator, denominator = rule.numerator, rule.denominator
    single = len(numerator) == 1 and denominator >= 0 and numerator[0] != denominator
    unknowns = tuple(dict.fromkeys(rule.unknowns))
    distinct = len(unknowns) == len(rule.unknowns)
    # Numerators' lows move only by a least end, their highs only by a greatest (see _settled).
    lows_stay = lq <= 0 or (lp == 0 and not rule.low_open)
    highs_stay = hq <= 0
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
        unknowns,
        distinct and (lows_stay or highs_stay),
        distinct,
    )


def _narrow(step: Step, low: list[int], high: list[int]) -> tuple[list[int], bool] | None:  # noqa: PLR0912 - one rule's bounds, end by end
    """Narrow the unknowns of one rule; ``None`` if a domain becomes empty.

    Returns the unknowns that changed, and whether the rule may narrow them
    again (not :func:`_settled`). Whole-number arithmetic throughout: a
    ratio ``p/q`` bounds ``q × sum`` by ``p × denominator``, and every end
    is rounded inwards.
    """
    numerator, denominator, lp, lq, hp, hq, low_open, high_open, pair, _, _, _ = step
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
    return changed, not _settled(step, changed)


def _settled(step: Step, changed: list[int]) -> bool:
    """Whether a rule that just moved *changed* would move nothing if narrowed again at once.

    A numerator unknown's low is narrowed from the other numerator unknowns'
    highs and the denominator's low, its high from their lows and the
    denominator's high, and the denominator last, from the sums. A rule
    whose least end is at most a closed 0 moves no numerator's low and no
    denominator's high; one with no greatest end moves no numerator's high
    and no denominator's low: every end such a rule moves is worked out from
    ends it never moves (``once``). Where only the first numerator unknown moved,
    every other end was worked out after it moved. Either way, narrowing
    again moves nothing; but an unknown the rule reads twice may have been
    read before it moved (``distinct``).
    """
    return not changed or step.once or (step.distinct and changed == [step.numerator[0]])


def _narrow_pair(  # noqa: PLR0912 - both unknowns, end by end
    step: Step, pair: Pair, low: list[int], high: list[int]
) -> tuple[list[int], bool] | None:
    """:func:`_narrow` for a ratio of one unknown ``x`` over another ``y``, then :func:`tighten`.

    The rule is settled unless :func:`tighten` stopped an end short. No
    tightening is needed where ``x`` came out fixed or ``y`` came in fixed:
    the other's ends, narrowed from that one value, are the whole numbers
    that match it, and it matches some of them. Nor is it where the band
    allows each end a run of whole numbers (:func:`roomy`): narrowing over
    the reals keeps each end's run within the other's bounds.
    """
    _, _, lp, lq, hp, hq, low_open, high_open, _, _, _, _ = step
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
    if least == most or y_low == y_high or roomy(pair, least, fewest):
        return changed, False  # every end is matched already
    tightened = tighten(pair, low, high)
    if tightened is None:
        return None
    moved, short = tightened
    return changed + [unknown for unknown in moved if unknown not in changed], short
