"""How the exact engine's cost grows with the number of figures.

Usage::

    .venv/bin/python benchmarks/bench_engine_scaling.py                      # 100, 400, 1,600
    .venv/bin/python benchmarks/bench_engine_scaling.py --sizes 10 --repeats 1  # smoke run
    .venv/bin/python benchmarks/bench_engine_scaling.py --shapes "many changes"  # one shape

Three generated shapes, each at every size (the number of published figures):

- ``chained shares``: one published count, then each quantity published as a
  share (one place) of the one before it, every part within its whole: one
  component as long as the document;
- ``many rates``: counts of many measures, each published only as a rate per
  1,000 of one shared population (one place), with the population's count
  unpublished: one wide component;
- ``many changes``: pairs of a count and its percentage change on the year
  before: many small components.

Two cases side by side for every document, interleaved within each repeat:
``reconcile`` (intervals with witnesses, blame) and ``statuses`` (reconcile,
then every figure's implied range and status, what ``peelmodel check``
prints). The table gives medians; the last column is the growth of the
median from the previous size, which stays near the growth of the size
(4×) when the cost is near linear.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction

from peelmodel.analysis.reconciliation import reconcile
from peelmodel.analysis.scrutiny import Scrutiny
from peelmodel.arithmetic import round_half_up
from peelmodel.catalogues import areas
from peelmodel.claims import Claim, Formula, Quantity
from peelmodel.model.figure import Basis
from peelmodel.model.period import Period

YEAR = Period.twelve_months_to(date(2015, 6, 30))
BEFORE = Period.twelve_months_to(date(2014, 6, 30))
AREA = areas.get("hampshire")


def _claim(claim_id: str, value: Fraction, places: int, formula: Formula, basis: Basis) -> Claim:
    return Claim(
        id=claim_id,
        label=claim_id,
        area=AREA,
        measure=formula.numerator[0].measure,
        basis=basis,
        period=YEAR,
        source="generated",
        published=round_half_up(value, places),
        formula=formula,
    )


def chained_shares(size: int, rng: random.Random) -> list[Claim]:
    """A count, then each quantity a share of the one before."""
    quantities = [Quantity(area=AREA, measure=f"link-{n:05d}", period=YEAR) for n in range(size)]
    values = [10**9]
    for _ in range(1, size):
        values.append(max(1, values[-1] * rng.randint(90, 99) // 100))
    found = [_claim("c", Fraction(values[0]), 0, Formula(numerator=(quantities[0],)), Basis.COUNT)]
    for n in range(1, size):
        formula = Formula(
            numerator=(quantities[n],), denominator=quantities[n - 1], scale=Fraction(100)
        )
        value = Fraction(100 * values[n], values[n - 1])
        found.append(_claim(f"s{n:05d}", value, 1, formula, Basis.PERCENT))
    return found


def many_rates(size: int, rng: random.Random) -> list[Claim]:
    """Counts published only as rates per 1,000 of one unpublished population."""
    people = Quantity(area=AREA, measure="population")
    population = 1_900_000
    found = []
    for n in range(size):
        count = Quantity(area=AREA, measure=f"measure-{n:05d}", period=YEAR)
        formula = Formula(numerator=(count,), denominator=people, scale=Fraction(1000))
        value = Fraction(1000 * rng.randint(1_000, 200_000), population)
        found.append(_claim(f"r{n:05d}", value, 1, formula, Basis.PER_1000_POPULATION))
    return found


def many_changes(size: int, rng: random.Random) -> list[Claim]:
    """Pairs of a count and its percentage change on the year before."""
    found = []
    for n in range(size // 2):
        now = Quantity(area=AREA, measure=f"measure-{n:05d}", period=YEAR)
        before = Quantity(area=AREA, measure=f"measure-{n:05d}", period=BEFORE)
        current, previous = rng.randint(1_000, 100_000), rng.randint(1_000, 100_000)
        found.append(
            _claim(f"n{n:05d}", Fraction(current), 0, Formula(numerator=(now,)), Basis.COUNT)
        )
        formula = Formula(
            numerator=(now,), denominator=before, scale=Fraction(100), offset=Fraction(-100)
        )
        value = Fraction(100 * current, previous) - 100
        found.append(_claim(f"d{n:05d}", value, 0, formula, Basis.PERCENTAGE_CHANGE))
    return found


SHAPES: dict[str, Callable[[int, random.Random], list[Claim]]] = {
    "chained shares": chained_shares,
    "many rates": many_rates,
    "many changes": many_changes,
}


def statuses(claims: list[Claim]) -> int:
    """Reconcile, then decide every figure's status; the number of checked figures."""
    result = reconcile(claims)
    scrutiny = Scrutiny(result)
    return sum(scrutiny.is_checked(claim) for claim in claims)


def _time(run: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1600])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=list(SHAPES))
    arguments = parser.parse_args()
    print(f"{'shape':<16}{'figures':>8}{'case':>12}{'median s':>11}{'growth':>8}")
    for shape in arguments.shapes:
        build = SHAPES[shape]
        previous: dict[str, float] = {}
        for size in arguments.sizes:
            claims = build(size, random.Random(size))  # noqa: S311 - a fixed workload, not a secret
            assert not reconcile(claims).set_aside, "generated figures hold together"
            cases: dict[str, Callable[[], object]] = {
                "reconcile": lambda claims=claims: reconcile(claims),
                "statuses": lambda claims=claims: statuses(claims),
            }
            times: dict[str, list[float]] = {name: [] for name in cases}
            for repeat in range(arguments.repeats):
                order = list(cases)
                order = order[repeat % len(order) :] + order[: repeat % len(order)]
                for name in order:
                    times[name].append(_time(cases[name]))
            for name in cases:
                median = statistics.median(times[name])
                growth = f"{median / previous[name]:.1f}×" if name in previous else "-"
                print(f"{shape:<16}{len(claims):>8}{name:>12}{median:>11.3f}{growth:>8}")
                previous[name] = median
    print(f"published values: {Decimal(1)}-place rounding half up; sizes {arguments.sizes}")


if __name__ == "__main__":
    main()
