"""Write the tables that come from the PEEL grades record and question catalogues into the docs.

    python docs/grades_tables.py          # rewrite the tables in place
    python docs/grades_tables.py --check  # exit 1, naming the page, if a table is stale

Each table stands between ``<!-- NAME: start -->`` and ``<!-- NAME: end -->``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from peelmodel import grades
from peelmodel.catalogues import questions
from peelmodel.model.question import QuestionLevel

DOCS = Path(__file__).resolve().parent
#: The programmes whose catalogues the catalogue page lists in full (PEEL 2015 has its own table).
CATALOGUED = ("peel-2014", "peel-2016", "peel-2017", "peel-2018-19")


def question_tables() -> str:
    """One Markdown table per programme: question id, level, whether graded, wording."""
    parts: list[str] = []
    for programme in CATALOGUED:
        found = questions.all(programme=programme)
        parts += [
            f"**{found[0].programme.name}**",
            "",
            "| id | level | graded | text |",
            "|---|---|---|---|",
            *(
                f"| `{q.id}` | {q.level.value} | {'yes' if q.graded else 'no'} | {q.text} |"
                for q in found
                if q.level is not QuestionLevel.DIAGNOSTIC
            ),
            "",
        ]
    return "\n".join(parts).rstrip("\n")


#: page → block name → the text the block holds.
BLOCKS = {
    DOCS / "grades-record.md": {"coverage": grades.coverage_table},
    DOCS / "catalogues.md": {"questions": question_tables},
}


def updated(text: str, name: str, body: str) -> str:
    """*text* with the block *name* holding *body*."""
    pattern = re.compile(rf"(<!-- {name}: start -->\n).*?(<!-- {name}: end -->)", re.DOTALL)
    if not pattern.search(text):
        raise SystemExit(f"no block {name!r}")
    return pattern.sub(lambda match: f"{match.group(1)}{body}\n{match.group(2)}", text)


def main(argv: list[str]) -> int:
    """Rewrite the blocks, or with ``--check`` report the pages whose blocks are stale."""
    stale: list[str] = []
    for page, blocks in BLOCKS.items():
        text = page.read_text(encoding="utf-8")
        new = text
        for name, build in blocks.items():
            new = updated(new, name, build())
        if new != text:
            stale.append(page.name)
            if "--check" not in argv:
                page.write_text(new, encoding="utf-8")
    if stale and "--check" in argv:
        sys.stderr.write(f"stale tables in {', '.join(stale)}: run python docs/grades_tables.py\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
