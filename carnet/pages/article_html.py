"""What pages say about articles: the box of what the source does not tell, the articles index,
the latest articles on the home page.  Pure functions over ``ArticleMeta``; all text escaped."""

from __future__ import annotations

import datetime as dt
from html import escape

from ..datatypes import datatype
from ..load.article_meta import ArticleMeta
from ..model.catalog import sort_key
from ..model.note import Note
from ..model.vocabulary import KINDS, running_name
from ..text.typography import NBSP, NNBSP, french_spacing, join, plural

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def french_date(day: dt.date) -> str:
    """"1er mai 2026", "13 mai 2026"."""
    return f"{'1er' if day.day == 1 else day.day}{NBSP}{MONTHS[day.month - 1]} {day.year}"


def in_guillemets(text: str) -> str:
    """``text`` escaped, between « and » with the no-break spaces French wants."""
    return f"«{NNBSP}{escape(text)}{NNBSP}»"


def source_date_text(meta: ArticleMeta) -> str:
    """The source's date as far as it is known, in words."""
    if meta.date:
        return french_date(meta.date)
    if meta.date_as_written:
        precision = ("sans préciser la semaine" if meta.date_as_written.casefold() in WEEKDAYS
                     else "sans date complète")
        return f"inconnue{NNBSP}; le texte dit seulement {in_guillemets(meta.date_as_written)}, {precision}"
    return "inconnue"


def source_box_html(meta: ArticleMeta) -> str:
    """The box under an article's title: what is known of its source, and what is not."""
    if meta.title_by == "carnet":
        title = (f"le texte reçu n’en porte pas{NNBSP}; celui ci-dessus a été écrit par la rédaction "
                 "du Carnet minier, d’après l’article.")
    elif meta.title_by == "source":
        title = "celui de la source."
    else:
        title = "on ignore s’il s’agit du titre d’origine."
    rows = [("Titre", title),
            ("Média d’origine", f"{escape(meta.outlet)}." if meta.outlet else "inconnu."),
            ("Auteur", f"{escape(meta.author)}." if meta.author else "inconnu."),
            ("Date", source_date_text(meta) + ".")]
    if meta.url:
        rows.append(("Original", f'<a href="{escape(meta.url)}" rel="noopener">{escape(meta.url)}</a>'))
    if meta.added:
        rows.append(("Ajouté au Carnet", f"le {french_date(meta.added)}."))
    changes = f"{NNBSP}; {escape(french_spacing(meta.changes))}" if meta.changes else ""
    rows.append(("Texte", f"reproduit tel que reçu, mot pour mot{changes}. "
                          "Les liens vers les fiches ont été ajoutés par le Carnet."))
    # What the box holds: the source, what it leaves untold, and how the text was reproduced.
    heading = "À propos de ce texte"   # one line on a phone; the rows say what is unknown
    items = "".join(f"<li><strong>{label}</strong>{NBSP}: {value}</li>" for label, value in rows)
    # Collapsed: on a phone the text starts on the first screen; one tap opens it.
    return (f'<details class="info carnet-source-box"><summary>{heading}</summary>'
            f"<ul>{items}</ul></details>")


def article_dateline_html(meta: ArticleMeta, minutes: int) -> str:
    """Under the headline, one short line: what is known of the source and what is not, as
    every list gives it (``source_line``), and the reading time (the box below says the rest)."""
    # The reading time and its separator are left out in print (carnet.css).
    return (f'<p class="carnet-dateline">{_capital(" · ".join(source_line(meta)))}'
            f'<span class="carnet-reading-sep"> · </span>'
            f'<span class="carnet-reading-time">{minutes}{NBSP}min de lecture</span></p>')


def source_line(meta: ArticleMeta) -> list[str]:
    """Whose headline, then what is known of the source (outlet, author, date), then what is
    not, in one group: "titre de la rédaction", "média et auteur inconnus", "seule date :
    « Mercredi »" (no brackets: lines inside brackets quote it).  Escaped HTML."""
    parts = [OUR_TITLE] if meta.title_by == "carnet" else []
    if meta.outlet:
        parts.append(escape(meta.outlet))
    if meta.author:
        parts.append(f"par {escape(meta.author)}")
    if meta.date:
        parts.append(f"publié le {french_date(meta.date)}")
    unknown = [word for word, known in (("média", meta.outlet), ("auteur", meta.author),
                                        ("date", meta.date or meta.date_as_written)) if not known]
    if unknown:
        # The adjective agrees: "date inconnue", "média inconnu", "auteur et date inconnus".
        agreed = "inconnus" if len(unknown) > 1 else "inconnue" if unknown == ["date"] else "inconnu"
        parts.append(f"{join(unknown)} {agreed}")
    if not meta.date and meta.date_as_written:
        parts.append(f"seule date{NBSP}: {in_guillemets(meta.date_as_written)}")
    return parts


def _capital(line: str) -> str:
    return line[:1].upper() + line[1:]


def article_fiches_html(notes: list[Note], href) -> str:
    """"Les fiches de cet article": every entity it names, by kind."""
    groups = []
    for kind in KINDS.values():
        names = sorted((n for n in notes if n.kind == kind.slug), key=lambda n: sort_key(n.name))
        if names:
            links = join([f'<a href="{escape(href(n.page_path))}" data-preview="">'
                          f'{escape(running_name(n.name, n.kind))}</a>' for n in names])
            groups.append(f"<li><strong>{kind.plural}</strong>{NBSP}: {links}</li>")
    if not groups:
        return ""
    return (f'<section class="carnet-article-fiches" aria-labelledby="fiches-de-cet-article">'
            f'<h2 id="fiches-de-cet-article">Les fiches de cet article</h2><ul>{"".join(groups)}</ul></section>')


FIRST_SENTENCE = "Première phrase, telle que reçue"   # lists and feeds: the article's words, said to be


def other_articles_html(newer: "ArticleEntry | None", older: "ArticleEntry | None", index_href: str, href,
                        day: "dt.date | None" = None) -> str:
    """At an article's end, the way on: the next article in time either side, and the list.
    "Plus récent" only when its day (``sort_date``) says so; else its place in the list."""
    def label(entry, word, place):
        return word if day is None or entry.meta.sort_date() != day else place
    items = [f'<li>{text}{NBSP}: <a href="{escape(href(entry.src))}">{escape(entry.title)}</a></li>'
             for text, entry in ((label(newer, "Plus récent", "Précédent dans la liste") if newer else "", newer),
                                 (label(older, "Plus ancien", "Suivant dans la liste") if older else "", older))
             if entry is not None]
    every = f'<p><a href="{escape(index_href)}">Tous les articles</a>, du plus récent au plus ancien.</p>'
    if not items:   # the only article so far: the list, without a heading over nothing
        return f'<nav class="carnet-article-more" aria-label="Articles">{every}</nav>'
    return (f'<nav class="carnet-article-more" aria-labelledby="autres-articles">'
            f'<h2 id="autres-articles">Autres articles</h2><ul>{"".join(items)}</ul>{every}</nav>')


OUR_TITLE = "titre de la rédaction"   # said wherever a headline we wrote is listed


def listed_title(title: str, meta: ArticleMeta) -> str:
    """An article's title as lists, feeds and previews give it: a headline we wrote says so."""
    title = french_spacing(title)
    return f"{title} ({OUR_TITLE})" if meta.title_by == "carnet" else title


def dateline(meta: ArticleMeta, capital: bool = True) -> str:
    """One line: whose headline, the source as far as it is known, the day the article came
    to the Carnet (never passed off as the source's date)."""
    line = " · ".join(source_line(meta) + [added_text(meta)])
    return _capital(line) if capital else line   # within brackets: no capital


def added_text(meta: ArticleMeta) -> str:
    """When the article came to the site, as far as it is known."""
    if meta.added:
        return f"ajouté au Carnet le {french_date(meta.added)}"
    if meta.on_site:   # published before the record kept the days: unknown, never guessed
        return "ajouté au Carnet à une date inconnue"
    return "pas encore publié sur le Carnet"   # a preview (``mkdocs serve``) of a new article


@datatype(frozen=True)
class ArticleEntry:
    """An article as lists show it."""
    src: str
    title: str
    meta: ArticleMeta
    first_sentence: str
    notes: tuple[Note, ...]      # the entities it names


def newest_first(entries: list[ArticleEntry]) -> list[ArticleEntry]:
    return sorted(entries, key=lambda e: (e.meta.sort_date(), e.src), reverse=True)


MAX_ENTITIES = 12     # named under an entry; the article's page names every one
MAX_SENTENCE = 300    # characters of its first sentence


def entry_html(entry: ArticleEntry, href, with_entities: bool = True) -> str:
    by_kind, room = [], MAX_ENTITIES
    for kind in KINDS.values():
        names = sorted((n for n in entry.notes if n.kind == kind.slug), key=lambda n: sort_key(n.name))[:room]
        room -= len(names)
        if names:
            links = join([f'<a href="{escape(href(n.page_path))}" data-preview="">'
                          f'{escape(running_name(n.name, n.kind))}</a>' for n in names])
            by_kind.append(f"{kind.plural}{NBSP}: {links}")
    more = len(entry.notes) - MAX_ENTITIES
    if more > 0:
        by_kind.append(f"et {plural(more, 'autre', 'autres')}")
    entities = (f'<p class="carnet-article-entities">{" · ".join(by_kind)}</p>'
                if with_entities and by_kind else "")
    sentence = entry.first_sentence
    if len(sentence) > MAX_SENTENCE:
        sentence = sentence[:MAX_SENTENCE].rsplit(" ", 1)[0] + " […]"
    return (f'<li class="carnet-article"><p class="carnet-article-title"><a href="{escape(href(entry.src))}">'
            f"{escape(french_spacing(entry.title))}</a></p>"
            f'<p class="carnet-article-dateline">{dateline(entry.meta)}</p>'
            f'<p>{FIRST_SENTENCE}{NBSP}: «{NNBSP}<span class="carnet-verbatim">{escape(sentence)}</span>{NNBSP}»</p>'
            f"{entities}</li>")


def articles_list_html(entries: list[ArticleEntry], href, with_entities: bool = True) -> str:
    """The entries, in the order given (``newest_first`` for the index and the home page)."""
    if not entries:
        return "<p>Aucun article pour l’instant.</p>"
    items = "".join(entry_html(e, href, with_entities) for e in entries)
    return f'<ul class="carnet-articles">{items}</ul>'
