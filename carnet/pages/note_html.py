"""HTML of a note's page sections, from the validated model.

Pure functions: ``href(docs_path)`` gives the URL of another page relative to
the page being filled.  Every text from a note goes through ``escape``; names
the note's texts mention are linked here, by the same rules as in Markdown
pages (first mention, never the note itself).
"""

from __future__ import annotations

from html import escape
from typing import Callable

from ..citations.passages import Found, quotes_in
from ..citations.resolve import Citations
from ..datatypes import datatype
from ..markdown.matcher import MentionMatcher
from ..markdown.mentions import MentionSentence, links_to_make, sentences_with_mentions
from ..model.catalog import Catalog
from ..model.note import Citation, Note, Relation
from ..model.paths import article_path, kind_index_path
from ..model.vocabulary import KINDS, running_name
from ..text.attributed import attributed
from ..text.sentences import sentence_spans
from ..text.typography import NBSP, NNBSP, french_spacing, join, paragraphs
from .references import Reference, References

Href = Callable[[str], str]


@datatype(frozen=True)
class Attribution:
    """Who says what a page states: the same words wherever it is shown (lists, graphs,
    their text alternatives)."""
    citations: Citations
    article_titles: dict[str, str]   # slug -> title, as pages name the articles

    def said_by(self, cite: Citation | None, declaring: Note, source: str | None = None) -> str:
        """Who says what a fact or relation states: "selon l’article, § 2" when ``cite``
        holds, "selon Wikipédia" when the note names its ``source``."""
        found = self.citations.get(cite) if cite else None
        if found is None:
            # (the sources of the declaring note: only when the build checks no citation)
            return f"selon {source}" if source else f"selon les sources de la fiche {declaring.name}"
        return f"selon {self.article_name(found.passage.article)}, §{NBSP}{found.passage.number}"

    def article_name(self, slug: str) -> str:
        """ "l’article", or, when the site has several, "l’article « Titre »"."""
        if len(self.article_titles) < 2:
            return "l’article"
        return f"l’article «{NNBSP}{french_spacing(self.article_titles.get(slug, slug))}{NNBSP}»"


class PageReferences:
    """A page's numbered references (``references.References``), the one way Carnet cites: a
    raised number after each claim, its entry under "Références" saying who says so and where
    (the article's words, or the source a note names).  A fiche's (``NoteSections``), and the
    dossier graph's list of relations."""

    def __init__(self, slug: str, href: Href, attribution: Attribution, articles_dir: str,
                 note: Note | None = None):
        self.href, self.articles_dir, self.note = href, articles_dir, note   # note: the fiche, if one
        self.citations, self.attribution = attribution.citations, attribution
        self.article_titles = attribution.article_titles
        self.refs = References(slug)
        self.references_heading = "<h3>Références</h3>"   # set by the page: its id and permalink
        self.cited_passages: list = []   # every passage a numbered reference cites: a fiche's Sources name them

    def passage_url(self, found: Found) -> str:
        return f"{self.href(article_path(self.articles_dir, found.passage.article))}#{found.fragment()}"

    def cite(self, cite: Citation) -> str:
        """A numbered reference to the article's words that back a statement (none when the
        build does not check citations: it stops otherwise)."""
        ref = self._article_ref(cite)
        return self.refs.place(ref) if ref else ""

    def named_source(self, declaring: Note, source: str | None) -> str:
        """A numbered reference to the source the declaring note names ("Selon Wikipédia")."""
        return self.refs.place(self._source_ref(declaring, source))

    def cite_relation(self, relation: Relation, declaring: Note) -> str:
        """Who says a relation: the article's words it quotes, or the source its note names."""
        return self.cite(relation.cite) if relation.cite else self.named_source(declaring, relation.source)

    def said_by(self, cite: Citation | None, declaring: Note, source: str | None = None) -> str:
        """Who says so in words, and the number of the reference that says where ("selon
        l’article, réf. 2"): a graph's text alternative, beside the list it draws."""
        found = self.citations.get(cite) if cite else None
        ref = self.refs.find(_article_key(found) if found else ("source", declaring.id, source))
        if ref is None or (cite and not found):
            return self.attribution.said_by(cite, declaring, source)
        return f"{ref.who}, réf.{NBSP}{ref.number}"

    def _article_ref(self, cite: Citation) -> Reference | None:
        found = self.citations.get(cite)
        if found is None:
            return None
        return self.refs.numbered(_article_key(found), lambda number: self._article_entry(number, found))

    def _article_entry(self, number: int, found: Found) -> Reference:
        """« the words » — selon l’article, § 2: the article linked, the paragraph to the passage
        (a text fragment highlighting the words).  The article is named as every page names it
        (``Attribution.article_name``): by its title only when the site has several, Sources
        giving it in full."""
        slug, words = found.passage.article, " […] ".join(found.words)
        self.cited_passages.append(found.passage)
        where = f"§{NBSP}{found.passage.number}"
        entry = (f"«{NNBSP}{escape(words)}{NNBSP}» — selon "
                 f'<a href="{escape(self.href(article_path(self.articles_dir, slug)))}">'
                 f"{escape(self.attribution.article_name(slug))}</a>, "
                 f'<a class="carnet-ref-passage" href="{escape(self.passage_url(found))}">{where}</a>')
        who = f"selon {self.attribution.article_name(slug)}"
        tip = f'«{NNBSP}<span class="carnet-support">{escape(words)}</span>{NNBSP}»'
        return Reference(number, entry, tip, f"{who}, {where}", who)

    def _source_ref(self, declaring: Note, source: str | None) -> Reference:
        return self.refs.numbered(("source", declaring.id, source),
                                  lambda number: self._source_entry(number, declaring, source))

    def _source_entry(self, number: int, declaring: Note, source: str | None) -> Reference:
        """Selon Wikipédia: linked to the source's address when the note gives one, else to the
        source in its fiche's list; a source of another fiche (on any page but that fiche) says
        which."""
        index = declaring.source_index(source)
        anchor = f"#source-{index + 1}" if index is not None else "#sources"
        own = self.note is not None and declaring.id == self.note.id
        listed = escape(anchor if own else f"{self.href(declaring.page_path)}{anchor}")
        url = declaring.sources[index].url if index is not None else None
        who = self.attribution.said_by(None, declaring, source)   # "selon Wikipédia"
        if source:
            link = (f'<a href="{escape(url)}" rel="noopener">{escape(source)}</a>' if url
                    else f'<a href="{listed}">{escape(source)}</a>')
            entry = f"Selon {link}" + ("" if own else
                                      f', source de la fiche <a href="{listed}">{escape(declaring.name)}</a>')
        else:   # only when the build does not check citations
            entry = f'Selon les sources de la fiche <a href="{listed}">{escape(declaring.name)}</a>'
        return Reference(number, entry, escape(who[0].upper() + who[1:]), who, who)

    def references(self) -> str:
        """The numbered references, under their heading (none when nothing is cited)."""
        return self.refs.html(self.references_heading)

    @property
    def has_references(self) -> bool:
        return bool(self.refs)


class NoteSections(PageReferences):
    """The sections of one note's page; linking state is shared across them, top to bottom,
    and so are the numbered references every claim cites (``references``)."""

    def __init__(self, note: Note, catalog: Catalog, matcher: MentionMatcher, href: Href,
                 attribution: Attribution, articles_dir: str, policy: str = "first"):
        super().__init__(note.slug, href, attribution, articles_dir, note)
        self.note: Note = note
        self.catalog, self.matcher, self.policy = catalog, matcher, policy
        self._linked: set[str] = set()

    def note_link(self, other: Note) -> str:
        """A link to another fiche, its name as it stands within a sentence (``running_name``)."""
        return (f'<a href="{escape(self.href(other.page_path))}" data-preview="">'
                f"{escape(running_name(other.name, other.kind))}</a>")

    def text(self, text: str, article: str | None = None) -> str:
        """Escaped text with mentions of other notes linked, and each « quote » of
        ``article`` (None: of any article) followed by its numbered reference."""
        mentions = self.matcher.find(text)
        to_link = set(links_to_make(mentions, self.note.id, self.policy, self._linked))
        inserts = [(m.start, m.end, self._mention(text, m)) for m in mentions if m in to_link]
        for q in quotes_in(text):
            ref = self._article_ref(Citation(article, q.group(1)))
            if ref is not None:   # the quote's reference, glued to its closing »
                inserts.append((q.end(), q.end(), self.refs.place(ref)))
        shown = french_spacing(text)  # same length: the offsets above hold
        out, pos = [], 0
        for start, end, html in sorted(inserts, key=lambda i: (i[0], i[1])):
            out += [escape(shown[pos:start]), html]
            pos = end
        out.append(escape(shown[pos:]))
        return "".join(out)

    def quotes_cited(self, text: str, html: str, other: Note | None = None) -> str:
        """``html`` (``text`` as another page's excerpt shows it, marks and all) with each
        « quote » of an article followed by its numbered reference on this fiche, and, for a
        sentence of the summary of another fiche (``other``) that names what it rests on
        ("d’après Wikipédia"), that source's reference before its last stop: a fiche quoting
        another's summary cites as it cites its own."""
        inserts = []
        closing = []   # where each » stands: « » are never escaped nor in tags
        at = html.find("»")
        while at >= 0:
            closing.append(at)
            at = html.find("»", at + 1)
        for q in quotes_in(text) if closing else ():
            ref = self._article_ref(Citation(None, q.group(1)))
            k = text.count("»", 0, q.end()) - 1
            if ref is not None and k < len(closing):
                inserts.append((closing[k] + 1, self.refs.place(ref)))
        # (not a sentence that says its source itself: "Selon l’article, …")
        said = text.lstrip().lower().startswith("selon ")
        if other is not None and other.summary_source and not said and text.strip() in french_spacing(other.summary):
            end = len(html) - 1 if html.endswith(".") else len(html)
            inserts.append((end, self.named_source(other, other.summary_source)))
        for at, place in sorted(inserts, reverse=True):
            html = html[:at] + place + html[at:]
        return html

    def _mention(self, text: str, m) -> str:
        target = self.catalog.notes[m.note_id]
        return (f'<a class="carnet-mention" href="{escape(self.href(target.page_path))}" '
                f'data-preview="">{escape(text[m.start:m.end])}</a>')

    def relations(self) -> str:
        groups = self.catalog.grouped_links(self.note.id)
        if not groups:
            return "<p>Aucune relation n’est renseignée pour cette fiche.</p>"
        items = []
        for label, links in groups:
            sources = [self._source_key(link) for link in links]
            if len(links) > 1 and len(set(sources)) == 1:   # one source for all: said once, at the end
                targets = join([self.note_link(link.other) for link in links]) + self._relation_source(links[0])
            else:
                targets = join([self.note_link(link.other) + self._relation_source(link) for link in links])
            items.append(f"<li>{escape(label)}{NBSP}: {targets}</li>")
        return f'<ul class="carnet-relations">{"".join(items)}</ul>'

    def _source_key(self, link) -> tuple:
        """What backs a relation: the article's words it quotes, or the declaring note."""
        found = self.citations.get(link.relation.cite) if link.relation.cite else None
        if found is not None:
            return ("article", found.passage.article, found.passage.id, tuple(found.words))
        return ("note", (self.note if link.declared_here else link.other).id, link.relation.source)

    def _relation_source(self, link) -> str:
        """Who says so: the article's words, or the named source of the note that declares it."""
        return self.cite_relation(link.relation, self.note if link.declared_here else link.other)


def _article_key(found: Found) -> tuple:
    """One reference for the same words of the same passage, wherever the fiche cites them."""
    return ("article", found.passage.article, found.passage.id, " […] ".join(found.words))


def lead_html(sections: NoteSections) -> str:
    """A fiche's lead: its kind, its infobox (other forms of the name, facts, each with its
    numbered reference, and who says so in words under them) and its summary, with mentions
    linked and quotes referenced."""
    note, kind = sections.note, KINDS[sections.note.kind]
    # Numbered as read: the summary first (the page's order too: on a desktop the box stands
    # beside it, on a phone after it), then the box, then the body.
    summary = sections.text(note.summary)
    if note.summary_source:   # what the summary's own words rest on (previews show it too)
        summary += (f' <small class="carnet-attribution">'
                    f"{summary_source_text(note, sections.named_source(note, note.summary_source))}</small>")
    sections.refs.rank = 1
    box = infobox_html(sections)
    sections.refs.rank = 2   # the body, after both
    kind_line = (f'<p class="carnet-kind">{kind.singular} · '
                 f'<a href="{escape(sections.href(kind_index_path(note.kind)))}">'
                 f"toutes les fiches {kind.of_plural}</a></p>")
    return f'{kind_line}<div class="carnet-lead"><p class="carnet-summary">{summary}</p>{box}</div>'


def infobox_html(sections: NoteSections) -> str:
    """The infobox, beside the summary on a desktop (after it on a phone): other forms of the
    name and facts, each value followed by its numbered reference; under them, who says so in words when the
    article backs a line (a number alone would not say that a line is one article's claim)."""
    # Other names: search has them already (aliases field), and reads the lead in its own
    # view (``searched_lead``): the summary and the facts.  The name and the kind are the
    # page's title and the line under it: not repeated.
    # Only the forms of the name that say what backs them are shown (plain aliases are for
    # matching and search); each line says who says so, as every fact does.
    note, rows = sections.note, []
    if note.other_names:
        rows.append(("Autres formes du nom", join([
            escape(other.form) + (sections.cite(other.cite) if other.cite else sections.named_source(note, other.source))
            for other in note.other_names]), [_who(sections, o.cite, o.source) for o in note.other_names]))
    for fact in note.facts:
        value = sections.text(fact.value, fact.cite.article if fact.cite else None)
        value += sections.cite(fact.cite) if fact.cite else sections.named_source(note, fact.source)
        rows.append((french_spacing(fact.label), value, [_who(sections, fact.cite, fact.source)]))
    if not rows:
        return ""
    infobox = " ".join(f'<dt>{escape(label)}<span class="carnet-sep">{NBSP}:</span></dt> <dd>{value}</dd>'
                       for label, value, _ in rows)
    return (f'<aside class="carnet-infobox" aria-labelledby="infobox-{note.slug}">'
            f'<p class="carnet-infobox-title" id="infobox-{note.slug}">{escape(note.name)}</p>'
            f"<dl>{infobox}</dl>{_infobox_note(rows)}</aside>")


def _who(sections: NoteSections, cite: Citation | None, source: str | None) -> tuple[bool, str] | None:
    """Who says what a line of the infobox states: (an article?, its name in words)."""
    if cite is None:
        return (False, source) if source else None
    found = sections.citations.get(cite)
    return (True, sections.attribution.article_name(found.passage.article)) if found else None


def _infobox_note(rows: list[tuple[str, str, list]]) -> str:
    """"Selon l’article : fonction ; selon Wikipédia : capitale.": who says each line, by its
    label, when an article backs one (facts from a named source alone need no such note)."""
    by_who: dict[tuple[bool, str], list[str]] = {}
    for label, _, whos in rows:
        for who in dict.fromkeys(w for w in whos if w):
            by_who.setdefault(who, []).append(label[:1].lower() + label[1:] if label[1:2].islower() else label)
    if not any(article for article, _ in by_who):
        return ""
    said = f"{NNBSP}; ".join(f"selon {who}{NBSP}: {join(labels)}"
                             for (_, who), labels in sorted(by_who.items(), key=lambda item: not item[0][0]))
    return f'<p class="carnet-infobox-note">{escape(said[0].upper() + said[1:])}.</p>'


def summary_source_text(note: Note, cited: str = "") -> str:
    """"Résumé d’après Wikipédia et l’article." (HTML): what a summary's own words rest on, its
    « quotes » being the article's; ``cited``: the source's numbered reference, on the fiche."""
    return f"Résumé d’après {escape(note.summary_source or '')}{cited}" + (" et l’article." if "«" in note.summary else ".")


def searched_lead_html(sections: NoteSections) -> str:
    """What search reads of the lead: the summary and the facts, as text.  The page shows
    them with their links, citations and layout (``lead``); search keeps the words, and weighs
    a fact cited from an article as the article's (carnet.text.attributed)."""
    # A fact cited from an article is the article's statement: search weighs it as a quotation.
    # Rows apart (" · "): a search result shows them as one line of text.
    # Each row says who says so, as the page does: a result never states a claim as fact.
    rows = " · ".join(f"{escape(french_spacing(fact.label))}{NBSP}: "
                      + (attributed if fact.cite else str)(escape(french_spacing(fact.value)))
                      + (" (selon l’article)" if fact.cite else f" (selon {escape(fact.source or '')})")
                      for fact in sections.note.facts)
    return f'<p class="carnet-summary">{escape(french_spacing(sections.note.summary))}</p>{rows}'

def sources_html(sections: NoteSections, shown: dict[str, tuple] | None = None) -> str:
    """Every passage the page quotes, by article (``shown``: the article as a PageRef and the
    paragraphs of the sentences "Dans l’article" shows, by article), then the note's named
    sources, then the references."""
    note = sections.note
    # Every passage the page quotes: the note's own citations, and those of the relations
    # other notes declare with it (listed under Relations).
    cites = [*note.citations, *(l.relation.cite for l in sections.catalog.links(note.id)
                                 if l.relation.cite and not l.declared_here)]
    passages = [found.passage for found in map(sections.citations.get, cites) if found]
    passages += sections.cited_passages   # and those of other fiches' words, quoted under "Ailleurs"
    items, shown = [], shown or {}
    # The articles "Dans l’article" quotes, newest first as it lists them, then any other cited.
    for slug in [*shown, *sorted({p.article for p in passages} - set(shown))]:
        ref, numbers = shown.get(slug, (None, set()))
        numbers = numbers | {p.number for p in passages if p.article == slug}
        if ref is not None:   # its URL and title made (and escaped) once, for "Dans l’article"
            url, title = ref.url_html, ref.title_html
        else:
            url = escape(sections.href(article_path(sections.articles_dir, slug)))
            title = escape(french_spacing(sections.article_titles.get(slug, slug)))
        # No number when no sentence shown stands in a numbered paragraph (a list item, a heading).
        where = f" ({paragraphs(numbers)})" if numbers else ""
        items.append(f'<li>L’article «{NNBSP}<a href="{url}">{title}</a>{NNBSP}», reproduit sur le Carnet tel '
                     f"que reçu et cité ci-dessus{where}.</li>")
    for n, source in enumerate(note.sources, 1):   # a reference to a source without address links here: #source-N
        title = escape(source.title)
        items.append(f'<li id="source-{n}"><a href="{escape(source.url)}" rel="noopener">{title}</a></li>'
                     if source.url else f'<li id="source-{n}">{title}</li>')
    if not items:
        return "<p>Aucune source n’est renseignée.</p>" + sections.references()
    return f'<ul class="carnet-sources">{"".join(items)}</ul>' + sections.references()


def heading_html(level: int, anchor: str, heading: str, permalink: str | None, permalink_title: str) -> str:
    """A heading as Python-Markdown's toc writes it (its id, its permalink)."""
    link = (f'<a class="headerlink" href="#{escape(anchor)}" title="{escape(permalink_title)}">'
            f"{permalink}</a>" if permalink else "")
    return f'<h{level} id="{escape(anchor)}">{escape(heading)}{link}</h{level}>'


def body_html(sections: list[tuple[str, str, str]], permalink: str | None, permalink_title: str) -> str:
    """A note's body: (id, heading, html) sections, each under an <h2>."""
    return "\n".join(f"{heading_html(2, anchor, heading, permalink, permalink_title)}\n{content}"
                     for anchor, heading, content in sections)


def note_sentences(note: Note, matcher: MentionMatcher, attribution: Attribution) -> list[MentionSentence]:
    """Sentences of a note's own texts that name other notes (for their "Mentionné dans"):
    its summary's, and each fact as "Label : value (who says so)", never the bare value."""
    out = []
    facts = [f"{fact.label}{NBSP}: {fact.value} ({attribution.said_by(fact.cite, note, fact.source)})."
             for fact in note.facts]
    for text in (note.summary, *facts):
        text = french_spacing(text)  # as the note's page shows it (same length, same mentions)
        mentions = [m for m in matcher.find(text) if m.note_id != note.id]
        out += sentences_with_mentions(text, mentions, note.page_path, None, quotes_whole=True)
    return out


INDEX_SUMMARY = 400  # characters of a summary in an index: entries stay light, and a sentence stays whole


def index_summary(summary: str) -> str:
    """A summary as an index lists it: whole up to ``INDEX_SUMMARY`` characters, else its
    first sentences that fit (a sentence is never cut but the first, when it alone is longer;
    a « quote » is never cut, as a summary's sentences are not: ``note_sentences``)."""
    if len(summary) <= INDEX_SUMMARY:
        return summary
    ends = [end for _, end in sentence_spans(summary, quotes_whole=True) if end <= INDEX_SUMMARY]
    if ends:
        return summary[:ends[-1]].rstrip()
    return summary[:INDEX_SUMMARY].rsplit(" ", 1)[0] + "…"


def index_list_html(notes: list[Note], href: Href, show_kind: bool) -> str:
    """A list of notes for the index pages: name (a link), kind if asked, summary (its
    beginning, when long).  The A–Z index (``show_kind``) is a list of names, one line
    each: the name and its kind; its preview, on hover or focus, gives the summary."""
    if show_kind:
        return '<ul class="carnet-index carnet-index--names">' + "".join(
            f'<li><a href="{escape(href(note.page_path))}" data-preview="">{escape(note.filed_name)}</a>'
            f' <span class="carnet-index-kind">({KINDS[note.kind].singular.lower()})</span></li>'
            for note in notes) + "</ul>"
    items = []
    for note in notes:   # the name over its summary, as a front page lists its stories
        summary = index_summary(note.summary)
        items.append(f'<li><a href="{escape(href(note.page_path))}" data-preview="">'
                     f'{escape(note.filed_name)}</a><span class="carnet-index-sep"> — </span>'
                     f'<span class="carnet-index-summary">{escape(french_spacing(summary))}'
                     + (f' <small class="carnet-attribution">{summary_source_text(note)}</small>'
                        if note.summary_source else "") + '</span></li>')
    return f'<ul class="carnet-index">{"".join(items)}</ul>'
