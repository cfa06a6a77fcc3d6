"""HTML of a note's page sections, from the validated model.

Pure functions: ``href(docs_path)`` gives the URL of another page relative to
the page being filled.  Every text from a note goes through ``escape``; names
the note's texts mention are linked here, by the same rules as in Markdown
pages (first mention, never the note itself).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable

from ..citations.passages import Found, quotes_in
from ..citations.resolve import Citations
from ..markdown.matcher import MentionMatcher
from ..markdown.mentions import MentionSentence, links_to_make, sentences_with_mentions
from ..model.catalog import Catalog
from ..model.note import Citation, Note
from ..model.paths import article_path, kind_index_path
from ..model.vocabulary import KINDS, running_name
from ..text.attributed import attributed
from ..text.sentences import sentence_spans
from ..text.typography import NBSP, NNBSP, french_spacing, join, paragraphs

Href = Callable[[str], str]


@dataclass(frozen=True)
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


class NoteSections:
    """The sections of one note's page; linking state is shared across them, top to bottom."""

    def __init__(self, note: Note, catalog: Catalog, matcher: MentionMatcher, href: Href,
                 attribution: Attribution, articles_dir: str, policy: str = "first"):
        self.note, self.catalog, self.matcher, self.href = note, catalog, matcher, href
        self.citations, self.articles_dir, self.policy = attribution.citations, articles_dir, policy
        self.attribution, self.article_titles = attribution, attribution.article_titles
        self._refs: dict[tuple, tuple] = {}   # (article, passage, words) -> (number, found), in order
        self._tips: list[int] = []            # tooltips written, for their ids
        self._cited: dict[int, list[str]] = {}   # reference number -> the ids of the places citing it
        self.references_heading = "<h3>Références</h3>"   # set by the fiche: its id and permalink
        self._linked: set[str] = set()

    def note_link(self, other: Note) -> str:
        """A link to another fiche, its name as it stands within a sentence (``running_name``)."""
        return (f'<a href="{escape(self.href(other.page_path))}" data-preview="">'
                f"{escape(running_name(other.name, other.kind))}</a>")

    def passage_url(self, found: Found) -> str:
        return f"{self.href(article_path(self.articles_dir, found.passage.article))}#{found.fragment()}"

    def cite(self, cite: Citation) -> str:
        """"selon l’article, § N", linked to the passage, and a numbered reference: the words
        that back the statement are listed once at the foot of the page (``references``) and
        shown when the number is hovered or focused."""
        found = self.citations.get(cite)
        if found is None:  # only when the build does not check citations (it stops otherwise)
            return ""
        words = " […] ".join(found.words)
        key = (found.passage.article, found.passage.id, words)
        number = self._refs.setdefault(key, (len(self._refs) + 1, found))[0]
        slug, place = self.note.slug, f"cite-{self.note.slug}-{number}-{len(self._tips)}"
        self._cited.setdefault(number, []).append(place)   # the reference links back here
        # <small>: a side note; out of search, which finds these words in the article itself.
        # The number after the bracket: "(selon l’article, § 2)¹", never read as "§ 21".
        return (f' <small class="carnet-cite">(<a href="{escape(self.passage_url(found))}">'
                f"{escape(self.attribution.said_by(cite, self.note))}</a>)"
                f'<sup class="carnet-ref"><a id="{place}" href="#ref-{slug}-{number}" '
                f'aria-describedby="tip-{slug}-{number}-{len(self._tips)}">'
                f"{number}</a>{self._tip(number, words)}</sup></small>")

    def _tip(self, number: int, words: str) -> str:
        self._tips.append(number)
        return (f'<span class="carnet-ref-tip" role="tooltip" id="tip-{self.note.slug}-{number}-{len(self._tips) - 1}">'
                f'«{NNBSP}<span class="carnet-support">{escape(words)}</span>{NNBSP}»</span>')

    def references(self) -> str:
        """The words each numbered reference quotes, once, with the link to its passage and
        links back to each place that cites it (↑, or ↑ a b … when several do, as Wikipedia)."""
        if not self._refs:
            return ""
        items = "".join(
            f'<li id="ref-{self.note.slug}-{number}">{self._back_links(number)} «{NNBSP}{escape(words)}{NNBSP}» — '
            f'<a href="{escape(self.passage_url(found))}">{escape(self.attribution.article_name(found.passage.article))}, '
            f"§{NBSP}{found.passage.number}</a></li>"
            for (_, _, words), (number, found) in self._refs.items())
        return f'{self.references_heading}<ol class="carnet-references">{items}</ol>'

    def _back_links(self, number: int) -> str:
        places = self._cited.get(number, [])
        if len(places) == 1:
            return f'<a class="carnet-backref" href="#{places[0]}" aria-label="Retour au texte">↑</a>'
        letters = " ".join(f'<a class="carnet-backref" href="#{place}" aria-label="Retour au texte ({i + 1})">'
                           f"{chr(ord('a') + i) if i < 26 else i + 1}</a>" for i, place in enumerate(places))
        return f"↑{NBSP}{letters}"

    @property
    def has_references(self) -> bool:
        return bool(self._refs)

    def text(self, text: str, article: str | None = None) -> str:
        """Escaped text with mentions of other notes linked, and each « quote » of
        ``article`` (None: of any article) followed by a link to its passage."""
        mentions = self.matcher.find(text)
        to_link = set(links_to_make(mentions, self.note.id, self.policy, self._linked))
        inserts = [(m.start, m.end, self._mention(text, m)) for m in mentions if m in to_link]
        for q in quotes_in(text):
            found = self.citations.get(Citation(article, q.group(1)))
            if found is not None:
                # A raised "§ N", no brackets: the quote may itself stand in parentheses. Its
                # spoken name opens with what it shows (WCAG 2.5.3, "label in name").
                # The article named when the site has several ("dans l’article « Titre »").
                label = (f"§{NBSP}{found.passage.number}{NBSP}: lire ce passage dans "
                         f"{self.attribution.article_name(found.passage.article)}")
                # Several articles: the article named on hover too, not only to screen readers.
                tip = f' title="{escape(label)}"' if len(self.article_titles) > 1 else ""
                inserts.append((q.end(), q.end(), (
                                f'{NNBSP}<sup class="carnet-quote-ref"><a '
                                f'href="{escape(self.passage_url(found))}" aria-label="{escape(label)}"{tip}>'
                                f'§{NBSP}{found.passage.number}</a></sup>')))
        shown = french_spacing(text)  # same length: the offsets above hold
        out, pos = [], 0
        for start, end, html in sorted(inserts, key=lambda i: (i[0], i[1])):
            out += [escape(shown[pos:start]), html]
            pos = end
        out.append(escape(shown[pos:]))
        return "".join(out)

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
        if link.relation.cite:
            return self.cite(link.relation.cite)
        return self.named_source(self.note if link.declared_here else link.other, link.relation.source)

    def named_source(self, declaring: Note, source: str | None) -> str:
        """"(selon Wikipédia)", linked to the source in the declaring fiche's list of sources."""
        index = declaring.source_index(source)
        anchor = f"#source-{index + 1}" if index is not None else "#sources"
        where = anchor if declaring.id == self.note.id else f"{self.href(declaring.page_path)}{anchor}"
        return (f' <small class="carnet-attribution">(<a href="{escape(where)}">'
                f"{escape(self.attribution.said_by(None, declaring, source))}</a>)</small>")

def lead_html(sections: NoteSections) -> str:
    """A fiche's lead: its kind, its infobox (other forms of the name, facts, each with who says
    so) and its summary, with mentions linked and quotes referenced."""
    note, kind = sections.note, KINDS[sections.note.kind]
    # Other names: search has them already (aliases field), and reads the lead in its own
    # view (``searched_lead``): the summary and the facts.  The name and the kind are the
    # page's title and the line under it: not repeated.
    # Only the forms of the name that say what backs them are shown (plain aliases are for
    # matching and search); each line says who says so, as every fact does.
    rows = []
    if note.other_names:
        rows.append(("Autres formes du nom", join([
            escape(other.form) + (sections.cite(other.cite) if other.cite else sections.named_source(note, other.source))
            for other in note.other_names])))
    summary = sections.text(note.summary)
    for fact in note.facts:
        value = sections.text(fact.value, fact.cite.article if fact.cite else None)
        value += sections.cite(fact.cite) if fact.cite else sections.named_source(note, fact.source)
        rows.append((escape(french_spacing(fact.label)), value))
    infobox = " ".join(
        f'<dt>{label}<span class="carnet-sep">{NBSP}:</span></dt> <dd>{value}</dd>' for label, value in rows)
    kind_line = (f'<p class="carnet-kind">{kind.singular} · '
                 f'<a href="{escape(sections.href(kind_index_path(note.kind)))}">'
                 f"toutes les fiches {kind.of_plural}</a></p>")
    # The infobox first, floated: the summary wraps around it (search reads its own view).
    box = (f'<aside class="carnet-infobox" aria-labelledby="infobox-{note.slug}">'
           f'<p class="carnet-infobox-title" id="infobox-{note.slug}">{escape(note.name)}</p>'
           f"<dl>{infobox}</dl></aside>") if infobox else ""
    if note.summary_source:   # what the summary's own words rest on (previews show it too)
        index = note.source_index(note.summary_source)
        summary += (f' <small class="carnet-attribution">{summary_source_text(note, f"#source-{index + 1}")}</small>')
    return f'{kind_line}<div class="carnet-lead">{box}<p class="carnet-summary">{summary}</p></div>'

def summary_source_text(note: Note, anchor: str | None = None) -> str:
    """"Résumé d’après Wikipédia et l’article." (HTML): what a summary's own words rest on, its
    « quotes » being the article's; the source linked to ``anchor`` on the fiche itself."""
    source = escape(note.summary_source or "")
    if anchor:
        source = f'<a href="{escape(anchor)}">{source}</a>'
    return f"Résumé d’après {source}" + (" et l’article." if "«" in note.summary else ".")


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
        items.append(f'<li>L’article «{NNBSP}<a href="{url}">{title}</a>{NNBSP}», reproduit sur ce site tel '
                     f"que reçu et cité ci-dessus{where}.</li>")
    for n, source in enumerate(note.sources, 1):   # facts and relations link to their source: #source-N
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
