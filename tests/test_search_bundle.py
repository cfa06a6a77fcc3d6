"""What the build writes for search (carnet.search.bundle): Pagefind's index of every page,
what the worker shows of each, and the names' buckets, checked on the real site, over every
page, note, name and alias; and a build whose Pagefind fails stops, keeping the site."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from carnet.load.notes_dir import load_notes
from carnet.search.documents import search_pages, shown_text, tokens
from carnet.search.names import BUCKETS, FORGIVEN_FROM, bucket, name_buckets
from carnet.search.fold import fold, words
from conftest import ROOT, copy_project, mkdocs_build


def index_entries(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def shown_pages(site: Path) -> dict[str, dict]:
    """search/pages/<id>.json, by the page's location."""
    out = {}
    for path in (site / "search" / "pages").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["id"] = path.stem
        out[data["l"]] = data
    return out


def test_every_page_search_indexes_has_its_entries_as_material_wrote_them(site):
    entries, shown = index_entries(site), shown_pages(site)
    pages = {e["location"].partition("#")[0] for e in entries}
    assert set(shown) == pages and len(pages) >= 20
    for entry in entries:
        page, _, anchor = entry["location"].partition("#")
        kept = {e[0]: e for e in shown[page]["e"]}
        assert kept[anchor][1] == entry["title"], entry["location"]
        assert kept[anchor][2] == shown_text(entry["text"]), entry["location"]
        assert re.fullmatch(r"(<(p|ul|ol|dl|table|pre|blockquote|div)\b.*?</\2>)*", kept[anchor][2], re.S), kept[anchor][2]
    for page, data in shown.items():
        starts = [e[3] for e in data["e"]]
        assert starts[0] == 0 and all(isinstance(s, int) for s in starts), page   # every section found
        assert starts == sorted(starts), page
        assert (site / "search" / "pagefind" / "fragment" / f"{data['id']}.pf_fragment").is_file()


def test_every_name_and_alias_of_every_note_is_filed_under_its_first_letters(site):
    catalog, _ = load_notes(ROOT / "notes", ROOT)
    shown = shown_pages(site)
    files = sorted((site / "search" / "names").glob("*.json"))
    assert len(files) == BUCKETS   # all written: the worker never asks for a missing file
    buckets = {int(p.stem): json.loads(p.read_text(encoding="utf-8")) for p in files}
    checked = 0
    for note in catalog:
        page_id = shown[note.id + "/"]["id"]
        for form in note.names:
            folded = words(form)
            assert page_id in buckets[bucket(folded[0][:2])]["n"][" ".join(folded)], form
            for word in folded:
                assert page_id in buckets[bucket(word[:2])]["w"][word], (form, word)
                checked += 1
    assert checked >= 15


def edits(word: str) -> set[str]:
    """Every word one typo away: a letter dropped, added, changed, or two swapped."""
    letters = string.ascii_lowercase
    out = {word[:i] + word[i + 1:] for i in range(len(word))}
    out |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}
    out |= {word[:i] + c + word[i + 1:] for i in range(len(word)) for c in letters}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
    return out - {word}


def forgiven(typed: str, filed: dict) -> set[str]:
    """The name words the worker can find for a typed word: in the buckets of its first two
    and last two letters (carnet-search-engine.js ``near``), whatever their distance."""
    return set(filed[bucket(typed[:2])]["w"]) | set(filed[bucket(typed[-2:])]["w"])


def test_one_typo_in_any_name_word_leaves_it_in_a_bucket_the_worker_reads():
    catalog, _ = load_notes(ROOT / "notes", ROOT)
    names = {f"p{i}": list(note.names) for i, note in enumerate(catalog)}
    filed = {int(k.removesuffix(".json")): json.loads(v) for k, v in name_buckets(names).items()}
    tried = 0
    for forms in names.values():
        for word in {w for form in forms for w in words(form)}:
            for typed in edits(word):
                if len(typed) >= FORGIVEN_FROM:
                    assert word in forgiven(typed, filed), (word, typed)
                    tried += 1
    assert tried > 1000


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàçô", min_size=4, max_size=12), st.data())
def test_one_typo_in_any_word_of_any_name_is_forgiven(word, data):
    filed = {int(k.removesuffix(".json")): json.loads(v) for k, v in name_buckets({"p": [word]}).items()}
    folded = words(word)[0]
    typed = data.draw(st.sampled_from(sorted(edits(folded))))
    if len(typed) >= FORGIVEN_FROM:
        assert folded in forgiven(typed, filed)


def test_what_pagefind_reads_is_folded_words_each_ended_by_an_underscore():
    entries = [{"location": "lieux/x/", "title": "L’Algérie", "text": "<p>Œuvre &amp; coopération — minière</p>",
                "aliases": "ALGÉRIE"},
               {"location": "lieux/x/#plus", "title": "Et après", "text": "<p>Une société</p>"},
               {"location": "", "title": "Accueil", "text": "<p>Liste</p>", "boost": 0.25}]
    pages = {p.location: p for p in search_pages(entries)}
    assert tokens("<p>L’Algérie, Œuvre</p>") == "l_ algerie_ oeuvre_"
    html = pages["lieux/x/"].html
    assert '<h1 data-pagefind-weight="7">l_ algerie_</h1>' in html
    assert '<p data-pagefind-weight="10">algerie_</p>' in html
    assert "oeuvre_ cooperation_ miniere_" in html and "&amp;" not in html.split("<main")[1]
    assert '<h2 id="plus" data-pagefind-weight="6">et_ apres_</h2>' in html
    assert pages["lieux/x/"].shown[0] == ("", "L’Algérie", "<p>Œuvre &amp; coopération — minière</p>")
    assert shown_text("<p>Résumé.</p>Capitale : Moscou ") == "<p>Résumé.</p><p>Capitale : Moscou</p>"
    assert shown_text("Seul") == "<p>Seul</p>" and shown_text("") == ""
    home = pages[""].html   # a list of pages: no <h1> (Pagefind's title), its words weigh a quarter
    assert "<h1" not in home and 'data-pagefind-weight="1.75">accueil_' in home and 'weight="0.25">liste_' in home


def test_lists_of_pages_weigh_less_in_search_than_the_pages_they_list(site):
    boosted = {e["location"] for e in index_entries(site) if e.get("boost") == 0.25}
    assert {"", "entreprises/", "personnes/", "minerais/", "lieux/", "index-a-z/", "graphe/", "articles/"} <= boosted
    catalog, _ = load_notes(ROOT / "notes", ROOT)
    pages = {e["location"].partition("#")[0] for e in index_entries(site)}
    content = {note.id + "/" for note in catalog} | {p for p in pages if p.startswith("articles/") and p != "articles/"}
    assert len(content) == len(catalog) + 1   # every fiche and the article: never weighed down
    assert not content & {loc.partition("#")[0] for loc in boosted}


def test_folding_is_the_same_here_and_in_the_worker():
    worker = (ROOT / "overrides/assets/javascripts/workers/carnet-search-engine.js").read_text(encoding="utf-8")
    assert "var BUCKETS = 256" in worker and f"var BUCKETS = {BUCKETS}" in worker
    assert f"var FUZZY_FROM = {FORGIVEN_FROM}" in worker
    assert fold("ŒUVRE Algérie Æ") == "oeuvre algerie ae"


def test_a_build_whose_pagefind_fails_stops_and_keeps_the_published_site(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    published = (site / "index.html").read_bytes()
    broken = tmp_path / "broken"   # a `pagefind` module that fails, found before the real one
    (broken / "pagefind").mkdir(parents=True)
    (broken / "pagefind" / "__init__.py").write_text("")
    (broken / "pagefind" / "__main__.py").write_text("import sys\nsys.exit('pagefind: cannot write the index')\n")
    result = mkdocs_build(project, site, env={"PYTHONPATH": str(broken)}, expect_failure=True)
    assert result.returncode != 0
    assert "Pagefind could not index the site's search" in result.stderr
    assert "pagefind: cannot write the index" in result.stderr and "Fix: `make install`" in result.stderr
    assert (site / "index.html").read_bytes() == published
