"""Strategies that draw provenance: kinds of source, inferences, earlier grades, conflicts.

Re-exported by :mod:`peelmodel.strategies`. Kinds of source come about as
often as the grades record of PEEL 2021/22 on names them.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from peelmodel.model.grade import FIVE_GRADE, Grade
from peelmodel.model.provenance import EarlierGrade, Inference, SourceConflict, SourceKind
from peelmodel.model.record import FORCE_COUNT
from peelmodel.strategies._proportions import grades_table, weighted

__all__ = ["NEWS", "PRESS", "earlier_grades", "inferences", "source_conflicts", "source_kinds"]

#: News pages of HMIC and HMICFRS.
NEWS = (
    "https://hmicfrs.justiceinspectorates.gov.uk/news/news-feed/",
    "https://www.justiceinspectorates.gov.uk/hmicfrs/news/news-feed/",
)
#: Pages of the press, and of others.
PRESS = ("https://www.example-gazette.co.uk/news/", "https://www.policeprofessional.com/news/")
_WHY = ("an HMICFRS report page states the grade", "the force's report page was updated later")


def source_kinds() -> st.SearchStrategy[SourceKind]:
    """Kinds of source, about as often as the record's PEEL 2021/22 on entries name them.

    >>> from hypothesis import given
    >>> @given(source_kinds())
    ... def test_kind(kind):
    ...     assert isinstance(kind, SourceKind)
    >>> test_kind()
    """
    return st.deferred(
        lambda: weighted(tuple(SourceKind), grades_table(FIVE_GRADE.id).values["source_kind"])
    )


def inferences() -> st.SearchStrategy[Inference]:
    """Inferences from a national statement, with arithmetic in words."""
    return st.builds(
        Inference,
        statement=st.sampled_from(NEWS).map(lambda news: f"{news}peel/"),
        arithmetic=st.integers(1, FORCE_COUNT).map(
            lambda n: f"{n} forces graded so nationally; {n - 1} recorded so; so this force is"
        ),
    )


def earlier_grades() -> st.SearchStrategy[EarlierGrade]:
    """Grades held before a change, with the dates they stood (a start where a source gives one)."""
    return st.builds(
        lambda grade, since, days, kind: EarlierGrade(
            grade=grade,
            since=since,
            until=(since or date(2022, 1, 1)) + timedelta(days=days),
            source=f"{NEWS[0]}peel/",
            source_kind=kind,
            quote=f"the grade was changed from {grade.label.lower()}",
        ),
        st.sampled_from(tuple(Grade)),
        st.none() | st.dates(date(2021, 1, 1), date(2025, 12, 31)),
        st.integers(0, 700),
        source_kinds(),
    )


def source_conflicts() -> st.SearchStrategy[SourceConflict]:
    """Grades another page states, not followed, with the reason."""
    return st.builds(
        lambda grade, press, why: SourceConflict(
            grade=grade,
            source=f"{press}peel/",
            source_kind=SourceKind.PRESS,
            quote=f"rated {grade.label.lower()}",
            why_not_followed=why,
        ),
        st.sampled_from(tuple(Grade)),
        st.sampled_from(PRESS),
        st.sampled_from(_WHY),
    )
