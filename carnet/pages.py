"""Markdown for the generated pages: one per note, one per kind, the A–Z index.

Pure functions from the validated model to Markdown text.  Note text is
escaped with md_text, so whatever an editor types shows as typed.  Sections
whose content is only known once every page is rendered (mentions) are
written as empty slots that the plugin fills later.
"""

from __future__ import annotations

import json
from html import escape
import posixpath
from itertools import groupby

from .catalog import Catalog, sort_key
from .markdown_text import md_text
from .model import Citation, Note
from .vocabulary import KINDS

SLOT = '<div class="carnet-slot" data-carnet-slot="{name}"></div>'
IN_ARTICLE_SLOT = SLOT.format(name="in-article")
MENTIONED_IN_SLOT = SLOT.format(name="mentioned-in")
A_TO_Z_PATH = "index-a-z.md"
NO_SEARCH = 'data-search-exclude="1"'


def kind_index_path(kind: str) -> str:
    return f"{kind}/index.md"


def rel(from_path: str, to_path: str) -> str:
    """Relative link between two docs-relative Markdown paths."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def _front_matter(title: str, description: str) -> str:
    # Themes print page titles and descriptions without escaping them, so they
    # are stored HTML-escaped; JSON strings are valid YAML scalars for any text.
    return (f"---\ntitle: {json.dumps(escape(title), ensure_ascii=False)}\n"
            f"description: {json.dumps(escape(description), ensure_ascii=False)}\n---\n\n")


def cite_link(cite: Citation, from_path: str, article_path) -> str:
    number = cite.anchor[1:]
    return f"[selon l’article, § {number}]({rel(from_path, article_path(cite.article))}#{cite.anchor})"


def note_page(note: Note, catalog: Catalog, article_path) -> str:
    """The Markdown of a note's page; ``article_path(slug)`` gives an article's docs path."""
    kind = KINDS[note.kind]
    here = note.page_path
    lines = [_front_matter(note.name, note.summary), f"# {md_text(note.name)}", "",
             f"{kind.singular} · [toutes les fiches « {kind.plural.lower()} »]"
             f"({rel(here, kind_index_path(note.kind))})", "{: .carnet-kind }", ""]

    lines += ['<div class="carnet-infobox" markdown>', "", "Nom", f":   {md_text(note.name)}", ""]
    lines += ["Nature", f":   {kind.singular}", ""]
    if note.aliases:
        lines += ["Autres formes du nom", f":   {md_text(', '.join(note.aliases))}", ""]
    for fact in note.facts:
        value = md_text(fact.value)
        if fact.cite:
            value += f" ({cite_link(fact.cite, here, article_path)})"
        lines += [md_text(fact.label), f":   {value}", ""]
    lines += ["</div>", "", md_text(note.summary), "{: .carnet-summary }", ""]

    links = catalog.links(note.id)
    lines += ["## Relations", ""]
    if not links:
        lines += ["Aucune relation n’est renseignée pour cette fiche.", ""]
    for link in sorted(links, key=lambda l: (l.label, sort_key(l.other.name))):
        item = f"- {md_text(link.label)} : [{md_text(link.other.name)}]({rel(here, link.other.page_path)})"
        if link.relation.cite:
            item += f" ({cite_link(link.relation.cite, here, article_path)})"
        elif not link.declared_here:
            item += f" (source : fiche [{md_text(link.other.name)}]({rel(here, link.other.page_path)}))"
        lines.append(item)
    # Quotes repeat other pages' text: kept out of the search index (Material's
    # data-search-exclude), so that searching a word finds where it is written.
    lines += ["", f"## Dans l’article {{ {NO_SEARCH} }}", "", IN_ARTICLE_SLOT, "",
              f"## Mentionné dans {{ {NO_SEARCH} }}", "", MENTIONED_IN_SLOT, "", "## Sources", ""]
    cites = [c for c in [f.cite for f in note.facts] + [r.cite for r in note.relations] if c]
    for slug in sorted({c.article for c in cites}):
        numbers = sorted({int(c.anchor[1:]) for c in cites if c.article == slug})
        lines.append(f"- [L’article de ce carnet]({rel(here, article_path(slug))}), "
                     f"cité ci-dessus (§ {', '.join(map(str, numbers))}).")
    for source in note.sources:
        if source.url:
            lines.append(f"- [{md_text(source.title)}](<{source.url.replace('>', '%3E')}>)")
        else:
            lines.append(f"- {md_text(source.title)}")
    if not cites and not note.sources:
        lines.append("Aucune source n’est renseignée.")
    lines.append("")
    return "\n".join(lines)


def kind_index_page(kind_slug: str, catalog: Catalog) -> str:
    kind = KINDS[kind_slug]
    here = kind_index_path(kind_slug)
    notes = catalog.by_kind(kind_slug)
    lines = [_front_matter(kind.plural, f"Les fiches « {kind.plural.lower()} » du Carnet minier : "
                           f"{len(notes)} fiche(s)."),
             f"# {kind.plural}", "", f"{len(notes)} fiche(s), par ordre alphabétique.", ""]
    for note in notes:
        lines.append(f"- [{md_text(note.name)}]({rel(here, note.page_path)}) — {md_text(note.summary)}")
    lines.append("")
    return "\n".join(lines)


def _initial(name: str) -> str:
    first = sort_key(name)[:1].upper()
    return first if first.isalpha() else "#"


def a_to_z_page(catalog: Catalog) -> str:
    notes = sorted(catalog, key=lambda n: sort_key(n.name))
    lines = [_front_matter("Index A–Z", f"Toutes les fiches du Carnet minier de A à Z : {len(notes)} fiche(s)."),
             "# Index A–Z", "", f"{len(notes)} fiche(s) : entreprises, personnes, minerais et lieux.", ""]
    for letter, group in groupby(notes, key=lambda n: _initial(n.name)):
        lines += [f"## {letter}", ""]
        for note in group:
            lines.append(f"- [{md_text(note.name)}]({rel(A_TO_Z_PATH, note.page_path)}) "
                         f"({KINDS[note.kind].singular.lower()}) — {md_text(note.summary)}")
        lines.append("")
    return "\n".join(lines)
