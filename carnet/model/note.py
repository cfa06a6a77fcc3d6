"""The validated model of the notes: small immutable types, no I/O."""

from __future__ import annotations

from dataclasses import field
from functools import cached_property

from ..datatypes import datatype
from .vocabulary import index_name


@datatype(frozen=True)
class Citation:
    """Words of an article that back a statement: the supporting quote, and the article
    that holds it (None: any article, for quotes in « » inside a note's texts).  It
    resolves to the passage holding those words, wherever that passage stands."""
    article: str | None
    quote: str
    where: str = field(default="", compare=False)          # "fact 'Pays'", for messages
    line: int | None = field(default=None, compare=False)  # where it is written
    column: int | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return f"« {self.quote} »" + (f" ({self.article})" if self.article else "")


@datatype(frozen=True)
class Fact:
    label: str
    value: str
    cite: Citation | None     # the article's words that back it, or
    source: str | None = None  # the name of the note's source that does (Source.name)


@datatype(frozen=True)
class Relation:
    type: str                 # a key of vocabulary.RELATION_TYPES
    target: str               # note id "kind/slug"
    cite: Citation | None
    line: int | None = field(default=None, compare=False)  # where it is written, for messages
    source: str | None = None   # without ``cite``: the name of the note's source that backs it


@datatype(frozen=True)
class Source:
    title: str
    url: str | None
    short: str | None = None  # "Wikipédia": how the facts it backs name it

    @property
    def name(self) -> str:
        """How a fact or relation names the source, and how the page says who says so."""
        return self.short or self.title


@datatype(frozen=True)
class OtherName:
    """A form of the name shown to readers ("Autres formes du nom"), with what backs it.
    Plain aliases are only matched in text and searched: a form is shown only with a source."""
    form: str
    cite: Citation | None
    source: str | None


@datatype(frozen=True)
class Note:
    id: str                   # "entreprises/sonarem"
    kind: str                 # "entreprises"
    slug: str                 # "sonarem"
    path: str                 # "notes/entreprises/sonarem.yml", for messages
    name: str
    summary: str
    aliases: tuple[str, ...] = ()
    case_sensitive: bool = True
    facts: tuple[Fact, ...] = ()
    relations: tuple[Relation, ...] = ()
    sources: tuple[Source, ...] = ()
    quotes: tuple[Citation, ...] = ()   # the « … » quotes in its summary and fact values
    former_ids: tuple[str, ...] = ()    # ids it was published under: each address redirects here
    other_names: tuple[OtherName, ...] = ()   # the forms of the name shown, each sourced (also in aliases)
    summary_source: str | None = None   # the source the summary's own words rest on (None: the article)
    index_name: str | None = None   # how indexes file it, as written: "Aït Ali, Mohamed" (None: the rule)

    @cached_property  # asked for often; a frozen note's citations never change
    def citations(self) -> tuple[Citation, ...]:
        """Every quote of an article the note makes: cited facts and relations, « » quotes."""
        cites = tuple(c for c in [f.cite for f in self.facts] + [r.cite for r in self.relations]
                      + [o.cite for o in self.other_names] if c)
        return cites + self.quotes

    @property
    def names(self) -> tuple[str, ...]:
        """Every form under which the note is recognised in text."""
        return (self.name, *self.aliases)

    def source_index(self, name: str | None) -> int | None:
        """The position of the source a fact or relation names (their names are checked on load)."""
        return next((i for i, s in enumerate(self.sources) if s.name == name), None) if name else None

    @property
    def filed_name(self) -> str:
        """The name as indexes file and show it: its ``index_name``, else the house rule."""
        return index_name(self.name, self.kind, self.index_name)

    @property
    def page_path(self) -> str:
        """The Markdown path of the generated page, relative to docs/."""
        return f"{self.kind}/{self.slug}.md"
