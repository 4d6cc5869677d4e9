"""Names as people write them: forces, areas, regions, programmes and pillars, found or refused well."""

from __future__ import annotations

import difflib
import json
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelmodel import (
    AmbiguousReferenceError,
    AreaKind,
    InvalidTypeError,
    Pillar,
    UnknownReferenceError,
    grades,
)
from peelmodel.catalogues import areas, forces, programmes, questions
from peelmodel.catalogues._registry import AREA_PREFIXES, AREA_SUFFIXES, loose

#: Names from people's own writing, and the force each means.
WRITTEN = [
    ("thames valley", "thames-valley"),
    ("Avon and Somerset", "avon-and-somerset"),
    ("Avon & Somerset Constabulary", "avon-and-somerset"),
    ("devon and cornwall", "devon-and-cornwall"),
    ("north yorkshire", "north-yorkshire"),
    ("Greater Manchester", "greater-manchester"),
    ("South Wales", "south-wales"),
    ("City of London", "city-of-london"),
    ("city of london", "city-of-london"),
    ("met", "metropolitan"),
    ("the met", "metropolitan"),
    ("The Met Police", "metropolitan"),
    ("hants", "hampshire"),
    ("gmp", "greater-manchester"),
    ("TVP", "thames-valley"),
    ("  greater   manchester   police ", "greater-manchester"),
    ("Thames Valley Constabulary", "thames-valley"),
    ("metropolitan police service", "metropolitan"),
    ("dyfed powys", "dyfed-powys"),
    ("e23000030", "hampshire"),
    ("Heddlu Gwent", "gwent"),
]
DATA = json.loads(
    (resources.files("peelmodel.catalogues") / "data" / "areas.json").read_text(encoding="utf-8")
)


def _variant(name: str, upper: list[bool], hyphen: bool) -> str:
    """*name* with some letters in capitals and its spaces hyphens (or the other way)."""
    letters = [
        c.upper() if flip else c.lower() for c, flip in zip(name, upper * len(name), strict=False)
    ]
    text = "".join(letters)
    return text.replace(" ", "-") if hyphen else text.replace("-", " ")


class TestLoose:
    def test_forms(self):
        """Case, spaces, hyphens, slashes and & are alike; filler words at either end drop."""
        assert (
            loose("  Avon &  Somerset Constabulary ", suffixes=AREA_SUFFIXES) == "avon and somerset"
        )
        assert loose("The Met", prefixes=AREA_PREFIXES) == "met"
        assert loose("PEEL 2018/19", prefixes=("peel",)) == "2018 19"
        assert loose("peel2015") == "peel 2015"

    def test_never_empty_for_a_filler_word_alone(self):
        """A name that is only a filler word keeps it: nothing is left empty."""
        assert loose("Police", suffixes=AREA_SUFFIXES) == "police"


class TestForces:
    @pytest.mark.parametrize(("written", "force_id"), WRITTEN)
    def test_written_names(self, written, force_id):
        """Names as people write them find the force they mean."""
        assert forces.lookup(written).id == force_id

    @given(st.sampled_from(forces.all()), st.lists(st.booleans(), min_size=1), st.booleans())
    def test_any_case_and_separator(self, force, upper, hyphen):
        """Every force is found by its id or its name in any case, with spaces or hyphens."""
        assert forces.lookup(_variant(force.id, upper, hyphen)) == force
        assert forces.lookup(_variant(force.name, upper, hyphen)) == force

    @pytest.mark.parametrize("suffix", ["", " Police", " Constabulary", " Police Service"])
    def test_any_suffix(self, suffix):
        """'Police', 'Constabulary' and 'Police Service' may be added, left out or swapped."""
        for force in forces.all():
            bare = loose(force.name, suffixes=AREA_SUFFIXES)
            assert forces.lookup(bare + suffix) == force

    def test_get_stays_strict(self):
        """get() takes the exact id only, and its refusal points to the id."""
        assert forces.get("thames-valley").id == "thames-valley"
        with pytest.raises(UnknownReferenceError) as raised:
            forces.get("thames valley")
        assert raised.value.suggestions[0].startswith("thames-valley ")

    def test_a_region_is_not_a_force(self):
        """A region's name finds no force, and the message suggests forces."""
        with pytest.raises(UnknownReferenceError, match="unknown force 'wales'; did you mean"):
            forces.lookup("wales")

    def test_wrong_type(self):
        """A name that is not a string is a TypeError naming the function and the parameter."""
        with pytest.raises(InvalidTypeError, match=r"peelmodel\.forces\.lookup\.name"):
            forces.lookup(None)  # type: ignore[arg-type]


class TestSuggestions:
    def test_closest_first(self):
        """A misspelt name suggests the closest, by id and official name."""
        with pytest.raises(UnknownReferenceError) as raised:
            forces.lookup("Thames Vally")
        assert raised.value.suggestions == ("thames-valley (Thames Valley Police)",)
        assert str(raised.value).endswith("did you mean thames-valley (Thames Valley Police)?")

    def test_part_of_names(self):
        """A word in several names suggests them, up to three."""
        with pytest.raises(UnknownReferenceError) as raised:
            forces.lookup("yorkshire")
        assert [s.split()[0] for s in raised.value.suggestions] == [
            "north-yorkshire",
            "south-yorkshire",
            "west-yorkshire",
        ]

    def test_at_most_three(self):
        """No refusal suggests more than three names, and every one is close or contains it."""
        for name in ("kentt", "surey", "essexx", "wales", "shire", "police"):
            with pytest.raises(UnknownReferenceError) as raised:
                forces.lookup(name)
            assert len(raised.value.suggestions) <= 3
            for suggestion in raised.value.suggestions:
                force = forces.get(suggestion.split()[0])
                forms = [loose(n, suffixes=AREA_SUFFIXES) for n in (force.id, *areas.names(force))]
                assert any(
                    f" {loose(name)} " in f" {form} "
                    or difflib.SequenceMatcher(None, loose(name), form).ratio() >= 0.7
                    for form in forms
                )

    def test_nothing_close(self):
        """A name close to nothing says so, instead of listing ids."""
        with pytest.raises(UnknownReferenceError) as raised:
            forces.lookup("atlantis")
        assert raised.value.suggestions == ()
        assert str(raised.value) == "unknown force 'atlantis'; no close match among the 43 known"
        assert len(raised.value.known) == 43

    def test_small_registries_list_everything(self):
        """Where there are only a few keys, the message lists them all."""
        with pytest.raises(UnknownReferenceError) as raised:
            programmes.lookup("PEEL 1999")
        assert str(raised.value).endswith("known: " + ", ".join(p.id for p in programmes.all()))


class TestAreas:
    @pytest.mark.parametrize(
        ("written", "region_id"),
        [
            ("south-east", "south-east-region"),
            ("South East", "south-east-region"),
            ("SOUTH EAST REGION", "south-east-region"),
            ("Wales", "wales-region"),
            ("yorkshire & the humber", "yorkshire-and-the-humber-region"),
            ("Yorkshire and Humber", "yorkshire-and-the-humber-region"),
            ("E12000008", "south-east-region"),
        ],
    )
    def test_regions(self, written, region_id):
        """Regions are found by id, name, or loosely, and as regions when asked for one."""
        assert areas.lookup(written).id == region_id
        assert areas.lookup(written, kind=AreaKind.REGION).id == region_id

    def test_same_name_region_and_force(self):
        """'West Midlands' is the region's exact name; kind= chooses; a loose form is ambiguous."""
        assert areas.lookup("West Midlands").id == "west-midlands-region"
        assert areas.lookup("west-midlands").id == "west-midlands"
        assert areas.lookup("West Midlands", kind=AreaKind.FORCE).id == "west-midlands"
        with pytest.raises(AmbiguousReferenceError) as raised:
            areas.lookup("west_midlands")
        error = raised.value
        assert isinstance(error, LookupError)
        assert isinstance(error, UnknownReferenceError)
        assert error.candidates == (
            "west-midlands-region (West Midlands)",
            "west-midlands (West Midlands Police)",
        )
        assert "ambiguous area 'west_midlands'" in str(error)

    def test_kind_in_messages(self):
        """A region looked up by a force's name is refused as an unknown region."""
        with pytest.raises(UnknownReferenceError, match="unknown region 'hampshire'"):
            areas.lookup("hampshire", kind=AreaKind.REGION)


class TestEverydayNames:
    def test_sourced(self):
        """The everyday names carry a note on where they come from."""
        assert any(note.startswith("Everyday names") for note in DATA["sources"])

    def test_each_finds_its_area_only(self):
        """Each everyday name finds its own area, and no two areas share a loose form of a name."""
        owners: dict[str, str] = {}
        for entry in DATA["areas"]:
            for name in entry.get("everyday_names", ()):
                assert areas.lookup(name).id == entry["id"]
            area = areas.get(entry["id"])
            for name in (area.id, *areas.names(area)):
                form = loose(name, prefixes=AREA_PREFIXES, suffixes=AREA_SUFFIXES)
                assert owners.setdefault(form, area.id) == area.id or {owners[form], area.id} == {
                    "west-midlands",
                    "west-midlands-region",
                }

    def test_not_in_the_model(self):
        """Everyday names help lookup only: a force's aliases stay the official ones."""
        assert forces.get("hampshire").aliases == ()
        assert "Hants" in areas.names(forces.get("hampshire"))


class TestProgrammesAndPillars:
    @pytest.mark.parametrize(
        ("written", "programme_id"),
        [
            ("PEEL 2015", "peel-2015"),
            ("2015", "peel-2015"),
            ("peel2015", "peel-2015"),
            ("2018/19", "peel-2018-19"),
            ("PEEL 2021-22", "peel-2021-22"),
            ("peel 2023/25", "peel-2023-25"),
        ],
    )
    def test_programmes(self, written, programme_id):
        """Programmes are found by id, name, or year, with any separator."""
        assert programmes.lookup(written).id == programme_id

    @pytest.mark.parametrize(
        ("written", "pillar"),
        [
            ("Effectiveness", Pillar.EFFECTIVENESS),
            ("police efficiency", Pillar.EFFICIENCY),
            (" LEGITIMACY ", Pillar.LEGITIMACY),
            (Pillar.LEADERSHIP, Pillar.LEADERSHIP),
        ],
    )
    def test_pillars(self, written, pillar):
        """Pillars are found by name in any case, with or without 'police'."""
        assert programmes.pillar(written) is pillar

    def test_unknown_pillar_lists_the_four(self):
        """An unknown pillar lists the four."""
        with pytest.raises(UnknownReferenceError, match="known: effectiveness, efficiency"):
            programmes.pillar("effectivness")

    def test_shared_question_text_finds_the_earliest(self):
        """A question text several programmes ask is not refused: the earliest is found."""
        found = questions.lookup(
            "how efficient is the force at keeping people safe and reducing crime?"
        )
        assert found.id == "peel-2015.efficiency"


class TestGradesSelect:
    def test_names_as_written(self):
        """grades.select finds forces, programmes, pillars and regions as the registries do."""
        from_names = grades.select(
            force="hants", programme="PEEL 2015", pillar="Effectiveness", region="South East"
        )
        from_ids = grades.select(
            force="hampshire",
            programme="peel-2015",
            pillar="effectiveness",
            region="south-east-region",
        )
        assert from_names == from_ids
        assert from_names

    def test_a_force_is_not_a_region(self):
        """A force's id given as a region is refused as an unknown region."""
        with pytest.raises(UnknownReferenceError, match="unknown region 'hampshire'"):
            grades.select(region="hampshire")
