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
>>> tighten(pair_of(share), low, high)
([1, 0], False)
>>> low, high
([18, 19], [95, 100])
"""

from __future__ import annotations

from typing import NamedTuple

from peelmodel.analysis._rules import Rule

__all__ = ["Pair", "pair_of", "roomy", "tighten"]

#: How far one call moves an end before it returns; the rule runs again while its ends move.
_STRIDE = 64


class Pair(NamedTuple):
    """``lp ÷ lq ⊲ x ÷ y ⊲ mp ÷ mq`` in whole numbers, ``lq`` (``mq``) 0 where there is no such end.

    The band's width is ``spread ÷ (lq × mq)``, ``spread`` 0 where an end is
    missing or at 0. So the values of ``x`` a ``y`` allows span at least one
    whole number (more than one where both ends are open) where
    ``y × spread`` is at least ``y_room``, and the values of ``y`` an ``x``
    allows, where ``x × spread`` is at least ``x_room`` (see :func:`roomy`).
    """

    x: int
    y: int
    lp: int
    lq: int
    least_open: bool
    mp: int
    mq: int
    most_open: bool
    spread: int = 0
    x_room: int = 1
    y_room: int = 1


def pair_of(rule: Rule) -> Pair | None:
    """The ends of a rule with one numerator unknown ``x`` over a denominator ``y``.

    ``None`` when the rule leaves every pair of whole numbers: a ratio of
    counts is never below 0, so a least end at or below 0 meets nothing.
    """
    (x,), y = rule.numerator, rule.denominator
    least, least_open, most = rule.low, rule.low_open, rule.high
    if least is not None and (least.numerator < 0 or (not least and not least_open)):
        least = None
    if least is None and most is None:
        return None
    lp, lq = (0, 0) if least is None else (least.numerator, least.denominator)
    mp, mq = (0, 0) if most is None else (most.numerator, most.denominator)
    if lp <= 0 or mp <= 0:
        return Pair(x, y, lp, lq, least_open, mp, mq, rule.high_open)
    # A run of width w holds a whole number where w ≥ 1, or w > 1 where both its ends are open.
    strict = least_open and rule.high_open
    return Pair(
        x,
        y,
        lp,
        lq,
        least_open,
        mp,
        mq,
        rule.high_open,
        mp * lq - lp * mq,
        lp * mp + strict,
        lq * mq + strict,
    )


def roomy(pair: Pair, x: int, y: int) -> bool:
    """Whether every ``x`` from *x* up, and every ``y`` from *y* up, allows a whole number of the other.

    The band ``lp ÷ lq ⊲ x ÷ y ⊲ mp ÷ mq`` allows ``x`` a run of values of
    width ``y × spread ÷ (lq × mq)`` and ``y`` one of width
    ``x × spread ÷ (lp × mp)``, wider the greater the value.

    >>> from fractions import Fraction
    >>> tenth = pair_of(Rule("r", (0,), 1, Fraction(1, 10), False, Fraction(1, 5), False))
    >>> roomy(tenth, 1, 10), roomy(tenth, 1, 9), roomy(tenth, 0, 10)
    (True, False, False)
    """
    spread = pair.spread
    return x * spread >= pair.x_room and y * spread >= pair.y_room


def tighten(pair: Pair, low: list[int], high: list[int]) -> tuple[list[int], bool] | None:
    """Move the ends of a pair's two unknowns in place to values whole numbers attain together.

    The unknowns that changed, and whether an end stopped short of a value
    matched; ``None`` when no whole numbers satisfy the rule within the
    bounds. Each end moves at most ``_STRIDE`` values per call, so a call is
    cheap however far an end must go; every value passed over has no match,
    so the bounds stay sound. Where no end stopped short, every end is
    matched within the other's new bounds, so the rule moves nothing more.
    """
    x, y = pair.x, pair.y
    changed: list[int] = []
    short = False
    for unknown, matches in ((y, _x_matches), (x, _y_matches)):
        was_low, was_high = low[unknown], high[unknown]
        value = was_low
        while (
            value <= was_high and value - was_low < _STRIDE and not matches(pair, value, low, high)
        ):
            value += 1
        low[unknown] = value
        value = was_high
        while (
            value >= low[unknown]
            and was_high - value < _STRIDE
            and not matches(pair, value, low, high)
        ):
            value -= 1
        high[unknown] = value
        if low[unknown] > high[unknown]:
            return None
        if low[unknown] != was_low or value != was_high:
            changed.append(unknown)
            # A matched end moves less than the stride: one that moved it all stopped short.
            short = short or low[unknown] - was_low == _STRIDE or was_high - value == _STRIDE
    return changed, short


def _x_matches(pair: Pair, value: int, low: list[int], high: list[int]) -> bool:
    """Whether some whole x within x's bounds matches ``y = value``."""
    x, _, lp, lq, least_open, mp, mq, most_open, _, _, _ = pair
    start, end = low[x], high[x]
    if lq:
        scaled = lp * value
        least = scaled // lq + 1 if least_open else -(-scaled // lq)
        if least > start:
            start = least
    if mq:
        scaled = mp * value
        most = -(-scaled // mq) - 1 if most_open else scaled // mq
        if most < end:
            end = most
    return start <= end


def _y_matches(pair: Pair, value: int, low: list[int], high: list[int]) -> bool:
    """Whether some whole y within y's bounds matches ``x = value``."""
    _, y, lp, lq, least_open, mp, mq, most_open, _, _, _ = pair
    start, end = low[y], high[y]
    if mq:  # value ⊲ most × y: y ⊳ value ÷ most
        if mp == 0:
            if value > 0 or most_open:
                return False
        else:
            scaled = value * mq
            least = scaled // mp + 1 if most_open else -(-scaled // mp)
            if least > start:
                start = least
    if lq and lp:  # least × y ⊲ value: y ⊲ value ÷ least
        scaled = value * lq
        most = -(-scaled // lp) - 1 if least_open else scaled // lp
        if most < end:
            end = most
    elif lq and value == 0:  # 0 < x ÷ y: x is never 0
        return False
    return start <= end
