"""Tests of the ``peelmodel aggregate`` command."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest

from peelmodel import Basis, Figure, Inspection, Period, Pillar, datasets, dumps
from peelmodel.catalogues import areas, forces, programmes
from peelmodel.cli import main

AT = Period.as_at(date(2015, 6, 30))


def _inspection(force, ocgs, population):
    def figure(key, measure, basis, published):
        return Figure(
            id=f"{force}.{key}",
            label=key,
            measure=measure,
            area=areas.get(force),
            period=AT,
            basis=basis,
            published=published,
            source="generated",
        )

    return Inspection(
        force=forces.get(force),
        programme=programmes.get("peel-2015"),
        pillar=Pillar.EFFECTIVENESS,
        title=f"Generated inspection of {force}",
        published=date(2016, 2, 1),
        figures=(
            figure("ocgs.count", "ocgs", Basis.COUNT, Decimal(ocgs)),
            figure("population.count", "population", Basis.COUNT, Decimal(population)),
            figure("ocgs.per-million-population", "ocgs", Basis.PER_MILLION_POPULATION, None),
        ),
    )


@pytest.fixture
def files(tmp_path):
    """Documents of Kent (60 OCGs, 1.5 million people) and Surrey (20, 0.5 million)."""
    paths = []
    for force, ocgs, population in (("kent", 60, 1_500_000), ("surrey", 20, 500_000)):
        path = tmp_path / f"{force}.json"
        path.write_text(dumps(_inspection(force, ocgs, population)), encoding="utf-8")
        paths.append(str(path))
    return paths


def _run(capsys, *argv):
    code = main(["aggregate", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _spawn(*argv):
    """Run ``python -m peelmodel aggregate`` in a child process."""
    return subprocess.run(  # noqa: S603 - the project's own command
        [sys.executable, "-m", "peelmodel", "aggregate", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


class TestAggregateCommand:
    def test_json_national(self, capsys, files):
        """JSON output has the group, its exact figures and the 41 missing forces."""
        code, out, err = _run(capsys, *files, "--format", "json")
        assert (code, err) == (0, "")
        document = json.loads(out)
        assert document["by"] == "national"
        (group,) = document["groups"]
        assert group["area"] == "england-and-wales"
        assert len(group["missing"]) == 41
        rate = next(f for f in group["figures"] if f["id"].endswith("ocgs.per-million-population"))
        assert (rate["low"], rate["high"], rate["exact"], rate["value"]) == ("40", "40", True, "40")

    def test_json_region(self, capsys, files):
        """--by region gives one group per region with its missing forces."""
        code, out, _ = _run(capsys, *files, "--by", "region", "--format", "json")
        assert code == 0
        (group,) = json.loads(out)["groups"]
        assert group["area"] == "south-east-region"
        assert group["missing"] == ["hampshire", "sussex", "thames-valley"]

    def test_json_msg_mean(self, capsys, files):
        """--msg gives the unweighted mean of the forces' rates."""
        code, out, _ = _run(
            capsys, *files, "--by", "msg", "--msg", "kent,surrey,essex", "--format", "json"
        )
        assert code == 0
        (group,) = json.loads(out)["groups"]
        assert group["missing"] == ["essex"]
        rate = next(f for f in group["figures"] if f["key"] == "ocgs.per-million-population")
        assert rate["value"] == "40"
        assert rate["method"] == "mean"
        assert rate["missing"] == ["essex"]

    def test_csv(self, capsys, files):
        """CSV output has a header and one row per figure, and notes missing forces."""
        code, out, err = _run(capsys, *files, "--by", "region", "--format", "csv")
        assert code == 0
        rows = list(csv.DictReader(io.StringIO(out)))
        assert {row["id"] for row in rows} == {
            "south-east-region.ocgs.count",
            "south-east-region.population.count",
            "south-east-region.ocgs.per-million-population",
        }
        count = next(row for row in rows if row["id"] == "south-east-region.ocgs.count")
        assert (count["low"], count["exact"], count["forces"]) == ("80", "True", "kent,surrey")
        note = "south-east-region: missing hampshire, sussex, thames-valley"
        assert err == f"peelmodel: note: {note}\n"

    def test_csv_bounds_are_written_as_in_json(self, capsys, tmp_path):
        """CSV bounds are the exact text of the JSON output (``40.5``, not ``81/2``)."""
        files = []
        for force, ocgs, population in (("kent", 61, 1_500_000), ("surrey", 20, 500_000)):
            path = tmp_path / f"{force}.json"
            path.write_text(dumps(_inspection(force, ocgs, population)), encoding="utf-8")
            files.append(str(path))
        _, out, _ = _run(capsys, *files, "--format", "csv")
        written = {row["id"]: (row["low"], row["high"]) for row in csv.DictReader(io.StringIO(out))}
        _, out, _ = _run(capsys, *files, "--format", "json")
        figures = json.loads(out)["groups"][0]["figures"]
        assert written == {f["id"]: (f["low"], f["high"] or "") for f in figures}
        assert written["england-and-wales.ocgs.per-million-population"] == ("40.5", "40.5")

    def test_table(self, capsys, files):
        """The table names the group, its missing forces and the values."""
        code, out, _ = _run(capsys, *files, "--by", "region")
        assert code == 0
        assert "South East (south-east-region): ratio-of-sums over 2 of 5 forces" in out
        assert "missing: hampshire, sussex, thames-valley" in out
        assert "ocgs.per-million-population" in out

    def test_rules_none(self, capsys, files):
        """--rules none applies no rule."""
        code, out, _ = _run(capsys, *files, "--rules", "none", "--format", "json")
        assert code == 0
        assert json.loads(out)["groups"][0]["rules"] == []

    @pytest.mark.parametrize(
        "argv",
        [
            ["--by", "msg"],
            ["--msg", "kent", "--by", "region"],
            ["--msg", "kent,atlantis"],
            ["--rules", "exclude-everyone"],
            ["--format", "xml"],
        ],
    )
    def test_invalid_options_exit_2(self, capsys, files, argv):
        """Invalid options exit 2 with one line on stderr starting peelmodel:."""
        code, out, err = _run(capsys, *files, *argv)
        assert code == 2
        assert out == ""
        assert err.count("\n") == 1
        assert err.startswith("peelmodel: ")
        assert "Traceback" not in err

    def test_unreadable_file_exits_2(self, capsys, tmp_path):
        """A missing file exits 2 with one line naming it."""
        absent = tmp_path / "absent.json"
        code, _, err = _run(capsys, str(absent))
        assert code == 2
        assert err.startswith(f"peelmodel: {absent}: no such file")
        assert err.count("\n") == 1

    def test_invalid_document_exits_2(self, capsys, tmp_path):
        """A document that is not an inspection exits 2, one line per problem naming the file."""
        path = tmp_path / "bad.json"
        path.write_text('{"format": "peelmodel"}', encoding="utf-8")
        code, _, err = _run(capsys, str(path))
        assert code == 2
        lines = err.splitlines()
        assert f"peelmodel: {path}: $.version: expected 1, found None" in lines
        assert all(line.startswith(f"peelmodel: {path}: $") for line in lines)

    def test_incompatible_figures_exit_2(self, capsys, tmp_path):
        """Figures that cannot be combined exit 2."""
        kent = _inspection("kent", 60, 1_500_000)
        surrey = _inspection("surrey", 20, 500_000)
        moved = Figure(
            id="surrey.ocgs.count",
            label="ocgs",
            measure="ocgs",
            area=areas.get("surrey"),
            period=Period.as_at(date(2014, 6, 30)),
            basis=Basis.COUNT,
            published=Decimal(20),
            source="generated",
        )
        surrey = Inspection(
            force=surrey.force,
            programme=surrey.programme,
            pillar=surrey.pillar,
            title=surrey.title,
            published=surrey.published,
            figures=(moved,),
        )
        paths = []
        for inspection in (kent, surrey):
            path = tmp_path / f"{inspection.force.id}.json"
            path.write_text(dumps(inspection), encoding="utf-8")
            paths.append(str(path))
        code, _, err = _run(capsys, *paths)
        assert code == 2
        assert err.startswith("peelmodel: ")
        assert "differ in basis, measure or period" in err

    def test_embedded_dataset(self, capsys):
        """An embedded dataset name is accepted as a FILE."""
        code, out, _ = _run(capsys, "hampshire-2015", "--by", "region", "--format", "json")
        assert code == 0
        (group,) = json.loads(out)["groups"]
        ocgs = next(f for f in group["figures"] if f["key"] == "ocgs.count")
        assert ocgs["value"] == "62"


class TestOneInputPerForce:
    def test_same_force_twice(self, capsys, files, tmp_path):
        """Two inputs for one force exit 2 with one line naming both."""
        copy = tmp_path / "kent-copy.json"
        copy.write_text((tmp_path / "kent.json").read_text(encoding="utf-8"), encoding="utf-8")
        code, out, err = _run(capsys, *files, str(copy))
        assert (code, out) == (2, "")
        assert err == (
            f"peelmodel: {copy}: a second input for kent, after {files[0]}: give each force once\n"
        )

    def test_same_file_twice(self, capsys, files):
        """The same file given twice is two inputs for its force."""
        code, _, err = _run(capsys, files[0], files[0], "--format", "json")
        assert code == 2
        assert err.count(files[0]) == 2

    def test_dataset_and_its_copy(self, tmp_path):
        """Through the real command, a dataset and a copy of it exit 2, naming both, printing nothing."""
        copy = tmp_path / "hampshire.json"
        copy.write_text(datasets.text("hampshire-2015"), encoding="utf-8")
        done = _spawn("hampshire-2015", str(copy), "--format", "csv")
        assert (done.returncode, done.stdout) == (2, "")
        reason = "a second input for hampshire, after hampshire-2015: give each force once"
        assert done.stderr.splitlines() == [f"peelmodel: {copy}: {reason}"]

    def test_each_force_once(self):
        """One input per force aggregates: exit 0."""
        done = _spawn("hampshire-2015", "--format", "json")
        assert (done.returncode, done.stderr) == (0, "")


class TestAggregateTable:
    def test_numbers_grouped(self, capsys):
        """Every value and force count in the table is grouped the same way."""
        code, out, _ = _run(capsys, "hampshire-2015")
        assert code == 0
        rows = {line.split()[0]: line for line in out.splitlines() if line}
        assert "17,420" in rows["outcomes.type-1.count"].split()
        assert "56,337" in rows["asb-incidents.count"].split()
