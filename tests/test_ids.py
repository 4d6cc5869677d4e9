"""Figure ids: unique by construction, the period part of an outcome row's id, collisions refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelmodel import (
    Basis,
    DocumentError,
    DuplicateIdError,
    Figure,
    Inspection,
    InvalidValueError,
    OutcomeRate,
    Period,
    Pillar,
    datasets,
    dumps,
    loads,
)
from peelmodel.analysis import assess
from peelmodel.catalogues import areas, forces, outcomes, programmes
from peelmodel.claims import claims_of, outcome_claims
from peelmodel.model.outcome import reference_period

HAMPSHIRE = forces.get("hampshire")
JUNE_2015 = Period.twelve_months_to(date(2015, 6, 30))
JUNE_2014 = Period.twelve_months_to(date(2014, 6, 30))
DATASET = json.loads(datasets.text("hampshire-2015"))


def row(period: Period = JUNE_2015, number: int = 1, **changes: Any) -> OutcomeRate:
    """An outcome row of Hampshire for outcome type *number* in *period*."""
    fields: dict[str, Any] = {
        "area": HAMPSHIRE,
        "period": period,
        "outcome": outcomes.type(number),
        "count": 100,
        "rate": Decimal("10.0"),
    }
    return OutcomeRate(**(fields | changes))


def figure(figure_id: str) -> Figure:
    """A count figure of Hampshire with the id *figure_id*."""
    return Figure(
        id=figure_id,
        label="Something counted",
        measure="ocgs",
        area=HAMPSHIRE,
        period=Period.as_at(date(2015, 6, 30)),
        basis=Basis.COUNT,
        published=Decimal(62),
        source="Figure 6",
    )


def inspection(rows: tuple[OutcomeRate, ...] = (), figures: tuple[Figure, ...] = ()) -> Inspection:
    """A PEEL 2015 effectiveness inspection of Hampshire with these rows and figures."""
    return Inspection(
        force=HAMPSHIRE,
        programme=programmes.get("peel-2015"),
        pillar=Pillar.EFFECTIVENESS,
        title="PEEL: Police effectiveness 2015",
        published=date(2016, 2, 1),
        outcome_rates=rows,
        figures=figures,
    )


def document(**changes: Any) -> dict[str, Any]:
    """A copy of the Hampshire dataset's JSON with top-level *changes*."""
    return json.loads(json.dumps(DATASET)) | changes


def older_row(index: int, **changes: Any) -> dict[str, Any]:
    """The dataset's outcome row at *index*, moved to the twelve months to June 2014."""
    return {**DATASET["outcome_rates"][index], "period": "2013-07-01/2014-06-30", **changes}


class TestRowIds:
    def test_shipped_ids_stay(self, report):
        """The documented ids of the shipped dataset carry no period: all its rows share one."""
        claims = claims_of(report)
        assert "hampshire.outcomes.type-1.rate" in claims
        assert "hampshire.outcomes.out-of-court-formal.count" in claims
        assert all(report.row_id(r) == r.id for r in report.outcome_rates)
        assert report.reference_period == report.outcome_rates[0].period

    def test_row_of_an_earlier_period_carries_its_slug(self):
        """A row of another period than the reference one ends with the period's slug."""
        report = inspection((row(), row(JUNE_2014)))
        assert report.reference_period == JUNE_2015
        assert [report.row_id(r) for r in report.outcome_rates] == [
            "hampshire.outcomes.type-1",
            f"hampshire.outcomes.type-1.{JUNE_2014.slug}",
        ]

    def test_both_periods_keep_their_claims(self):
        """Two periods of one outcome give two sets of claims over their own quantities."""
        report = inspection((row(JUNE_2014, count=7), row(count=9)))
        claims = claims_of(report)
        old = claims[f"hampshire.outcomes.type-1.{JUNE_2014.slug}.count"]
        new = claims["hampshire.outcomes.type-1.count"]
        assert (old.published, new.published) == (7, 9)
        assert old.formula.quantities[0].period == JUNE_2014
        assert len(claims) == 4

    def test_reference_period_ends_last(self):
        """The reference period is the one that ends last, whatever the order of the rows."""
        rows = [row(JUNE_2014), row(JUNE_2015, 2), row(Period.as_at(date(2014, 6, 30)), 4)]
        assert reference_period(rows) == JUNE_2015
        assert reference_period(rows[::-1]) == JUNE_2015
        assert reference_period([]) is None

    def test_longest_of_those_ending_the_same_day(self):
        """Of periods that end on the same day, the reference period is the longest."""
        quarter = Period(start=date(2015, 4, 1), end=date(2015, 6, 30))
        assert reference_period([row(quarter), row(JUNE_2015, 2)]) == JUNE_2015
        assert reference_period([row(JUNE_2015, 2), row(quarter)]) == JUNE_2015

    def test_row_on_its_own(self):
        """Without a reference period, a row's claims use its plain id."""
        (count, rate) = outcome_claims(row(JUNE_2014))
        assert (count.id, rate.id) == (
            "hampshire.outcomes.type-1.count",
            "hampshire.outcomes.type-1.rate",
        )
        assert row(JUNE_2014).id_in(None) == row(JUNE_2014).id

    @given(st.permutations(range(6)))
    def test_ids_do_not_depend_on_row_order(self, order):
        """Reordering the rows gives every claim the same id and the same value."""
        rows = (
            row(JUNE_2014, 1, count=5),
            row(JUNE_2015, 1, count=6),
            row(JUNE_2014, 2, count=7),
            row(JUNE_2015, 2, count=8),
            row(Period.as_at(date(2015, 6, 30)), 1, count=9),
            row(JUNE_2014, 1, area=areas.get("england-and-wales"), count=10),
        )
        expected = claims_of(inspection(rows))
        found = claims_of(inspection(tuple(rows[i] for i in order)))
        assert len(found) == 2 * len(rows)
        assert {k: v.published for k, v in found.items()} == {
            k: v.published for k, v in expected.items()
        }


class TestCollisions:
    def test_two_rows_for_one_area_outcome_and_period(self):
        """A second row of the same area, outcome and period names the first."""
        with pytest.raises(DuplicateIdError) as caught:
            inspection((row(), row(JUNE_2014), row(count=3)))
        error = caught.value
        assert (error.field, error.first, error.id) == (
            "outcome_rates[2]",
            "outcome_rates[0]",
            "hampshire.outcomes.type-1",
        )
        assert isinstance(error, InvalidValueError)

    @pytest.mark.parametrize("part", ["count", "rate", "offences"])
    def test_figure_taking_a_row_figure_id(self, part):
        """A figure may not take the id of any of a row's figures, given or not."""
        rows = (row(JUNE_2014), row(count=None))
        taken = f"hampshire.outcomes.type-1.{JUNE_2014.slug}.{part}"
        with pytest.raises(DuplicateIdError) as caught:
            inspection(rows, (figure("hampshire.ocgs.count"), figure(taken)))
        assert (caught.value.field, caught.value.first) == ("figures[1].id", "outcome_rates[0]")
        with pytest.raises(DuplicateIdError) as caught:
            inspection(rows, (figure(f"hampshire.outcomes.type-1.{part}"),))
        assert (caught.value.field, caught.value.first) == ("figures[0].id", "outcome_rates[1]")

    def test_figure_with_an_unreserved_ending(self):
        """An id that merely ends like a row's figure, of no row, is free."""
        report = inspection((row(),), (figure("hampshire.outcomes.type-2.count"),))
        assert "hampshire.outcomes.type-2.count" in claims_of(report)

    def test_two_figures_with_one_id(self):
        """A figure id given twice names both figures."""
        with pytest.raises(DuplicateIdError) as caught:
            inspection(
                figures=(figure("hampshire.a"), figure("hampshire.b"), figure("hampshire.a"))
            )
        assert (caught.value.field, caught.value.first) == ("figures[2].id", "figures[0].id")
        assert "hampshire.a" in str(caught.value)


class TestDocuments:
    def test_figure_taking_an_offences_id(self):
        """In a document, both places are JSON paths."""
        figures = document()["figures"]
        figures[3]["id"] = "hampshire.outcomes.type-1.offences"
        with pytest.raises(DocumentError) as caught:
            loads(json.dumps(document(figures=figures)), Inspection)
        (problem,) = caught.value.problems
        assert problem.path == "$.figures[3].id"
        assert "$.outcome_rates[0]" in problem.message
        assert "'hampshire.outcomes.type-1.offences'" in problem.message

    def test_row_given_twice(self):
        """A row repeated for the same period names both rows."""
        rows = [*DATASET["outcome_rates"], DATASET["outcome_rates"][1]]
        with pytest.raises(DocumentError) as caught:
            loads(json.dumps(document(outcome_rates=rows)), Inspection)
        (problem,) = caught.value.problems
        assert problem.path == f"$.outcome_rates[{len(rows) - 1}]"
        assert "$.outcome_rates[1] " in problem.message

    def test_two_periods_round_trip(self):
        """A document with two periods of one outcome reads back with both rows' claims."""
        rows = [older_row(0, count=100, rate="1.0"), *DATASET["outcome_rates"]]
        report = loads(json.dumps(document(outcome_rates=rows)), Inspection)
        assert loads(dumps(report), Inspection) == report
        claims = claims_of(report)
        assert claims["hampshire.outcomes.type-1.count"].published == 17420
        assert claims[f"hampshire.outcomes.type-1.{JUNE_2014.slug}.count"].published == 100


def check(path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m peelmodel check PATH OPTIONS`` in a child process."""
    return subprocess.run(  # noqa: S603 - the project's own command
        [sys.executable, "-m", "peelmodel", "check", str(path), *options],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


class TestCommandLine:
    def test_exit_code_does_not_depend_on_row_order(self, tmp_path):
        """An earlier year's row with this year's outcome is its own figure, in any order."""
        older = older_row(0, count=51400, rate="50.0")
        runs = []
        for name, rows in (
            ("first", [older, *DATASET["outcome_rates"]]),
            ("last", [*DATASET["outcome_rates"], older]),
        ):
            path = tmp_path / f"{name}.json"
            path.write_text(json.dumps(document(outcome_rates=rows)), encoding="utf-8")
            runs.append(check(path, "--format", "json"))
        assert [done.returncode for done in runs] == [0, 0]
        first, last = (json.loads(done.stdout)["figures"] for done in runs)
        statuses = {item["id"]: item["status"] for item in first}
        assert statuses == {item["id"]: item["status"] for item in last}
        assert statuses[f"hampshire.outcomes.type-1.{JUNE_2014.slug}.rate"] == "consistent"
        assert statuses["hampshire.outcomes.type-1.rate"] == "consistent"
        assert len(first) == len(assess(datasets.load("hampshire-2015")).figures) + 2

    def test_collision_exits_2_naming_both_places(self, tmp_path):
        """A figure id that an outcome row's figure has is invalid input: exit 2, one line."""
        figures = document()["figures"]
        figures[3]["id"] = "hampshire.outcomes.type-1.offences"
        path = tmp_path / "clash.json"
        path.write_text(json.dumps(document(figures=figures)), encoding="utf-8")
        done = check(path)
        assert done.returncode == 2
        assert done.stdout == ""
        (line,) = done.stderr.splitlines()
        assert "$.figures[3].id" in line
        assert "$.outcome_rates[0]" in line
