"""What the site knows about an article, from its front matter: validated like notes, never invented.

Every field is optional; what is unknown stays ``None`` and pages say so ("inconnu").
The source's date is either a full date (``date``) or only what the source writes
(``date_as_written``, e.g. "Mercredi"); ``added`` is when the article came to the site,
and is never shown or sent as the source's date.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..datatypes import datatype
from ..model.paths import SLUG_RE
from ..model.problems import Problem, did_you_mean
from ..text.source_text import canonical, decode
from ..text.web_address import HINT, is_web_address
from .memo import remembered
from .notes_dir import project_path
from .yaml_source import YamlDocument, read_yaml

# Ours, then the MkDocs and Material keys an article may also carry.
FIELDS = ("title", "title_by", "description", "outlet", "author", "date", "date_as_written", "url",
          "added", "changes", "former_slugs")
ENGINE_FIELDS = ("hide", "search", "tags", "template", "status", "subtitle", "icon")
TITLE_BY = ("source", "carnet")
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.S)


@datatype(frozen=True)
class ArticleMeta:
    title: str | None = None
    title_by: str | None = None          # "source": the outlet's headline; "carnet": ours
    description: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: dt.date | None = None          # the source's date, when it gives a full one
    date_as_written: str | None = None   # what the source says of its date, when not a full one
    url: str | None = None               # the original, http(s)
    added: dt.date | None = None         # when the article came to this site
    changes: str | None = None           # what we changed from the text as received, in French
    former_slugs: tuple[str, ...] = ()   # slugs it was published under: each address redirects here
    # Not front matter: whether the site has published it (the record of addresses holds its
    # address, or a former one). Without ``added``, its day is then unknown, not still to come.
    on_site: bool = False

    def sort_date(self) -> dt.date:
        """Newest first: the source's date, else the date added; an undated article goes last."""
        return self.date or self.added or dt.date.min


@datatype(frozen=True)
class Article:
    slug: str
    src: str             # docs path: "articles/sonarem-vesna.md"
    path: str            # project path, for messages
    meta: ArticleMeta


def front_matter(text: str) -> tuple[str, int] | None:
    """The YAML front matter of a Markdown page and the line it starts on, or None."""
    m = _FRONT_MATTER_RE.match(text)
    return (m.group(1) or "", 2) if m else None


def without_front_matter(text: str) -> str:
    return _FRONT_MATTER_RE.sub("", canonical(text), count=1)


def read_article(raw: bytes, path: str) -> ArticleMeta | list[Problem]:
    text = decode(raw, path, "the article")
    if isinstance(text, Problem):
        return [text]
    found = front_matter(text)
    if found is None or not found[0].strip():
        return ArticleMeta()
    yaml_text, first_line = found
    doc = read_yaml(yaml_text.encode("utf-8"), path)
    if isinstance(doc, Problem):
        line = doc.line + first_line - 1 if doc.line is not None else None
        return [Problem(path, line, doc.column, doc.message, doc.hint)]
    return validate_article_meta(doc, path, first_line)


def validate_article_meta(doc: YamlDocument, path: str, first_line: int = 1) -> ArticleMeta | list[Problem]:
    problems: list[Problem] = []

    def report(key: tuple, message: str, hint: str) -> None:
        line, column = doc.position(key)
        problems.append(Problem(path, line + first_line - 1 if line is not None else None, column, message, hint))

    data = doc.data
    if not isinstance(data, dict):
        report((), "the front matter must be a mapping of fields.", "write one 'field: value' per line.")
        return problems
    for key in data:
        if key not in FIELDS + ENGINE_FIELDS:
            report((key,), f"unknown field '{key}' in the article's front matter.",
                   "known fields: " + ", ".join(FIELDS) + "." + did_you_mean(str(key), FIELDS))

    def text(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            report((key,), f"'{key}' must be text, not {type(value).__name__}.", "put the value in quotes.")
            return None
        return " ".join(value.split())

    def date(key: str) -> dt.date | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        report((key,), f"'{key}' must be a full date written YYYY-MM-DD, not {value!r}.",
               "write e.g. '2026-05-13'" + (", or what the source says under 'date_as_written'"
                                             if key == "date" else "") + ".")
        return None

    values: dict[str, Any] = {k: text(k) for k in ("title", "description", "outlet", "author",
                                                   "date_as_written", "url", "changes")}
    title_by = text("title_by")
    if title_by is not None and title_by not in TITLE_BY:
        report(("title_by",), f"'title_by' is '{title_by}'.",
               "write 'source' (the outlet's headline) or 'carnet' (ours)." + did_you_mean(title_by, TITLE_BY))
        title_by = None
    if values["url"] and not is_web_address(values["url"]):
        report(("url",), f"'url' is not an http(s) address: '{values['url'][:80]}'.", HINT + ".")
        values["url"] = None
    source_date, added = date("date"), date("added")
    if source_date and values["date_as_written"]:
        report(("date_as_written",), "'date_as_written' is for a source that gives no full date, "
                                     "but 'date' is set.", "keep one of the two.")
    former = data.get("former_slugs") or []
    if not isinstance(former, list) or not all(isinstance(s, str) and SLUG_RE.match(s) for s in former):
        report(("former_slugs",), "'former_slugs' must be a list of the slugs (file names without '.md') "
                                  "the article was published under.", "write e.g. 'former_slugs: [ancien-nom]'.")
        former = []
    if problems:
        return problems
    return ArticleMeta(title_by=title_by, date=source_date, added=added, former_slugs=tuple(former), **values)


def load_articles(folder: Path, docs_dir: Path, project_dir: Path,
                  memo: dict | None = None) -> tuple[list[Article], list[Problem]]:
    """Every article of ``folder`` (docs/articles/), its metadata validated; all problems at
    once.  ``memo``: carnet.load.memo."""
    articles, problems = [], []
    if not folder.is_dir():
        return articles, problems
    for file in sorted(folder.glob("*.md")):
        if file.name == "index.md":
            continue
        path = project_path(file, project_dir)
        result = remembered(memo, path, file.read_bytes(), lambda data: read_article(data, path))
        if isinstance(result, list):  # still an article: its quotes are checked in the same round
            problems += result
            result = ArticleMeta()
        articles.append(Article(file.stem, file.relative_to(docs_dir).as_posix(), path, result))
    return articles, problems
