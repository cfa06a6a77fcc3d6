"""Markdown of the generated pages: one per note, one per kind, the A–Z index, the graph.

A note's page is a small skeleton: its headings (so MkDocs builds the table of
contents) and empty slots that the plugin fills with HTML once every page is
rendered (note_html, backlinks, graph); index pages likewise hold their
headings and a slot for each list.  The one piece of note text written as
Markdown, a note's name in its title, is escaped with md_text.
"""

from __future__ import annotations

import json
import posixpath
from html import escape
from itertools import groupby

from .catalog import Catalog, sort_key
from .markdown_text import md_text
from .model import Note
from .vocabulary import KINDS

A_TO_Z_PATH = "index-a-z.md"
GRAPH_PATH = "graphe.md"
NO_SEARCH = 'data-search-exclude="1"'


def slot(name: str) -> str:
    # An HTML comment: the cheapest raw HTML for Markdown to carry through untouched.
    return f"<!-- carnet-slot:{name} -->"


def rel(from_path: str, to_path: str) -> str:
    """Relative link between two docs-relative Markdown paths."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def _front_matter(title: str, description: str) -> str:
    # Themes print page titles and descriptions without escaping them, so they
    # are stored HTML-escaped; JSON strings are valid YAML scalars for any text.
    return (f"---\ntitle: {json.dumps(escape(title), ensure_ascii=False)}\n"
            f"description: {json.dumps(escape(description), ensure_ascii=False)}\n---\n\n")


def note_page(note: Note) -> str:
    # Quotes repeat other pages' text: kept out of the search index (Material's
    # data-search-exclude), so that searching a word finds where it is written.
    return "\n\n".join([
        _front_matter(note.name, note.summary) + f"# {md_text(note.name)}", slot("lead"),
        f"## Relations {{ {NO_SEARCH} }}", slot("relations"), slot("graph"),
        f"## Dans l’article {{ {NO_SEARCH} }}", slot("in-article"),
        f"## Mentionné dans {{ {NO_SEARCH} }}", slot("mentioned-in"),
        "## Sources", slot("sources"),
    ]) + "\n"


def kind_index_page(kind_slug: str, catalog: Catalog) -> str:
    kind = KINDS[kind_slug]
    count = len(catalog.by_kind(kind_slug))
    return "\n\n".join([
        _front_matter(kind.plural, f"Les fiches « {kind.plural.lower()} » du Carnet minier : {count} fiche(s)."),
        f"# {kind.plural}",
        f"{count} fiche(s), par ordre alphabétique. Toutes les fiches : [index A–Z](../{A_TO_Z_PATH}), "
        f"[graphe du dossier](../{GRAPH_PATH}).", slot("list"),
    ]) + "\n"


def initial(name: str) -> str:
    """The letter a name is filed under in the A–Z index (accents ignored)."""
    first = sort_key(name)[:1].upper()
    return first if first.isalpha() else "#"


def a_to_z_letters(catalog: Catalog) -> list[tuple[str, list[Note]]]:
    notes = sorted(catalog, key=lambda n: sort_key(n.name))
    return [(letter, list(group)) for letter, group in groupby(notes, key=lambda n: initial(n.name))]


def a_to_z_page(catalog: Catalog) -> str:
    parts = [_front_matter("Index A–Z", f"Toutes les fiches du Carnet minier de A à Z : {len(catalog)} fiche(s)."),
             "# Index A–Z", f"{len(catalog)} fiche(s) : entreprises, personnes, minerais et lieux."]
    for letter, _ in a_to_z_letters(catalog):
        parts += [f"## {letter}", slot(f"letter-{letter}")]
    return "\n\n".join(parts) + "\n"


def graph_page(catalog: Catalog) -> str:
    return "\n\n".join([
        _front_matter("Graphe du dossier", f"Les {len(catalog)} fiches du Carnet minier et leurs relations, "
                                           "en un graphe."),
        "# Graphe du dossier",
        "Chaque point est une fiche (couleur selon sa nature), chaque trait une relation ; "
        "un clic sur un nom ouvre sa fiche. Le même contenu, en texte, suit le graphe.",
        slot("dossier-graph"),
    ]) + "\n"
