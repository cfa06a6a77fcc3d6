"""Generate a synthetic French corpus: N articles and M notes whose names occur in the articles.

Two projects are written from the same content:
- carnet/: our full build (notes in notes/<kind>/<slug>.yml, the carnet plugin);
- plain/:  plain Material with one plain Markdown page per note and per index, same
           page count, navigation trimmed to the home page.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from carnet.cli import ConfigLoader

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("entreprises", "personnes", "minerais", "lieux")
SYLLABLES = ("ba bé ca co da dé fa fo ga gi ka ko la lé ma mé na no pa po ra ré sa so ta té "
             "va vo za zi bru cla dro fré gra pli tri vra").split()
WORDS = ("le la les un une des du de et en dans pour sur avec par selon cette ces son sa leurs "
         "groupe société projet accord coopération exploitation gisement ressources minières "
         "développement investissement formation recherche marché mondial régional technique "
         "négociations partenaires durable stratégique nouvelles méthodes extraction traitement "
         "équipes locales expertise innovation croissance demande production capacité secteur "
         "pourrait devrait cherche confirme annonce prévoit renforce accueille examine").split()


def unique_name(rng: random.Random, used: set[str], parts: int) -> str:
    while True:
        name = " ".join("".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() for _ in range(parts))
        if name not in used:
            used.add(name)
            return name


def _slug(name: str) -> str:
    import unicodedata
    ascii_ = unicodedata.normalize("NFD", name).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_).split())


def make_notes(m: int, n_articles: int, rng: random.Random) -> list[dict]:
    used: set[str] = set()
    notes = []
    for i in range(m):
        kind = KINDS[i % len(KINDS)]
        name = unique_name(rng, used, 2 if kind == "personnes" else 1)
        alias = [name.split()[-1]] if kind == "personnes" and name.split()[-1] not in used else []
        used.update(alias)
        notes.append({"kind": kind, "slug": f"{_slug(name)}-{i}", "name": name, "aliases": alias})
    for note in notes:
        other = rng.choice(notes)
        note["article"] = rng.randrange(n_articles)
        note["data"] = {
            "name": note["name"], "aliases": note["aliases"],
            "summary": f"Entité citée par les articles du corpus, en lien avec {other['name']}.",
            "facts": {"Rôle": {"value": "cité dans un article", "cite": None}},
            "relations": ([{"type": "talks_with", "target": f"{other['kind']}/{other['slug']}",
                            "cite": None}] if other is not note else []),
        }
    return notes


def _quote(paragraphs: list[str], p: int, rng: random.Random, words: int = 7) -> str:
    """Seven words of paragraph ``p`` that no other paragraph of the article holds."""
    while True:
        tokens = paragraphs[p].split()
        start = rng.randrange(len(tokens) - words)
        quote = " ".join(tokens[start:start + words])
        if sum(quote in other for other in paragraphs) == 1:
            return quote


def add_citations(notes: list[dict], articles: list[list[str]], rng: random.Random) -> None:
    """Cite each note's article as real notes do: the words behind a fact, a relation and
    a « quote » in the summary, each checked against the article by the build."""
    for note in notes:
        i = note["article"]
        slug, paragraphs = f"article-{i:04d}", articles[i]
        note["data"]["facts"]["Rôle"]["cite"] = {"article": slug, "quote": _quote(paragraphs, 0, rng)}
        for relation in note["data"]["relations"]:
            relation["cite"] = {"article": slug, "quote": _quote(paragraphs, 1, rng)}
        note["data"]["summary"] = note["data"]["summary"][:-1] + f" ; selon l’article, « {_quote(paragraphs, 2, rng)} »."


def make_article(i: int, notes: list[dict], rng: random.Random) -> str:
    mentioned = rng.sample(notes, k=min(8, len(notes)))
    paragraphs = []
    for p in range(6):
        sentences = []
        for _ in range(4):
            words = [rng.choice(WORDS) for _ in range(15)]
            sentences.append(words)
        for note in mentioned[p::6] + mentioned[:1]:
            form = rng.choice([note["name"], *note["aliases"]])
            words = rng.choice(sentences)
            words.insert(rng.randrange(1, len(words)), ("l’" if note["kind"] == "lieux" else "") + form)
        text = " ".join(" ".join(w).capitalize() + "." for w in sentences)
        paragraphs.append(text)
    return paragraphs


def article_markdown(i: int, paragraphs: list[str]) -> str:
    return (f"---\ntitle: Article numéro {i}\n---\n\n# Article numéro {i}\n\n"
            + "\n\n".join(paragraphs[:2]) + "\n\n## Suite\n\n" + "\n\n".join(paragraphs[2:4])
            + "\n\n## Fin\n\n" + "\n\n".join(paragraphs[4:]) + "\n")


def _config(plain: bool) -> dict:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)
    config["site_url"] = "https://bench.example.org/"
    config.pop("watch", None)
    config["validation"] = {"links": {"not_found": "info", "anchors": "info", "unrecognized_links": "info"}}
    config["not_in_nav"] = "/articles/*.md\n/fiches/**\n/index-a-z.md\n/graphe.md\n" + "\n".join(f"/{k}/*.md" for k in KINDS) + "\n"
    if plain:
        config["theme"].pop("custom_dir", None)
        config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "carnet" in p)]
        config["nav"] = [{"Accueil": "index.md"}]
    else:
        config["nav"] = [{"Accueil": "index.md"}] + [{k.capitalize(): f"{k}/index.md"} for k in KINDS]
    return config


def write_corpus(out: Path, n_articles: int, m_notes: int, seed: int = 1) -> tuple[Path, Path]:
    rng = random.Random(seed)
    notes = make_notes(m_notes, n_articles, rng)
    paragraphs = [make_article(i, notes, rng) for i in range(n_articles)]
    add_citations(notes, paragraphs, rng)
    articles = [article_markdown(i, p) for i, p in enumerate(paragraphs)]
    if out.exists():
        shutil.rmtree(out)
    projects = []
    for variant in ("carnet", "plain"):
        project = out / variant
        docs = project / "docs"
        (docs / "articles").mkdir(parents=True)
        (docs / "index.md").write_text("# Corpus de test\n\nUn corpus synthétique.\n", encoding="utf-8")
        for i, text in enumerate(articles):
            (docs / "articles" / f"article-{i:04d}.md").write_text(text, encoding="utf-8")
        if variant == "carnet":
            shutil.copytree(ROOT / "overrides", project / "overrides")
            for note in notes:
                path = project / "notes" / note["kind"] / f"{note['slug']}.yml"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(yaml.safe_dump(note["data"], allow_unicode=True), encoding="utf-8")
        else:
            for note in notes:
                path = docs / "fiches" / note["kind"] / f"{note['slug']}.md"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(f"# {note['name']}\n\n{note['data']['summary']}\n\n- Rôle : cité dans un article\n",
                                encoding="utf-8")
            for kind in KINDS:
                listing = "\n".join(f"- {n['name']}" for n in notes if n["kind"] == kind)
                (docs / "fiches" / kind / "index.md").write_text(f"# {kind}\n\n{listing}\n", encoding="utf-8")
            listing = "\n".join(f"- {n['name']}" for n in sorted(notes, key=lambda n: n["name"]))
            (docs / "fiches" / "a-z.md").write_text(f"# Index A–Z\n\n{listing}\n", encoding="utf-8")
        (project / "mkdocs.yml").write_text(yaml.safe_dump(_config(variant == "plain"), allow_unicode=True),
                                            encoding="utf-8")
        projects.append(project)
    return projects[0], projects[1]
