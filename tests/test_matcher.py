"""The compiled matcher: whole words, accents, case, elision, longest alias."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from carnet.markdown.matcher import MentionMatcher, trie_pattern
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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abAB é_1-’ ", min_size=1, max_size=5), min_size=1, max_size=6),
       st.text(alphabet="abAB é_1-’ .", max_size=60))
def test_matches_without_look_behind_equal_the_look_behind_pattern(words, text):
    r"""The matcher checks the character before a match itself (faster): same matches as
    the pattern with ``(?<!\w)`` in front, wherever the text starts (``offset``)."""
    from helpers import note
    words = [w for w in words if w.strip()]
    if not words:
        return
    for flags, case_sensitive in ((0, True), (re.IGNORECASE, False)):
        # In any case, the matcher compiles the forms lowered (the reference likewise: a trie
        # of 'AA' and 'Aa-' would try 'AA' first and miss the longer 'AA-').
        forms = words if case_sensitive else list(dict.fromkeys(w.lower() for w in words))
        reference = re.compile(r"(?<!\w)(?:" + trie_pattern(forms) + r")(?!\w)", flags)
        matcher = MentionMatcher([note(f"n/x{i}", w, case_sensitive=case_sensitive) for i, w in enumerate(words)])
        expected = [m.span() for m in reference.finditer(text)]
        assert [(m.start, m.end) for m in matcher.find(text)] == expected
        assert [(m.start - 7, m.end - 7) for m in matcher.find(text, 7)] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab A É1. !?…»”’)«\"“(\n", max_size=80))
def test_sentence_ends_found_as_the_look_behind_pattern_finds_them(text):
    """sentence_spans opens its pattern on the punctuation (faster): same ends as the
    pattern with a look-behind on it."""
    from carnet.text import sentences
    reference = re.compile(r"(?<=[.!?…])[\"»”’)]*\s+(?=[«\"“(\d]|[^\W\d_](?<=[A-ZÀ-ÖØ-Þ]))")
    assert [m.start() for m in reference.finditer(text)] == [m.start() + 1 for m in sentences._END_RE.finditer(text)]
    # Tried only where string search finds punctuation (faster): the same matches.
    assert [m.span() for m in sentences._ends(text)] == [m.span() for m in sentences._END_RE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab A. !?\n\u00a0\t«»", max_size=60))
def test_sentence_spans_are_trimmed_as_by_a_loop_per_character(text):
    """Sentences are trimmed with string methods (faster): the same spans as trimming one
    character at a time."""
    from carnet.text import sentences

    def trim(start, end):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end
    ends, start = [], 0
    for m in sentences._END_RE.finditer(text):
        before = text[start:m.start() + 1]
        if before.endswith(sentences._ABBREVIATIONS) and before.rsplit(None, 1)[-1] in sentences._ABBREVIATIONS:
            continue
        ends.append((start, m.start() + 1))
        start = m.end()
    ends.append((start, len(text)))
    assert sentences.sentence_spans(text) == [trim(s, e) for s, e in ends if text[s:e].strip()]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab A. !?", max_size=60), st.data())
def test_sentences_with_mentions_as_a_scan_of_every_mention_per_sentence(text, data):
    """sentences_with_mentions walks the mentions once (faster): the same sentences as
    looking for each sentence's mentions among all of them."""
    from carnet.markdown.matcher import Mention
    from carnet.markdown.mentions import MentionSentence, sentences_with_mentions
    from carnet.text.sentences import sentence_spans
    bounds = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8, unique=True)))
    mentions = [Mention(a, b, f"n/{i}") for i, (a, b) in enumerate(zip(bounds[::2], bounds[1::2])) if a < b]
    expected = []
    for start, end in sentence_spans(text):
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        if inside:
            parts, pos = [], start
            for m in inside:
                parts += [(text[pos:m.start], None), (text[m.start:m.end], m.note_id)]
                pos = m.end
            parts.append((text[pos:end], None))
            expected.append(MentionSentence("p.md", None, tuple(p for p in parts if p[0])))
    assert sentences_with_mentions(text, mentions, "p.md", None) == expected
