"""The embedded Hampshire 2015 dataset against the published report, figure by figure.

Every expected value below is typed in from the report text (PEEL: Police
effectiveness 2015, Hampshire Constabulary, HMIC, February 2016). Statuses
follow these rules, checked by hand for each figure:

* reproduced: published inputs alone give the figure exactly. Only Figure 4's
  group counts qualify: Out-of-court (formal) is types 2 + 3 + 6
  (691 + 2,938 + 766 = 4,395; 19,703 + 115,000 + 30,681 = 165,384) and
  Out-of-court (informal) is types 7 + 8 (1,370 + 4,134 = 5,504;
  41,964 + 117,951 = 159,915).
* consistent: the other published figures rule out some value the figure
  could otherwise have. Every Figure 4 rate shares its area's recorded
  crime with the other rates; Figure 2 rates share the area's population (and
  recorded and victim-based crime with the percentage changes); ASB 56,337,
  its rate per 1,000 and its change share the ASB count; 62 OCGs and 32 per
  million share the OCG count (and population); the one OCG management plan
  built around the 4P structure is one of the two HMIC looked at. A change on
  the previous year, and burglary per 1,000 households, divide a count the
  other figures pin by one published nowhere else (last year's count, the
  households): that number is at least 1, so a rise (or rate) beyond what 1
  gives is caught, though any smaller one passes.
* unverifiable: nothing else in the report narrows the figure: victim
  satisfaction (its survey size appears nowhere else), the resolution
  centre's 30 percent, both shares of OCGs with drug activity (56 percent of
  62 groups: the other figures allow the share anything from 0 to 100
  percent, as the limits alone do), and the stand-alone counts of the text
  (600 officers, 13 areas, 106 agencies, ...).
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from peelmodel import Grade, Inspection
from peelmodel.analysis.status import Status
from peelmodel.arithmetic import publish, rate

R, C, U = Status.REPRODUCED, Status.CONSISTENT, Status.UNVERIFIABLE
HAM, EW = "hampshire", "england-and-wales"

#: figure id -> (published value as printed, expected status, derived value if reproduced)
FIGURES: dict[str, tuple[str, Status, str | None]] = {
    # Summary of crime: "fell by 11 percent in Hampshire ... reduction of 13 percent"
    f"{HAM}.recorded-crime.change-since-2010": ("-11", C, None),
    f"{HAM}.victim-based-crime.change-since-2010": ("-14", C, None),
    f"{HAM}.recorded-crime.change-on-previous-year": ("18", C, None),
    f"{EW}.recorded-crime.change-since-2010": ("-13", C, None),
    f"{EW}.victim-based-crime.change-since-2010": ("-12", C, None),
    f"{EW}.recorded-crime.change-on-previous-year": ("4", C, None),
    # ASB: 56,337 incidents, 7 percent fewer in Hampshire and 9 percent fewer nationally
    f"{HAM}.asb-incidents.count": ("56337", C, None),
    f"{HAM}.asb-incidents.change-on-previous-year": ("-7", C, None),
    f"{EW}.asb-incidents.change-on-previous-year": ("-9", C, None),
    # Figure 2: rates per 1,000 population (burglary per 1,000 households)
    f"{HAM}.recorded-crime.per-1000-population": ("62.5", C, None),
    f"{HAM}.victim-based-crime.per-1000-population": ("53.6", C, None),
    f"{HAM}.sexual-offences.per-1000-population": ("2.0", C, None),
    f"{HAM}.assault-with-injury.per-1000-population": ("7.8", C, None),
    f"{HAM}.burglary-in-a-dwelling.per-1000-households": ("4.8", C, None),
    f"{HAM}.asb-incidents.per-1000-population": ("29.0", C, None),
    f"{EW}.recorded-crime.per-1000-population": ("63.0", C, None),
    f"{EW}.victim-based-crime.per-1000-population": ("56.0", C, None),
    f"{EW}.sexual-offences.per-1000-population": ("1.6", C, None),
    f"{EW}.assault-with-injury.per-1000-population": ("6.3", C, None),
    f"{EW}.burglary-in-a-dwelling.per-1000-households": ("8.4", C, None),
    f"{EW}.asb-incidents.per-1000-population": ("32.9", U, None),
    # Numbers in the text of questions 1 and 2
    f"{HAM}.officers-trained-in-neighbourhood-excellence.count": ("600", U, None),
    f"{HAM}.local-policing-areas.count": ("13", U, None),
    f"{HAM}.operational-management-meetings-per-day.count": ("3", U, None),
    f"{HAM}.partner-agencies-with-problem-solving-database.count": ("106", U, None),
    f"{HAM}.community-trigger-responses.count": ("2", U, None),
    f"{EW}.forces-without-a-full-year-of-outcomes-data.count": ("2", U, None),
    f"{HAM}.crimes-dealt-with-by-resolution-centre.percent": ("30", U, None),
    # "84.1 percent were satisfied ... national victim satisfaction rate of 83.8 percent"
    f"{HAM}.victims-satisfied.percent": ("84.1", U, None),
    f"{EW}.victims-satisfied.percent": ("83.8", U, None),
    f"{HAM}.victim-call-backs-per-supervisor-per-month.count": ("3", U, None),
    # Question 4: "62 organised crime groups ... 32 OCGs per one million"; 56 and 64 percent
    f"{HAM}.ocgs.count": ("62", C, None),
    f"{HAM}.ocgs.per-million-population": ("32", C, None),
    f"{HAM}.ocgs-drug-activity.percent": ("56", U, None),
    f"{EW}.ocgs-drug-activity.percent": ("64", U, None),
    f"{HAM}.ocgs-disrupted.count": ("21", C, None),
    f"{HAM}.ocgs-disrupted-more-than-once.count": ("9", C, None),
    # "HMIC looked in detail at two OCG management plans ... One plan was fully
    # orientated around the 4P structure": one of those two, so they bound each other
    f"{HAM}.ocg-management-plans-examined.count": ("2", C, None),
    f"{HAM}.ocg-management-plans-examined-4p.count": ("1", C, None),
    f"{HAM}.serious-crime-prevention-order-applications.count": ("6", U, None),
    f"{HAM}.analytical-staff-expected.count": ("9", U, None),
}

#: Figure 4, as printed: row -> (Hampshire number, rate, England and Wales number, rate)
FIGURE_4: dict[str, tuple[int, str, int, str]] = {
    "type-1": (17_420, "14.4", 577_678, "16.0"),
    "type-4": (367, "0.3", 21_318, "0.6"),
    "out-of-court-formal": (4_395, "3.6", 165_384, "4.6"),
    "type-2": (691, "0.6", 19_703, "0.5"),
    "type-3": (2_938, "2.4", 115_000, "3.2"),
    "type-6": (766, "0.6", 30_681, "0.8"),
    "out-of-court-informal": (5_504, "4.5", 159_915, "4.4"),
    "type-7": (1_370, "1.1", 41_964, "1.2"),
    "type-8": (4_134, "3.4", 117_951, "3.3"),
}
GROUP_TOTALS = {
    f"{HAM}.outcomes.out-of-court-formal.count": "4395",
    f"{HAM}.outcomes.out-of-court-informal.count": "5504",
    f"{EW}.outcomes.out-of-court-formal.count": "165384",
    f"{EW}.outcomes.out-of-court-informal.count": "159915",
}
for _outcome, (_ham_n, _ham_r, _ew_n, _ew_r) in FIGURE_4.items():
    for _area, _number, _rate in ((HAM, _ham_n, _ham_r), (EW, _ew_n, _ew_r)):
        _count_id = f"{_area}.outcomes.{_outcome}.count"
        _derived = GROUP_TOTALS.get(_count_id)
        FIGURES[_count_id] = (str(_number), R if _derived else C, _derived)
        FIGURES[f"{_area}.outcomes.{_outcome}.rate"] = (_rate, C, None)

#: The "Force in numbers" figures: named in the report, their values were charts.
LOST = [
    "calls-for-assistance.per-1000-population",
    "recorded-crime.per-1000-population.2015",
    "recorded-crime.per-1000-population.2014",
    "recorded-crime.change-on-previous-year",
    "recorded-crime.change-since-2010",
    "charge-rate",
    "asb-incidents.per-1000-population.2015",
    "asb-incidents.per-1000-population.2014",
    "domestic-abuse.percent.2015",
    "domestic-abuse.percent.2014",
    "ocgs.per-million-population",
    "victims-satisfied.percent",
]


class TestFigures:
    @pytest.mark.parametrize(
        ("figure_id", "published", "status", "derived"),
        [pytest.param(key, *value, id=key) for key, value in FIGURES.items()],
    )
    def test_figure(self, assessment, figure_id, published, status, derived):
        """The figure carries the report's value, with the expected status and derivation."""
        result = assessment.figure(figure_id)
        assert str(result.claim.published) == published
        assert result.status is status
        assert result.derived == (None if derived is None else Decimal(derived))
        if status is not U:
            # The values the unknowns allow all round to the published figure.
            value = Fraction(Decimal(published))
            half = Fraction(1, 2 * 10 ** max(0, -Decimal(published).as_tuple().exponent))
            assert value - half <= result.low <= result.high <= value + half

    def test_table_covers_every_figure(self, assessment):
        """The table above lists every published figure of the dataset, and no other."""
        assert sorted(result.id for result in assessment.figures) == sorted(FIGURES)
        assert len(FIGURES) == 77

    def test_status_counts(self, assessment):
        """4 reproduced, 58 consistent, 15 unverifiable and none inconsistent."""
        assert assessment.counts() == {R: 4, C: 58, Status.INCONSISTENT: 0, U: 15}
        assert assessment.is_consistent

    def test_every_figure_has_a_source(self, report, assessment):
        """Every figure and outcome row says where in the report it stands."""
        assert all(figure.source.strip() for figure in report.figures)
        assert all(row.source for row in report.outcome_rates)
        assert all(result.claim.source.strip() for result in assessment.figures)

    def test_no_conflicts(self, assessment):
        """The reconciliation finds no figures that cannot all hold."""
        assert assessment.reconciliation.conflicts == ()
        assert all(result.conflicts_with == () for result in assessment.figures)

    @pytest.mark.parametrize("name", LOST)
    def test_lost_figures(self, report, assessment, name):
        """The 'Force in numbers' chart values are recorded as lost."""
        figure = report.figure(f"hampshire.in-numbers.{name}")
        assert figure.published is None
        assert figure.source == "Force in numbers"
        assert assessment.figure(figure.id).status is U

    def test_lost_figures_are_all_listed(self, assessment):
        """Exactly the twelve 'Force in numbers' figures are lost."""
        assert sorted(result.id for result in assessment.lost) == sorted(
            f"hampshire.in-numbers.{name}" for name in LOST
        )


class TestJudgments:
    @pytest.mark.parametrize(
        ("question_id", "grade"),
        [
            ("peel-2015.effectiveness", Grade.GOOD),
            ("peel-2015.effectiveness.1", Grade.GOOD),
            ("peel-2015.effectiveness.2", Grade.GOOD),
            ("peel-2015.effectiveness.3", Grade.REQUIRES_IMPROVEMENT),
            ("peel-2015.effectiveness.4", Grade.GOOD),
        ],
    )
    def test_grade(self, report, question_id, grade):
        """Each judgment is the report's grade."""
        judgment = report.judgment(question_id)
        assert judgment is not None
        assert judgment.grade is grade

    def test_five_judgments_and_overall(self, report):
        """Overall Good and the four question grades, nothing else."""
        assert len(report.judgments) == 5
        assert report.overall is not None
        assert report.overall.grade is Grade.GOOD

    def test_areas_for_improvement(self, report):
        """Two areas for improvement, under questions 2 and 4."""
        found = [(a.question.number, a.text) for a in report.areas_for_improvement]
        assert [number for number, _ in found] == ["2", "4"]
        assert "regular and active supervision of investigations" in found[0][1]
        assert "serious and organised crime local profile" in found[1][1]
        assert report.causes_of_concern == ()
        assert report.recommendations == ()

    def test_header(self, report):
        """Force, programme, pillar and the February 2016 publication."""
        assert report.force.id == "hampshire"
        assert report.programme.id == "peel-2015"
        assert report.pillar.value == "effectiveness"
        assert (report.published.year, report.published.month) == (2016, 2)


class TestCoverage:
    def published(self, report: Inspection, figure_id: str) -> str:
        """The published value of a figure, as printed."""
        return str(report.figure(figure_id).published)

    @pytest.mark.parametrize(
        ("measure", "hampshire", "england_and_wales"),
        [
            ("recorded-crime.per-1000-population", "62.5", "63.0"),
            ("victim-based-crime.per-1000-population", "53.6", "56.0"),
            ("sexual-offences.per-1000-population", "2.0", "1.6"),
            ("assault-with-injury.per-1000-population", "7.8", "6.3"),
            ("burglary-in-a-dwelling.per-1000-households", "4.8", "8.4"),
            ("asb-incidents.per-1000-population", "29.0", "32.9"),
        ],
    )
    def test_figure_2(self, report, measure, hampshire, england_and_wales):
        """Figure 2: six rates for each area."""
        assert self.published(report, f"{HAM}.{measure}") == hampshire
        assert self.published(report, f"{EW}.{measure}") == england_and_wales

    @pytest.mark.parametrize(("outcome", "row"), list(FIGURE_4.items()))
    def test_figure_4(self, report, outcome, row):
        """Figure 4: nine rows for each area, each with its number and rate."""
        by_id = {r.id: r for r in report.outcome_rates}
        ham = by_id[f"{HAM}.outcomes.{outcome}"]
        ew = by_id[f"{EW}.outcomes.{outcome}"]
        assert (ham.count, str(ham.rate), ew.count, str(ew.rate)) == row
        assert ham.period == ew.period
        assert str(ham.period) == "12 months to 30 June 2015"

    def test_figure_4_has_nine_rows_per_area(self, report):
        """18 outcome rows in all, nine per area."""
        areas = [row.area.id for row in report.outcome_rates]
        assert (areas.count(HAM), areas.count(EW), len(areas)) == (9, 9, 18)

    @pytest.mark.parametrize(
        ("figure_id", "value"),
        [
            (f"{HAM}.asb-incidents.count", "56337"),
            (f"{HAM}.asb-incidents.change-on-previous-year", "-7"),
            (f"{EW}.asb-incidents.change-on-previous-year", "-9"),
            (f"{HAM}.recorded-crime.change-since-2010", "-11"),
            (f"{EW}.recorded-crime.change-since-2010", "-13"),
            (f"{HAM}.victim-based-crime.change-since-2010", "-14"),
            (f"{EW}.victim-based-crime.change-since-2010", "-12"),
            (f"{HAM}.recorded-crime.change-on-previous-year", "18"),
            (f"{EW}.recorded-crime.change-on-previous-year", "4"),
            (f"{HAM}.victims-satisfied.percent", "84.1"),
            (f"{EW}.victims-satisfied.percent", "83.8"),
            (f"{HAM}.ocgs.count", "62"),
            (f"{HAM}.ocgs.per-million-population", "32"),
            (f"{HAM}.ocgs-drug-activity.percent", "56"),
            (f"{EW}.ocgs-drug-activity.percent", "64"),
            (f"{HAM}.ocgs-disrupted.count", "21"),
            (f"{HAM}.ocgs-disrupted-more-than-once.count", "9"),
            (f"{HAM}.crimes-dealt-with-by-resolution-centre.percent", "30"),
            (f"{HAM}.partner-agencies-with-problem-solving-database.count", "106"),
            (f"{HAM}.local-policing-areas.count", "13"),
        ],
    )
    def test_text_numbers(self, report, figure_id, value):
        """Numbers stated in the report's text are in the dataset."""
        assert self.published(report, figure_id) == value

    def test_percentage_change_baselines(self, report):
        """Changes since 2010 compare with the 12 months to 30 June 2010."""
        for area in (HAM, EW):
            figure = report.figure(f"{area}.recorded-crime.change-since-2010")
            assert str(figure.baseline) == "12 months to 30 June 2010"
            previous = report.figure(f"{area}.recorded-crime.change-on-previous-year")
            assert str(previous.baseline) == "12 months to 30 June 2014"

    def test_england_and_wales_ocg_share_excludes_the_met(self, report):
        """Footnote 23: the national drug-activity share leaves out the Metropolitan Police."""
        figure = report.figure(f"{EW}.ocgs-drug-activity.percent")
        assert [area.id for area in figure.excluding] == ["metropolitan"]

    def test_more_than_600_officers(self, report):
        """'More than 600 officers' is a lower bound, not an exact count."""
        figure = report.figure(f"{HAM}.officers-trained-in-neighbourhood-excellence.count")
        assert figure.qualifier.value == "more-than"


class TestFigure4Rounding:
    @pytest.mark.parametrize("area", [HAM, EW])
    @pytest.mark.parametrize("outcome", list(FIGURE_4))
    def test_rate_reproduced_at_both_ends(self, assessment, area, outcome):
        """Round half up gives every published rate at both ends of the inferred recorded crime."""
        interval = assessment.reconciliation.interval(f"{area}.recorded-crime.12m-to-2015-06-30")
        ham_n, ham_r, ew_n, ew_r = FIGURE_4[outcome]
        count, published = (ham_n, ham_r) if area == HAM else (ew_n, ew_r)
        for offences in (interval.low, interval.high):
            assert publish(rate(count, offences, per=100), 1) == Decimal(published)

    @pytest.mark.parametrize(
        ("area", "low", "high"),
        [(HAM, 121_111, 121_393), (EW, 3_609_530, 3_621_805)],
    )
    def test_inferred_recorded_crime(self, assessment, area, low, high):
        """Figure 4 and Figure 2 pin recorded crime to a narrow interval."""
        interval = assessment.reconciliation.interval(f"{area}.recorded-crime.12m-to-2015-06-30")
        assert (interval.low, interval.high) == (low, high)
        # The upper end is as high as Figure 4 allows: one more offence and some
        # published rate (14.4 for Hampshire, 16.0 nationally) no longer rounds.
        rates = [(row[0], row[1]) if area == HAM else (row[2], row[3]) for row in FIGURE_4.values()]
        assert any(
            publish(rate(count, high + 1, per=100), 1) != Decimal(value) for count, value in rates
        )


#: The report's text, in the shared folder beside the repository.
REPORT_TEXT = (
    Path(__file__).parents[2] / "shared" / "seed" / "peel-effectiveness-2015-hampshire.txt"
)

_MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"

#: Numbers in the report's text that are not figures. Each pattern's matches are
#: blanked out before the numbers are extracted.
NOT_FIGURES: dict[str, str] = {
    # web addresses and the ISBN: identifiers, not quantities
    "addresses": r"www\.\S+|ISBN: [\d-]+",
    # the contents table: page numbers
    "page numbers": r"(?m)^\|[^|\n]+\| \d+ \|$",
    # footnote markers written as ^{10 11 12} (superscript digits are not [0-9])
    "footnote markers": r"\^\{[\d ]+\}",
    # "Figure 4": the numbers of the report's charts and tables
    "figure numbers": r"\bFigure \d+\b",
    # "1. How effective ...", "questions 1, 2 and 4", "Question 3"
    "question numbers": r"(?m)^\d\. |\b[Qq]uestions? \d(?:, \d)*(?: and \d)?\b",
    # days of dates ("30 June 2015") and years, also in titles ("Act 2014", "2014/15")
    "dates": rf"\b\d{{1,2}}(?= {_MONTH}\b)|(?<![\d,])(?:19|20)\d\d(?:/\d\d)?(?![0-9])",
    # the length of a reporting period ("12 months to", "five year period to 30 June")
    "periods": r"\b(?:\d+|three|four|five) (?:months?\b|month period|year period to)",
    # units of a rate: "per 1,000 population", "per 1,000 households", "per one million"
    "units": r"\b1,000 (?:population|households)|\bone million\b",
    # names: the "4P structure" and MAPPA "Level 2"
    "names": r"\b4P\b|\bLevel 2\b",
    # footnote 24 on rounding in a lost chart: "may not sum to 100 percent"
    "rounding": r"\b100 percent, due to rounding",
}

_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
]  # fmt: skip
#: A number as the report prints it: digits ("56,337", "84.1") or a word ("thirteen").
_NUMBER = re.compile(
    r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?|\b(?:" + "|".join(_WORDS) + r")\b", re.IGNORECASE
)
#: A prose fraction ("two-thirds", "a third lower"): no figure can hold one.
_FRACTION = re.compile(
    r"\b(?:(?:one|two|three)-)?(?:thirds?|quarters?|halves|half)\b", re.IGNORECASE
)
#: A phrase a note quotes from the report: 'more than two-thirds of forces'.
_QUOTED = re.compile(r"(?<!\w)'([^']+)'(?!\w)")
#: A source's remark on where in its section a figure stands: " (footnote 23)".
_REMARK = re.compile(r" \(footnote \d+\)$")


def _value(token: str) -> str:
    """A number as printed, as the dataset writes it: "56,337" -> "56337", "nine" -> "9"."""
    word = token.lower()
    return str(_WORDS.index(word)) if word in _WORDS else token.replace(",", "")


def _sections(text: str, sources: set[str]) -> list[tuple[int, str]]:
    """Where each section of the text starts, and its name as a figure's source gives it.

    A heading (a line ending in "?", or one a source names) starts a section; a
    "Figure N:" caption starts a table's own section, which its "Source:" line ends.
    """
    found: list[tuple[int, str]] = []
    heading, table, offset = "", None, 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        caption = re.match(r"Figure (\d+):", stripped)
        if stripped.endswith("?") or stripped in sources:
            heading, table = stripped, None
        elif caption:
            table = f"Figure {caption.group(1)}"
        found.append((offset, table or heading))
        if stripped.startswith("Source:"):
            table = None
        offset += len(line)
    return found


@pytest.fixture(scope="module")
def text() -> str:
    """The report's text, or a skip when the shared folder is not beside the repository."""
    if not REPORT_TEXT.is_file():
        pytest.skip(f"the report's text is not at {REPORT_TEXT} (the shared folder is absent)")
    return REPORT_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def quoted(report: Inspection) -> list[str]:
    """The phrases the dataset's notes quote from the report."""
    return [phrase for note in report.notes for phrase in _QUOTED.findall(note)]


class TestFidelity:
    """Every number the report's text states is in the dataset, or a note says why not."""

    def test_every_number_is_held(self, report, text, quoted):
        """Each number is published by a figure or outcome row of its section, or a note quotes it.

        Numbers that are not figures (NOT_FIGURES) are blanked out first. A number
        is held when a figure or Figure 4 row whose source is the section the number
        stands in publishes it (a change's sign is in the prose: "fell by 11 percent"
        is -11), or when a note quotes the phrase it stands in as left out.
        """
        published: set[tuple[str, str]] = set()
        for figure in report.figures:
            if figure.published is not None:
                published.add((_REMARK.sub("", figure.source), str(abs(figure.published))))
        for row in report.outcome_rates:
            published |= {(row.source, str(v)) for v in (row.count, row.rate) if v is not None}
        sections = _sections(text, {source for source, _ in published})
        starts = [start for start, _ in sections]

        def section(position: int) -> str:
            return sections[bisect.bisect_right(starts, position) - 1][1]

        noted = [
            (m.start(), m.end())
            for phrase in quoted
            for m in re.finditer(re.escape(phrase), text, re.IGNORECASE)
        ]
        blanked = text
        for not_figure in NOT_FIGURES.values():
            blanked = re.sub(not_figure, lambda m: " " * len(m.group()), blanked)
        missing = []
        for extract, can_be_published in ((_FRACTION, False), (_NUMBER, True)):
            for m in extract.finditer(blanked):
                if any(start <= m.start() and m.end() <= end for start, end in noted):
                    continue
                if can_be_published and (section(m.start()), _value(m.group())) in published:
                    continue
                context = text[max(0, m.start() - 50) : m.end() + 30].replace("\n", " ")
                missing.append(f"{m.group()!r} under {section(m.start())!r}: ...{context}...")
            blanked = extract.sub(lambda m: " " * len(m.group()), blanked)
        assert missing == []

    def test_notes_quote_the_report(self, text, quoted):
        """Every phrase a note quotes stands in the report as quoted."""
        assert quoted
        assert [phrase for phrase in quoted if phrase.lower() not in text.lower()] == []

    @pytest.mark.parametrize("name", list(NOT_FIGURES))
    def test_every_exception_is_used(self, text, name):
        """Each pattern of numbers that are not figures still matches the report."""
        assert re.search(NOT_FIGURES[name], text)
