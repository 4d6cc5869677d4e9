"""A read-only, lazily built registry of reference entries, found by id or as people write names.

:meth:`Registry.get` is strict: the exact id. :meth:`Registry.lookup` is
forgiving, in three steps, each tried only if the one before finds nothing:

1. the exact id;
2. an id, name, alias or code, ignoring case and spaces around and between words;
3. the same, written loosely (:func:`loose`): spaces, hyphens, slashes and
   ``&``/``and`` alike, and the registry's filler words (``the``,
   ``Police``, ``Constabulary``...) left out.

A step that finds two entries refuses the name, naming both
(:class:`~peelmodel.errors.AmbiguousReferenceError`); a name no step finds is
refused with the closest names (:class:`~peelmodel.errors.UnknownReferenceError`).

>>> loose("  Avon &  Somerset Constabulary ", suffixes=("constabulary",))
'avon and somerset'
>>> loose("PEEL 2018/19", prefixes=("peel",)), loose("peel2015")
('2018 19', 'peel 2015')
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from importlib import resources
from typing import Any, Generic, TypeVar

from peelmodel.errors import AmbiguousReferenceError, InvalidTypeError, UnknownReferenceError

__all__ = ["AREA_PREFIXES", "AREA_SUFFIXES", "Registry", "loose", "read_data"]

T = TypeVar("T")

#: Words the name of an area or a force may add or leave out, at its start and at its end.
AREA_PREFIXES = ("the",)
AREA_SUFFIXES = (
    "police service",
    "police force",
    "police area",
    "police",
    "constabulary",
    "region",
)

#: How many close names a refusal suggests, at most.
SUGGESTIONS = 3
_SEPARATORS = re.compile(r"[\s\-_/.,:;()'\u2019]+")
_LETTERS_AND_DIGITS = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
#: How close a name must be to be suggested (see :func:`difflib.get_close_matches`).
_CUTOFF = 0.7


def read_data(name: str) -> Any:
    """Parse one JSON file shipped in ``peelmodel/data``."""
    text = (resources.files("peelmodel.catalogues") / "data" / name).read_text(encoding="utf-8")
    return json.loads(text)


def _plain(name: str) -> str:
    """*name* in lower case with one space between words."""
    return " ".join(name.casefold().split())


def loose(name: str, *, prefixes: Sequence[str] = (), suffixes: Sequence[str] = ()) -> str:
    """*name* as it is compared loosely: lower case, one space between words, no filler.

    ``&`` is ``and``; hyphens, slashes, dots, commas and apostrophes are spaces;
    one of *prefixes* at the start and one of *suffixes* at the end are left
    out (each a word or words, in lower case), unless nothing would be left.
    """
    spaced = _LETTERS_AND_DIGITS.sub(" ", name.casefold().replace("&", " and "))
    words = _SEPARATORS.sub(" ", spaced).split()
    text = " ".join(words)
    for prefix in prefixes:
        if text.startswith(prefix + " "):
            text = text[len(prefix) + 1 :]
            break
    for suffix in suffixes:
        if text.endswith(" " + suffix):
            text = text[: -len(suffix) - 1]
            break
    return text


class Registry(Generic[T]):
    """Entries looked up by id, or by any of their names as people write them.

    The entries are built on first use, so importing a registry costs nothing.
    *title* names an entry in messages (default: its id); *prefixes* and
    *suffixes* are the filler words a loose name may add or leave out. A name
    that several entries share is refused, or, with *first_of_shared*, finds
    the first of them in registry order (a question text several programmes
    ask).
    """

    def __init__(  # noqa: PLR0913 - each is one aspect of how names are read
        self,
        kind: str,
        build: Callable[[], Iterable[T]],
        key: Callable[[T], str],
        names: Callable[[T], Iterable[str]] = lambda _entry: (),
        *,
        title: Callable[[T], str] | None = None,
        prefixes: Sequence[str] = (),
        suffixes: Sequence[str] = (),
        first_of_shared: bool = False,
    ) -> None:
        self._kind = kind
        self._build = build
        self._key = key
        self._names = names
        self._title = title or key
        self._prefixes = tuple(prefixes)
        self._suffixes = tuple(suffixes)
        self._first_of_shared = first_of_shared

    @cached_property
    def _by_id(self) -> dict[str, T]:
        return {self._key(entry): entry for entry in self._build()}

    def _index(self, form: Callable[[str], str]) -> dict[str, list[T]]:
        index: dict[str, list[T]] = {}
        for entry in self._by_id.values():
            for name in (self._key(entry), *self._names(entry)):
                held = index.setdefault(form(name), [])
                if entry not in held:
                    held.append(entry)
        return index

    @cached_property
    def _by_name(self) -> dict[str, list[T]]:
        return self._index(_plain)

    @cached_property
    def _by_loose_name(self) -> dict[str, list[T]]:
        return self._index(self._loose)

    def _loose(self, name: str) -> str:
        return loose(name, prefixes=self._prefixes, suffixes=self._suffixes)

    def describe(self, entry: T) -> str:
        """How messages name *entry*: its id, and its title where that differs."""
        key, title = self._key(entry), self._title(entry)
        return key if title == key else f"{key} ({title})"

    def get(self, key: str) -> T:
        """Return the entry whose id is exactly *key*."""
        self._check(key, "key")
        try:
            return self._by_id[key]
        except KeyError:
            raise self.unknown(key) from None

    def lookup(
        self,
        name: str,
        *,
        where: Callable[[T], bool] | None = None,
        kind: str | None = None,
    ) -> T:
        """Return the entry *name* names, as the module explains.

        Only entries that *where* allows are found; messages call them *kind*
        (default: the registry's kind).
        """
        self._check(name, "name")
        allowed = where or (lambda _entry: True)
        exact = self._by_id.get(name)
        if exact is not None and allowed(exact):
            return exact
        for index, form in (
            (self._by_name, _plain(name)),
            (self._by_loose_name, self._loose(name)),
        ):
            found = [entry for entry in index.get(form, ()) if allowed(entry)]
            if len(found) == 1 or (found and self._first_of_shared):
                return found[0]
            if found:
                raise AmbiguousReferenceError(
                    kind or self._kind, name, [self.describe(entry) for entry in found]
                )
        raise self.unknown(name, where=allowed, kind=kind)

    def unknown(
        self, name: str, *, where: Callable[[T], bool] | None = None, kind: str | None = None
    ) -> UnknownReferenceError:
        """The error for *name*, found nowhere: it names the closest 1 to 3 entries."""
        allowed = where or (lambda _entry: True)
        known = [key for key, entry in self._by_id.items() if allowed(entry)]
        wanted = self._loose(name)
        close: list[T] = []
        if wanted:
            names = {form: entries for form, entries in self._by_loose_name.items() if form}
            words = f" {wanted} "
            contained = [form for form in names if words in f" {form} "]
            similar = difflib.get_close_matches(
                wanted, list(names), n=SUGGESTIONS * 2, cutoff=_CUTOFF
            )
            for form in (*contained, *similar):
                for entry in names[form]:
                    if allowed(entry) and entry not in close:
                        close.append(entry)
        suggestions = [self.describe(entry) for entry in close[:SUGGESTIONS]]
        return UnknownReferenceError(kind or self._kind, name, known, suggestions=suggestions)

    def _check(self, name: object, parameter: str) -> None:
        if not isinstance(name, str):
            raise InvalidTypeError(f"{self._kind} registry", parameter, name, "str")

    def __contains__(self, key: object) -> bool:
        return key in self._by_id

    def __iter__(self) -> Iterator[T]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)
