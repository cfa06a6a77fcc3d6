"""Small builders for unit tests of the core (no MkDocs involved)."""

from __future__ import annotations

import markdown

from carnet.markdown import site_extensions
from carnet.markdown.scan import PageScan
from carnet.markdown.matcher import MentionMatcher
from carnet.model.note import Note


def note(note_id: str, name: str, *aliases: str, case_sensitive: bool = True) -> Note:
    kind, slug = note_id.split("/")
    return Note(id=note_id, kind=kind, slug=slug, path=f"notes/{note_id}.yml", name=name,
                summary="Résumé.", aliases=tuple(aliases), case_sensitive=case_sensitive)


def render(text: str, notes: list[Note], policy: str = "first", self_note: str | None = None,
           article: bool = False) -> tuple[str, PageScan]:
    matcher = MentionMatcher(notes)
    scan = PageScan("page.md", href=lambda nid: f"{nid}.md", self_note=self_note, article="page" if article else None)
    md = markdown.Markdown(extensions=[*site_extensions(lambda: matcher, lambda: scan, lambda: policy),
                                       "attr_list", "toc", "tables", "fenced_code", "admonition"])
    return md.convert(text), scan


def render_plain(text: str) -> str:
    return markdown.Markdown(extensions=["attr_list", "toc", "tables", "fenced_code", "admonition"]).convert(text)
