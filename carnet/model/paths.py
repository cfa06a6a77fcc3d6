"""Ids, slugs and the docs paths of the index pages: the rules the stages share.

A note's id is ``kind/slug``; a slug (a note's or an article's file name) is lower-case
ASCII letters and digits in words joined by single hyphens.
"""

from __future__ import annotations

import re

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NOTE_ID_RE = re.compile(r"^[a-z]+/" + SLUG_RE.pattern[1:])

A_TO_Z_PATH = "index-a-z.md"
GRAPH_PATH = "graphe.md"


def kind_index_path(kind: str) -> str:
    return f"{kind}/index.md"


def article_path(articles_dir: str, slug: str) -> str:
    return f"{articles_dir}/{slug}.md"


def articles_index_path(articles_dir: str) -> str:
    return f"{articles_dir}/index.md"


# The inputs a page reads, by name (carnet.pages.inputs): a note's file, a Markdown page's file.
def note_input(note_id: str) -> str:
    return f"note:{note_id}"


def page_input(src: str) -> str:
    return f"page:{src}"


ORDER_INPUT = "order"   # every Markdown page's front matter and title: the articles' order, their titles
