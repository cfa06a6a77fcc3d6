"""A page's numbered references, as Wikipedia's: one citation style for a whole fiche, and
for the dossier graph's page (its list of relations), the same.

Every claim (a « quote » of the summary, an infobox value, a relation, a fact from a named
source) is followed by a raised number; the number links to its entry under "Références",
which says who says so and where, in words, with a link to the passage or the source, and
links back to every place citing it (↑, or ↑ a b … when several do).  Hovering or focusing
the number shows what backs the claim (the article's words, or who says so).

The same words of the same passage, or the same named source of the same note, cited twice
share one number.  Entries are written by the caller (``note_html.PageReferences``, of which a
fiche's ``NoteSections`` is one); this module numbers them, writes the places citing them and
the list.
"""

from __future__ import annotations

from dataclasses import field
from html import escape
from typing import Callable

from ..datatypes import datatype
from ..text.typography import NBSP

# U+2060 WORD JOINER: no line break between a claim's last word and its number.
WORD_JOINER = "\u2060"


@datatype
class Reference:
    """One numbered reference of a page."""
    number: int
    entry: str   # its line under "Références" (HTML), after the links back
    tip: str     # what hovering or focusing its number shows (HTML)
    said: str    # who says so and where, in words (plain text): "selon l’article, § 2"
    who: str     # who says so, in words (plain text): "selon l’article", "selon Wikipédia"
    places: list[tuple[int, int, str]] = field(default_factory=list)   # (rank, order, id) of each place citing it


class References:
    """The numbered references of one page, in the order its places first cite them."""

    def __init__(self, slug: str):
        self.slug = slug
        self._by_key: dict[tuple, Reference] = {}
        self._places = 0   # places written so far: their ids and their tips' ids
        # Where on the page the places written next stand: a part written before another it
        # follows (the summary, before the infobox it follows) ranks after it.
        self.rank = 0

    def __bool__(self) -> bool:
        return bool(self._by_key)

    def numbered(self, key: tuple, make: Callable[[int], Reference]) -> Reference:
        """The reference for ``key``, numbered (``make(number)``) the first time it is asked for."""
        if key not in self._by_key:
            self._by_key[key] = make(len(self._by_key) + 1)
        return self._by_key[key]

    def find(self, key: tuple) -> Reference | None:
        return self._by_key.get(key)

    def place(self, ref: Reference) -> str:
        """A place citing ``ref``: its raised number, glued to the word before it, linked to its
        entry; its spoken name opens with the number it shows (WCAG 2.5.3, "label in name")."""
        number, n = ref.number, self._places
        self._places += 1
        place, tip = f"cite-{self.slug}-{number}-{n}", f"tip-{self.slug}-{number}-{n}"
        ref.places.append((self.rank, n, place))   # the entry links back here
        label = f"{number}{NBSP}: référence, {ref.said}"
        return (f'<sup class="carnet-ref">{WORD_JOINER}<a id="{place}" href="#ref-{self.slug}-{number}" '
                f'aria-label="{escape(label)}" aria-describedby="{tip}">{number}</a>'
                f'<span class="carnet-ref-tip" role="tooltip" id="{tip}">{ref.tip}</span></sup>')

    def html(self, heading: str) -> str:
        """The list under ``heading``: each entry, after its links back to the places citing it."""
        if not self._by_key:
            return ""
        items = "".join(f'<li id="ref-{self.slug}-{ref.number}">{self._back_links(ref)} {ref.entry}</li>'
                        for ref in self._by_key.values())
        return f'{heading}<ol class="carnet-references">{items}</ol>'

    @staticmethod
    def _back_links(ref: Reference) -> str:
        """↑ to the one place citing it; ↑ a b … to each, in the order the page shows them."""
        places = [place for *_, place in sorted(ref.places)]
        if len(places) == 1:
            return f'<a class="carnet-backref" href="#{places[0]}" aria-label="Retour au texte">↑</a>'
        letters = " ".join(f'<a class="carnet-backref" href="#{place}" aria-label="Retour au texte ({i + 1})">'
                           f"{chr(ord('a') + i) if i < 26 else i + 1}</a>" for i, place in enumerate(places))
        return f"↑{NBSP}{letters}"
