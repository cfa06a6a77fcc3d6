"""What goes in a page's <head>: schema.org JSON-LD and Open Graph, fully escaped here."""

from __future__ import annotations

import json
from html import escape

from ..load.article_meta import ArticleMeta
from ..model.note import Note
from ..model.vocabulary import KINDS
from ..text.typography import french_spacing
from .article_html import listed_title
from .feeds import JSON_PATH, RSS_PATH
from .parts import Parts
from .site import Rendered, Site

CONTEXT = "https://schema.org"


def script_json(data: dict) -> str:
    """JSON that can sit inside <script>: nothing in it can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def entity_ref(note: Note, url: str) -> dict:
    """An entity as an article names it (``about``, ``mentions``): type, name and the URL of
    its page, whose own JSON-LD describes it (``entity_jsonld``)."""
    return {"@type": KINDS[note.kind].schema_type, "name": note.name, "url": url}


def article_jsonld(headline: str, description: str, url: str, about: list[dict], mentions: list[dict],
                   meta: ArticleMeta | None = None) -> dict:
    node = {"@context": CONTEXT, "@type": "NewsArticle", "headline": headline, "description": description,
            "inLanguage": "fr", "url": url, "mainEntityOfPage": url, "about": about, "mentions": mentions}
    # Only what the source tells: an unknown author, outlet or date is left out, never guessed.
    if meta is not None:
        if meta.date:
            node["datePublished"] = meta.date.isoformat()
        if meta.added:   # this page's own day: the day the article came to the site
            node["dateCreated"] = meta.added.isoformat()
        if meta.author:
            node["author"] = {"@type": "Person", "name": meta.author}
        if meta.outlet:
            node["publisher"] = {"@type": "Organization", "name": meta.outlet}
        if meta.url:
            node["isBasedOn"] = meta.url
    return node


def entity_jsonld(note: Note, url: str) -> dict:
    node = {"@context": CONTEXT, **entity_ref(note, url), "description": french_spacing(note.summary), "inLanguage": "fr"}
    if note.other_names:   # the forms shown, each with its source (plain aliases are for search)
        node["alternateName"] = [other.form for other in note.other_names]
    return node


def feed_links(feeds: list[tuple[str, str]]) -> str:
    """The <link> tags that point to the feeds: the same on every page, written once.

    ``rel="alternate feed"``: feed readers look for the ``alternate`` token with a feed's
    type; Material takes every link whose rel is exactly ``alternate`` for another
    language of the site and fetches the sitemap beside it (the production host's, on a
    copy served elsewhere), which the second token prevents."""
    return "".join(f'\n<link rel="alternate feed" type="{_attr(kind)}" title="Carnet minier" href="{_attr(href)}">'
                   for kind, href in feeds)


def _attr(value: str) -> str:
    """An attribute value, from plain text."""
    return escape(value, quote=True)


def head_html(title: str, description: str, url: str, og_type: str, jsonld: dict | None,
              feeds: str = "") -> str:
    """Open Graph tags, the feed links (``feed_links``) and JSON-LD, from plain text."""
    tags = (f'<meta property="og:locale" content="fr_FR">\n'
            f'<meta property="og:type" content="{_attr(og_type)}">\n'
            f'<meta property="og:title" content="{_attr(title)}">\n'
            f'<meta property="og:description" content="{_attr(description)}">\n'
            f'<meta property="og:url" content="{_attr(url)}">\n'
            f'<meta property="og:site_name" content="Carnet minier">{feeds}')
    if jsonld:
        tags += f'\n<script type="application/ld+json">{script_json(jsonld)}</script>'
    return tags


FEEDS = (("application/rss+xml", RSS_PATH), ("application/feed+json", JSON_PATH))


def head_parts(site: Site, pages: Rendered, parts: Parts) -> None:
    """Every page's head: Open Graph, the feed links, and JSON-LD (an entity for a fiche; an
    article with what it is about and what it mentions)."""
    base = site.settings.site_url or ""
    nodes = {note.id: entity_ref(note, base + pages[note.page_path].url) for note in site.catalog}
    feeds = feed_links([(kind, base + path) for kind, path in FEEDS] if base else [])
    for src, page in pages.items():
        if src not in parts:
            continue
        url = base + page.url
        title, description = page.title or "", page.description or site.settings.site_description
        note = site.note_by_page.get(src)
        jsonld, og_type = None, "website"
        if src == "index.md":   # a link to the home page is previewed with the site's name, not "Accueil"
            title = "Carnet minier"
        if note is not None:
            jsonld = entity_jsonld(note, url)
        elif site.is_article(src):
            meta = site.meta(src)
            about = sorted({m.note_id for m in site.matcher.find(title)})
            title = listed_title(title, meta)   # a headline we wrote says so
            jsonld = article_jsonld(title, description, url, [nodes[n] for n in about],
                                    [nodes[n] for n in sorted(page.named)], meta)
            og_type = "article"
        parts[src].head = head_html(title, description, url, og_type, jsonld, feeds)
