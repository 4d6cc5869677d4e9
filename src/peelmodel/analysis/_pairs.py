"""Exact bounds of one ratio of two whole numbers: ``low ⊲ x ÷ y ⊲ high``.

Narrowing ``x`` and ``y`` by the real bounds of the ratio leaves ends that no
whole numbers reach: 94.5 to 95.5 percent of ``y`` holds no whole number for
``y`` below 19, so ``y`` at least 1 must become at least 19, and real
narrowing gets there one step at a time, each step waking every rule that
shares ``y``. :func:`tighten` moves each end straight to the nearest value
that some whole number on the other side matches, within the other's
bounds, so a chain of shares settles in one pass instead of creeping.

>>> from fractions import Fraction
>>> share = Rule("s", (0,), 1, Fraction(189, 200), False, Fraction(191, 200), True)
>>> low, high = [0, 1], [100, 100]
>>> tighten(share, low, high)
[1, 0]
>>> low, high
([18, 19], [95, 100])
"""

from __future__ import annotations

from peelmodel.analysis._rules import Rule

__all__ = ["tighten"]

#: How far one call moves an end before it returns; the rule runs again while its ends move.
_STRIDE = 64


def tighten(rule: Rule, low: list[int], high: list[int]) -> list[int] | None:
    """Move the ends of a rule's two unknowns in place to values whole numbers attain together.

    *rule* has one numerator unknown ``x`` and a denominator ``y``.

    The unknowns that changed, or ``None`` when no whole numbers satisfy the
    rule within the bounds. Each end moves at most ``_STRIDE`` values per
    call, so a call is cheap however far an end must go; every value passed
    over has no match, so the bounds stay sound.
    """
    (x,), y = rule.numerator, rule.denominator
    least, least_open, most, most_open = rule.low, rule.low_open, rule.high, rule.high_open
    if least is not None and (least.numerator < 0 or (not least and not least_open)):
        least = None  # a ratio of counts is never below 0: no end to meet
    if least is None and most is None:
        return []
    # x ⊳ (lp ÷ lq) × y and x ⊲ (mp ÷ mq) × y, in whole numbers; lq = 0 (mq = 0): no such end.
    lp, lq = (0, 0) if least is None else (least.numerator, least.denominator)
    mp, mq = (0, 0) if most is None else (most.numerator, most.denominator)

    def x_range(value: int) -> tuple[int, int]:
        """The whole x that match ``y = value``, within x's bounds."""
        start, end = low[x], high[x]
        if lq:
            scaled = lp * value
            start = max(start, scaled // lq + 1 if least_open else -(-scaled // lq))
        if mq:
            scaled = mp * value
            end = min(end, -(-scaled // mq) - 1 if most_open else scaled // mq)
        return start, end

    def y_range(value: int) -> tuple[int, int]:
        """The whole y that match ``x = value``, within y's bounds."""
        start, end = low[y], high[y]
        if mq:  # value ⊲ most × y: y ⊳ value ÷ most
            if mp == 0:
                if value > 0 or most_open:
                    return 1, 0
            else:
                scaled = value * mq
                start = max(start, scaled // mp + 1 if most_open else -(-scaled // mp))
        if lq and lp:  # least × y ⊲ value: y ⊲ value ÷ least
            scaled = value * lq
            end = min(end, -(-scaled // lp) - 1 if least_open else scaled // lp)
        elif lq and value == 0:  # 0 < x ÷ y: x is never 0
            return 1, 0
        return start, end

    changed: list[int] = []
    for unknown, matches in ((y, x_range), (x, y_range)):
        was_low, was_high = low[unknown], high[unknown]
        value = was_low
        while value <= high[unknown] and value - was_low < _STRIDE:
            start, end = matches(value)
            if start <= end:
                break
            value += 1
        low[unknown] = value
        value = high[unknown]
        while value >= low[unknown] and was_high - value < _STRIDE:
            start, end = matches(value)
            if start <= end:
                break
            value -= 1
        high[unknown] = value
        if low[unknown] > high[unknown]:
            return None
        if low[unknown] != was_low or high[unknown] != was_high:
            changed.append(unknown)
    return changed
