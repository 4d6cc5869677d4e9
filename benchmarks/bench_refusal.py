"""Time the refusal of huge invalid documents, beside a plain ``json.loads`` of the same text.

Usage::

    .venv/bin/python benchmarks/bench_refusal.py               # 16 MiB documents, 5 repeats
    .venv/bin/python benchmarks/bench_refusal.py --mib 0.1 --repeats 1   # smoke run

Each document is an ``Inspection`` as large as the command line accepts (16
MiB), built from the Hampshire 2015 dataset, and invalid in one way:

- ``deep``: tens of thousands of valid figures, one bad value near the end;
- ``duplicate key``: the same figures, one key given twice in the last one;
- ``bad rows``: every one of a hundred thousand outcome rows has a count
  written as text;
- ``bad items``: millions of numbers where periods belong (``fieldwork``);
- ``unknown keys``: a million unknown keys beside the document's own;
- ``duplicate ids``: valid figures, the last with the id of the first.

Every case is timed in one process, ``peelmodel.loads`` on each JSON backend
and ``json.loads`` (the peer, which only parses) interleaved within each
repeat; the table gives the median of each and the median of the paired
ratios peelmodel / ``json.loads``. The budget is a refusal in under 5 s, judged
at the full size only.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

import peelmodel
from peelmodel import DocumentError, Inspection, datasets
from peelmodel.documents import backend

#: The largest document the command line reads.
LIMIT = 16 * 1024 * 1024
#: The most a refusal may take, in seconds.
BUDGET = 5.0


def _dataset() -> dict[str, Any]:
    return json.loads(datasets.text("hampshire-2015"))


def _fill(size: int, make: Callable[[int], list[Any]], key: str) -> dict[str, Any]:
    """The dataset with *key* holding as many items of *make* as fit in *size* bytes."""
    document = _dataset()
    count = 1000
    while True:  # grow to the size, then shrink to within it
        document[key] = make(count)
        written = len(json.dumps(document))
        if written <= size or count == 1:
            if written > 0.95 * size or count >= 10**7:
                return document
            count = int(count * 0.99 * size / written) + 1
        else:
            count = max(1, int(count * 0.99 * size / written))


def _figures(count: int) -> list[dict[str, Any]]:
    template = _dataset()["figures"][1]
    return [
        {**template, "id": f"hampshire.generated.m-{i}.per-1000-population", "measure": f"m-{i}"}
        for i in range(count)
    ]


def _bad_rows(count: int) -> list[dict[str, Any]]:
    row = _dataset()["outcome_rates"][0]
    return [{**row, "count": str(i)} for i in range(count)]


def documents(size: int = LIMIT) -> dict[str, str]:
    """Invalid documents of at most *size* bytes, by the kind of fault."""
    figures = _fill(size, _figures, "figures")
    deep = json.loads(json.dumps(figures))
    deep["figures"][-3]["published"] = 12
    text = json.dumps(figures)
    label = text.rindex('"label": ')
    duplicated = json.loads(json.dumps(figures))
    duplicated["figures"][-1]["id"] = duplicated["figures"][0]["id"]
    dataset = json.dumps(_dataset())
    head = dataset[: dataset.rindex("}")]
    items = max(1, (size - len(dataset)) // 2)
    keys = max(1, (size - len(dataset)) // len(', "k000000000": 0'))
    return {
        "deep": json.dumps(deep),
        "duplicate key": f'{text[:label]}"label": "again", {text[label:]}',
        "bad rows": json.dumps(_fill(size, _bad_rows, "outcome_rates")),
        "bad items": head.replace('"fieldwork": [', '"fieldwork": [' + "1," * items, 1) + "}",
        "unknown keys": head + "".join(f', "k{i:09d}": 0' for i in range(keys)) + "}",
        "duplicate ids": json.dumps(duplicated),
    }


def refuse(text: str) -> DocumentError:
    """The error ``peelmodel.loads`` raises for *text*; fail if it reads it."""
    try:
        peelmodel.loads(text, Inspection)
    except DocumentError as error:
        return error
    raise AssertionError("an invalid document was read")


def _time(run: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _on(name: str, text: str) -> Callable[[], object]:
    def run() -> object:
        backend.use(name)
        return refuse(text)

    return run


def main() -> None:
    """Build the documents, time every refusal, print the table, check the budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=float, default=16.0, help="size of each document, in MiB")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs of each case")
    arguments = parser.parse_args()
    size = min(LIMIT, int(arguments.mib * 1024 * 1024))
    built = documents(size)
    previous = backend.active()
    for name, text in built.items():  # each is refused, with its problems capped
        error = refuse(text)
        assert len(error.problems) <= 1001, (name, len(error.problems))
        assert len(str(error)) < 20_000, name
    columns = [*backend.available(), "json.loads"]
    print(
        f"{len(built)} invalid documents of at most {size / 2**20:.1f} MiB, {arguments.repeats} repeats"
    )
    print(f"{'case':<14} {'MiB':>5} " + " ".join(f"{c:>11}" for c in columns) + "  × json.loads")
    worst = 0.0
    for name, text in built.items():
        runs = {b: _on(b, text) for b in backend.available()}
        runs["json.loads"] = lambda text=text: json.loads(text)
        times: dict[str, list[float]] = {c: [] for c in columns}
        for repeat in range(arguments.repeats):
            shift = repeat % len(columns)
            for column in columns[shift:] + columns[:shift]:
                times[column].append(_time(runs[column]))
        medians = {c: statistics.median(t) for c, t in times.items()}
        ratios = [
            statistics.median(m / p for m, p in zip(times[b], times["json.loads"], strict=True))
            for b in backend.available()
        ]
        worst = max(worst, *(medians[b] for b in backend.available()))
        cells = " ".join(f"{medians[c] * 1000:9.0f}ms" for c in columns)
        print(
            f"{name:<14} {len(text) / 2**20:5.1f} {cells}  "
            + " ".join(f"{r:5.1f}×" for r in ratios)
        )
    backend.use(previous)
    print(f"slowest refusal: {worst:.2f} s (budget {BUDGET:.0f} s at 16 MiB)")
    if size == LIMIT:  # the budget is for the largest documents; smaller runs only smoke-test
        assert worst < BUDGET


if __name__ == "__main__":
    main()
