"""What ``assess`` says of each figure: its exact range, whether it is bounded, lookups and views."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from peelmodel import datasets
from peelmodel.analysis.assessment import Assessment, FigureResult, _narrow, assess
from peelmodel.analysis.status import Status
from peelmodel.arithmetic import Band, band
from peelmodel.claims import claims_of
from peelmodel.errors import UnknownReferenceError

BURGLARY = "hampshire.burglary-in-a-dwelling.per-1000-households"
#: The one published figure of Hampshire with no greatest value: "more than 6,000 officers".
UNBOUNDED = "hampshire.officers-trained-in-neighbourhood-excellence.count"
#: The lost figures of Hampshire that nothing but the ceiling on counts bounds from above.
LOST_UNBOUNDED = (
    "hampshire.in-numbers.calls-for-assistance.per-1000-population",
    "hampshire.in-numbers.domestic-abuse.percent.2014",
    "hampshire.in-numbers.domestic-abuse.percent.2015",
)


@pytest.fixture(scope="module")
def hampshire() -> Assessment:
    return assess(datasets.load("hampshire-2015"))


class TestRanges:
    def test_each_published_range_lies_within_its_band(self, hampshire):
        """A figure's exact value lies within what its own published value allows."""
        for result in hampshire.figures:
            limits = result.claim.band
            assert limits is not None
            assert limits.low is None or result.low >= limits.low, result.id
            assert limits.high is None or result.high <= limits.high, result.id

    def test_a_rate_is_narrowed_to_its_band(self, hampshire):
        """4.8 per 1,000 households: the quantities alone allow far more."""
        result = hampshire.figure(BURGLARY)
        assert (result.low, result.high) == (Fraction("4.75"), Fraction("4.85"))
        assert hampshire.reconciliation.range_of(result.claim) != (result.low, result.high)

    def test_a_range_that_meets_a_band_at_its_closed_end_is_that_end(self):
        """48 to 49.5 against a band from 49.5: the one value both allow."""
        assert _narrow((Fraction(48), Fraction(99, 2)), band(Decimal(50))) == (
            Fraction(99, 2),
            Fraction(99, 2),
        )

    def test_open_ends_of_a_band_leave_the_range(self):
        assert _narrow((Fraction(1), Fraction(9)), Band(None, Fraction(5))) == (1, 5)
        assert _narrow((Fraction(1), Fraction(9)), Band(Fraction(5), None)) == (5, 9)
        assert _narrow((Fraction(1), Fraction(9)), None) == (1, 9)


class TestBounded:
    def test_published_figures(self, hampshire):
        """Every published figure is bounded but a "more than" count of unbounded officers."""
        assert [result.id for result in hampshire.figures if result.bounded is not True] == [
            UNBOUNDED
        ]
        assert hampshire.figure(UNBOUNDED).bounded is False

    def test_lost_figures(self, hampshire):
        found = {result.id: result.bounded for result in hampshire.lost}
        assert {key for key, bounded in found.items() if bounded is False} == set(LOST_UNBOUNDED)
        assert all(found[key] is True for key in found.keys() - set(LOST_UNBOUNDED))

    def test_a_share_of_unbounded_counts_is_bounded_by_its_band(self):
        """40 percent of unpublished counts: neither count is bounded, the share is."""
        inspection = datasets.load("hampshire-2015")
        satisfied = next(
            f for f in inspection.figures if f.id.endswith("victims-satisfied.percent")
        )
        fraud = attrs.evolve(
            satisfied,
            id="hampshire.fraud.percent",
            label="Fraud",
            measure="fraud",
            of="fraud-reports",
            published=Decimal(40),
        )
        result = assess(attrs.evolve(inspection, figures=(*inspection.figures, fraud)))
        found = result.figure(fraud.id)
        quantities = found.claim.formula.quantities
        assert not any(result.reconciliation.interval_of(q).is_bounded for q in quantities)
        assert found.bounded is True
        assert (found.low, found.high) == (Fraction("39.5"), Fraction("40.5"))


class TestLookups:
    def test_a_lost_figure_is_found(self, hampshire):
        assert hampshire.figure(LOST_UNBOUNDED[0]) is hampshire.lost[2]

    def test_an_unknown_figure_is_named(self, hampshire):
        with pytest.raises(UnknownReferenceError) as raised:
            hampshire.figure("nothing-at-all")
        assert (
            str(raised.value)
            == "unknown figure 'nothing-at-all'; no close match among the 89 known"
        )

    def test_a_close_match_is_suggested_among_lost_figures_too(self, hampshire):
        with pytest.raises(UnknownReferenceError) as raised:
            hampshire.figure("hampshire.in-numbers.charge-rates")
        assert str(raised.value).startswith(
            "unknown figure 'hampshire.in-numbers.charge-rates'; "
            "did you mean hampshire.in-numbers.charge-rate"
        )

    def test_counts(self, hampshire):
        assert hampshire.counts() == {
            Status.REPRODUCED: 4,
            Status.CONSISTENT: 58,
            Status.INCONSISTENT: 0,
            Status.UNVERIFIABLE: 15,
        }


class TestFigureResult:
    """A result made by hand: no scrutiny, and a derived value of its own."""

    @staticmethod
    def result(derived: str | None) -> FigureResult:
        claim = claims_of(datasets.load("hampshire-2015"))[BURGLARY]
        value = None if derived is None else Decimal(derived)
        return FigureResult(claim, value, Fraction("4.75"), Fraction("4.85"))

    def test_without_scrutiny_nothing_is_implied(self):
        result = self.result(None)
        assert result.implied is None
        assert result.status is Status.UNVERIFIABLE

    def test_a_derived_value_other_than_the_published_one_is_inconsistent(self):
        result = self.result("4.9")
        assert result.is_inconsistent
        assert result.status is Status.INCONSISTENT
        assert self.result("4.8").status is Status.REPRODUCED


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


HEADER = (
    "<thead><tr><th>id</th><th>label</th><th>published</th><th>status</th><th>low</th><th>high</th>"
)
BURGLARY_ROW = _row(BURGLARY, "Burglary in a dwelling", "4.8", "consistent", "4.750", "4.850")


@pytest.fixture(scope="module")
def tampered() -> Assessment:
    """Hampshire with 102 organised crime groups: 32 per million is set aside."""
    report = datasets.load("hampshire-2015")
    figures = tuple(
        attrs.evolve(f, published=Decimal(102)) if f.id == "hampshire.ocgs.count" else f
        for f in report.figures
    )
    return assess(attrs.evolve(report, figures=figures))


class TestViews:
    """The reprs and notebook views of results, cell by cell."""

    def test_figure_repr(self, hampshire):
        assert repr(hampshire.figure(BURGLARY)) == (
            f"<FigureResult {BURGLARY}: published 4.8, consistent, exact value 4.750 to 4.850>"
        )
        assert repr(hampshire.figure(UNBOUNDED)) == (
            f"<FigureResult {UNBOUNDED}: published 600, unverifiable, exact value 601 to no bound>"
        )

    def test_figure_html(self, hampshire):
        assert hampshire.figure(BURGLARY)._repr_html_() == (
            f"<table>{HEADER}</tr></thead><tbody>{BURGLARY_ROW}</tbody></table>"
        )

    def test_unbounded_figure_html(self, hampshire):
        """No greatest value, as the repr says, and no column of conflicts where there are none."""
        label = "Officers who completed the &#x27;neighbourhood excellence&#x27; course"
        row = _row(UNBOUNDED, label, "600", "unverifiable", "601", "no bound")
        assert hampshire.figure(UNBOUNDED)._repr_html_() == (
            f"<table>{HEADER}</tr></thead><tbody>{row}</tbody></table>"
        )

    def test_assessment_html(self, hampshire):
        """A title with the counts, a caption, then every figure and every lost figure."""
        html = hampshire._repr_html_()
        assert html.startswith(
            "<div><p><strong>Assessment hampshire peel-2015 effectiveness: 77 figures, "
            "12 lost, 66 quantities inferred, consistent (4 reproduced, 58 consistent, "
            "0 inconsistent, 15 unverifiable)</strong></p><table><caption>Figures (low and "
            "high: whole or to three places; no high: unbounded)</caption>"
            f"{HEADER}</tr></thead><tbody><tr><td>england-and-wales.asb-incidents."
        )
        assert BURGLARY_ROW in html
        lost = "hampshire.in-numbers.calls-for-assistance.per-1000-population"
        label = "Calls for assistance per 1,000 population"
        assert _row(lost, label, "", "unverifiable", "0", "") in html
        ids = re.findall(r"<tr><td>(.*?)</td>", html)
        assert ids == [result.id for result in (*hampshire.figures, *hampshire.lost)]
        assert html.endswith("</tr></tbody></table></div>")

    def test_set_aside_figure_names_its_conflicts(self, tampered):
        result = tampered.figure("hampshire.ocgs.per-million-population")
        conflicts = (
            "hampshire.ocgs.count",
            "hampshire.outcomes.type-8.count",
            "hampshire.outcomes.type-8.rate",
            "hampshire.victim-based-crime.per-1000-population",
        )
        assert result.conflicts_with == conflicts
        row = _row(
            result.id,
            "Organised crime groups per million population",
            "32",
            "inconsistent",
            "52.473",
            "52.596",
            ", ".join(conflicts),
        )
        assert result._repr_html_() == (
            f"<table>{HEADER}<th>conflicts with</th></tr></thead><tbody>{row}</tbody></table>"
        )
        assert f"{HEADER}<th>conflicts with</th></tr></thead>" in tampered._repr_html_()
        assert row in tampered._repr_html_()
        assert repr(tampered).endswith(", 1 inconsistent>")

    def test_comparison_html(self, hampshire):
        """Hampshire's figure beside England and Wales's, their difference and ratio."""
        comparison = hampshire.comparisons[0]
        figure = "asb-incidents.change-on-previous-year"
        headers = ("figure", "published", "comparator", "published", "difference", "ratio")
        row = _row(f"hampshire.{figure}", "-7", f"england-and-wales.{figure}", "-9", "2", "0.778")
        assert comparison._repr_html_() == (
            "<table><thead><tr>"
            + "".join(f"<th>{header}</th>" for header in headers)
            + f"</tr></thead><tbody>{row}</tbody></table>"
        )
