"""The peelmodel document classes in pydantic v2, with the same rules.

Strict where peelmodel is strict (no bool for an int, no number for a
string), unknown keys forbidden, figures as strings read to ``Decimal``,
references as ids checked against the same catalogues (``reference``), and
each class's cross-field rules in one ``model_validator(mode="after")``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

import reference as ref
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    Strict,
    TypeAdapter,
    model_validator,
)
from reference import Basis, Grade, Pillar, Qualifier

__all__ = ["ROWS", "Inspection", "InspectionDocument", "OutcomeRate"]


def _in(ids: Any, kind: str) -> Any:
    def check(value: str) -> str:
        if value not in ids:
            raise ValueError(f"unknown {kind} {value!r}")
        return value

    return AfterValidator(check)


Count = Annotated[int, Field(ge=0, le=ref.MAX_COUNT)]
Positive = Annotated[int, Field(ge=1, le=ref.MAX_COUNT)]
Text = Annotated[str, AfterValidator(ref.check_text)]
Period = Annotated[
    tuple[date, date], PlainValidator(ref.parse_period), PlainSerializer(ref.format_period)
]
Day = Annotated[date, PlainValidator(ref.parse_date), PlainSerializer(date.isoformat)]
Published = Annotated[Decimal, PlainValidator(ref.check_decimal), PlainSerializer(str)]
SignedPublished = Annotated[
    Decimal, PlainValidator(lambda v: ref.check_decimal(v, signed=True)), PlainSerializer(str)
]
AreaId = Annotated[str, _in(ref.AREA_IDS, "area")]
QuestionId = Annotated[str, _in(ref.QUESTIONS, "question")]
OutcomeId = Annotated[str, _in(ref.TYPE_VALID_FROM.keys() | ref.GROUP_MEMBERS.keys(), "outcome")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class OutcomeRate(_Model):
    area: AreaId
    period: Period
    outcome: OutcomeId
    count: Count | None = None
    rate: Published | None = None
    offences: Positive | None = None
    source: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> OutcomeRate:
        ref.check_outcome_rate(self)
        return self


class Figure(_Model):
    id: str
    label: str
    measure: str
    area: AreaId
    period: Period
    basis: Annotated[Basis, Strict(strict=False)]
    published: SignedPublished | None
    source: str
    of: str | None = None
    baseline: Period | None = None
    excluding: Annotated[tuple[AreaId, ...], Strict(strict=False)] = ()
    qualifier: Annotated[Qualifier, Strict(strict=False)] = Qualifier.EXACTLY

    @model_validator(mode="after")
    def _check(self) -> Figure:
        ref.check_figure(self)
        return self


class Judgment(_Model):
    question: QuestionId
    grade: Annotated[Grade, Strict(strict=False)]

    @model_validator(mode="after")
    def _check(self) -> Judgment:
        ref.check_judgment(self)
        return self


class AreaForImprovement(_Model):
    question: QuestionId
    text: Text


class Recommendation(_Model):
    question: QuestionId
    text: Text


class CauseOfConcern(_Model):
    question: QuestionId
    text: Text
    recommendations: Annotated[
        tuple[Recommendation, ...], Strict(strict=False), Field(min_length=1)
    ]


class Inspection(_Model):
    force: str
    programme: str
    pillar: Annotated[Pillar, Strict(strict=False)]
    title: str
    published: Day
    fieldwork: Annotated[tuple[Period, ...], Strict(strict=False)] = ()
    judgments: Annotated[tuple[Judgment, ...], Strict(strict=False)] = ()
    areas_for_improvement: Annotated[tuple[AreaForImprovement, ...], Strict(strict=False)] = ()
    causes_of_concern: Annotated[tuple[CauseOfConcern, ...], Strict(strict=False)] = ()
    recommendations: Annotated[tuple[Recommendation, ...], Strict(strict=False)] = ()
    outcome_rates: Annotated[tuple[OutcomeRate, ...], Strict(strict=False)] = ()
    figures: Annotated[tuple[Figure, ...], Strict(strict=False)] = ()
    notes: Annotated[tuple[str, ...], Strict(strict=False)] = ()

    @model_validator(mode="after")
    def _check(self) -> Inspection:
        ref.check_inspection(self)
        return self


class InspectionDocument(Inspection):
    """An inspection with the document header, as ``peelmodel.dumps`` writes it."""

    format: Literal["peelmodel"]
    version: Literal[1]
    kind: Literal["Inspection"]


#: A flat JSON array of outcome rows.
ROWS: TypeAdapter[list[OutcomeRate]] = TypeAdapter(list[OutcomeRate])
