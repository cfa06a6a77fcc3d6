"""The notes' JSON Schema: up to date, in every note, and in agreement with the validator."""

from __future__ import annotations

import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from carnet.load.schema import SCHEMA_LINE, SCHEMA_PATH, note_schema, schema_text
from carnet.load.note_file import read_note
from carnet.load.yaml_source import read_yaml
from conftest import ROOT

VALIDATOR = Draft202012Validator(note_schema())
NOTES = sorted((ROOT / "notes").rglob("*.yml"))


def test_the_committed_schema_is_the_generated_one():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), "run: python -m carnet.load.schema"
    Draft202012Validator.check_schema(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", NOTES, ids=lambda p: p.stem)
def test_every_note_names_the_schema_and_passes_it(path):
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    assert (path.parent / SCHEMA_LINE.split("$schema=")[1]).resolve() == SCHEMA_PATH
    assert list(VALIDATOR.iter_errors(yaml.safe_load(text))) == []


GOOD = "name: X\nsummary: Un lieu.\n"
CASES = [  # (note, what it tests)
    (GOOD, "minimal"),
    (GOOD + "sumary: typo\n", "misspelt field"),
    ("summary: Sans nom.\n", "no name"),
    ("name: X\nsummary: '   '\n", "blank summary"),
    ("name: X\nsummary: Un « trésor.\n", "unclosed quote"),
    ("name: X\nsummary: 12\n", "summary not text"),
    (GOOD + "aliases: [Y, Z]\n", "aliases"),
    (GOOD + "aliases: Y\n", "aliases not a list"),
    (GOOD + "case_sensitive: maybe\n", "case_sensitive not a boolean"),
    (GOOD + "relations:\n  - type: partof\n    target: lieux/y\n    cite: {article: a, quote: q}\n", "unknown relation type"),
    (GOOD + "relations:\n  - type: part_of\n    target: lieux/y\n    cite: {article: a, quote: q}\n", "cited relation"),
    (GOOD + "relations:\n  - type: part_of\n    target: lieux/y\n", "uncited relation, no sources"),
    (GOOD + "relations:\n  - type: part_of\n    target: lieux/y\nsources: [{title: T}]\n", "uncited relation, sources"),
    (GOOD + "relations:\n  - type: part_of\n    target: lieux/y\n    source: T\nsources: [{title: T}]\nsummary_source: T\n",
     "relation naming its source"),
    (GOOD + "relations:\n  - type: part_of\n    target: lieux/y\n    source: T\nsources: [{title: T}]\n",
     "sources, and a summary that does not say what it rests on"),
    (GOOD + "sources: [{title: T}]\nsummary_source: article\n", "a summary that only reports the article"),
    (GOOD + "relations:\n  - {type: part_of, target: lieux/y, source: W, cite: {article: a, quote: q}}\n"
     "sources: [{title: T, short: W}]\n", "relation with both a citation and a source"),
    (GOOD + "facts:\n  Capitale: Alger\n", "uncited fact, no sources"),
    (GOOD + "facts:\n  Capitale: Alger\nsources:\n  - title: T\n    url: https://x.org/\n", "fact alone, sources"),
    (GOOD + "facts:\n  Capitale: {value: Alger, source: W}\nsources:\n  - title: T\n    short: W\nsummary_source: W\n",
     "sourced fact"),
    (GOOD + "facts:\n  Capitale: {value: Alger, source: T}\nsources:\n  - title: T\nsummary_source: T\n",
     "fact naming a title"),
    (GOOD + "aliases:\n  - {form: Y, source: T}\nsources: [{title: T}]\nsummary_source: article\n",
     "shown form with its source"),
    (GOOD + "aliases:\n  - {form: Y}\n", "shown form without a source"),
    (GOOD + "aliases:\n  - {form: Y, cite: {article: a, quote: q}}\n", "shown form cited"),
    (GOOD + "facts:\n  Pays: {value: X, cite: {article: a, quote: q}}\n", "cited fact"),
    (GOOD + "facts:\n  Pays: {value: X, cite: {article: a}}\n", "citation without quote"),
    (GOOD + "facts:\n  Pays: {value: X, cite: a#p2}\n", "citation by position"),
    (GOOD + "facts:\n  Pays: {value: X, cite: {article: a, quote: « q »}}\n", "quote in guillemets"),
    (GOOD + "facts:\n  Pays: {value: X, cite: {article: a, quote: q, passage: 2}}\n", "unknown citation key"),
    (GOOD + "facts:\n  « Pays »: {value: X, cite: {article: a, quote: q}}\n", "label in guillemets"),
    (GOOD + "facts:\n  Pays: {valeur: X}\n", "unknown fact key"),
    (GOOD + "sources:\n  - title: T\n    url: javascript:alert(1)\n", "source not http"),
    (GOOD + "sources:\n  - url: https://x.org/\n", "source without title"),
    (GOOD + "index_name: Aït Ali, Mohamed\n", "index name"),
    (GOOD + "index_name: [Aït Ali, Mohamed]\n", "index name not text"),
]


@pytest.mark.parametrize("text, what", CASES, ids=[c[1] for c in CASES])
def test_the_schema_and_the_validator_agree(text, what):
    doc = read_yaml(text.encode("utf-8"), "notes/lieux/x.yml")
    note, problems = read_note(doc, "notes/lieux/x.yml", "lieux", "x")
    by_validator = note is not None and not problems
    by_schema = VALIDATOR.is_valid(yaml.safe_load(text))
    assert by_schema == by_validator, what


CROSS_FIELD = [  # rules the schema cannot state (one field naming another's value): the build's alone
    GOOD + "facts:\n  Capitale: {value: Alger, source: Wiki}\nsources:\n  - title: T\n    short: W\nsummary_source: W\n",
    GOOD + "relations:\n  - {type: part_of, target: lieux/y, source: X}\n",
    GOOD + "aliases:\n  - {form: Y, source: W}\nsources: [{title: T}]\nsummary_source: T\n",
    GOOD + "sources: [{title: T, short: W}, {title: U, short: W}]\nsummary_source: article\n",
    GOOD + "sources: [{title: T, short: W}]\nsummary_source: Wiki\n",
]


@pytest.mark.parametrize("text", CROSS_FIELD)
def test_a_statement_naming_a_source_the_note_does_not_list_is_refused(text):
    doc = read_yaml(text.encode("utf-8"), "notes/lieux/x.yml")
    note, problems = read_note(doc, "notes/lieux/x.yml", "lieux", "x")
    assert [p.severity for p in problems] == ["error"], problems
    assert problems[0].line is not None and problems[0].hint


def test_a_misspelt_field_a_missing_name_and_an_unknown_relation_type_fail_the_schema():
    for text in (GOOD + "sumary: x\n", "summary: S.\n",
                 GOOD + "relations:\n  - type: owns\n    target: lieux/y\n    cite: {article: a, quote: q}\n"):
        assert not VALIDATOR.is_valid(yaml.safe_load(text)), text


def descriptions(node) -> list[str]:
    """Every description in a schema, at any depth."""
    if isinstance(node, dict):
        own = [node["description"]] if isinstance(node.get("description"), str) else []
        return own + [d for value in node.values() for d in descriptions(value)]
    return [d for value in node for d in descriptions(value)] if isinstance(node, list) else []


def test_no_description_shows_a_placeholder():
    """A relation label that names the kind of the notes listed ("{kind} de ce pays") reads as
    the page shows it, not with its placeholder."""
    found = descriptions(note_schema())
    assert len(found) > 20 and [d for d in found if "{" in d or "}" in d] == []
    assert "Pays (on the other page: Entreprise de ce pays / Entreprises de ce pays, Personne de ce pays…: " \
           'the kind of the notes listed; on the dossier graph, this note → the target: "a pour pays")' in found
