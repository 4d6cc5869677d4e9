"""Random rules over numbered unknowns for the engine's property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from peelmodel.analysis._rules import Rule


@st.composite
def random_rules(  # noqa: PLR0913 - the shape of the rules drawn
    draw: st.DrawFn, size: int, most: int, *, largest: int, denominators: int, terms: int
) -> list[Rule]:
    """From 1 to *most* rules over unknowns ``0`` to ``size - 1``.

    Each bounds a sum of 1 to *terms* unknowns (over an unknown, or over
    nothing) by ratios from 0 to *largest* with denominators up to
    *denominators*, either end missing, open or closed.
    """
    unknown = st.integers(0, size - 1)
    ratio = st.fractions(min_value=0, max_value=largest, max_denominator=denominators)
    rules = []
    for number in range(draw(st.integers(1, most))):
        low, high = draw(st.none() | ratio), draw(st.none() | ratio)
        if low is not None and high is not None and high < low:
            low, high = high, low
        rules.append(
            Rule(
                f"r{number}",
                tuple(draw(st.lists(unknown, min_size=1, max_size=terms))),
                draw(st.just(-1) | unknown),
                low,
                draw(st.booleans()),
                high,
                draw(st.booleans()),
            )
        )
    return rules
