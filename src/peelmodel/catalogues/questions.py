"""The catalogue of inspection questions of PEEL 2014 to 2018/19.

>>> from peelmodel import questions
>>> questions.get("peel-2015.effectiveness.3").text
'How effective is the force at protecting those who are vulnerable from harm and supporting victims?'
>>> [q.number for q in questions.children(questions.get("peel-2015.effectiveness"))]
['1', '2', '3', '4']
"""

from __future__ import annotations

from typing import Final

from peelmodel._typecheck import checked
from peelmodel.catalogues import programmes
from peelmodel.catalogues._registry import Registry, read_data
from peelmodel.model.grade import Pillar
from peelmodel.model.question import InspectionQuestion, QuestionLevel

__all__ = ["InspectionQuestion", "QuestionLevel", "all", "children", "get", "headline", "lookup"]

_CATALOGUES: Final = tuple(
    f"questions-{programme}.json"
    for programme in ("peel-2014", "peel-2015", "peel-2016", "peel-2017", "peel-2018-19")
)


def _build() -> list[InspectionQuestion]:
    built: list[InspectionQuestion] = []
    for name in _CATALOGUES:
        document = read_data(name)
        programme = programmes.get(document["programme"])
        built.extend(
            InspectionQuestion(
                programme=programme,
                pillar=Pillar(entry["pillar"]),
                number=entry["number"],
                text=entry["text"],
                graded=entry["graded"],
            )
            for entry in document["questions"]
        )
    return built


_REGISTRY: Final = Registry[InspectionQuestion](
    "question", _build, key=lambda q: q.id, names=lambda q: (q.text,), first_of_shared=True
)


@checked
def get(question_id: str) -> InspectionQuestion:
    """Return the question with this id, such as ``"peel-2015.effectiveness.2"``."""
    return _REGISTRY.get(question_id)


@checked
def lookup(text: str) -> InspectionQuestion:
    """Return the question with this id or exact text, ignoring case.

    A text that several programmes ask finds the earliest programme's question.
    """
    return _REGISTRY.lookup(text)


@checked
def all(  # noqa: A001 - the registry's documented name
    *, programme: str | None = None, pillar: Pillar | None = None
) -> tuple[InspectionQuestion, ...]:
    """Every question, optionally of one programme and pillar, in catalogue order."""
    return tuple(
        q
        for q in _REGISTRY
        if (programme is None or q.programme.id == programme)
        and (pillar is None or q.pillar is pillar)
    )


@checked
def headline(programme: str, pillar: Pillar) -> InspectionQuestion:
    """The headline question of a programme's pillar: its grade is the overall judgment."""
    return get(f"{programme}.{pillar.value}")


@checked
def children(question: InspectionQuestion) -> tuple[InspectionQuestion, ...]:
    """The questions directly below *question*."""
    return tuple(q for q in _REGISTRY if q.parent_id == question.id)
