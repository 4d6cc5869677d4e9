"""Measure peelmodel against pydantic v2 (the reference) and msgspec (the floor).

Usage::

    .venv/bin/python benchmarks/run.py                 # full size, a few minutes
    .venv/bin/python benchmarks/run.py --scale 0.01 --repeats 3 --import-runs 3   # smoke run

Every case is timed in one process, the implementations interleaved within
each repeat (in rotating order) with the garbage collector on; the report
gives the median time of each and the median of the paired ratios
peelmodel / pydantic, beside the target. peelmodel runs twice where JSON text
is read or written: with its pure (standard library) backend and with the
fast one (orjson, the ``fast`` extra), when installed; the targets are judged
on the backend a default install of the extra uses.

Inputs (``workload``): 430 inspection documents (one JSON document each,
read with ``peelmodel.loads``) and one JSON array of 100,000 outcome rows,
read with ``peelmodel.loads(text, tuple[OutcomeRate, ...])`` and written with
``peelmodel.dumps(rows)``.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peer_msgspec
import peer_pydantic
import workload

import peelmodel
from peelmodel import Inspection, OutcomeRate, datasets
from peelmodel.analysis.reconciliation import reconcile
from peelmodel.claims import claims_of
from peelmodel.documents import backend, structure

ROWS_TYPE = tuple[OutcomeRate, ...]
#: The peelmodel backends measured: the pure one, and the fast one when installed.
BACKENDS = backend.available()
#: The backend the targets are judged on: the one a default install uses.
JUDGED = BACKENDS[-1]


@dataclass
class Case:
    """One measured operation and its implementations.

    ``run`` has one entry per peelmodel backend when the case reads or writes
    JSON text, else one ``"peelmodel"`` entry; then ``"pydantic"`` and ``"msgspec"``.
    """

    name: str
    target: float | None
    run: dict[str, Callable[[], object]]
    times: dict[str, list[float]] = field(default_factory=dict)


def _on(name: str, run: Callable[[], object]) -> Callable[[], object]:
    """*run* with the peelmodel backend *name* in use."""

    def switched() -> object:
        backend.use(name)
        return run()

    return switched


def _each_backend(run: Callable[[], object]) -> dict[str, Callable[[], object]]:
    return {name: _on(name, run) for name in BACKENDS}


def _time(run: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _strip_header(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k not in {"format", "version", "kind"}}


def build_cases(inspections: int, rows: int) -> list[Case]:
    """Prepare the inputs and the callables of every case."""
    documents = workload.inspection_documents(inspections)
    inspection_dicts = [_strip_header(json.loads(text)) for text in documents]
    row_dicts = workload.outcome_rows(rows)
    rows_text = json.dumps(row_dicts)

    peel_reports = [peelmodel.loads(text, Inspection) for text in documents]
    pyd_reports = [peer_pydantic.InspectionDocument.model_validate_json(t) for t in documents]
    ms_reports = [peer_msgspec.decode(t, peer_msgspec.InspectionDocument) for t in documents]
    peel_rows = peelmodel.loads(rows_text, ROWS_TYPE)
    pyd_rows = peer_pydantic.ROWS.validate_json(rows_text)
    ms_rows = peer_msgspec.decode(rows_text, list[peer_msgspec.OutcomeRate])

    _check_same_output(
        _written(peel_reports[0]),
        pyd_reports[0].model_dump_json(exclude_defaults=True),
        peer_msgspec.encode(ms_reports[0]),
    )
    _check_same_output(
        _written(peel_rows[:500]),
        peer_pydantic.ROWS.dump_json(pyd_rows[:500], exclude_defaults=True),
        peer_msgspec.encode(ms_rows[:500]),
    )
    ms_rows_type = list[peer_msgspec.OutcomeRate]
    return [
        Case(
            f"JSON -> objects, {rows:,} flat rows",
            0.75,
            {
                **_each_backend(lambda: peelmodel.loads(rows_text, ROWS_TYPE)),
                "pydantic": lambda: peer_pydantic.ROWS.validate_json(rows_text),
                "msgspec": lambda: peer_msgspec.decode(rows_text, ms_rows_type),
            },
        ),
        Case(
            f"JSON -> objects, {inspections} inspections",
            1.0,
            {
                **_each_backend(lambda: [peelmodel.loads(t, Inspection) for t in documents]),
                "pydantic": lambda: [
                    peer_pydantic.InspectionDocument.model_validate_json(t) for t in documents
                ],
                "msgspec": lambda: [
                    peer_msgspec.decode(t, peer_msgspec.InspectionDocument) for t in documents
                ],
            },
        ),
        Case(
            f"dicts -> objects, {rows:,} flat rows",
            0.6,
            {
                "peelmodel": lambda: structure(row_dicts, ROWS_TYPE),
                "pydantic": lambda: peer_pydantic.ROWS.validate_python(row_dicts),
                "msgspec": lambda: peer_msgspec.convert(row_dicts, ms_rows_type),
            },
        ),
        Case(
            f"dicts -> objects, {inspections} inspections",
            None,
            {
                "peelmodel": lambda: [structure(d, Inspection) for d in inspection_dicts],
                "pydantic": lambda: [
                    peer_pydantic.Inspection.model_validate(d) for d in inspection_dicts
                ],
                "msgspec": lambda: [
                    peer_msgspec.convert(d, peer_msgspec.Inspection) for d in inspection_dicts
                ],
            },
        ),
        Case(
            f"objects -> JSON, {rows:,} flat rows",
            1.1,
            {
                **_each_backend(lambda: peelmodel.dumps(peel_rows)),
                "pydantic": lambda: peer_pydantic.ROWS.dump_json(pyd_rows, exclude_defaults=True),
                "msgspec": lambda: peer_msgspec.encode(ms_rows),
            },
        ),
        Case(
            f"objects -> JSON, {inspections} inspections",
            1.1,
            {
                **_each_backend(lambda: [peelmodel.dumps(r) for r in peel_reports]),
                "pydantic": lambda: [r.model_dump_json(exclude_defaults=True) for r in pyd_reports],
                "msgspec": lambda: [peer_msgspec.encode(r) for r in ms_reports],
            },
        ),
    ]


def _written(obj: object) -> str:
    """``peelmodel.dumps(obj)``, after checking that every backend writes the same text."""
    texts = {_on(name, lambda: peelmodel.dumps(obj))() for name in BACKENDS}
    assert len(texts) == 1, "the peelmodel backends write different JSON"
    return texts.pop()


def _check_same_output(*texts: str | bytes) -> None:
    parsed = [json.loads(text) for text in texts]
    assert all(p == parsed[0] for p in parsed), "the implementations write different JSON"


# --- equivalence of the rules: every implementation rejects the same inputs ---


def _bad_rows() -> list[tuple[str, Callable[[dict[str, Any]], None]]]:
    def put(key: str, value: object) -> Callable[[dict[str, Any]], None]:
        return lambda row: row.__setitem__(key, value)

    def drop(*keys: str) -> Callable[[dict[str, Any]], None]:
        return lambda row: [row.pop(k, None) for k in keys]  # type: ignore[func-returns-value]

    return [
        ("bool count", put("count", True)),  # noqa: FBT003 - the value under test
        ("negative count", put("count", -1)),
        ("count as text", put("count", "12")),
        ("huge count", put("count", 10**13)),
        ("rate as a number", put("rate", 14.4)),
        ("rate with 7 places", put("rate", "1.2345678")),
        ("negative rate", put("rate", "-1.5")),
        ("unknown key", put("colour", "red")),
        ("unknown area", put("area", "atlantis")),
        ("unknown outcome", put("outcome", "type-99")),
        (
            "type not yet in use",
            lambda r: r.update(outcome="type-22", period="2014-07-01/2015-06-30"),
        ),
        ("period ending before it starts", put("period", "2015-06-30/2014-07-01")),
        ("period with an empty end", put("period", "2015-06-30/")),
        ("period in basic format", put("period", "20140701/20150630")),
        ("blank source", put("source", " ")),
        ("neither count nor rate", drop("count", "rate")),
        ("zero offences", put("offences", 0)),
        ("missing area", drop("area")),
    ]


def _bad_inspections() -> list[tuple[str, Callable[[dict[str, Any]], None]]]:
    return [
        ("unknown force", lambda d: d.update(force="atlantis")),
        ("foreign area", lambda d: d["figures"][0].update(area="wales-region")),
        ("duplicate figure id", lambda d: d["figures"][1].update(id=d["figures"][0]["id"])),
        ("duplicate row", lambda d: d["outcome_rates"].append(dict(d["outcome_rates"][0]))),
        ("unknown basis", lambda d: d["figures"][0].update(basis="per-cent")),
        (
            "count figure with places",
            lambda d: d["figures"][0].update(basis="count", published="1.5"),
        ),
        ("judged twice", lambda d: d["judgments"].append(dict(d["judgments"][0]))),
        ("grade off the scale", lambda d: d["judgments"][0].update(grade="adequate")),
        ("fieldwork after publication", lambda d: d.update(published="2015-01-01")),
        ("unknown key in a judgment", lambda d: d["judgments"][0].update(note="x")),
        (
            "cause of concern without recommendations",
            lambda d: d.update(
                causes_of_concern=[
                    {
                        "question": "peel-2015.effectiveness.2",
                        "text": "A concern.",
                        "recommendations": [],
                    }
                ]
            ),
        ),
        ("published as a date-time", lambda d: d.update(published="2016-02-01T00:00:00")),
    ]


def _rejects(run: Callable[[], object]) -> bool:
    try:
        run()
    except Exception:  # noqa: BLE001 - each library raises its own error type
        return True
    return False


def check_equivalence() -> int:
    """Assert that every implementation, and each peelmodel backend, accepts and rejects the same inputs."""
    row = workload.outcome_rows(1)[0] | {"count": 5, "rate": "1.5", "offences": 100}
    document = json.loads(workload.inspection_documents(1)[0])
    cases: list[tuple[str, str, dict[str, Callable[[], object]]]] = []
    for name, spoil in [("valid", lambda _: None), *_bad_rows()]:
        bad_row = copy.deepcopy(row)
        spoil(bad_row)
        text = json.dumps([bad_row])
        cases.append(
            (
                f"row: {name}",
                "rows",
                {
                    **{
                        name: _on(name, lambda t=text: peelmodel.loads(t, ROWS_TYPE))
                        for name in BACKENDS
                    },
                    "pydantic": lambda t=text: peer_pydantic.ROWS.validate_json(t),
                    "msgspec": lambda t=text: peer_msgspec.decode(
                        t, list[peer_msgspec.OutcomeRate]
                    ),
                },
            )
        )
    for name, spoil in [("valid", lambda _: None), *_bad_inspections()]:
        bad = copy.deepcopy(document)
        spoil(bad)
        text = json.dumps(bad)
        cases.append(
            (
                f"inspection: {name}",
                "inspection",
                {
                    **{
                        name: _on(name, lambda t=text: peelmodel.loads(t, Inspection))
                        for name in BACKENDS
                    },
                    "pydantic": lambda t=text: peer_pydantic.InspectionDocument.model_validate_json(
                        t
                    ),
                    "msgspec": lambda t=text: peer_msgspec.decode(
                        t, peer_msgspec.InspectionDocument
                    ),
                },
            )
        )
    for name, _, runs in cases:
        verdicts = {impl: _rejects(run) for impl, run in runs.items()}
        expected = not name.endswith(": valid")
        assert all(v == expected for v in verdicts.values()), f"{name}: {verdicts}"
    return len(cases)


# --- measuring ---


def measure(cases: Sequence[Case], repeats: int) -> None:
    """Time every implementation of every case *repeats* times, interleaved."""
    for case in cases:
        case.times = {impl: [] for impl in case.run}
    for repeat in range(repeats):
        for case in cases:
            order = list(case.run)
            shift = repeat % len(order)
            for impl in order[shift:] + order[:shift]:
                case.times[impl].append(_time(case.run[impl]))


def measure_reconcile(repeats: int) -> list[float]:
    """Times of ``reconcile(claims_of(hampshire-2015).values())``."""
    report = datasets.load("hampshire-2015")
    return [_time(lambda: reconcile(claims_of(report).values())) for _ in range(repeats)]


def measure_import(runs: int) -> tuple[list[float], list[float]]:
    """Wall times of a bare interpreter start and of one that imports peelmodel."""
    bare: list[float] = []
    loaded: list[float] = []
    for _ in range(runs):
        for code, into in (("pass", bare), ("import peelmodel", loaded)):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603 - fixed command
            into.append(time.perf_counter() - start)
    return bare, loaded


def _verdict(value: float, target: float, *, below: bool = True) -> str:
    return "PASS" if (value <= target if below else value < target) else "MISS"


def _ratio(case: Case, impl: str) -> float:
    """The median of the paired ratios *impl* / pydantic."""
    pairs = zip(case.times[impl], case.times["pydantic"], strict=True)
    return statistics.median(mine / theirs for mine, theirs in pairs)


def report(
    cases: Sequence[Case], reconcile_times: list[float], imports: tuple[list[float], list[float]]
) -> bool:
    """Print the table; return whether every target is met (on the judged backend)."""
    met = True
    print(f"peelmodel backends: {', '.join(BACKENDS)}; targets judged on {JUDGED}")
    print(
        f"{'case':38} {'pure':>9} {'fast':>9} {'pydantic':>9} {'msgspec':>9} "
        f"{'pure':>6} {'fast':>6} {'floor':>6}  target"
    )
    for case in cases:
        medians = {impl: statistics.median(t) * 1000 for impl, t in case.times.items()}
        ratios = {impl: _ratio(case, impl) for impl in case.times if impl != "pydantic"}
        for name in BACKENDS:  # a case without JSON text is the same for every backend
            medians.setdefault(name, medians.get("peelmodel", float("nan")))
            ratios.setdefault(name, ratios.get("peelmodel", float("nan")))
        judged = ratios[JUDGED]
        target = (
            "-" if case.target is None else f"<= {case.target:.2f}x {_verdict(judged, case.target)}"
        )
        met &= case.target is None or judged <= case.target
        fast_time = f"{medians['fast']:7.1f}ms" if "fast" in medians else f"{'-':>9}"
        fast_ratio = f"{ratios['fast']:5.2f}x" if "fast" in ratios else f"{'-':>6}"
        print(
            f"{case.name:38} {medians['pure']:7.1f}ms {fast_time} {medians['pydantic']:7.1f}ms "
            f"{medians['msgspec']:7.1f}ms {ratios['pure']:5.2f}x {fast_ratio} "
            f"{ratios['msgspec']:5.2f}x  {target}"
        )
    print(
        f"{'reconcile hampshire-2015 (no peer)':38} {statistics.median(reconcile_times) * 1000:7.1f}ms"
    )
    bare, loaded = imports
    added = (statistics.median(loaded) - statistics.median(bare)) * 1000
    print(
        f"{'import peelmodel (added to a bare start)':38} {added:7.1f}ms "
        f"(bare {statistics.median(bare) * 1000:.1f}ms, with import "
        f"{statistics.median(loaded) * 1000:.1f}ms)  < 150ms {_verdict(added, 150, below=False)}"
    )
    return met and added < 150


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit 0 whatever the result (1 with --strict when a target is missed)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full sizes")
    parser.add_argument("--repeats", type=int, default=9, help="timed runs of each case")
    parser.add_argument(
        "--import-runs", type=int, default=15, help="interpreter starts of each kind"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    inspections = max(1, round(430 * args.scale))
    rows = max(1, round(100_000 * args.scale))
    checked = check_equivalence()
    print(
        f"peelmodel {peelmodel.__version__}, Python {sys.version.split()[0]}; "
        f"{inspections} inspections, {rows:,} rows, {args.repeats} repeats; "
        f"{checked} equivalence checks passed"
    )
    cases = build_cases(inspections, rows)
    measure(cases, args.repeats)
    met = report(cases, measure_reconcile(args.repeats), measure_import(args.import_runs))
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
