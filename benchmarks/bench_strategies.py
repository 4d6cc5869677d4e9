"""How many valid inspections per second ``peelmodel.strategies.inspections()`` generates.

Each run is a Hypothesis test of *examples* examples in the generate phase
only (no database, no shrinking, no deadline) whose body counts the
inspections it receives; the rate is inspections over wall-clock seconds,
and the report gives the median over the runs, with the rate per second of
this process's CPU time beside it (the two agree on an idle machine; on a
busy one the CPU rate is the steadier). The target is at least 200
inspections per second on a 2-core machine.

    python benchmarks/bench_strategies.py [--examples 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Sequence

from hypothesis import HealthCheck, Phase, given, settings

from peelmodel import Inspection
from peelmodel.strategies import inspections

TARGET = 200


def measure(examples: int) -> tuple[int, float, float]:
    """Generate *examples* inspections; return how many arrived, wall and CPU seconds."""
    received: list[int] = []

    @settings(
        max_examples=examples,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(inspections())
    def generate(inspection: Inspection) -> None:
        assert isinstance(inspection, Inspection)
        received.append(1)

    start, cpu = time.perf_counter(), time.process_time()
    generate()
    return len(received), time.perf_counter() - start, time.process_time() - cpu


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the median rate; exit 1 below the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1000, help="inspections per run")
    parser.add_argument("--runs", type=int, default=5, help="timed runs (after one warm-up)")
    arguments = parser.parse_args(argv)
    measure(min(arguments.examples, 100))  # warm up the registries and Hypothesis
    rates: list[float] = []
    cpu_rates: list[float] = []
    for run in range(1, arguments.runs + 1):
        count, seconds, cpu = measure(arguments.examples)
        rates.append(count / seconds)
        cpu_rates.append(count / cpu)
        print(
            f"run {run}: {count} inspections in {seconds:.2f} s = {count / seconds:.0f}/s"
            f" ({count / cpu:.0f} per CPU second)"
        )
    median = statistics.median(rates)
    verdict = "meets" if median >= TARGET else "misses"
    print(
        f"median: {median:.0f} valid inspections per second ({verdict} the target of {TARGET}/s);"
        f" {statistics.median(cpu_rates):.0f} per CPU second"
    )
    return 0 if median >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
