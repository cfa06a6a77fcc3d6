"""An article's passages read straight from its Markdown, without building the site.

``carnet check`` uses this to resolve citations; the build uses what the linker
finds while MkDocs renders the page.  Both go through the same tree processor
(``markdown.paragraph_anchors``), so both see the same passages and anchors.
"""

from __future__ import annotations

from pathlib import Path

import markdown

from ..citations.passages import Passage
from ..markdown import OURS
from ..markdown.paragraph_anchors import ParagraphAnchorExtension
from ..markdown.scan import PageScan
from .article_meta import without_front_matter


def article_passages(path: Path, extensions: list, configs: dict) -> list[Passage]:
    """The passages of the article at ``path``, rendered with the site's Markdown extensions."""
    text = without_front_matter(path.read_bytes().decode("utf-8", "replace"))  # undecodable: reported by load_articles
    scan = PageScan(path.name, href=lambda note_id: "", article=path.stem)
    ours = ParagraphAnchorExtension(lambda: scan)
    extensions = [e for e in extensions if not isinstance(e, OURS)]  # the build's own: ours replaces them
    try:
        md = markdown.Markdown(extensions=[*extensions, ours], extension_configs=configs)
    except Exception:  # an extension this machine lacks: the paragraphs are still Markdown's
        md = markdown.Markdown(extensions=["attr_list", ours])
    md.convert(text)
    return scan.passages


def all_passages(articles: list, docs_dir: Path, extensions: list, configs: dict) -> list[Passage]:
    """The passages of every article (``Article`` values), in order."""
    return [p for a in articles for p in article_passages(docs_dir / a.src, extensions, configs)]
