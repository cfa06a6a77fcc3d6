"""Markdown of the generated pages: one per note, one per kind, the A–Z index, the graph.

A note's page is a small skeleton: its title and two empty slots that the plugin
fills with HTML once every page is rendered (note_html, backlinks, graph): the
lead, which search indexes, and the body (relations, quotes, sources), which it
does not.  Index pages likewise hold their headings and a slot for each list.
Titles and descriptions travel beside the Markdown, not as YAML front matter
that MkDocs would parse again for every page.  The one piece of note text
written as Markdown, a note's name in its title, is escaped with md_text.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html import escape
from itertools import groupby

from .catalog import Catalog, sort_key
from .markdown_text import md_text
from .model import Note
from .typography import NBSP, NNBSP, french_spacing, plural
from .vocabulary import KINDS

A_TO_Z_PATH = "index-a-z.md"
GRAPH_PATH = "graphe.md"
# The sections of a note's body, in order: (name and anchor, heading).  Anchors keep the ids
# that earlier versions got from Markdown headings, so links to them still work.
NOTE_SECTIONS = (("relations", "Relations"), ("dans-larticle", "Dans l’article"),
                 ("mentionne-dans", "Mentionné dans"), ("sources", "Sources"))


@dataclass(frozen=True)
class GeneratedPage:
    markdown: str
    title: str         # plain text
    description: str   # plain text

    def meta(self) -> dict[str, str]:
        # Themes print page titles and descriptions without escaping them.
        return {"title": escape(self.title), "description": escape(self.description)}


def slot(name: str) -> str:
    # An HTML comment: the cheapest raw HTML for Markdown to carry through untouched.
    return f"<!-- carnet-slot:{name} -->"


def rel(from_path: str, to_path: str) -> str:
    """Relative link between two docs-relative Markdown paths."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def note_page(note: Note) -> GeneratedPage:
    return GeneratedPage(f"# {md_text(note.name)}\n\n{slot('lead')}\n\n{slot('body')}\n",
                         note.name, french_spacing(note.summary))


def section_anchors(taken: set[str]) -> list[tuple[str, str, str]]:
    """(section, id, heading) of a note's body sections, ids made unique against ``taken``."""
    out = []
    for section, heading in NOTE_SECTIONS:
        unique, n = section, 0
        while unique in taken:
            n += 1
            unique = f"{section}_{n}"
        out.append((section, unique, heading))
    return out


def kind_index_page(kind_slug: str, catalog: Catalog) -> GeneratedPage:
    kind = KINDS[kind_slug]
    count = len(catalog.by_kind(kind_slug))
    return GeneratedPage("\n\n".join([
        f"# {kind.plural}",
        f"{plural(count, 'fiche')}, par ordre alphabétique. Toutes les fiches{NBSP}: "
        f"[index A–Z](../{A_TO_Z_PATH}), [graphe du dossier](../{GRAPH_PATH}).", slot("list"),
    ]) + "\n", kind.plural,
        f"Les fiches «{NNBSP}{kind.plural.lower()}{NNBSP}» du Carnet minier{NBSP}: {plural(count, 'fiche')}.")


def initial(name: str) -> str:
    """The letter a name is filed under in the A–Z index (accents ignored)."""
    first = sort_key(name)[:1].upper()
    return first if first.isalpha() else "#"


def a_to_z_letters(catalog: Catalog) -> list[tuple[str, list[Note]]]:
    notes = sorted(catalog, key=lambda n: sort_key(n.name))
    return [(letter, list(group)) for letter, group in groupby(notes, key=lambda n: initial(n.name))]


def a_to_z_page(catalog: Catalog) -> GeneratedPage:
    parts = ["# Index A–Z", f"{plural(len(catalog), 'fiche')}{NBSP}: entreprises, personnes, minerais et lieux."]
    for letter, _ in a_to_z_letters(catalog):
        parts += [f"## {letter}", slot(f"letter-{letter}")]
    return GeneratedPage("\n\n".join(parts) + "\n", "Index A–Z",
                         f"Toutes les fiches du Carnet minier de A à Z{NBSP}: {plural(len(catalog), 'fiche')}.")


def graph_page(catalog: Catalog) -> GeneratedPage:
    return GeneratedPage("\n\n".join([
        "# Graphe du dossier",
        f"Chaque point est une fiche (couleur selon sa nature), chaque trait une relation{NNBSP}; "
        "un clic sur un nom ouvre sa fiche. Le même contenu, en texte, suit le graphe.",
        slot("dossier-graph"),
    ]) + "\n", "Graphe du dossier", f"Les fiches du Carnet minier ({plural(len(catalog), 'fiche')}) et leurs relations, en un graphe.")


def articles_page(count: int) -> GeneratedPage:
    return GeneratedPage("\n\n".join([
        "# Articles",
        (f"{plural(count, 'article')}, avec ce que l’on sait de sa source et les entités qu’il nomme."
         if count < 2 else f"{plural(count, 'article')}, du plus récent au plus ancien, avec ce que l’on sait "
                           "de leur source et les entités qu’ils nomment."), slot("list"),
    ]) + "\n", "Articles", f"Les articles du Carnet minier{NBSP}: {plural(count, 'article')}, "
                            "leur source et les entités qu’ils nomment.")


def generated_pages(catalog: Catalog, articles_dir: str = "articles", articles: int = 0) -> dict[str, GeneratedPage]:
    """Every page Carnet writes, by docs path: one per note, one per kind, A–Z, the graph,
    the articles index."""
    pages = {note.page_path: note_page(note) for note in catalog}
    for kind in KINDS:
        pages[f"{kind}/index.md"] = kind_index_page(kind, catalog)
    pages[A_TO_Z_PATH] = a_to_z_page(catalog)
    pages[GRAPH_PATH] = graph_page(catalog)
    pages[f"{articles_dir}/index.md"] = articles_page(articles)
    return pages
