"""The articles as feeds: RSS 2.0 and JSON Feed 1.1, with absolute links from ``site_url``.

An item's date is the source's date when it gives a full one, else the date the article
came to the site; the item then says so in words, and JSON Feed carries both dates apart
(``_carnet``), so the date added is never presented as the source's.  An article with
neither date has none in the feed.

Written here rather than with mkdocs-rss-plugin: that plugin dates items from git or
from one front-matter field and picks its own description, where an item's date and its
wording depend on which of two fields is known; the XML is built by ElementTree, which
escapes every value.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from email.utils import format_datetime
from html import unescape
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from ..text.typography import NBSP, NNBSP
from .article_html import FIRST_SENTENCE, ArticleEntry, dateline, listed_title, newest_first

RSS_PATH, JSON_PATH = "feed.xml", "feed.json"
SITE_TITLE = "Carnet minier"


def _item_date(entry: ArticleEntry) -> dt.date | None:
    return entry.meta.date or entry.meta.added


def _summary(entry: ArticleEntry) -> str:
    meta = entry.meta
    note = ("" if meta.date or not meta.added
            else " Faute de date de la source, le fil le date du jour de son ajout au Carnet.")
    # The article's words, in « » and said to be its own: never given as the Carnet's.
    return (f"{FIRST_SENTENCE}{NBSP}: «{NNBSP}{entry.first_sentence}{NNBSP}» — "
            f"{_plain(dateline(meta))}.{note}")


def _plain(text: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", text))


FEED_ITEMS = 50   # the newest articles: what a reader subscribing needs, at any size of the site


def rss(entries: list[ArticleEntry], site_url: str, description: str, url_of) -> str:
    """``url_of(entry)``: the article's URL relative to the site's root."""
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom"})
    channel = ET.SubElement(root, "channel")
    for tag, text in (("title", SITE_TITLE), ("link", site_url), ("description", description), ("language", "fr")):
        ET.SubElement(channel, tag).text = text
    ET.SubElement(channel, "atom:link", {"href": urljoin(site_url, RSS_PATH), "rel": "self",
                                         "type": "application/rss+xml"})
    for entry in newest_first(entries)[:FEED_ITEMS]:
        item = ET.SubElement(channel, "item")
        link = urljoin(site_url, url_of(entry))
        ET.SubElement(item, "title").text = listed_title(entry.title, entry.meta)
        ET.SubElement(item, "link").text = link
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = link
        ET.SubElement(item, "description").text = _summary(entry)
        if entry.meta.author:
            ET.SubElement(item, "dc:creator").text = entry.meta.author
            root.set("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        day = _item_date(entry)
        if day is not None:
            ET.SubElement(item, "pubDate").text = format_datetime(
                dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def json_feed(entries: list[ArticleEntry], site_url: str, description: str, url_of) -> str:
    items = []
    for entry in newest_first(entries)[:FEED_ITEMS]:
        link = urljoin(site_url, url_of(entry))
        meta = entry.meta
        item = {"id": link, "url": link, "title": listed_title(entry.title, meta), "content_text": _summary(entry), "language": "fr",
                "_carnet": {"date_of_source": meta.date.isoformat() if meta.date else None,
                            "date_as_written": meta.date_as_written,
                            "added": meta.added.isoformat() if meta.added else None,
                            "outlet": meta.outlet}}
        day = _item_date(entry)
        if day is not None:
            item["date_published"] = f"{day.isoformat()}T00:00:00Z"
        if meta.author:
            item["authors"] = [{"name": meta.author}]
        items.append(item)
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": SITE_TITLE,
                       "home_page_url": site_url, "feed_url": urljoin(site_url, JSON_PATH),
                       "description": description, "language": "fr", "items": items},
                      ensure_ascii=False, indent=1) + "\n"
