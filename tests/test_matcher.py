"""The compiled matcher: whole words, accents, case, elision, longest alias."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from carnet.matcher import MentionMatcher, trie_pattern
from helpers import note

NOTES = [
    note("minerais/fer", "fer", case_sensitive=False),
    note("lieux/algerie", "Algérie"),
    note("personnes/stanislav-khomenko", "Stanislav Khomenko", "Khomenko"),
    note("entreprises/vesna", "VESNA"),
]
M = MentionMatcher(NOTES)


def found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.note_id) for m in M.find(text)]


def test_whole_words_only():
    assert found("enfer ferroviaire fers fer-blanc") == [("fer", "minerais/fer")]
    assert found("le fer.") == [("fer", "minerais/fer")]


def test_accents_are_significant():
    assert found("Algerie et Algérie") == [("Algérie", "lieux/algerie")]


def test_case_as_written_unless_the_note_says_otherwise():
    assert found("Vesna VESNA vesna") == [("VESNA", "entreprises/vesna")]
    assert found("Fer FER fer") == [("Fer", "minerais/fer"), ("FER", "minerais/fer"), ("fer", "minerais/fer")]


def test_elision_with_both_apostrophes_links_the_name_only():
    assert found("l’Algérie et d'Algérie") == [("Algérie", "lieux/algerie")] * 2


def test_longest_alias_wins():
    assert found("Stanislav Khomenko puis Khomenko") == [
        ("Stanislav Khomenko", "personnes/stanislav-khomenko"), ("Khomenko", "personnes/stanislav-khomenko")]


def test_longest_alias_across_case_sensitive_and_insensitive_notes():
    m = MentionMatcher([note("a/x", "Gaz"), note("a/y", "gaz naturel", case_sensitive=False)])
    text = "Gaz naturel"
    assert [(text[x.start:x.end], x.note_id) for x in m.find(text)] == [("Gaz naturel", "a/y")]


def test_demonyms_are_not_names():
    assert found("russe algérien Algériens") == []


def test_placeholders_are_never_matched_inside():
    m = MentionMatcher([note("a/x", "wzxhzdk")])
    assert m.find("\x02wzxhzdk:1\x03") == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abé ’-", min_size=1, max_size=6), min_size=1, max_size=8),
       st.text(alphabet="abé ’-.", max_size=60))
def test_trie_pattern_matches_exactly_the_longest_word(words, text):
    pattern = re.compile(trie_pattern(words))
    for i in range(len(text) + 1):
        m = pattern.match(text, i)
        candidates = [w for w in words if text.startswith(w, i)]
        assert (m.group() if m else None) == (max(candidates, key=len) if candidates else None)
