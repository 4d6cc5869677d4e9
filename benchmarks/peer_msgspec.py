"""The peelmodel document classes as msgspec Structs, with the same rules.

msgspec checks types, constraints and unknown keys while decoding; each
Struct's ``__post_init__`` then runs the class's cross-field rules (the same
functions as the pydantic peer). Periods are read by a ``dec_hook``; figures
are strings matched by a pattern and kept as ``Decimal``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Annotated, Any

import msgspec
import reference as ref
from msgspec.structs import force_setattr
from reference import Basis, Grade, Pillar, Qualifier

__all__ = ["Inspection", "InspectionDocument", "OutcomeRate", "Span", "decode", "encode"]


class Span:
    """A period (start, end), read from and written as ISO 8601 text."""

    __slots__ = ("_pair",)

    def __init__(self, pair: tuple[date, date]) -> None:
        self._pair = pair

    def __getitem__(self, index: int) -> date:
        return self._pair[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Span) and self._pair == other._pair

    def __hash__(self) -> int:
        return hash(self._pair)


def _dec_hook(kind: type, value: Any) -> Any:
    if kind is Span:
        return Span(ref.parse_period(value))
    raise NotImplementedError


def _enc_hook(value: Any) -> Any:
    if isinstance(value, Span):
        return ref.format_period(value._pair)
    raise NotImplementedError


Count = Annotated[int, msgspec.Meta(ge=0, le=ref.MAX_COUNT)]
Positive = Annotated[int, msgspec.Meta(ge=1, le=ref.MAX_COUNT)]
DecimalText = Annotated[str, msgspec.Meta(pattern=rf"^{ref.DECIMAL_TEXT.pattern}$")]
DateText = Annotated[str, msgspec.Meta(pattern=rf"^{ref.DATE_TEXT.pattern}$")]


@lru_cache(maxsize=4096)
def _published(value: str, *, signed: bool = False) -> Decimal:
    number = Decimal(value)
    if not signed and number.is_signed():
        raise ValueError("must not be negative")
    if abs(number) > ref.MAX_COUNT:
        raise ValueError("out of range")
    return number


class _Struct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    pass


class OutcomeRate(_Struct):
    area: str
    period: Span
    outcome: str
    count: Count | None = None
    rate: DecimalText | None = None
    offences: Positive | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        if self.rate is not None:
            force_setattr(self, "rate", _published(self.rate))
        ref.check_outcome_rate(self)


class Figure(_Struct):
    id: str
    label: str
    measure: str
    area: str
    period: Span
    basis: Basis
    published: DecimalText | None
    source: str
    of: str | None = None
    baseline: Span | None = None
    excluding: tuple[str, ...] = ()
    qualifier: Qualifier = Qualifier.EXACTLY

    def __post_init__(self) -> None:
        if self.published is not None:
            force_setattr(self, "published", _published(self.published, signed=True))
        ref.check_figure(self)


class Judgment(_Struct):
    question: str
    grade: Grade

    def __post_init__(self) -> None:
        ref.check_judgment(self)


class AreaForImprovement(_Struct):
    question: str
    text: str

    def __post_init__(self) -> None:
        ref.check_question(self.question)
        ref.check_text(self.text)


class Recommendation(AreaForImprovement):
    pass


class CauseOfConcern(_Struct):
    question: str
    text: str
    recommendations: Annotated[tuple[Recommendation, ...], msgspec.Meta(min_length=1)]

    def __post_init__(self) -> None:
        ref.check_question(self.question)
        ref.check_text(self.text)


class Inspection(_Struct):
    force: str
    programme: str
    pillar: Pillar
    title: str
    published: DateText
    fieldwork: tuple[Span, ...] = ()
    judgments: tuple[Judgment, ...] = ()
    areas_for_improvement: tuple[AreaForImprovement, ...] = ()
    causes_of_concern: tuple[CauseOfConcern, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    outcome_rates: tuple[OutcomeRate, ...] = ()
    figures: tuple[Figure, ...] = ()
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        force_setattr(self, "published", date.fromisoformat(self.published))
        ref.check_inspection(self)


class InspectionDocument(Inspection, kw_only=True):
    """An inspection with the document header, as ``peelmodel.dumps`` writes it."""

    format: str
    version: int
    kind: str

    def __post_init__(self) -> None:
        if (self.format, self.version, self.kind) != ("peelmodel", 1, "Inspection"):
            raise ValueError("not a peelmodel Inspection document")
        super().__post_init__()


_DECODERS: dict[Any, msgspec.json.Decoder[Any]] = {}
_ENCODER = msgspec.json.Encoder(enc_hook=_enc_hook, decimal_format="string")


def decode(text: str | bytes, kind: Any) -> Any:
    """Read JSON *text* as *kind*."""
    decoder = _DECODERS.get(kind)
    if decoder is None:
        decoder = _DECODERS[kind] = msgspec.json.Decoder(kind, dec_hook=_dec_hook)
    return decoder.decode(text)


def convert(data: Any, kind: Any) -> Any:
    """Build *kind* from JSON-shaped *data*."""
    return msgspec.convert(data, kind, dec_hook=_dec_hook)


def encode(obj: Any) -> bytes:
    """Write *obj* as JSON."""
    return _ENCODER.encode(obj)
