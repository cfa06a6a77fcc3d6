"""Turn one parsed note file into a Note, or into Problems an editor can act on."""

from __future__ import annotations

from typing import Any

from ..citations.passages import quotes_in, unbalanced_guillemet
from ..model.note import Citation, Fact, Note, OtherName, Relation, Source
from ..model.paths import NOTE_ID_RE, SLUG_RE
from ..model.problems import Problem, did_you_mean
from ..model.vocabulary import KINDS, RELATION_TYPES
from ..text.web_address import HINT, is_web_address
from .yaml_source import YamlDocument

FIELDS = ("name", "aliases", "summary", "summary_source", "case_sensitive", "facts", "relations", "sources",
          "former_ids", "index_name")
ARTICLE_ONLY = "article"   # summary_source: the summary only reports the article (its words in « »)
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
    sources = _sources(f, data)
    backing = Backing(f, sources)
    aliases, other_names = _aliases(f, data, backing)
    case_sensitive = data.get("case_sensitive", True)
    if not isinstance(case_sensitive, bool):
        f.report(("case_sensitive",), "'case_sensitive' must be true or false.", "write true or false.")
        case_sensitive = True
    facts, fact_quotes = _facts(f, data, backing)
    relations = _relations(f, data, backing)
    former_ids = _former_ids(f, data, f"{kind}/{slug}")
    summary_source = _summary_source(f, data, backing)
    # How indexes file the entity, when the rule would not ("Aït Ali, Mohamed"): any kind takes it.
    filed_as = f.text(data.get("index_name"), ("index_name",), "'index_name'", required=False)
    if name is None:
        return None, f.problems
    return Note(id=f"{kind}/{slug}", kind=kind, slug=slug, path=rel_path, name=name, summary=summary or "",
                aliases=tuple(aliases), case_sensitive=case_sensitive, facts=tuple(facts),
                relations=tuple(relations), sources=tuple(sources), quotes=tuple(quotes + fact_quotes),
                former_ids=tuple(former_ids), other_names=tuple(other_names),
                summary_source=summary_source, index_name=filed_as), f.problems


def _summary_source(f: Fields, data: dict, backing: "Backing") -> str | None:
    """What the summary's own words rest on, when the note has sources: one of them, named
    (shown after the summary: "d’après Wikipédia"), or 'article' when it only reports the
    article.  Without sources, the summary reports the article alone."""
    raw = data.get("summary_source")
    if raw is None:
        if backing.names:
            f.report(("summary",), "the summary does not say what its own words rest on, and the note has sources.",
                     "add 'summary_source:' naming the source they come from ("
                     + ", ".join(f"'{n}'" for n in backing.names) + f"), or 'summary_source: {ARTICLE_ONLY}' when "
                     "the summary only reports what the article says.")
        return None
    if raw == ARTICLE_ONLY:
        return None
    if not isinstance(raw, str) or _words(raw) not in backing.names:
        shown = raw if isinstance(raw, str) else _kind_of(raw)
        f.report(("summary_source",), f"'summary_source' names '{shown}', which is not among the note's sources.",
                 "name one of them (" + (", ".join(f"'{n}'" for n in backing.names) or "none yet")
                 + f"), or write '{ARTICLE_ONLY}' when the summary only reports the article."
                 + (did_you_mean(shown, backing.names) if isinstance(raw, str) else ""))
        return None
    return _words(raw)


def _words(name: str) -> str:
    """A source's name as the note's texts compare it: its words, whatever spaces stand
    between them (doubled, a tab, a no-break space), as ``Fields.text`` reads a source's own."""
    return " ".join(name.split())


class Backing:
    """What backs a statement shown to readers (a fact, a relation, a form of the name): the
    article's words (``cite``) or one of the note's sources, named (``source``).  A statement
    with neither is refused: no line of a fiche leaves its source untold."""

    def __init__(self, f: Fields, sources: list[Source]):
        self.f, self.names = f, [s.name for s in sources]

    def __call__(self, raw: dict, path: tuple, where: str) -> tuple[bool, Citation | None, str | None]:
        """(whether it is backed, its citation, its source's name), each problem reported."""
        f, cite = self.f, self.f.citation(raw.get("cite"), path + ("cite",), where)
        source = raw.get("source")
        if source is not None and raw.get("cite") is not None:
            f.report(path + ("source",), f"{where} has both 'cite' and 'source'.",
                     "keep the one the page is to show: the article's words ('cite') or the named source.")
            return False, None, None
        if source is None:
            if raw.get("cite") is None:
                f.report(path, f"{where} says neither what in the article backs it nor which source does.",
                         "add " + self.hint())
            return cite is not None, cite, None
        if not isinstance(source, str) or _words(source) not in self.names:
            shown = source if isinstance(source, str) else _kind_of(source)
            f.report(path + ("source",), f"{where} names the source '{shown}', which is not among the note's sources.",
                     "add it under 'sources:' (with 'short: <its name>'), or name one of them: "
                     + (", ".join(f"'{n}'" for n in self.names) or "(none yet)") + "."
                     + (did_you_mean(shown, self.names) if isinstance(source, str) else ""))
            return False, None, None
        return True, None, _words(source)

    def hint(self) -> str:
        if not self.names:
            return ("'cite:' with the article's words ('article:' and 'quote:'), or a source under 'sources:' "
                    "(with 'short: <its name>') named in 'source: <its name>'.")
        return ("'cite:' with the article's words ('article:' and 'quote:'), or 'source:' naming one of the "
                "note's sources: " + ", ".join(f"'{n}'" for n in self.names) + ".")


def _aliases(f: Fields, data: dict, backing: Backing) -> tuple[list[str], list[OtherName]]:
    """The other forms of the name.  A plain alias is matched in text and found by search, and
    not shown; a form shown to readers ("Autres formes du nom") says what backs it:
    ``- form: SONAREM`` with ``source:`` or ``cite:``."""
    raw_aliases = data.get("aliases", [])
    if raw_aliases is None:
        return [], []
    if not isinstance(raw_aliases, list):
        f.report(("aliases",), f"'aliases' must be a list, not {_kind_of(raw_aliases)}.",
                 "write one alias per line, each starting with '- '.")
        return [], []
    aliases, shown = [], []
    for i, alias in enumerate(raw_aliases):
        path, where = ("aliases", i), f"alias #{i + 1}"
        if isinstance(alias, dict):
            f.unknown_keys(alias, ("form", "cite", "source"), path, f" in {where}",
                           "a form of the name shown to readers takes 'form' and 'cite' or 'source'.")
            form = f.text(alias.get("form"), path + ("form",), f"{where} 'form'")
            backed, cite, source = backing(alias, path, f"{where} ('{form}')" if form else where)
            if form and backed:
                aliases.append(form)
                shown.append(OtherName(form, cite, source))
        elif value := f.text(alias, path, where):
            aliases.append(value)
    return aliases, shown


def _facts(f: Fields, data: dict, backing: Backing) -> tuple[list[Fact], list[Citation]]:
    facts, quotes = [], []
    raw_facts = f.listing(data, "facts", "write one 'Label: value' per line under 'facts:'.", mapping=True)
    for label, raw in raw_facts.items():
        path, cite, source, backed = ("facts", label), None, None, False
        if "«" in str(label) or "»" in str(label):
            f.report(path, f"the label of fact '{label}' holds guillemets (« »): a label names the fact, "
                           "it quotes nothing.",
                     "move the article's words into the value, or into 'quote:' under 'cite:'.")
        if isinstance(raw, dict):
            f.unknown_keys(raw, ("value", "cite", "source"), path, f" in fact '{label}'",
                           "a fact takes 'value', and 'cite' or 'source'.")
            backed, cite, source = backing(raw, path, f"fact '{label}'")
            raw, path = raw.get("value"), path + ("value",)
        elif raw is not None:   # "Label: value" alone says nothing of where it comes from
            f.report(path, f"fact '{label}' says neither what in the article backs it nor which source does.",
                     f"write it as 'value: …' under '{label}:', with " + backing.hint())
        value = f.text(raw, path, f"fact '{label}'")
        if value and backed:
            facts.append(Fact(str(label), value, cite, source))
            quotes += f.quotes(value, cite.article if cite else None, path, f"value of fact '{label}'")
    return facts, quotes


def _relations(f: Fields, data: dict, backing: Backing) -> list[Relation]:
    relations = []
    for i, path, raw in f.mappings(data, "relations", "relation", ("type", "target", "cite", "source"),
                                   "write each relation as '- type: ...' with 'target: kind/slug'.",
                                   "write '- type: subsidiary_of' and, below it, 'target: entreprises/gazprom'."):
        rtype = f.text(raw.get("type"), path + ("type",), f"relation #{i + 1} 'type'")
        target = f.text(raw.get("target"), path + ("target",), f"relation #{i + 1} 'target'")
        if rtype and rtype not in RELATION_TYPES:
            f.report(path + ("type",), f"unknown relation type '{rtype}'.",
                     "use one of: " + ", ".join(RELATION_TYPES) + "." + did_you_mean(rtype, RELATION_TYPES))
            rtype = None
        backed, cite, source = backing(raw, path, f"relation #{i + 1}")
        if rtype and target and backed:
            relations.append(Relation(rtype, target, cite, f.doc.position(path)[0], source))
    return relations


def _sources(f: Fields, data: dict) -> list[Source]:
    sources = []
    for i, path, raw in f.mappings(data, "sources", "source", ("title", "url", "short"),
                                   "write each source as '- title: ...' with an optional 'url: https://...' "
                                   "and 'short: <the name facts give it>'.",
                                   "write '- title: ...' and, below it, 'url: https://...'."):
        title = f.text(raw.get("title"), path + ("title",), f"source #{i + 1} 'title'")
        url = f.text(raw.get("url"), path + ("url",), f"source #{i + 1} 'url'", required=False)
        if url and not is_web_address(url):
            f.report(path + ("url",), f"source #{i + 1} has a URL that is not an http(s) address: '{url[:80]}'.",
                     HINT + ".")
            url = None
        short = f.text(raw.get("short"), path + ("short",), f"source #{i + 1} 'short'", required=False)
        if title and (short or title) in [s.name for s in sources]:
            f.report(path, f"source #{i + 1} has the name '{short or title}' of an earlier source.",
                     "give each source its own 'short' name: facts name their source by it.")
        elif title:
            sources.append(Source(title, url, short))
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
