"""`carnet new`: a note started from the articles' own sentences, refused by the build until written."""

from __future__ import annotations

import yaml
from jsonschema import Draft202012Validator

from carnet.commands.cli import main as carnet
from carnet.load.schema import note_schema
from conftest import copy_project, mkdocs_build

SENTENCE = "Le ministre Karim Exemple a visité Tamanrasset."


def test_carnet_new_starts_a_note_with_the_articles_sentences(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    article = project / "docs" / "articles" / "sonarem-vesna.md"
    article.write_text(article.read_text(encoding="utf-8") + f"\n\n{SENTENCE}\n", encoding="utf-8")
    # carnet check suggests the command...
    assert carnet(["check", "--project", str(project)]) == 0
    assert "Karim Exemple (1): carnet new KIND 'Karim Exemple'" in capsys.readouterr().out
    # ...which writes the note.
    assert carnet(["new", "personnes", "Karim Exemple", "--project", str(project)]) == 0
    assert "Wrote notes/personnes/karim-exemple.yml with 1 sentence of the articles" in capsys.readouterr().out
    path = project / "notes" / "personnes" / "karim-exemple.yml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data == {"name": "Karim Exemple", "summary": None}
    errors = [e.message for e in Draft202012Validator(note_schema()).iter_errors(data)]
    assert errors == ["None is not of type 'string'"]  # schema-valid but for the summary to write
    assert f'#       quote: "{SENTENCE}"' in text and "#       article: sonarem-vesna" in text
    # Uncommented as the scaffold says, the citation is one the build accepts.
    facts = "\n".join(line[2:] for line in text.splitlines() if line.startswith("#   ") or line == "# facts:")
    kept = yaml.safe_load(facts.replace("value: ", "value: a visité Tamanrasset"))
    assert kept["facts"]["Fait 1"]["cite"] == {"article": "sonarem-vesna", "quote": SENTENCE}
    # The build refuses the unwritten note, naming the file and what to fill in.
    result = mkdocs_build(project, tmp_path / "site", expect_failure=True)
    assert result.returncode != 0
    assert "notes/personnes/karim-exemple.yml:4:1: error: 'summary' is missing or empty." in result.stderr
    path.write_text(text.replace("summary:", "summary: Ministre, selon l’article.", 1), encoding="utf-8")
    assert mkdocs_build(project, tmp_path / "site").returncode == 0


def test_carnet_new_refuses_what_it_should(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    assert carnet(["new", "lieux", "Maghreb", "--project", str(project)]) == 1
    assert "notes/lieux/maghreb.yml already exists" in capsys.readouterr().out
    assert carnet(["new", "lieu", "Tamanrasset", "--project", str(project)]) == 2
    assert "'lieu' is not a kind of note. Fix: use one of entreprises, personnes, minerais, lieux. " \
           "Did you mean 'lieux'?" in capsys.readouterr().out
    assert carnet(["new", "personnes", "SONAREM", "--project", str(project)]) == 1
    assert "'SONAREM' is already a name of notes/entreprises/sonarem.yml" in capsys.readouterr().out
    assert not (project / "notes" / "personnes" / "sonarem.yml").exists()


def test_carnet_new_counts_sentences_with_real_plurals(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    article = project / "docs" / "articles" / "sonarem-vesna.md"
    article.write_text(article.read_text(encoding="utf-8") + f"\n\n{SENTENCE}\n\nKarim Exemple est reparti.\n",
                       encoding="utf-8")
    assert carnet(["new", "personnes", "Karim Exemple", "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert "with 2 sentences of the articles" in out and "(s)" not in out


def test_carnet_new_for_a_name_no_article_holds_says_so_and_what_to_do(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    assert carnet(["new", "personnes", "Abdelmadjid Tebboune", "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert "Warning: no article names 'Abdelmadjid Tebboune'" in out
    assert "under 'sources:'" in out and "(s)" not in out and "0 sentence" not in out
    assert (project / "notes" / "personnes" / "abdelmadjid-tebboune.yml").is_file()
