"""All notes together: cross-note checks and relations seen from both ends."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from ..datatypes import datatype
from ..text.common_words import COMMON_FRENCH_WORDS
from ..text.fold import fold
from .note import Note, Relation
from .problems import Problem, did_you_mean
from .vocabulary import RELATION_TYPES

MIN_ALIAS_LENGTH = 3


@datatype(frozen=True)
class Link:
    """A relation as one page shows it: a French label and the note at the other end."""
    label: str
    other: Note
    relation: Relation
    declared_here: bool


class Catalog:
    """The validated notes, by id, with their relations indexed both ways."""

    def __init__(self, notes: Iterable[Note], rejected: dict[str, Note | None] | None = None):
        self.notes: dict[str, Note] = {n.id: n for n in sorted(notes, key=lambda n: n.id)}
        # Notes that failed validation, by id: not published, but known, and as far as they
        # could be read (None: not even a name), so that the rest of them is checked too.
        self.rejected: dict[str, Note | None] = dict(rejected or {})
        self._links: dict[str, list[Link]] = {nid: [] for nid in self.notes}
        for note in self.notes.values():
            for rel in note.relations:
                target = self.notes.get(rel.target)
                if target is None:
                    continue
                rtype, reported = RELATION_TYPES[rel.type], rel.cite is not None
                self._links[note.id].append(Link(rtype.side_label(True, 1, reported, target.kind), target, rel, True))
                self._links[target.id].append(Link(rtype.side_label(False, 1, reported, note.kind), note, rel, False))

    def __iter__(self):
        return iter(self.notes.values())

    def __len__(self) -> int:
        return len(self.notes)

    def links(self, note_id: str) -> list[Link]:
        return self._links[note_id]

    def grouped_links(self, note_id: str) -> list[tuple[str, list[Link]]]:
        """The note's relations as a page lists them: one label per kind of relation, said
        once and agreeing with the number of notes ("Filiale : A", "Filiales : A et B")."""
        # One label per kind of relation: the label of one link (it depends on the side, on
        # whether an article states it, on the kind of the other note where it names it:
        # "Entreprise de ce pays"); a relation both ways ("Échanges avec") under one label.
        labelled: dict[str, list[Link]] = {}
        for link in sorted(self._links[note_id], key=lambda l: (sort_key(l.other.name), not l.declared_here)):
            labelled.setdefault(link.label, []).append(link)
        out = []
        for links in labelled.values():
            # Declared by both notes (each "Échanges avec" the other): listed once, as this note says it.
            seen, once = set(), []
            for link in links:
                if link.other.id not in seen:
                    seen.add(link.other.id)
                    once.append(link)
            first = once[0]
            label = RELATION_TYPES[first.relation.type].side_label(
                first.declared_here, len(once), first.relation.cite is not None, first.other.kind)
            out.append((label, once))
        return sorted(out, key=lambda group: sort_key(group[0]))

    def by_kind(self, kind: str) -> list[Note]:
        return sorted((n for n in self if n.kind == kind), key=lambda n: sort_key(n.name))


@lru_cache(maxsize=65536)  # names are sorted again and again: by kind, A–Z, graphs, lists
def sort_key(text: str) -> str:
    """Alphabetical order as a French reader expects: accents and case ignored (``text.fold``)."""
    return fold(text)


def check_catalog(notes: list[Note], unreadable: set[str] = frozenset()) -> list[Problem]:
    """Problems that only show when notes are seen together.  ``notes`` holds rejected notes
    as far as they could be read; ``unreadable``, the ids of notes with errors of their own
    (a relation to them is not reported again: their own errors say what to fix)."""
    problems: list[Problem] = []
    ids = {n.id for n in notes} | set(unreadable)

    names: dict[str, Note] = {}
    for note in notes:
        key = note.name.casefold()
        if key in names:
            other = names[key]
            problems.append(Problem(note.path, None, None,
                                    f"name '{note.name}' is also the name of {other.path}.",
                                    "two notes cannot share a name; merge them or make the names distinct."))
        else:
            names[key] = note

    forms: dict[str, Note] = {}
    for note in notes:
        for form in dict.fromkeys(note.names):
            key = form if note.case_sensitive else form.casefold()
            owner = forms.get(key) or forms.get(form.casefold())
            if owner is not None and owner.id != note.id:
                problems.append(Problem(note.path, None, None,
                                        f"'{form}' is a name or alias of both {note.path} and {owner.path}; "
                                        "mentions of it would be ambiguous.",
                                        "remove it from one of the two notes."))
            forms.setdefault(key, note)
            forms.setdefault(form.casefold(), note)
            if len(form) < MIN_ALIAS_LENGTH or form.casefold() in COMMON_FRENCH_WORDS:
                problems.append(Problem(note.path, None, None,
                                        f"'{form}' is too short or a frequent French word: "
                                        "it would link ordinary prose.",
                                        "use a longer, more specific alias.", severity="warning"))

    for note in notes:
        for i, rel in enumerate(note.relations):
            if rel.target not in ids:
                problems.append(Problem(note.path, rel.line, None,
                                        f"relation #{i + 1} ({rel.type}) points to '{rel.target}', "
                                        "which is not a note.",
                                        "write the target as 'kind/slug' of an existing note."
                                        + did_you_mean(rel.target, ids - {note.id})))
            elif rel.target == note.id:
                problems.append(Problem(note.path, rel.line, None,
                                        f"relation #{i + 1} ({rel.type}) points to the note itself.",
                                        "remove it or point it to another note."))
    return problems


def cited_articles_exist(notes: Iterable[Note], articles: set[str]) -> list[Problem]:
    """Every cite names an article that exists (its words are checked once articles are rendered)."""
    problems = []
    for note in notes:
        for cite in note.citations:
            if cite.article is not None and cite.article not in articles:
                problems.append(Problem(note.path, cite.line, cite.column,
                                        f"the citation of {cite.where} names article '{cite.article}', "
                                        "which does not exist.",
                                        "known articles: " + (", ".join(sorted(articles)) or "none") + "."
                                        + did_you_mean(cite.article, articles)))
    return problems
