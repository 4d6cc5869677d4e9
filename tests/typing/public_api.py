"""Uses of the public API with precise types, checked by ``mypy --strict``.

Not a test module: tests/test_typing.py runs mypy over this file.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import peelmodel
from peelmodel import datasets
from peelmodel.analysis.assessment import Assessment, FigureResult, assess
from peelmodel.analysis.judging import modelled_overall, overall_anomalies
from peelmodel.analysis.reproduction import Comparison
from peelmodel.analysis.status import Status
from peelmodel.arithmetic import Band, band, percentage_change, publish, rate, round_half_up
from peelmodel.catalogues import areas, forces, outcomes, programmes, questions

hampshire: peelmodel.Force = forces.get("hampshire")
every_force: tuple[peelmodel.Force, ...] = forces.all()
found: peelmodel.Force = forces.lookup("E23000030")
national: peelmodel.Area = areas.ENGLAND_AND_WALES
region: peelmodel.Area = hampshire.region
kind: peelmodel.AreaKind = national.kind
code: str = hampshire.ons_code

programme: peelmodel.Programme = programmes.get("peel-2015")
scale: peelmodel.GradingScale = programme.scale
grades: tuple[peelmodel.Grade, ...] = scale.grades
question: peelmodel.InspectionQuestion = questions.get("peel-2015.effectiveness.2")
level: peelmodel.QuestionLevel = question.level
parent: str | None = question.parent_id
judgment = peelmodel.Judgment(question=question, grade=peelmodel.Grade.GOOD)
grade: peelmodel.Grade = judgment.grade

charged: peelmodel.OutcomeType = outcomes.type(1)
formal: peelmodel.OutcomeGroup = outcomes.group("out-of-court-formal")
either: peelmodel.OutcomeType | peelmodel.OutcomeGroup = outcomes.get("type-8")
period: peelmodel.Period = peelmodel.Period.twelve_months_to(date(2015, 6, 30))
row = peelmodel.OutcomeRate(
    area=hampshire, period=period, outcome=charged, count=17_420, rate=Decimal("14.4")
)
count: int | None = row.count
published_rate: Decimal | None = row.rate

figure = peelmodel.Figure(
    id="hampshire.recorded-crime.per-1000-population",
    label="Recorded crime (excluding fraud)",
    measure="recorded-crime",
    area=hampshire,
    period=period,
    basis=peelmodel.Basis.PER_1000_POPULATION,
    published=Decimal("62.5"),
    source="Figure 2",
)
places: int | None = figure.places
finding = peelmodel.AreaForImprovement(question=question, text="Supervise investigations.")
recommendation = peelmodel.Recommendation(question=question, text="Act.")
concern = peelmodel.CauseOfConcern(
    question=question, text="A shortcoming.", recommendations=(recommendation,)
)

report: peelmodel.Inspection = datasets.load("hampshire-2015")
names: tuple[str, ...] = datasets.names()
overall: peelmodel.Judgment | None = report.overall
text: str = peelmodel.dumps(report)
again: peelmodel.Inspection = peelmodel.loads(text, peelmodel.Inspection)
force_again: peelmodel.Force = peelmodel.loads(peelmodel.dumps(hampshire), peelmodel.Force)
period_again: peelmodel.Period = peelmodel.loads(peelmodel.dumps(period), peelmodel.Period)

assessment: Assessment = assess(report)
results: tuple[FigureResult, ...] = assessment.figures
status: Status = results[0].status
derived: Decimal | None = results[0].derived
comparisons: tuple[Comparison, ...] = assessment.comparisons
counts: dict[Status, int] = assessment.counts()
anomalies: tuple[str, ...] = overall_anomalies(report)
modelled: peelmodel.Grade = modelled_overall([peelmodel.Grade.GOOD])

exact: Fraction = rate(17_420, 121_000, per=100)
change: Fraction = percentage_change(56_337, 60_580)
rounded: Decimal = publish(exact, 1)
half_up: Decimal = round_half_up(Fraction(145, 10), 0)
interval: Band = band(Decimal("14.4"))

try:
    forces.get("atlantis")
except peelmodel.UnknownReferenceError as error:
    key: object = error.key
try:
    peelmodel.loads("{}", peelmodel.Inspection)
except peelmodel.DocumentError as error:
    problems: tuple[peelmodel.Problem, ...] = error.problems
    paths: list[str] = [problem.path for problem in problems]
except peelmodel.PeelModelError:
    pass

findings_record: peelmodel.FindingsRecord = peelmodel.findings.record()
hampshire_findings: tuple[peelmodel.FindingEntry, ...] = peelmodel.findings.select(
    force="hampshire", kind=peelmodel.FindingKind.AREA_FOR_IMPROVEMENT
)
finding_area: str | None = hampshire_findings[0].area
finding_counts: tuple[peelmodel.FindingCount, ...] = peelmodel.findings.counts(
    programme="peel-2015"
)
source_kind: peelmodel.SourceKind = hampshire_findings[0].source_kind
entry_kind: peelmodel.SourceKind | None = peelmodel.grades.select(force="kent")[0].source_kind
earlier: tuple[peelmodel.EarlierGrade, ...] = peelmodel.grades.select(force="kent")[0].history
inference: peelmodel.Inference | None = peelmodel.grades.select(force="kent")[0].inferred
areas_2023: tuple[peelmodel.InspectionQuestion, ...] = questions.areas("peel-2023-25")
grades_file: peelmodel.GradesRecord = datasets.read_grades(
    '{"programme": "peel-2021-22", "notes": [], "entries": [], "statements": []}'
)
