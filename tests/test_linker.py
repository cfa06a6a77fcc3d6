"""The mention linker inside Python-Markdown: what it links, and what it never touches."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings, strategies as st

from helpers import note, render, render_plain

NOTES = [
    note("minerais/fer", "fer", case_sensitive=False),
    note("lieux/algerie", "Algérie"),
    note("personnes/stanislav-khomenko", "Stanislav Khomenko", "Khomenko"),
    note("entreprises/vesna", "VESNA"),
    note("entreprises/gazprom", "Gazprom"),
]


def links(html: str) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in BeautifulSoup(html, "html.parser").select("a.carnet-mention")]


def test_links_the_first_mention_only_by_default():
    html, scan = render("VESNA et VESNA.\n\nEncore VESNA.", NOTES)
    assert links(html) == [("VESNA", "entreprises/vesna.md")]
    assert scan.linked == ["entreprises/vesna"]


def test_policy_all_links_every_mention():
    html, _ = render("VESNA et VESNA.\n\nEncore VESNA.", NOTES, policy="all")
    assert len(links(html)) == 3


def test_policy_section_links_once_per_section():
    text = "VESNA, VESNA.\n\n## Suite\n\nVESNA encore.\n\n### Plus loin\n\nVESNA."
    html, _ = render(text, NOTES, policy="section")
    assert len(links(html)) == 3
    html, _ = render(text, NOTES, policy="first")
    assert len(links(html)) == 1


def test_never_in_headings_code_or_existing_links():
    text = ("# VESNA\n\n`VESNA` et [la société VESNA](x.md).\n\n```\nVESNA\n```\n\n"
            "![VESNA](img.png) <span title=\"VESNA\">texte</span>\n\nEnfin VESNA.")
    html, _ = render(text, NOTES)
    soup = BeautifulSoup(html, "html.parser")
    assert links(html) == [("VESNA", "entreprises/vesna.md")]
    assert soup.select_one("a.carnet-mention").parent.get_text().startswith("Enfin")
    assert soup.find("img")["alt"] == "VESNA" and 'title="VESNA"' in html


def test_no_link_inside_an_element_marked_nolink():
    html, _ = render('<div class="carnet-nolink" markdown>\nVESNA\n</div>\n\nVESNA ici.', NOTES)
    assert len(links(html)) == 1
    assert "VESNA ici" in BeautifulSoup(html, "html.parser").select_one("a.carnet-mention").parent.get_text()


def test_a_page_never_links_to_itself():
    html, _ = render("VESNA, filiale de Gazprom.", NOTES, self_note="entreprises/vesna")
    assert links(html) == [("Gazprom", "entreprises/gazprom.md")]


def test_elision_link_covers_the_name_only():
    html, _ = render("Le sol de l’Algérie.", NOTES)
    assert "l’<a" in html and links(html) == [("Algérie", "lieux/algerie.md")]


def test_longest_alias_and_word_boundaries():
    html, _ = render("Stanislav Khomenko, l’enfer ferroviaire, du fer.", NOTES, policy="all")
    assert links(html) == [("Stanislav Khomenko", "personnes/stanislav-khomenko.md"), ("fer", "minerais/fer.md")]


def test_mentions_inside_emphasis_are_linked_and_text_unchanged():
    text = "La **société VESNA** et *du fer*."
    html, _ = render(text, NOTES)
    assert len(links(html)) == 2
    assert BeautifulSoup(html, "html.parser").get_text() == BeautifulSoup(render_plain(text), "html.parser").get_text()


def test_sentences_are_recorded_with_paragraph_anchors_in_articles():
    html, scan = render("VESNA arrive. Rien ici. Gazprom et VESNA.\n\nFin.", NOTES, article=True)
    first = "p-vesna-arrive-rien-ici-gazprom-et"
    assert [(p.id, p.number, p.text) for p in scan.passages] == [
        (first, 1, "VESNA arrive. Rien ici. Gazprom et VESNA."), ("p-fin", 2, "Fin.")]
    assert [(s.anchor, s.text) for s in scan.sentences] == [(first, "VESNA arrive."), (first, "Gazprom et VESNA.")]
    assert scan.sentences[1].note_ids() == {"entreprises/gazprom", "entreprises/vesna"}


def test_passage_anchors_come_from_their_own_words_or_from_the_author():
    text = "Texte *d’ouverture* \\* ici, &amp; là.\n\n## Titre\n\nL'Été arrive.\n{ #mon-ancre }\n\n- liste"
    html, scan = render(text, NOTES, article=True)
    assert [(p.id, p.text) for p in scan.passages] == [
        ("p-texte-d-ouverture-ici-la", "Texte d’ouverture * ici, & là."), ("mon-ancre", "L'Été arrive.")]
    soup = BeautifulSoup(html, "html.parser")
    assert [p["id"] for p in soup.find_all("p", id=True)] == ["p-texte-d-ouverture-ici-la", "mon-ancre"]
    # The same paragraph, anywhere in another article, gets the same anchor.
    _, moved = render("Autre chose.\n\n" + text, NOTES, article=True)
    assert [p.id for p in moved.passages][1:] == [p.id for p in scan.passages]


# --- properties over random texts and alias sets ---------------------------------------

WORDS = ["fer", "enfer", "Algérie", "l’Algérie", "d'Algérie", "VESNA", "Vesna", "Stanislav", "Khomenko",
         "Stanislav Khomenko", "Gazprom", "la", "minier", "ferroviaire", "`fer`", "`VESNA`",
         "[Gazprom](x.md)", "**VESNA**", "*fer*", "<b>VESNA</b>", "&amp;", "\\*", "Gazprom,", "fer."]
ALIASES = ["fer", "Algérie", "VESNA", "Khomenko", "Stanislav Khomenko", "Gazprom", "minier", "Stanislav"]

paragraph = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
block = st.one_of(paragraph, paragraph.map(lambda p: "## " + p), paragraph.map(lambda p: "- " + p))
document = st.lists(block, min_size=1, max_size=6).map("\n\n".join)
alias_sets = st.lists(st.sampled_from(ALIASES), min_size=1, max_size=6, unique=True)


def random_notes(aliases: list[str], data) -> list:
    notes = []
    for i, alias in enumerate(aliases):
        notes.append(note(f"entreprises/n{i}", alias, case_sensitive=data.draw(st.booleans())))
    return notes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document, alias_sets, st.sampled_from(["first", "section", "all"]), st.data())
def test_visible_text_never_changes_and_links_stay_in_place(text, aliases, policy, data):
    notes = random_notes(aliases, data)
    html, _ = render(text, notes, policy=policy)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.get_text() == BeautifulSoup(render_plain(text), "html.parser").get_text()
    for a in soup.select("a.carnet-mention"):
        assert not a.find_parent("a"), "links never nest"
        assert not a.find_parent(re.compile(r"^(h[1-6]|code|pre)$")), "never in headings or code"
        assert not a.find("a")


@settings(max_examples=100, deadline=None)
@given(document, alias_sets, st.data())
def test_first_policy_links_each_note_at_most_once(text, aliases, data):
    html, scan = render(text, random_notes(aliases, data), policy="first")
    assert len(scan.linked) == len(set(scan.linked)) == len(links(html))


def test_names_inside_links_and_controls_written_as_raw_html_are_not_linked():
    text = ('Voir <a href="x.html">la société *VESNA*</a>, <button>Gazprom</button> puis VESNA et Gazprom.\n\n'
            '<label>Algérie</label> et l’Algérie.')
    html, _ = render(text, NOTES)
    soup = BeautifulSoup(html, "html.parser")
    assert [(a.get_text(), a.find_parent("p").get_text()[:4]) for a in soup.select("a.carnet-mention")] == [
        ("VESNA", "Voir"), ("Gazprom", "Voir"), ("Algérie", "Algé")]
    assert not soup.select("a a, button a, label a")
