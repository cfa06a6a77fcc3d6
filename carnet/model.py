"""The validated model of the notes: small immutable types, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Citation:
    """A passage of an article: ``sonarem-vesna#p2`` -> article slug and paragraph anchor."""
    article: str
    anchor: str

    @classmethod
    def parse(cls, text: str) -> "Citation | None":
        article, sep, anchor = text.partition("#")
        if not sep or not article or not anchor:
            return None
        return cls(article, anchor)

    def __str__(self) -> str:
        return f"{self.article}#{self.anchor}"


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    cite: Citation | None     # None: backed by the note's general sources


@dataclass(frozen=True)
class Relation:
    type: str                 # a key of vocabulary.RELATION_TYPES
    target: str               # note id "kind/slug"
    cite: Citation | None
    line: int | None = field(default=None, compare=False)  # where it is written, for messages


@dataclass(frozen=True)
class Source:
    title: str
    url: str | None


@dataclass(frozen=True)
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

    @property
    def names(self) -> tuple[str, ...]:
        """Every form under which the note is recognised in text."""
        return (self.name, *self.aliases)

    @property
    def page_path(self) -> str:
        """The Markdown path of the generated page, relative to docs/."""
        return f"{self.kind}/{self.slug}.md"
