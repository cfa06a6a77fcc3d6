"""The JSON Schema of a note, for editors' YAML language servers, from the validator's own rules.

Built from the same constants as ``note_file.py`` (fields, kinds, relation types with their
French labels, text limits, the citation form), so the two cannot drift apart unnoticed:
``tests/test_schema.py`` checks that they agree, and that ``schema/note.schema.json``
is what ``python -m carnet.load.schema`` writes.  Cross-note rules (unique names, existing
targets) and checks against the articles stay the build's.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..model.paths import SLUG_RE
from ..model.vocabulary import KINDS, RELATION_TYPES, RelationType
from ..text import web_address
from .note_file import FIELDS, MAX_TEXT

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schema" / "note.schema.json"
# A note sits at notes/<kind>/<slug>.yml: this line, first in the file, points editors at the schema.
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/note.schema.json"
_BALANCED_QUOTES = r"^[^«»]*(«[^«»]*»[^«»]*)*$"


def _text(description: str, balanced_quotes: bool = False) -> dict:
    schema = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "pattern": r"\S",
              "description": description}
    if balanced_quotes:
        schema = {"allOf": [schema, {"pattern": _BALANCED_QUOTES}], "description": description}
    return schema


def _citation_schema(slug: str) -> dict:
    return {
        "type": ["object", "null"],
        "description": "What the article says: the article, and its own words that support the statement.",
        "properties": {
            "article": {"type": "string", "pattern": slug,
                        "description": "The article's file name in docs/articles/, without '.md'."},
            "quote": {"allOf": [_text("A few words copied from the article, exactly."),
                                {"not": {"pattern": "[«»]"}}],
                      "description": "A few words copied from the article, exactly, without « »."},
        },
        "required": ["article", "quote"],
        "additionalProperties": False,
    }


_SOURCE_NAME = _text("The name of one of the note's sources (its 'short', else its 'title'): "
                     "what backs the statement when the article does not.")


def _backed(properties: dict, required: list[str]) -> dict:
    """An object backed by the article's words ('cite') or by one of the note's sources
    ('source'), not both: every statement shown to readers says where it comes from."""
    return {"type": "object", "properties": {**properties, "source": _SOURCE_NAME},
            "required": required, "additionalProperties": False,
            "oneOf": [{"required": ["cite"], "properties": {"cite": {"type": "object"}}, "not": {"required": ["source"]}},
                      {"required": ["source"], "not": {"required": ["cite"]}}]}


def _other_page(relation: RelationType) -> str:
    """The labels a relation type shows on the other note's page, as an editor reads them: a
    label that names the kind of the notes it lists ("{kind} de ce pays") shown as it reads
    for two kinds, rather than with its placeholder."""
    first, second = list(KINDS)[:2]
    labels = [relation.side_label(False, count, kind=first) for count in ((1, 2) if relation.inverse_plural else (1,))]
    if "{kind" not in relation.inverse_label + relation.inverse_plural:
        return " / ".join(labels)
    return " / ".join(labels) + f", {relation.side_label(False, 1, kind=second)}…: the kind of the notes listed"


def _on_the_graph(relation: RelationType) -> str:
    """How the dossier graph reads a relation type along its arrow: 'this note → the target:
    "a pour pays"', or from the target for a type drawn the other way ("dirige")."""
    way = ("without an arrow" if relation.symmetric else
           "the target → this note" if relation.graph_reversed else "this note → the target")
    return f'on the dossier graph, {way}: "{relation.graph_phrase}"'


def _relation_schema(slug: str, kinds: str, citation: dict) -> dict:
    return _backed({
            "type": {"oneOf": [{"const": slug_, "description": f"{r.label} (on the other page: {_other_page(r)}; "
                                                               f"{_on_the_graph(r)})"}
                               for slug_, r in RELATION_TYPES.items()]},
            "target": {"type": "string", "pattern": f"^({kinds})/{slug[1:]}",
                       "description": "The other note, as kind/slug: " + ", ".join(f"{k}/…" for k in KINDS) + "."},
            "cite": citation,
        }, ["type", "target"])


def note_schema() -> dict:
    slug = SLUG_RE.pattern
    kinds = "|".join(KINDS)
    citation = _citation_schema(slug)
    fact_value = _text("The fact, in French; « … » quotes the article.", balanced_quotes=True)
    fact = _backed({"value": fact_value, "cite": citation}, ["value"])
    shown_name = _backed({"form": _text("A form of the name shown to readers."), "cite": citation}, ["form"])
    relation = _relation_schema(slug, kinds, citation)
    source = {
        "type": "object",
        "properties": {"title": _text("The source's title."),
                       "short": _text("The name facts and relations give the source ('source: Wikipédia'), "
                                      "shown beside them: « selon Wikipédia »."),
                       "url": {"type": ["string", "null"], "pattern": web_address.PATTERN,
                               "description": "http(s) address of the source."}},
        "required": ["title"], "additionalProperties": False,
    }
    properties = {
        "name": _text("The entity's name, as the article writes it."),
        "aliases": {"type": ["array", "null"],
                    "items": {"oneOf": [_text("Another form of the name, matched in text and searched, not shown."),
                                        shown_name]},
                    "description": "Other forms the name takes in French text; those shown to readers say "
                                   "what backs them ('form' with 'cite' or 'source')."},
        "summary": _text("One sentence, in French; « … » quotes the article.", balanced_quotes=True),
        "summary_source": _text("With sources: the one the summary's own words rest on (its 'short', else its "
                                "'title'), or 'article' when the summary only reports the article."),
        "case_sensitive": {"type": "boolean", "description": "false: match the name in any case."},
        "facts": {"type": ["object", "null"], "additionalProperties": fact,
                  "propertyNames": {"not": {"pattern": "[«»]"}},
                  "description": "Label: value, shown in the infobox, each with 'cite' or 'source'."},
        "relations": {"type": ["array", "null"], "items": relation,
                      "description": "Declared once, shown on both pages."},
        "sources": {"type": ["array", "null"], "items": source,
                    "description": "Where the facts the article does not state come from (http(s) links only)."},
        "former_ids": {"type": ["array", "null"],
                       "items": {"type": "string", "pattern": f"^({kinds})/{slug[1:]}",
                                 "description": "A former id, kind/slug: the address the note had."},
                       "description": "Ids the note was published under (renamed or merged notes): "
                                      "each old address redirects to this fiche."},
        "index_name": _text("How indexes file the entity, used as written: 'Aït Ali, Mohamed'. Without it, a "
                            "person is filed by the last word of the name, with the capitalised particles before "
                            "it ('Le Pen, Jean'; 'Gaulle, Charles de')."),
    }
    assert set(properties) == set(FIELDS), "the schema must describe every field the validator knows"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://carnet-minier.example.org/schema/note.schema.json",
        "title": "Carnet minier: a note (fiche)",
        "description": "notes/<kind>/<slug>.yml, kind one of: " + ", ".join(KINDS) + ".",
        "type": "object",
        "properties": properties,
        "required": ["name", "summary"],
        "additionalProperties": False,
        # With sources, the summary says what its own words rest on.
        "if": {"required": ["sources"], "properties": {"sources": {"type": "array", "minItems": 1}}},
        "then": {"required": ["summary_source"]},
    }


def schema_text() -> str:
    return json.dumps(note_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.parent.mkdir(exist_ok=True)
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}", file=sys.stderr)
