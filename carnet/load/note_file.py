"""Turn one parsed note file into a Note, or into Problems an editor can act on."""

from __future__ import annotations

from typing import Any

from ..citations.passages import quotes_in, unbalanced_guillemet
from ..model.note import Citation, Fact, Note, Relation, Source
from ..model.paths import NOTE_ID_RE, SLUG_RE
from ..model.problems import Problem, did_you_mean
from ..model.vocabulary import KINDS, RELATION_TYPES
from ..text.web_address import HINT, is_web_address
from .yaml_source import YamlDocument

FIELDS = ("name", "aliases", "summary", "case_sensitive", "facts", "relations", "sources", "former_ids")
MAX_TEXT = 2000


def note_id_from_path(rel_path: str) -> tuple[str, str, list[Problem]]:
    """``notes/<kind>/<slug>.yml`` -> (kind, slug, problems)."""
    parts = rel_path.split("/")
    problems = []
    kind, filename = (parts[-2], parts[-1]) if len(parts) >= 3 else ("", parts[-1])
    slug = filename.rsplit(".", 1)[0]
    if len(parts) != 3 or kind not in KINDS:
        problems.append(Problem(rel_path, None, None,
                                f"'{kind or '(none)'}' is not a kind of note.",
                                f"put the file in one of notes/{', notes/'.join(KINDS)}."
                                + did_you_mean(kind, KINDS)))
    if not SLUG_RE.match(slug):
        problems.append(Problem(rel_path, None, None,
                                f"file name '{filename}' is not a valid slug.",
                                "use lower-case ASCII letters, digits and single hyphens, "
                                "e.g. 'belkacem-soltani.yml'."))
    return kind, slug, problems


class Fields:
    """What the readers of a note's fields share: the file, and the problems found in it."""

    def __init__(self, doc: YamlDocument, rel_path: str):
        self.doc, self.rel_path, self.problems = doc, rel_path, []

    def report(self, path: tuple, message: str, hint: str = "", severity: str = "error") -> None:
        line, col = self.doc.position(path)
        self.problems.append(Problem(self.rel_path, line, col, message, hint, severity))

    def unknown_keys(self, raw: dict, known: tuple[str, ...], path: tuple, where: str, takes: str) -> None:
        """One problem per key of ``raw`` not in ``known`` ("unknown key 'x' in <where>")."""
        for key in raw:
            if key not in known:
                self.report(path + (key,), f"unknown {'field' if not where else 'key'} '{key}'{where}.",
                            takes + did_you_mean(str(key), known))

    def listing(self, data: dict, key: str, hint: str, mapping: bool = False) -> list | dict:
        """``data[key]`` when it is a list (a mapping, with ``mapping``), empty when absent;
        anything else is reported, and read as empty."""
        kind = dict if mapping else list
        raw = data.get(key) or kind()
        if not isinstance(raw, kind):
            what = "a mapping 'label: value'" if mapping else "a list"
            self.report((key,), f"'{key}' must be {what}, not {_kind_of(raw)}.", hint)
            return kind()
        return raw

    def mappings(self, data: dict, key: str, what: str, keys: tuple[str, ...], hint: str, item_hint: str):
        """(index, path, item) for each item of the list ``data[key]`` that is a mapping; the
        other items, and keys of an item outside ``keys``, reported."""
        for i, raw in enumerate(self.listing(data, key, hint)):
            path = (key, i)
            if not isinstance(raw, dict):
                self.report(path, f"{what} #{i + 1} must be a mapping with {_listed(keys[:2])}.", item_hint)
                continue
            self.unknown_keys(raw, keys, path, f" in {what} #{i + 1}", f"a {what} takes {_listed(keys)}.")
            yield i, path, raw

    def text(self, value: Any, path: tuple, what: str, required: bool = True) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.report(path, f"{what} is missing or empty.", f"write a non-empty '{path[-1] if path else what}'.")
            return None
        if not isinstance(value, str):
            self.report(path, f"{what} must be text, not {_kind_of(value)}.", "put the value in quotes.")
            return None
        if len(value) > MAX_TEXT:
            self.report(path, f"{what} is {len(value)} characters long, over {MAX_TEXT}.", "shorten it.")
            return None
        return " ".join(value.split())

    def quotes(self, text: str, article: str | None, path: tuple, where: str) -> list[Citation]:
        return _quotes(self, text, article, path, where)

    def citation(self, raw: Any, path: tuple, where: str) -> Citation | None:
        return _citation(self, raw, path, where)


def read_note(doc: YamlDocument, rel_path: str, kind: str, slug: str) -> tuple[Note | None, list[Problem]]:
    """The note as far as it can be read, and every problem with it.  A note with problems
    is still returned when it has a name, holding what was valid: it is not published, but
    the rest of it is checked in the same round (its quotes, the relations that point to it)."""
    f = Fields(doc, rel_path)
    data = doc.data
    if not isinstance(data, dict):
        f.report((), f"a note must be a mapping of fields, not {_kind_of(data)}.",
                 "start the file with 'name: ...' and 'summary: ...' lines.")
        return None, f.problems
    f.unknown_keys(data, FIELDS, (), "", "known fields: " + ", ".join(FIELDS) + ".")
    name = f.text(data.get("name"), ("name",), "'name'")
    summary = f.text(data.get("summary"), ("summary",), "'summary'")
    # « … » in a note's texts quotes an article: each quote is checked against the articles.
    quotes: list[Citation] = f.quotes(summary, None, ("summary",), "summary") if summary else []
    aliases = _aliases(f, data)
    case_sensitive = data.get("case_sensitive", True)
    if not isinstance(case_sensitive, bool):
        f.report(("case_sensitive",), "'case_sensitive' must be true or false.", "write true or false.")
        case_sensitive = True
    facts, fact_quotes = _facts(f, data)
    relations, sources = _relations(f, data), _sources(f, data)
    former_ids = _former_ids(f, data, f"{kind}/{slug}")
    _unsourced(f, data, sources)
    if name is None:
        return None, f.problems
    return Note(id=f"{kind}/{slug}", kind=kind, slug=slug, path=rel_path, name=name, summary=summary or "",
                aliases=tuple(aliases), case_sensitive=case_sensitive, facts=tuple(facts),
                relations=tuple(relations), sources=tuple(sources), quotes=tuple(quotes + fact_quotes),
                former_ids=tuple(former_ids)), f.problems


def _aliases(f: Fields, data: dict) -> list[str]:
    raw_aliases = data.get("aliases", [])
    if raw_aliases is None:
        return []
    if not isinstance(raw_aliases, list):
        f.report(("aliases",), f"'aliases' must be a list, not {_kind_of(raw_aliases)}.",
                 "write one alias per line, each starting with '- '.")
        return []
    return [value for i, alias in enumerate(raw_aliases) if (value := f.text(alias, ("aliases", i), f"alias #{i + 1}"))]


def _facts(f: Fields, data: dict) -> tuple[list[Fact], list[Citation]]:
    facts, quotes = [], []
    raw_facts = f.listing(data, "facts", "write one 'Label: value' per line under 'facts:'.", mapping=True)
    for label, raw in raw_facts.items():
        path, cite = ("facts", label), None
        if "«" in str(label) or "»" in str(label):
            f.report(path, f"the label of fact '{label}' holds guillemets (« »): a label names the fact, "
                           "it quotes nothing.",
                     "move the article's words into the value, or into 'quote:' under 'cite:'.")
        if isinstance(raw, dict):
            f.unknown_keys(raw, ("value", "cite"), path, f" in fact '{label}'", "a fact takes 'value' and 'cite'.")
            cite = f.citation(raw.get("cite"), path + ("cite",), f"fact '{label}'")
            raw, path = raw.get("value"), path + ("value",)
        value = f.text(raw, path, f"fact '{label}'")
        if value:
            facts.append(Fact(str(label), value, cite))
            quotes += f.quotes(value, cite.article if cite else None, path, f"value of fact '{label}'")
    return facts, quotes


def _relations(f: Fields, data: dict) -> list[Relation]:
    relations = []
    for i, path, raw in f.mappings(data, "relations", "relation", ("type", "target", "cite"),
                                   "write each relation as '- type: ...' with 'target: kind/slug'.",
                                   "write '- type: subsidiary_of' and, below it, 'target: entreprises/gazprom'."):
        rtype = f.text(raw.get("type"), path + ("type",), f"relation #{i + 1} 'type'")
        target = f.text(raw.get("target"), path + ("target",), f"relation #{i + 1} 'target'")
        if rtype and rtype not in RELATION_TYPES:
            f.report(path + ("type",), f"unknown relation type '{rtype}'.",
                     "use one of: " + ", ".join(RELATION_TYPES) + "." + did_you_mean(rtype, RELATION_TYPES))
            rtype = None
        cite = f.citation(raw.get("cite"), path + ("cite",), f"relation #{i + 1}")
        if rtype and target:
            relations.append(Relation(rtype, target, cite, f.doc.position(path)[0]))
    return relations


def _sources(f: Fields, data: dict) -> list[Source]:
    sources = []
    for i, path, raw in f.mappings(data, "sources", "source", ("title", "url"),
                                   "write each source as '- title: ...' with an optional 'url: https://...'.",
                                   "write '- title: ...' and, below it, 'url: https://...'."):
        title = f.text(raw.get("title"), path + ("title",), f"source #{i + 1} 'title'")
        url = f.text(raw.get("url"), path + ("url",), f"source #{i + 1} 'url'", required=False)
        if url and not is_web_address(url):
            f.report(path + ("url",), f"source #{i + 1} has a URL that is not an http(s) address: '{url[:80]}'.",
                     HINT + ".")
            url = None
        if title:
            sources.append(Source(title, url))
    return sources


def _former_ids(f: Fields, data: dict, own_id: str) -> list[str]:
    """Addresses the note was published under (renamed or merged notes): each gets a redirect."""
    former_ids = []
    raw_former = f.listing(data, "former_ids", "write one former id per line, e.g. '- entreprises/vesna'.")
    for i, raw in enumerate(raw_former):
        if not isinstance(raw, str) or not NOTE_ID_RE.match(raw) or raw.split("/")[0] not in KINDS:
            f.report(("former_ids", i), f"former id #{i + 1} must be 'kind/slug' of a note as it was published, "
                                        f"not {raw!r}.", "write e.g. 'entreprises/vesna' (kinds: "
                                                         + ", ".join(KINDS) + ").")
        elif raw == own_id:
            f.report(("former_ids", i), f"former id '{raw}' is the note's own id.", "remove it.")
        else:
            former_ids.append(raw)
    return former_ids


def _unsourced(f: Fields, data: dict, sources: list[Source]) -> None:
    """The journalism rule: a statement the article does not back needs a named source."""
    if sources or data.get("sources"):
        return
    raw_facts, raw_relations = data.get("facts") or {}, data.get("relations") or []
    for label, raw in (raw_facts.items() if isinstance(raw_facts, dict) else []):
        if not (isinstance(raw, dict) and raw.get("cite")):
            f.report(("facts", label), f"fact '{label}' cites no passage and the note has no sources.",
                     "cite the article (see below) or add a source under 'sources:'.")
    for i, raw in enumerate(raw_relations if isinstance(raw_relations, list) else []):
        if isinstance(raw, dict) and not raw.get("cite"):
            f.report(("relations", i), f"relation #{i + 1} cites no passage and the note has no sources.",
                     "cite the article (see below) or add a source under 'sources:'.")


CITE_FORM = ("write it as two lines under 'cite:', 'article: <article slug>' and "
             "'quote: <the article's own words that support the statement>'")


def _citation(f: Fields, raw: Any, path: tuple, where: str) -> Citation | None:
    """A cite: the article and the verbatim words of it that back the statement."""
    if raw is None:
        return None
    if isinstance(raw, str) and "#" in raw:
        f.report(path, f"citation '{raw}' points at a paragraph's position, which moves when the article "
                       "is edited; a citation now names the words it rests on.",
                 CITE_FORM + ", e.g. 'article: sonarem-vesna' and 'quote: la société russe VESNA'.")
        return None
    if not isinstance(raw, dict):
        f.report(path, f"the citation of {where} must be a mapping with 'article' and 'quote'.", CITE_FORM + ".")
        return None
    f.unknown_keys(raw, ("article", "quote"), path, f" in the citation of {where}", "a citation takes 'article' and 'quote'.")
    article, quote = raw.get("article"), raw.get("quote")
    ok = True
    if not isinstance(article, str) or not SLUG_RE.match(article):
        f.report(path + ("article",), f"the citation of {where} needs 'article': the slug of an article "
                                      f"(its file name in docs/articles/ without '.md'), not {article!r}.",
                 "write e.g. 'article: sonarem-vesna'.")
        ok = False
    if not isinstance(quote, str) or not quote.strip():
        f.report(path + ("quote",), f"the citation of {where} needs 'quote': the words of the article that "
                                    "support it, copied exactly.",
                 "copy a few words from the passage, e.g. 'quote: la société russe VESNA'.")
        ok = False
    elif "«" in quote or "»" in quote:
        f.report(path + ("quote",), f"the quote of {where} holds guillemets (« »).",
                 "write only the article's words, without « » around them.")
        ok = False
    if not ok:
        return None
    line, column = f.doc.position(path + ("quote",))
    return Citation(article, " ".join(quote.split()), where, line, column)


def _quotes(f: Fields, text: str, article: str | None, path: tuple, where: str) -> list[Citation]:
    """The « … » quotes of one text, each a citation of ``article`` (None: any article)."""
    if unbalanced_guillemet(text):
        f.report(path, f"the {where} has a « or » without its pair (or quotes inside quotes).",
                 "close every quote: « the article's words ».")
        return []
    line, column = f.doc.position(path)
    return [Citation(article, m.group(1), where, line, column) for m in quotes_in(text)]


def _listed(keys: tuple[str, ...]) -> str:
    """ "'a', 'b' and 'c'"."""
    quoted = [f"'{key}'" for key in keys]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1] if len(quoted) > 1 else quoted[0]


def _kind_of(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number", type(None): "nothing"}.get(type(value), f"a {type(value).__name__}")
