"""Addresses the site has published keep working ("Cool URIs don't change").

The project keeps a record of what it has published (``addresses.yml``): the address of
every fiche, article and fixed page, and the anchors of every article's paragraphs, with
the older names some of them were published under (``#p1`` … ``#p6``, positional).  The
build compares the site it is about to publish with that record:

- a recorded page must still be there, or a redirect to where it went: a note lists the
  addresses it was published under (``former_ids``), an article its former slugs
  (``former_slugs``), and a static redirect page is written at each, keeping the fragment;
- a recorded anchor must still name a paragraph of its article (a reworded paragraph keeps
  its anchor with ``{ #p-… }`` under it); an older name is written beside it.

The record changes only when an editor runs ``carnet publish-record``, never silently, with
one exception that only adds: the first build that publishes an article records the day it came
to the site (``added``), which every later build shows.
Pure functions over the model; reading and writing the file is ``load_record``/``dump_record``.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from dataclasses import field, replace
from html import escape
from pathlib import Path

import yaml

from ..datatypes import datatype
from ..load.yaml_source import YamlDocument, read_yaml
from ..model.problems import Problem, did_you_mean

RECORD_FILE = "addresses.yml"
RECORD_HEADER = ("# Every address the site has published: pages, and the anchors of articles' paragraphs\n"
                 "# (with older names they were published under). The build refuses to drop one without a\n"
                 "# redirect. Written by `carnet publish-record`, run on purpose once a change is intended.\n")
# A site of 5,000 articles and 5,000 fiches records about 1.5 MB of addresses and anchors.
RECORD_MAX_BYTES = 64 * 1024 * 1024
FIX_RECORD = "or, to stop publishing it on purpose, run 'carnet publish-record'."


@datatype
class Record:
    """What the site has published, as the record file says."""
    pages: list[str] = field(default_factory=list)                        # "entreprises/vesna/"
    anchors: dict[str, list[str]] = field(default_factory=dict)           # page -> paragraph anchors
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)      # page -> older name -> anchor
    path: str = RECORD_FILE
    doc: YamlDocument | None = None                                       # positions, for messages
    # An article's page -> the day it came to the site ("2026-11-29"): recorded by the first
    # build that publishes it (``with_added``), never changed after.
    added: dict[str, str] = field(default_factory=dict)

    def where(self, *keys) -> tuple[int | None, int | None]:
        return self.doc.position(keys) if self.doc else (None, None)


def load_record(file: Path, rel: str) -> tuple[Record, list[Problem]]:
    """The record at ``file`` (an empty one when there is none yet: nothing published)."""
    if not file.is_file():
        return Record(path=rel), []
    doc = read_yaml(file.read_bytes(), rel, RECORD_MAX_BYTES, "the record of addresses")
    if isinstance(doc, Problem):
        return Record(path=rel), [doc]
    data = doc.data if isinstance(doc.data, dict) else None
    pages = data.get("pages") if data else None
    anchors = data.get("anchors") or {} if data else None
    aliases = data.get("aliases") or {} if data else None
    added = data.get("added") or {} if data else None
    if (not isinstance(pages, list) or not all(isinstance(p, str) for p in pages)
            or not _mapping_of(anchors, list) or not _mapping_of(aliases, dict) or not _dates(added)):
        return Record(path=rel), [Problem(rel, None, None, "the record of published addresses is not in its form "
                                          "(pages: a list; anchors and aliases: by page; added: a date by page).",
                                          "restore it from version control, or write it again with "
                                          "'carnet publish-record'.")]
    return Record([str(p) for p in pages], {str(k): [str(a) for a in v] for k, v in anchors.items()},
                  {str(k): {str(a): str(t) for a, t in v.items()} for k, v in aliases.items()}, rel, doc,
                  {str(k): str(v) for k, v in added.items()}), []


def _dates(value) -> bool:
    """A mapping page -> ISO date (YAML reads an unquoted date as a date)."""
    if not isinstance(value, dict):
        return False
    try:
        return all(dt.date.fromisoformat(str(v)) is not None for v in value.values())
    except ValueError:
        return False


def _mapping_of(value, kind) -> bool:
    return isinstance(value, dict) and all(isinstance(v, kind) for v in value.values())


def dump_record(record: Record) -> str:
    data = {"pages": sorted(record.pages),
            "anchors": {page: list(anchors) for page, anchors in sorted(record.anchors.items())},
            "aliases": {page: dict(sorted(a.items())) for page, a in sorted(record.aliases.items()) if a}}
    if record.added:
        data["added"] = dict(sorted(record.added.items()))
    return RECORD_HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


@datatype(frozen=True)
class Redirect:
    source: str       # the former address: "entreprises/vesna/"
    target: str       # the live one: "entreprises/vesna-russie/"


def address_of(docs_path: str) -> str:
    """The address a page is published at (directory URLs): "index.md" -> "", "lieux/russie.md" -> "lieux/russie/"."""
    stem = docs_path[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def with_former_anchors(content: str, aliases: dict[str, str]) -> str:
    """An article's HTML with each older name of a paragraph's anchor (``#p2``) written as an
    empty element at the paragraph's start: a link to it lands on the same words."""
    for alias, anchor in sorted(aliases.items()):
        opening = f'<p id="{escape(anchor)}">'
        content = content.replace(opening, f'{opening}<span id="{escape(alias)}" class="carnet-former-anchor"></span>', 1)
    return content


@datatype
class Addresses:
    """The addresses of the site about to be published, against the record of those published."""
    record: Record
    live: dict[str, str]                  # address -> the file that makes it
    redirects: list[Redirect] = field(default_factory=list)

    def __post_init__(self):
        self._targets = {r.source: r.target for r in self.redirects}   # asked for once per recorded page

    def resolve(self, page: str) -> str:
        """Where a recorded address leads now: itself, or its redirect's target."""
        return self._targets.get(page, page)

    def aliases_for(self, page: str) -> dict[str, str]:
        """The older anchor names to write on the live ``page``: its own, and those of the
        addresses that redirect to it (a moved article keeps its #p1)."""
        out: dict[str, str] = {}
        for recorded, names in self.record.aliases.items():
            if self.resolve(recorded) == page:
                out.update(names)
        return out


def redirects_from(declared: list[tuple[str, str, str]], live: dict[str, str]) -> tuple[list[Redirect], list[Problem]]:
    """``declared``: (former address, live address, file) for each former id or slug;
    ``live``: address -> the file that makes it.  A former address that is live, or that
    two files claim, is an error naming both files."""
    redirects, problems, seen = [], [], {}
    for source, target, file in declared:
        if source in live:
            problems.append(Problem(file, None, None, f"the former address '{source}' is a live page, made by "
                                                      f"{live[source]}: a redirect there would hide it.",
                                    f"remove it from {file}, or rename {live[source]}."))
        elif source in seen and seen[source] != file:
            problems.append(Problem(file, None, None, f"the former address '{source}' is also claimed by "
                                                      f"{seen[source]}.", "keep it in one of the two files."))
        elif source not in seen:
            seen[source] = file
            redirects.append(Redirect(source, target))
    return redirects, problems


def page_problems(record: Record, live: set[str], redirects: list[Redirect], unpublished: list[str]) -> list[Problem]:
    """Every recorded page is live, or a redirect leads from it (``unpublished``: live
    addresses not in the record yet, where a renamed page may have gone)."""
    redirected = {r.source for r in redirects}
    problems = []
    for i, page in enumerate(record.pages):
        if page in live or page in redirected:
            continue
        line, column = record.where("pages", i)
        kind_slug = page.strip("/")
        # Where it may have gone: the one new address beside it, else the closest one.
        beside = [p for p in unpublished if posixpath.dirname(p.strip("/")) == posixpath.dirname(kind_slug)]
        guess = (f" Did you mean '{beside[0].strip('/')}'?" if len(beside) == 1 else
                 did_you_mean(kind_slug, [p.strip("/") for p in unpublished]))
        problems.append(Problem(
            record.path, line, column,
            f"the address '{page}' was published, and no page or redirect is there now (a fiche or an "
            "article renamed, moved or deleted)." + guess.replace("Did you mean", " Was it renamed to"),
            f"in the note that replaces it, add 'former_ids: [{kind_slug}]' (an article: 'former_slugs: "
            f"[{posixpath.basename(kind_slug)}]' in its front matter) so that a redirect keeps it working; "
            + FIX_RECORD))
    return problems


def dropped_anchor_problems(record: Record, anchors_of, resolve) -> list[Problem]:
    """Every recorded anchor still names a paragraph of its article.  ``resolve(page)``: the
    live address of a recorded page (through its redirect); ``anchors_of(page)``: the
    anchors of the live article's paragraphs, or None when it is not an article."""
    problems = []
    for page, anchors in record.anchors.items():
        held = anchors_of(resolve(page))
        if held is None:
            continue   # the page itself is gone: page_problems says so
        for i, anchor in enumerate(anchors):
            if anchor not in held:
                line, column = record.where("anchors", page, i)
                problems.append(Problem(
                    record.path, line, column,
                    f"the anchor '{page}#{anchor}' was published, and no paragraph of the article holds it now "
                    "(reworded, or removed).",
                    f"keep it on the paragraph that replaced it: a line '{{ #{anchor} }}' right under that "
                    "paragraph; " + FIX_RECORD))
        for alias, anchor in record.aliases.get(page, {}).items():
            if anchor not in held and anchor in anchors:
                continue   # reported above
            if anchor not in held:
                line, column = record.where("aliases", page, alias)
                problems.append(Problem(record.path, line, column,
                                        f"the anchor '{page}#{alias}' leads to #{anchor}, which no paragraph holds now.",
                                        "point it to the paragraph's anchor, " + FIX_RECORD))
    return problems


def passage_anchor_problems(record: Record, resolve, passages, articles_dir: str) -> list[Problem]:
    """``dropped_anchor_problems`` over the passages of the articles about to be published."""
    held = {page: set(anchors) for page, anchors in anchors_by_page(passages, articles_dir).items()}
    return dropped_anchor_problems(record, held.get, resolve)


def anchors_by_page(passages, articles_dir: str) -> dict[str, list[str]]:
    """Each article's address and the anchors of its paragraphs, in order."""
    out: dict[str, list[str]] = {}
    for passage in passages:
        out.setdefault(f"{articles_dir}/{passage.article}/", []).append(passage.id)
    return out


def current_record(old: Record, pages: list[str], anchors: dict[str, list[str]], redirects: list[Redirect]) -> Record:
    """The record as ``carnet publish-record`` writes it: what is live now, the recorded
    addresses that redirects keep, and the older anchor names whose paragraph is still there."""
    redirected = {r.source for r in redirects}
    kept = [p for p in old.pages if p in redirected]
    aliases = {}
    for page, names in old.aliases.items():
        held = set(anchors.get(page, ()))
        names = {alias: anchor for alias, anchor in names.items() if anchor in held}
        if names:
            aliases[page] = names
    return Record(sorted(set(pages) | set(kept)), {p: list(a) for p, a in anchors.items() if a}, aliases, old.path,
                  added=dict(old.added))   # the day an article came to the site stays, whatever moves


def with_added(record: Record, dates: dict[str, dt.date]) -> Record:
    """The record with the day each newly published article came to the site (``dates``:
    page -> day), the days already recorded kept."""
    return replace(record, added={**{page: day.isoformat() for page, day in dates.items()}, **record.added})


def redirect_html(source: str, target: str, site_url: str) -> str:
    """A static page at ``source`` that sends readers to ``target`` (site-relative
    addresses), the fragment kept: a script for that, a refresh and a link otherwise."""
    rel = posixpath.relpath(target.rstrip("/") or ".", source.rstrip("/") or ".")
    href = "./" if rel == "." else rel + "/"
    canonical = (site_url.rstrip("/") + "/" + target) if site_url else href
    return ("<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
            f"<title>Page déplacée – Carnet minier</title>"
            f"<meta name=\"robots\" content=\"noindex\">"
            f"<link rel=\"canonical\" href=\"{escape(canonical)}\">"
            f"<script>location.replace({_js(href)} + location.hash)</script>"
            f"<meta http-equiv=\"refresh\" content=\"0; url={escape(href)}\">"
            "</head><body><p>Cette page a changé d’adresse\u00a0: "
            f"<a href=\"{escape(href)}\">{escape(target)}</a>.</p></body></html>\n")


def _js(text: str) -> str:
    """A JavaScript string literal that cannot close the <script> it stands in."""
    return json.dumps(text).replace("<", "\\u003c")
