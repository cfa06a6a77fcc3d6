"""Editors' safety net: every bad note gives a clear error; nothing runs; nothing is lost."""

from __future__ import annotations

import hashlib
import re
import json
import time
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings, strategies as st

from carnet.commands.cli import main as carnet_main
from carnet.load.notes_dir import load_notes
from carnet.text.source_text import canonical
from carnet.load.note_file import read_note
from carnet.load.yaml_source import MAX_BYTES, YamlDocument, read_yaml
from conftest import ROOT, copy_project, mkdocs_build

GOOD = "name: Exemple\nsummary: Une fiche d’exemple.\n"


def problems_for(tmp_path: Path, files: dict[str, str | bytes]) -> list[str]:
    notes = tmp_path / "notes"
    for rel, content in files.items():
        path = notes / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    _, problems = load_notes(notes, tmp_path)
    return [p.format() for p in problems]


@pytest.mark.parametrize("files, expected", [
    ({"lieux/x.yml": "name: X\nsummary: [oops\n"}, "notes/lieux/x.yml:3:1: error: YAML syntax error"),
    ({"lieux/x.yml": "name: X\nsummary: a: b\n"}, "notes/lieux/x.yml:2:11: error: YAML syntax error"),
    ({"lieux/x.yml": "  \n"}, "notes/lieux/x.yml: error: file is empty."),
    ({"lieux/x.yml": "- a\n- b\n"}, "error: a note must be a mapping of fields, not a list."),
    ({"lieux/x.yml": b"name: X\nsummary: caf\xe9\n"}, "notes/lieux/x.yml:2:13: error: file is not valid UTF-8: byte 20 (0xe9)"),
    ({"lieux/x.yml": GOOD + "#" * MAX_BYTES}, f"over the {MAX_BYTES}-byte limit"),
    ({"lieux/x.yml": "summary: S.\n"}, "error: 'name' is missing or empty."),
    ({"lieux/x.yml": "name: X\nsummary: ''\n"}, "notes/lieux/x.yml:2:1: error: 'summary' is missing or empty."),
    ({"lieux/x.yml": "name: X\nsummary: 12\n"}, "notes/lieux/x.yml:2:1: error: 'summary' must be text, not a number."),
    ({"lieux/x.yml": "name: X\nsummary: S.\naliases: Y\n"}, "'aliases' must be a list, not text"),
    ({"lieux/x.yml": "name: X\nsumary: S.\n"}, "unknown field 'sumary'. Fix: known fields: name, aliases, summary, "
                                              "summary_source, case_sensitive, facts, relations, sources, former_ids, "
                                              "index_name. Did you mean 'summary'?"),
    ({"personnes/x.yml": GOOD + "index_name: 12\n"}, "notes/personnes/x.yml:3:1: error: 'index_name' must be text, not a number."),
    ({"lieux/Mauvais_Nom.yml": GOOD}, "notes/lieux/Mauvais_Nom.yml: error: file name 'Mauvais_Nom.yml' is not a valid slug."),
    ({"societes/x.yml": GOOD}, "error: 'societes' is not a kind of note."),
    ({"lieux/x.txt": GOOD}, "notes/lieux/x.txt: error: not a note: notes are '.yml' files."),
    ({"lieux/a.yml": GOOD, "lieux/b.yml": GOOD}, "notes/lieux/b.yml: error: name 'Exemple' is also the name of notes/lieux/a.yml."),
    ({"lieux/a.yml": GOOD + "aliases: [Commun]\n", "lieux/b.yml": "name: B\nsummary: S.\naliases: [Commun]\n"},
     "'Commun' is a name or alias of both notes/lieux/b.yml and notes/lieux/a.yml"),
    ({"lieux/a.yml": GOOD + "relations:\n  - type: part_of\n    target: lieux/maghrb\n    source: T\nsources: [{title: T}]\n",
      "lieux/maghreb.yml": "name: Maghreb\nsummary: S.\n"},
     "notes/lieux/a.yml:4: error: relation #1 (part_of) points to 'lieux/maghrb', which is not a note. "
     "Fix: write the target as 'kind/slug' of an existing note. Did you mean 'lieux/maghreb'?"),
    ({"lieux/a.yml": GOOD + "relations:\n  - type: partof\n    target: lieux/a\n"}, "unknown relation type 'partof'"),
    ({"lieux/a.yml": GOOD + "sources:\n  - title: T\n    url: javascript:alert(1)\n"},
     "notes/lieux/a.yml:5:5: error: source #1 has a URL that is not an http(s) address"),
    ({"lieux/a.yml": GOOD + "facts:\n  Capitale: Alger\n"},
     "notes/lieux/a.yml:4:3: error: fact 'Capitale' says neither what in the article backs it nor which source does"),
    ({"lieux/a.yml": GOOD + "facts:\n  Capitale: {value: Alger, source: Wikipedia}\nsources: [{title: T, short: Wikipédia}]\n"},
     "names the source 'Wikipedia', which is not among the note's sources. Fix: add it under 'sources:' (with "
     "'short: <its name>'), or name one of them: 'Wikipédia'. Did you mean 'Wikipédia'?"),
    ({"lieux/a.yml": GOOD + "facts:\n  Pays:\n    value: X\n    cite: sonarem-vesna#p2\n"},
     "notes/lieux/a.yml:6:5: error: citation 'sonarem-vesna#p2' points at a paragraph's position"),
    ({"lieux/a.yml": GOOD + "facts:\n  Pays:\n    value: X\n    cite: sonarem-vesna\n"},
     "the citation of fact 'Pays' must be a mapping with 'article' and 'quote'"),
    ({"lieux/a.yml": GOOD + "facts:\n  Pays:\n    value: X\n    cite:\n      article: sonarem-vesna\n"},
     "notes/lieux/a.yml:6:5: error: the citation of fact 'Pays' needs 'quote'"),
    ({"lieux/a.yml": GOOD + "relations:\n  - type: part_of\n    target: lieux/b\n    cite: {article: Sonarem Vesna, quote: q}\n"},
     "the citation of relation #1 needs 'article': the slug of an article"),
    ({"lieux/a.yml": GOOD + "facts:\n  Pays:\n    value: X\n    cite: {article: a, quote: q, passage: p2}\n"},
     "unknown key 'passage' in the citation of fact 'Pays'"),
    ({"lieux/a.yml": GOOD + "facts:\n  Pays:\n    value: X\n    cite: {article: a, quote: « q »}\n"},
     "the quote of fact 'Pays' holds guillemets"),
    ({"lieux/a.yml": GOOD + "facts:\n  « Un trésor »: {value: oui, cite: {article: a, quote: un trésor}}\n"},
     "notes/lieux/a.yml:4:3: error: the label of fact '« Un trésor »' holds guillemets"),
    ({"lieux/a.yml": "name: X\nsummary: Selon l’article, « un trésor.\n"},
     "notes/lieux/a.yml:2:1: error: the summary has a « or » without its pair"),
    ({"lieux/a.yml": "name: X\nsummary: S.\nfoo: &a [1]\nbar: *a\n"}, "notes/lieux/a.yml:4:6: error: YAML alias '*a' is not allowed"),
    ({"lieux/a.yml": "name: !!python/object/apply:os.system [echo pwned]\nsummary: S.\n"}, "YAML tag"),
    ({"lieux/a.yml": "name: X\nname: Y\nsummary: S.\n"}, "notes/lieux/a.yml:2:1: error: key 'name' is written twice"),
])
def test_each_bad_note_gets_a_clear_error(tmp_path, files, expected):
    problems = problems_for(tmp_path, files)
    assert any(expected in p for p in problems), problems


def test_risky_alias_is_a_warning(tmp_path):
    problems = problems_for(tmp_path, {"minerais/or.yml": "name: Or\nsummary: Métal.\n"})
    assert problems == ["notes/minerais/or.yml: warning: 'Or' is too short or a frequent French word: it would "
                        "link ordinary prose. Fix: use a longer, more specific alias."]


def test_all_problems_are_reported_at_once(tmp_path):
    problems = problems_for(tmp_path, {"lieux/a.yml": "name: X\nsumary: S.\n", "lieux/b.yml": "- x\n",
                                       "lieux/c.yml": "name: [\n"})
    assert len([p for p in problems if "error" in p]) >= 4


def test_a_source_is_named_by_its_words_whatever_spaces_stand_between_them(tmp_path):
    """Doubled spaces, a tab or a no-break space between the words of a source's name, in the
    source or where a statement names it, still name the same source."""
    note = ('name: Xavier\nsummary: S.\nsources:\n  - title: "Le  Monde\\tdiplomatique"\n    short: "Le  Monde "\n'
            'summary_source: "Le\\u00a0Monde"\nfacts:\n  Capitale: {value: Alger, source: "Le \\t Monde"}\n'
            'aliases:\n  - {form: Iksse, source: "  Le\\u202fMonde"}\n'
            'relations:\n  - {type: part_of, target: lieux/b, source: "Le  Monde"}\n')
    notes = tmp_path / "notes" / "lieux"
    notes.mkdir(parents=True)
    (notes / "a.yml").write_text(note, encoding="utf-8")
    (notes / "b.yml").write_text("name: Bordj\nsummary: S.\n", encoding="utf-8")
    catalog, problems = load_notes(tmp_path / "notes", tmp_path)
    assert [p.format() for p in problems] == []
    x = catalog.notes["lieux/a"]
    assert x.summary_source == x.facts[0].source == x.other_names[0].source == x.relations[0].source == "Le Monde"
    assert x.source_index(x.facts[0].source) == 0 and x.sources[0].title == "Le Monde diplomatique"


@pytest.mark.parametrize("name, filed", [
    ("Belkacem Soltani", "Soltani, Belkacem"), ("Charles de Gaulle", "Gaulle, Charles de"),
    ("Jean Le Pen", "Le Pen, Jean"), ("Jean-Marie Le Pen", "Le Pen, Jean-Marie"), ("Mohamed Aït Ali", "Aït Ali, Mohamed"),
    ("Ahmed Ben Bella", "Ben Bella, Ahmed"), ("Ahmed Ould Abdallah", "Ould Abdallah, Ahmed"),
    ("Mohamed El Baradei", "El Baradei, Mohamed"), ("Bachar Al Assad", "Al Assad, Bachar"),
    ("Jean Du Bellay", "Du Bellay, Jean"), ("Marie Des Rosiers", "Des Rosiers, Marie"),
    ("Khaled Abou Zeid", "Abou Zeid, Khaled"), ("Jeanne La Salle", "La Salle, Jeanne"),
    ("Jean de La Fontaine", "La Fontaine, Jean de"),   # lower case after the first name, capitalised in the surname
    ("Ben Ali", "Ben Ali"), ("Madonna", "Madonna")])   # a surname alone, a single name: as written
def test_indexes_file_people_by_surname_capitalised_particles_included(name, filed):
    from carnet.model.vocabulary import index_name
    assert index_name(name, "personnes") == filed
    assert index_name(name, "lieux") == name   # only people are filed by surname


def test_a_note_s_index_name_files_it_as_written(tmp_path):
    project = copy_project(tmp_path / "project")
    notes = project / "notes" / "personnes"
    (notes / "mohamed-ait-ali.yml").write_text("name: Mohamed Aït Ali Yahia\nindex_name: Aït Ali Yahia, Mohamed\n"
                                               "summary: Personne d’essai.\n", encoding="utf-8")
    (notes / "jean-le-pen.yml").write_text("name: Jean Le Pen\nsummary: Personne d’essai.\n", encoding="utf-8")
    (project / "notes" / "lieux" / "ait-ali.yml").write_text("name: Ouled Aït Ali\nindex_name: Aït Ali (Ouled)\n"
                                                               "summary: Lieu d’essai.\n", encoding="utf-8")
    mkdocs_build(project, tmp_path / "site")
    page = BeautifulSoup((tmp_path / "site/personnes/index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a.get_text() for a in page.select(".carnet-index li > a")] == [
        "Aït Ali Yahia, Mohamed", "Khomenko, Stanislav", "Le Pen, Jean", "Soltani, Belkacem"]
    a_to_z = BeautifulSoup((tmp_path / "site/index-a-z/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Aït Ali (Ouled)" in [a.get_text() for a in a_to_z.select(".carnet-index li > a")]   # any kind takes it


def test_billion_laughs_is_refused_quickly(tmp_path):
    lines = ["name: X", "summary: S.", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    start = time.perf_counter()
    problems = problems_for(tmp_path, {"lieux/x.yml": "\n".join(lines) + "\n"})
    assert time.perf_counter() - start < 1.0
    assert any("YAML alias '*a0' is not allowed" in p for p in problems)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes_give_a_note_or_a_clean_problem(raw):
    doc = read_yaml(raw, "notes/lieux/x.yml")
    if isinstance(doc, YamlDocument):
        read_note(doc, "notes/lieux/x.yml", "lieux", "x")


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12)
note_like = st.fixed_dictionaries({}, optional={
    "name": yaml_values, "summary": yaml_values, "aliases": yaml_values, "facts": yaml_values,
    "relations": yaml_values, "sources": yaml_values, "case_sensitive": yaml_values, "extra": yaml_values})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(note_like, yaml_values))
def test_random_yaml_documents_give_a_note_or_clean_problems(value):
    doc = read_yaml(yaml.safe_dump(value, allow_unicode=True).encode("utf-8"), "notes/lieux/x.yml")
    if isinstance(doc, YamlDocument):
        note, problems = read_note(doc, "notes/lieux/x.yml", "lieux", "x")
        assert problems or (note is not None and note.name)


# --- full builds --------------------------------------------------------------------------

def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def test_a_bad_note_stops_the_build_clearly_and_keeps_the_previous_site(project, tmp_path):
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = tree_digest(site)
    (project / "notes" / "entreprises" / "vesna.yml").write_text("name: VESNA\nsumary: x\n", encoding="utf-8")
    (project / "notes" / "lieux" / "atlantide.yml").write_text("name: [\n", encoding="utf-8")
    start = time.perf_counter()
    result = mkdocs_build(project, site, expect_failure=True)
    assert time.perf_counter() - start < 10
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "notes/entreprises/vesna.yml:2:1: error: unknown field 'sumary'" in result.stderr
    assert "Did you mean 'summary'?" in result.stderr
    assert "notes/lieux/atlantide.yml:2:1: error: YAML syntax error" in result.stderr
    assert tree_digest(site) == before


def test_strict_turns_alias_warnings_into_failures(project, tmp_path):
    (project / "notes" / "minerais" / "or.yml").write_text(
        "name: Or\nsummary: Métal précieux.\nsources: [{title: T}]\nsummary_source: T\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", strict=True, expect_failure=True)
    assert result.returncode != 0 and "'Or' is too short or a frequent French word" in result.stderr
    mkdocs_build(project, tmp_path / "site2", strict=False, allow_warnings=True)


SPOILED = [  # (note, true words, spoiled words, what the error names)
    ("entreprises/vesna.yml", "quote: VESNA, filiale de Gazprom\n", "quote: VESNA, filiale à 100 % de Gazprom\n",
     "notes/entreprises/vesna.yml:9:7: error: the relation #1 quotes « VESNA, filiale à 100 % de Gazprom »"),
    ("personnes/stanislav-khomenko.yml", "quote: VESNA, filiale de Gazprom, dirigée par Stanislav Khomenko\n",
     "quote: VESNA, fondée par Stanislav Khomenko\n",
     "notes/personnes/stanislav-khomenko.yml:11:7: error: the fact 'Fonction' quotes « VESNA, fondée par"),
    ("minerais/fer.yml", "ressources minières. Entre phosphate, fer, cuivre et autres minerais stratégiques\n",
     "ressources minières. Entre phosphate, fer, or et autres minerais stratégiques\n",
     "notes/minerais/fer.yml:18:7: error: the relation #1 quotes « Maghreb […] demeure un trésor pour les "
     "ressources minières. Entre phosphate, fer, or et autres"),
    ("lieux/maghreb.yml", "« un trésor pour les ressources minières »", "« un trésor pour les ressources pétrolières »",
     "notes/lieux/maghreb.yml:3:1: error: the summary quotes « un trésor pour les ressources pétrolières »"),
]


@pytest.mark.parametrize("note, true, spoiled, expected", SPOILED, ids=[s[0] for s in SPOILED])
def test_a_spoiled_quote_stops_the_build_naming_the_note_and_keeps_the_site(project, tmp_path, note, true, spoiled, expected):
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = tree_digest(site)
    path = project / "notes" / note
    text = path.read_text(encoding="utf-8")
    assert true in text
    path.write_text(text.replace(true, spoiled, 1), encoding="utf-8")
    result = mkdocs_build(project, site, expect_failure=True)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert expected in result.stderr, result.stderr
    assert "Closest passage: § " in result.stderr and "did you mean «" in result.stderr
    assert "Fix: copy the words exactly as the article writes them" in result.stderr
    assert tree_digest(site) == before


def test_every_spoiled_quote_is_listed_at_once(project, tmp_path):
    for note, true, spoiled, _ in SPOILED:
        path = project / "notes" / note
        path.write_text(path.read_text(encoding="utf-8").replace(true, spoiled, 1), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", expect_failure=True)
    assert result.returncode != 0
    for *_, expected in SPOILED:
        assert expected in result.stderr


# A fact the tests below give the Russie note (the site's note keeps the article's claims out
# of its infobox), quoting the article's fourth paragraph.
PERSPECTIVE = ("facts:\n  Perspective:\n    value: pourrait devenir un acteur clé\n    cite:\n"
               "      article: sonarem-vesna\n"
               "      quote: La Russie pourrait ainsi devenir un acteur clé de l’essor minier de l’Algérie.\n")


def with_perspective(path):
    text = path.read_text(encoding="utf-8")
    assert "facts:\n" in text
    return text.replace("facts:\n", PERSPECTIVE, 1)


def test_an_ambiguous_quote_stops_the_build(project, tmp_path):
    path = project / "notes" / "lieux" / "russie.yml"
    path.write_text(with_perspective(path).replace(
        "quote: La Russie pourrait ainsi", "quote: La Russie\n      # ", 1), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", expect_failure=True)
    assert result.returncode != 0
    assert "the fact 'Perspective' quotes « La Russie », which is in 2 passages: § 4 of 'sonarem-vesna'" in result.stderr
    assert "Fix: quote more words" in result.stderr


def test_quotes_match_across_spaces_and_apostrophes_but_not_inside_words(project, tmp_path):
    path = project / "notes" / "lieux" / "russie.yml"
    text = with_perspective(path)
    # Straight apostrophe and doubled spaces: the same words.
    path.write_text(text.replace("quote: La Russie pourrait ainsi devenir un acteur clé de l’essor",
                                 "quote: La Russie  pourrait ainsi devenir un acteur clé de l'essor"), encoding="utf-8")
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    # Part of a word is not the word ("Russi" in "Russie").
    path.write_text(text.replace("quote: La Russie pourrait ainsi devenir un acteur clé de l’essor minier de l’Algérie.",
                                 "quote: La Russi"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site2", expect_failure=True)
    assert result.returncode != 0 and "quotes « La Russi », which is not in article" in result.stderr


HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def test_html_in_notes_is_shown_as_text_everywhere(project, tmp_path):
    (project / "notes" / "entreprises" / "hostile.yml").write_text(yaml.safe_dump({
        "name": "Hostile " + HOSTILE, "aliases": ["Alias " + HOSTILE],
        "summary": "Résumé " + HOSTILE + " [lien](javascript:alert(1)) **gras** `code`",
        "facts": {"Label " + HOSTILE: {"value": "Valeur " + HOSTILE, "cite": {"article": "sonarem-vesna", "quote": "Le Maghreb"}}},
        "sources": [{"title": "Titre " + HOSTILE, "url": "https://example.org/?q=%3Cx%3E&y=%22z%22"}],
        "summary_source": "article",
    }, allow_unicode=True), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    page = (site / "entreprises" / "hostile" / "index.html").read_text(encoding="utf-8")
    for html_file in site.rglob("*.html"):
        dom = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        assert not dom.select("[onerror]"), html_file
        code = [s for s in dom.find_all("script") if s.get("type") != "application/ld+json"]
        assert not [s for s in code if "alert(" in s.get_text()], html_file
        assert not dom.select('a[href^="javascript"]'), html_file
    assert "&lt;script&gt;alert" in page
    assert "[lien](javascript:alert(1)) **gras** `code`" in page.replace("&lt;", "<").replace("&gt;", ">").replace("&#x27;", "'").replace("&quot;", '"')
    raw_ld = BeautifulSoup(page, "html.parser").select_one('script[type="application/ld+json"]').string
    assert "</" not in raw_ld and "<script" not in raw_ld
    assert json.loads(raw_ld)["name"] == "Hostile " + HOSTILE
    assert 'og:title" content="Hostile &lt;script&gt;' in page
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>alert" not in index and "<img src=x" not in index
    assert any("Alias &lt;script&gt;" in d.get("aliases", "") for d in json.loads(index)["docs"])


def test_carnet_check_reports_and_exits(project, capsys):
    assert carnet_main(["check", "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert "Notes: 11 valid" in out and "can be published" in out
    # Every citation of every note is reported with the passage it resolves to.
    total = sum(len(n.citations) for n in load_notes(project / "notes", project)[0])
    assert f"Citations: {total} resolved, 0 missing, 0 ambiguous." in out
    assert len(re.findall(r"^  notes/\S+:\d+:\d+ .*: « .* » -> sonarem-vesna § \d \(#p-[a-z0-9-]+\)$", out, re.M)) == total
    (project / "notes" / "lieux" / "atlantide.yml").write_text("name: Atlantide\nsummary: Mythe.\n", encoding="utf-8")
    (project / "docs" / "articles" / "sonarem-vesna.md").open("a", encoding="utf-8").write(
        "\n\nLe ministre Karim Exemple a visité Tamanrasset.\n")
    assert carnet_main(["check", "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert "Karim Exemple (1)" in out and "Tamanrasset (1)" in out
    assert "notes/lieux/atlantide.yml (Atlantide)" in out
    (project / "notes" / "lieux" / "x.yml").write_text("name: X\nsumary: S.\n", encoding="utf-8")
    assert carnet_main(["check", "--project", str(project)]) == 1
    assert "Did you mean 'summary'?" in capsys.readouterr().out
    (project / "notes" / "lieux" / "x.yml").unlink()
    (project / "notes" / "minerais" / "or.yml").write_text("name: Or\nsummary: M.\n", encoding="utf-8")
    assert carnet_main(["check", "--project", str(project)]) == 0
    assert carnet_main(["check", "--project", str(project), "--strict"]) == 1


def test_a_failure_after_rendering_keeps_the_previous_site_too(project, tmp_path):
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = tree_digest(site)
    path = project / "notes" / "personnes" / "belkacem-soltani.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Belkacem Soltani\n", "Belkacem Soltanii\n"), encoding="utf-8")
    (project / "docs" / "autre.md").write_text("# Autre\n\nUn [lien cassé](absent.md).\n", encoding="utf-8")
    result = mkdocs_build(project, site, expect_failure=True)
    assert result.returncode != 0 and "left as it was" in result.stderr
    assert tree_digest(site) == before
    assert not (tmp_path / "site.carnet-staging").exists()
    # Once fixed, the next build publishes (a changed summary shows the new site is in place).
    path.write_text(path.read_text(encoding="utf-8").replace("Belkacem Soltanii\n", "Belkacem Soltani\n")
                    .replace("Dirigeant du groupe", "Directeur du groupe"), encoding="utf-8")
    (project / "docs" / "autre.md").unlink()
    assert mkdocs_build(project, site).returncode == 0
    assert "Directeur du groupe" in (site / "personnes" / "belkacem-soltani" / "index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "site.carnet-staging").exists() and not (tmp_path / "site.carnet-old").exists()


SCALARS = st.one_of(st.text(max_size=12), st.integers(-10**6, 10**6), st.booleans(), st.none(),
                    st.floats(allow_nan=False, allow_infinity=False, width=32),
                    st.dates(min_value=__import__("datetime").date(1900, 1, 1)))
YAML_DATA = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4)), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8), YAML_DATA, min_size=1, max_size=5),
       st.sampled_from([False, True]))
def test_notes_are_built_as_pyyaml_safe_loader_builds_them(data, flow):
    """read_yaml builds values itself while it checks the nodes (faster than a second
    pass): the result equals PyYAML's safe loader's on any document of plain data."""
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    doc = read_yaml(text.encode("utf-8"), "notes/x.yml")
    # Notes are read in NFC (carnet.text.source_text): the same text, whatever form it was saved in.
    assert isinstance(doc, YamlDocument) and doc.data == yaml.safe_load(canonical(text))


def test_every_real_note_is_built_as_pyyaml_builds_it():
    notes = sorted((Path(__file__).resolve().parents[1] / "notes").rglob("*.yml"))
    assert len(notes) >= 11
    for path in notes:
        assert read_yaml(path.read_bytes(), str(path)).data == yaml.safe_load(path.read_text(encoding="utf-8"))


NOTE_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notes").rglob("*.yml"))
FALSE_QUOTE = "quote: des mots que l’article ne contient pas"


def _spoil_first_quote(path: Path) -> int | None:
    """Replace the note's first 'quote:' with words the article does not hold; its line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if line.strip().startswith("quote:"):
            lines[i] = line[: len(line) - len(line.lstrip())] + FALSE_QUOTE
            path.write_text("\n".join(lines), encoding="utf-8")
            return i + 1
    return None


@pytest.mark.parametrize("broken", NOTE_FILES)
def test_every_problem_is_reported_in_one_round(project, tmp_path, broken):
    """One note rejected for a misspelt field still has its quotes checked, and is still known
    to the relations that point to it; another note's false quote comes in the same list."""
    path = project / broken
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nsummary:", "\nsumary_typo: x\nsummary:", 1), encoding="utf-8")
    own_line = _spoil_first_quote(path)
    other = next(n for n in NOTE_FILES if n != broken and "quote:" in (ROOT / n).read_text(encoding="utf-8"))
    other_line = _spoil_first_quote(project / other)
    result = mkdocs_build(project, tmp_path / "site", expect_failure=True)
    err = result.stderr
    assert f"{broken}:" in err and "unknown field 'sumary_typo'" in err
    assert re.search(rf"^{re.escape(other)}:{other_line}:\d+: error: .* quotes « des mots", err, re.M), err
    if own_line:
        assert re.search(rf"^{re.escape(broken)}:{own_line}:\d+: error: .* quotes « des mots", err, re.M), err
    assert "which is not a note" not in err, err
    assert re.search(r"^Carnet: \d+ errors?, \d+ warnings? in notes and articles\.$", err, re.M), err
    assert "(s)" not in err


def test_did_you_mean_never_offers_a_note_its_own_id(project, tmp_path):
    path = project / "notes" / "entreprises" / "sonarem.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("target: entreprises/vesna", "target: entreprises/vesnaa"),
                    encoding="utf-8")
    err = mkdocs_build(project, tmp_path / "site", expect_failure=True).stderr
    assert "points to 'entreprises/vesnaa', which is not a note" in err
    assert "Did you mean 'entreprises/vesna'?" in err
    path.write_text(path.read_text(encoding="utf-8").replace("target: entreprises/vesnaa", "target: entreprises/sonarm"),
                    encoding="utf-8")
    err = mkdocs_build(project, tmp_path / "site", expect_failure=True).stderr
    assert "points to 'entreprises/sonarm', which is not a note" in err
    assert "Did you mean 'entreprises/sonarem'" not in err


def test_a_refused_first_build_says_nothing_was_published(project, tmp_path):
    (project / "notes" / "lieux" / "x.yml").write_text("name: X\n", encoding="utf-8")
    err = mkdocs_build(project, tmp_path / "site", expect_failure=True).stderr
    assert "nothing was published" in err and "left as it was" not in err
    assert not (tmp_path / "site").exists()
