"""French typography in everything Carnet writes; the article's own words and spaces as received."""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from carnet.text.typography import NBSP, NNBSP, french_spacing, plural
from conftest import soup

# The words of others, kept as they were written: the article's paragraphs, its sentences
# quoted on fiches, the supporting words of citations.
OTHERS = "p[id^='p-'], .carnet-quote, q, .carnet-support, h2[id]:not([id$='_1']), code, pre"


def generated_text(page) -> str:
    content = page.select_one("article.md-content__inner")
    for el in content.select(OTHERS):
        el.decompose()
    text = content.get_text()
    text = re.sub(r"«[^«»]*»", lambda m: m.group()[:2] + m.group()[-2:], text)  # quoted words: edges only
    meta = [m.get("content", "") for m in page.select('meta[name="description"], meta[property^="og:"]')]
    return "\n".join([text, page.title.get_text(), *meta])


def test_no_ordinary_space_where_french_puts_a_no_break_one_nor_a_parenthesised_plural(site):
    checked = no_break = 0
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        text = generated_text(soup(site, "" if rel == "." else rel))
        assert not re.search(r" [;:!?]", text), (rel, re.findall(r".{20} [;:!?].{0,10}", text))
        assert "« " not in text and " »" not in text, rel
        assert "(s)" not in text, rel
        checked += 1
        no_break += text.count(NBSP + ":") + text.count(NNBSP + "»")
    assert checked >= 19 and no_break > 40  # what was checked holds the no-break spaces it should


def test_the_article_keeps_its_own_spaces(site):
    text = soup(site, "articles/sonarem-vesna").select_one("p[id^='p-la-russie']").get_text()
    assert "rôle d’observateur : elle cherche" in text  # an ordinary space, as received


def test_plurals():
    # The house style: in words below ten, in digits from ten (French counts 0 and 1 in the singular).
    assert [plural(n, "fiche") for n in (0, 1, 2, 11)] == ["aucune fiche", "une fiche", "deux fiches",
                                                          f"11{NBSP}fiches"]
    assert plural(3, "relation") == "trois relations"


@given(st.text(alphabet=" a«»:;!?’", max_size=40))
def test_french_spacing_keeps_length_and_only_turns_spaces_into_no_break_ones(text):
    out = french_spacing(text)
    assert len(out) == len(text)
    for a, b in zip(text, out):
        assert a == b or (a == " " and b in (NBSP, NNBSP))
    outside = re.sub(r"«[^«»]*»", "X", out)
    assert not re.search(r" [;:!?]", outside)


def test_french_spacing_of_a_note_text():
    assert french_spacing("Pays ; selon l’article, « un outil : essentiel » !") == \
        f"Pays{NNBSP}; selon l’article, «{NNBSP}un outil : essentiel{NNBSP}»{NNBSP}!"


def test_counts_in_words_are_written_as_num2words_writes_them():
    """Carnet's own number words (num2words imports fifty languages on start: every build
    would pay for it) agree with num2words, the well-kept library, over every count up to
    200,000 and some beyond."""
    from num2words import num2words
    from carnet.text.typography import number_words, plural
    counts = [*range(1, 200_001), 1_000_000, 2_000_080, 80_000_000, 123_456_789, 10 ** 9]
    assert [c for c in counts if number_words(c) != num2words(c, lang="fr")] == []
    assert number_words(21, feminine=True) == "vingt et une" and number_words(81, feminine=True) == "quatre-vingt-une"
    assert plural(0, "fiche") == "aucune fiche" and plural(1, "article") == "un article"
    assert plural(9, "phrase") == "neuf phrases" and plural(10, "phrase") == "10\u00a0phrases"
    assert plural(250, "fiche", start=True) == "Deux cent cinquante fiches"
    assert plural(1234, "fiche") == "1\u202f234\u00a0fiches"


def test_a_count_in_words_that_ends_on_million_or_milliard_takes_de_before_its_noun():
    """"Million" and "milliard" are nouns: "un million de fiches", "deux millions d’articles"
    (the number words themselves held to num2words, as above)."""
    from num2words import num2words
    assert plural(10 ** 6, "fiche", start=True) == "Un million de fiches"
    assert plural(2 * 10 ** 6, "article", start=True) == "Deux millions d’articles"
    assert plural(10 ** 9, "entité", start=True) == "Un milliard d’entités"
    assert plural(21 * 10 ** 6, "fiche", start=True) == "Vingt et un millions de fiches"
    assert plural(2_000_080, "fiche", start=True) == "Deux millions quatre-vingts fiches"   # the count ends on a number
    assert plural(3 * 10 ** 9 + 10 ** 6, "page", start=True) == "Trois milliards un million de pages"
    for count in [k * 10 ** 6 for k in range(1, 1001, 37)] + [k * 10 ** 9 for k in (1, 2, 5, 80)]:
        words = num2words(count, lang="fr")
        assert plural(count, "fiche", start=True) == words[0].upper() + words[1:] + " de fiches"
        assert plural(count, "entité", start=True) == words[0].upper() + words[1:] + " d’entités"
    assert plural(1_000_001, "fiche", start=True) == "Un million une fiches"   # ends on "une": no "de"
