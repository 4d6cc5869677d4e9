"""Time the reconcile engine on the Hampshire 2015 report, beside simple peers.

Usage::

    .venv/bin/python benchmarks/bench_reconcile.py              # 200 repeats
    .venv/bin/python benchmarks/bench_reconcile.py --repeats 20 # smoke run

Cases, interleaved within each repeat so that they see the same machine:

- ``json.loads``: parsing the dataset's JSON text, a trivial baseline;
- ``claims_of``: turning the loaded inspection into claims;
- ``reconcile``: the exact engine on every claim of the report (intervals
  with witnesses, blame);
- ``assess``: the whole assessment (derive, reconcile, judgments);
- ``statuses``: the assessment and every figure's status;
- ``implied``: that and every figure's implied range, all that ``peelmodel
  report`` prints;
- ``brute force``: a naive peer that answers two of the engine's questions
  by enumeration: the recorded crime that all nine Figure 4 rates allow
  (every candidate from 100,000 to 140,000) and the drug-activity
  organised crime groups (every count from 0 to 62).

Each case prints its median and its least time: on a shared machine, noise
only lengthens a run, so the least is the steadier of the two when
comparing code side by side. The peer answers much less than the engine
does; it is there to show what the same answers cost without interval
propagation, and the script asserts that both give the same answers.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from peelmodel import datasets
from peelmodel.analysis.assessment import assess
from peelmodel.analysis.reconciliation import reconcile
from peelmodel.arithmetic import round_half_up
from peelmodel.claims import claims_of

NAME = "hampshire-2015"
CRIME = "hampshire.recorded-crime.12m-to-2015-06-30"
DRUGS = "hampshire.ocgs-drug-activity.at-2015-06-30"


def brute_force(text: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """Recorded crime allowed by Hampshire's Figure 4 rates, and 56 percent of 62, by enumeration."""
    document = json.loads(text)
    rows = [
        (row["count"], Decimal(row["rate"]))
        for row in document["outcome_rates"]
        if row["area"] == "hampshire"
    ]
    crime = [
        offences
        for offences in range(100_000, 140_001)
        if all(round_half_up(Fraction(100 * count, offences), 1) == rate for count, rate in rows)
    ]
    groups = next(f for f in document["figures"] if f["id"] == "hampshire.ocgs.count")
    share = next(
        f for f in document["figures"] if f["id"] == "hampshire.ocgs-drug-activity.percent"
    )
    total, published = int(groups["published"]), Decimal(share["published"])
    drugs = [n for n in range(total + 1) if round_half_up(Fraction(100 * n, total), 0) == published]
    return (min(crime), max(crime)), (min(drugs), max(drugs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--brute-force-repeats", type=int, default=5)
    arguments = parser.parse_args()

    text = datasets.text(NAME)
    inspection = datasets.load(NAME)
    claims = list(claims_of(inspection).values())

    # The peer and the engine must agree where they answer the same question.
    (crime_low, crime_high), drugs = brute_force(text)
    result = reconcile(claims)
    assert drugs == (result.interval(DRUGS).low, result.interval(DRUGS).high) == (35, 35)
    # The rates alone allow more than the engine, which also uses the population.
    engine = result.interval(CRIME)
    assert crime_low <= engine.low <= engine.high == crime_high

    cases: dict[str, Callable[[], object]] = {
        "json.loads": lambda: json.loads(text),
        "claims_of": lambda: claims_of(inspection),
        "reconcile": lambda: reconcile(claims),
        "assess": lambda: assess(inspection),
        # Every status: each figure not reproduced is tried against the others.
        "statuses": lambda: assess(inspection).counts(),
        "implied": lambda: [result.implied for result in assess(inspection).figures],
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(arguments.repeats):
        for name, case in cases.items():
            start = time.perf_counter()
            case()
            times[name].append(time.perf_counter() - start)
    peer: list[float] = []
    for _ in range(arguments.brute_force_repeats):
        start = time.perf_counter()
        brute_force(text)
        peer.append(time.perf_counter() - start)
    times["brute force"] = peer

    baseline = statistics.median(times["json.loads"])
    print(f"Hampshire 2015: {len(claims)} claims, {len(result.intervals)} quantities")
    print(f"{'case':<12} {'repeats':>7} {'median ms':>10} {'least ms':>9} {'× json.loads':>13}")
    for name, measured in times.items():
        median, least = statistics.median(measured), min(measured)
        print(
            f"{name:<12} {len(measured):>7} {median * 1000:>10.3f} {least * 1000:>9.3f}"
            f" {median / baseline:>13.1f}"
        )
    reconciling = statistics.median(times["reconcile"])
    print(
        f"reconcile: {reconciling * 1000:.2f} ms median "
        f"(brute force {statistics.median(peer) / reconciling:.1f}× as long)"
    )


if __name__ == "__main__":
    main()
