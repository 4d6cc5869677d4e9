"""Compare each force of a region with the region as a whole, and chart it.

Builds an inspection for every force of the South West from generated exact
data (a seeded random generator: the output is the same on every run, and no
network is used), aggregates them into regional figures, prints the region
beside each force, and saves a bar chart of recorded crime per 1,000
population in a temporary directory.

Run it with ``python examples/aggregate_region.py``.
"""

from __future__ import annotations

import random
import tempfile
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt

from peelmodel import Basis, Figure, Inspection, OutcomeRate, Period, Pillar
from peelmodel.analysis import aggregation as aggregate
from peelmodel.arithmetic import round_half_up
from peelmodel.catalogues import areas, forces, outcomes, programmes

REGION = "south-west-region"
YEAR = Period.twelve_months_to(date(2015, 6, 30))
AT = Period.as_at(date(2015, 6, 30))


def _figure(force: str, key: str, measure: str, basis: Basis, value: Decimal) -> Figure:
    return Figure(
        id=f"{force}.{key}",
        label=key,
        measure=measure,
        area=areas.get(force),
        period=AT if measure in {"population", "ocgs"} else YEAR,
        basis=basis,
        published=value,
        source="generated example data",
    )


def generated_inspection(force: str, rng: random.Random) -> Inspection:
    """An inspection of *force* with exact counts and denominators, and rounded rates."""
    population = rng.randint(500_000, 1_800_000)
    crime = rng.randint(population * 40 // 1000, population * 75 // 1000)
    charged = rng.randint(crime // 10, crime * 18 // 100)
    ocgs = rng.randint(20, 90)
    figures = (
        _figure(force, "population.count", "population", Basis.COUNT, Decimal(population)),
        _figure(force, "recorded-crime.count", "recorded-crime", Basis.COUNT, Decimal(crime)),
        _figure(
            force,
            "recorded-crime.per-1000-population",
            "recorded-crime",
            Basis.PER_1000_POPULATION,
            round_half_up(Fraction(crime * 1000, population), 1),
        ),
        _figure(force, "ocgs.count", "ocgs", Basis.COUNT, Decimal(ocgs)),
        _figure(
            force,
            "ocgs.per-million-population",
            "ocgs",
            Basis.PER_MILLION_POPULATION,
            round_half_up(Fraction(ocgs * 1_000_000, population), 0),
        ),
    )
    charge = OutcomeRate(
        area=areas.get(force),
        period=YEAR,
        outcome=outcomes.type(1),
        count=charged,
        rate=round_half_up(Fraction(charged * 100, crime), 1),
        offences=crime,
    )
    return Inspection(
        force=forces.get(force),
        programme=programmes.get("peel-2015"),
        pillar=Pillar.EFFECTIVENESS,
        title=f"Generated effectiveness inspection of {forces.get(force).name}",
        published=date(2016, 2, 1),
        figures=figures,
        outcome_rates=(charge,),
    )


def main() -> Path:
    """Aggregate the region, print it beside its forces, and save the chart."""
    rng = random.Random(2015)  # noqa: S311 - seeded example data, not a secret
    members = [force.id for force in forces.all() if force.region.id == REGION]
    reports = [generated_inspection(force, rng) for force in members]
    region = aggregate.regional(reports, REGION)
    present = len(region.members) - len(region.missing)
    print(f"{region.name}: {present} forces, missing: {', '.join(region.missing) or 'none'}")
    print()
    keys = (
        "recorded-crime.per-1000-population",
        "ocgs.per-million-population",
        "outcomes.type-1.rate",
    )
    headers = ("crime per 1,000", "OCGs per million", "charge rate %")
    print(f"{'area':<32}" + "".join(f"{header:>18}" for header in headers))
    for report in reports:
        cells = [str(report.figure(f"{report.force.id}.{key}").published) for key in keys[:2]]
        cells.append(str(report.outcome_rates[0].rate))
        print(f"{report.force.name:<32}" + "".join(f"{cell:>18}" for cell in cells))
    cells = [str(region.figure(key).rounded(1)) for key in keys]
    print(f"{region.name + ' (sum over sum)':<32}" + "".join(f"{cell:>18}" for cell in cells))

    key = keys[0]
    names = [report.force.name.split()[0] for report in reports] + [region.name]
    values = [
        float(Fraction(report.figure(f"{report.force.id}.{key}").published or 0))
        for report in reports
    ]
    exact = region.figure(key).value
    assert exact is not None
    values.append(float(exact))
    figure, axes = plt.subplots(figsize=(8, 4))
    axes.bar(names, values, color=["#8da0cb"] * len(reports) + ["#fc8d62"])
    axes.set_ylabel("Recorded crime per 1,000 population")
    axes.set_title(f"{region.name}: forces and region, 12 months to 30 June 2015")
    figure.tight_layout()
    path = Path(tempfile.mkdtemp(prefix="peelmodel-")) / "south-west-recorded-crime.png"
    figure.savefig(path)
    plt.close(figure)
    print(f"chart saved to {path}")
    return path


if __name__ == "__main__":
    main()
