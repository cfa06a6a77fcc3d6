"""Generate synthetic French corpora of several shapes: N articles and M notes whose names occur in them.

Three projects are written from the same content:
- carnet/:  our full build (notes in notes/<kind>/<slug>.yml, the carnet plugin);
- plain/:   plain Material with the project's own theme settings (this mkdocs.yml
            without Carnet's plugin and overrides), one plain Markdown page per note
            and per index, same page count, navigation trimmed to the home page;
- shipped/: the same pages under plain Material as it ships (``theme: material``,
            the search plugin, no extension or setting of ours).

A ``Shape`` says what the corpus looks like (see ``SHAPES``): kinds of notes,
facts and relations or bare notes, where articles live, their length, how many
mentions per paragraph, how many aliases per note.
"""

from __future__ import annotations

import random
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from carnet.load.config import ConfigLoader

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
VARIANTS = ("carnet", "plain", "shipped")


@dataclass(frozen=True)
class Shape:
    """What a corpus looks like, beyond its size."""
    name: str
    description: str
    kinds: tuple[str, ...] = KINDS
    rich: bool = True               # a cited fact, a relation, a « quote » in the summary
    articles_dir: str = "articles"  # where articles live under docs/
    paragraphs: int = 6             # per article (three sections)
    sentences: int = 4              # per paragraph
    mentions: int = 2               # entity mentions per paragraph
    aliases: int = 1                # aliases per note
    hub: bool = False               # one note named in every article (a country, say)
    name_words: int = 0             # words per name (0: 2 for people, 1 for the rest)


SHAPES = {s.name: s for s in [
    Shape("reference", "4 kinds, fact + relation + quote, 6 paragraphs, 2 mentions/paragraph, 1 alias"),
    Shape("issue-16", "1 kind, bare notes (name, 1 alias, summary), short articles outside articles/, "
          "6 mentions/article", kinds=("entreprises",), rich=False, articles_dir="presse",
          paragraphs=3, sentences=2, mentions=2),
    Shape("bare", "4 kinds, bare notes", rich=False),
    Shape("one-kind", "1 kind, rich notes", kinds=("personnes",)),
    Shape("outside", "articles in docs/presse/", articles_dir="presse"),
    Shape("short", "1 paragraph of 2 sentences per article", paragraphs=1, sentences=2, mentions=2),
    Shape("long", "30 paragraphs per article", paragraphs=30),
    Shape("dense", "8 mentions per paragraph", mentions=8),
    Shape("sparse", "1 mention per article", mentions=0),
    Shape("aliases", "12 aliases per note", aliases=12),
    Shape("hub", "one note named in every article", hub=True),
    Shape("long-names", "names of 3 or 4 words (people 4)", name_words=3),
]}
REFERENCE = SHAPES["reference"]


def compile_bytecode() -> None:
    """Write the bytecode of Carnet's modules, as pip does for the packages it installs
    (MkDocs, Material): a build then reads it instead of compiling every module again,
    also where PYTHONDONTWRITEBYTECODE is set (as on this project's machines)."""
    import compileall
    import carnet
    compileall.compile_dir(str(Path(carnet.__file__).parent), quiet=1)


def unique_name(rng: random.Random, used: set[str], parts: int) -> str:
    while True:
        name = " ".join("".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() for _ in range(parts))
        if name not in used:
            used.add(name)
            return name


def _slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFD", name).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_).split())


def make_notes(m: int, n_articles: int, rng: random.Random, shape: Shape = REFERENCE) -> list[dict]:
    used: set[str] = set()
    notes = []
    for i in range(m):
        kind = shape.kinds[i % len(shape.kinds)]
        words = shape.name_words + (kind == "personnes") if shape.name_words else 2 if kind == "personnes" else 1
        name = unique_name(rng, used, words)
        # Aliases: a person's surname, then made-up forms ("Kobaté SA", "groupe Kobaté 2"…).
        aliases = [name.split()[-1]] if kind == "personnes" and name.split()[-1] not in used else []
        while len(aliases) < shape.aliases:
            aliases.append(unique_name(rng, used, 1))
        aliases = aliases[:shape.aliases]
        used.update(aliases)
        notes.append({"kind": kind, "slug": f"{_slug(name)}-{i}", "name": name, "aliases": aliases})
    for note in notes:
        other = rng.choice(notes)
        note["article"] = rng.randrange(n_articles)
        data = {"name": note["name"], "aliases": note["aliases"],
                "summary": f"Nom cité par les articles du corpus, en lien avec {other['name']}."}
        if shape.rich:
            data["facts"] = {"Rôle": {"value": "cité dans un article", "cite": None}}
            data["relations"] = ([{"type": "talks_with", "target": f"{other['kind']}/{other['slug']}",
                                   "cite": None}] if other is not note else [])
        note["data"] = data
    return notes


def _quote(paragraphs: list[str], p: int, rng: random.Random, words: int = 7) -> str:
    """Seven words of paragraph ``p`` that no other paragraph of the article holds."""
    p = min(p, len(paragraphs) - 1)
    while True:
        tokens = paragraphs[p].split()
        start = rng.randrange(len(tokens) - words)
        quote = " ".join(tokens[start:start + words])
        if sum(quote in other for other in paragraphs) == 1:
            return quote


def add_citations(notes: list[dict], articles: list[list[str]], rng: random.Random, shape: Shape = REFERENCE) -> None:
    """Cite each note's article as real notes do: the words behind a fact, a relation and
    a « quote » in the summary, each checked against the article by the build."""
    if not shape.rich:
        return
    for note in notes:
        i = note["article"]
        slug, paragraphs = f"article-{i:04d}", articles[i]
        note["data"]["facts"]["Rôle"]["cite"] = {"article": slug, "quote": _quote(paragraphs, 0, rng)}
        for relation in note["data"]["relations"]:
            relation["cite"] = {"article": slug, "quote": _quote(paragraphs, 1, rng)}
        note["data"]["summary"] = note["data"]["summary"][:-1] + f" ; selon l’article, « {_quote(paragraphs, 2, rng)} »."


def make_article(i: int, notes: list[dict], rng: random.Random, shape: Shape = REFERENCE) -> list[str]:
    # At least one mention per article (the first paragraph names its subject), then
    # ``shape.mentions`` per paragraph, drawn from a cast of the article's own.
    cast = rng.sample(notes, k=min(max(2, shape.mentions * 2), len(notes)))
    paragraphs = []
    for p in range(shape.paragraphs):
        sentences = [[rng.choice(WORDS) for _ in range(15)] for _ in range(shape.sentences)]
        named = [cast[0]] if p == 0 and shape.mentions == 0 else [rng.choice(cast) for _ in range(shape.mentions)]
        if shape.hub and p == 0:
            named.append(notes[0])
        for note in named:
            form = rng.choice([note["name"], *note["aliases"]])
            words = rng.choice(sentences)
            words.insert(rng.randrange(1, len(words)), ("l’" if note["kind"] == "lieux" else "") + form)
        # Only the first letter up: str.capitalize() would lower the names inside.
        paragraphs.append(" ".join((" ".join(w) + ".")[0].upper() + (" ".join(w) + ".")[1:] for w in sentences))
    return paragraphs


def article_markdown(i: int, paragraphs: list[str]) -> str:
    third = max(1, len(paragraphs) // 3)
    parts = [paragraphs[:third], paragraphs[third:2 * third], paragraphs[2 * third:]]
    body = "\n\n".join(paragraphs[:third])
    for heading, part in zip(("Suite", "Fin"), parts[1:]):
        if part:
            body += f"\n\n## {heading}\n\n" + "\n\n".join(part)
    return f"---\ntitle: Article numéro {i}\n---\n\n# Article numéro {i}\n\n{body}\n"


def _config(variant: str, shape: Shape) -> dict:
    if variant == "shipped":
        return {"site_name": "Corpus", "site_url": "https://bench.example.org/",
                "theme": {"name": "material"}, "plugins": ["search"], "nav": [{"Accueil": "index.md"}],
                "validation": {"links": {"not_found": "info", "anchors": "info", "unrecognized_links": "info"}}}
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)
    config["site_url"] = "https://bench.example.org/"
    config.pop("watch", None)
    config["validation"] = {"links": {"not_found": "info", "anchors": "info", "unrecognized_links": "info"}}
    config["not_in_nav"] = (f"/{shape.articles_dir}/*.md\n/fiches/**\n/index-a-z.md\n/graphe.md\n"
                            + "\n".join(f"/{k}/*.md" for k in KINDS) + "\n")
    if variant == "plain":
        config["theme"].pop("custom_dir", None)
        config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "carnet" in p)]
        config["nav"] = [{"Accueil": "index.md"}]
    else:
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "carnet" in plugin:
                plugin["carnet"]["articles_dir"] = shape.articles_dir
        config["nav"] = ([{"Accueil": "index.md"}, {"Articles": f"{shape.articles_dir}/index.md"}]
                         + [{k.capitalize(): f"{k}/index.md"} for k in KINDS])
    return config


def _plain_note(note: dict) -> str:
    data = note["data"]
    text = f"# {note['name']}\n\n{data['summary']}\n"
    if note["aliases"]:
        text += "\nAussi : " + ", ".join(note["aliases"]) + ".\n"
    if "facts" in data:
        text += "\n- Rôle : cité dans un article\n"
    return text


def write_corpus(out: Path, n_articles: int, m_notes: int, seed: int = 1, shape: Shape = REFERENCE,
                 variants: tuple[str, ...] = ("carnet", "plain")) -> tuple[Path, ...]:
    """Write the corpus's projects under ``out`` (one per variant); return their folders."""
    rng = random.Random(seed)
    notes = make_notes(m_notes, n_articles, rng, shape)
    paragraphs = [make_article(i, notes, rng, shape) for i in range(n_articles)]
    add_citations(notes, paragraphs, rng, shape)
    articles = [article_markdown(i, p) for i, p in enumerate(paragraphs)]
    if out.exists():
        shutil.rmtree(out)
    projects = []
    for variant in variants:
        project = out / variant
        docs = project / "docs"
        (docs / shape.articles_dir).mkdir(parents=True)
        (docs / "index.md").write_text("# Corpus de test\n\nUn corpus synthétique.\n", encoding="utf-8")
        for i, text in enumerate(articles):
            (docs / shape.articles_dir / f"article-{i:04d}.md").write_text(text, encoding="utf-8")
        if variant == "carnet":
            shutil.copytree(ROOT / "overrides", project / "overrides")
            for note in notes:
                path = project / "notes" / note["kind"] / f"{note['slug']}.yml"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(yaml.safe_dump(note["data"], allow_unicode=True), encoding="utf-8")
        else:
            # Same page count as Carnet's: a page per note, per kind, the A–Z index, the
            # graph and the articles index.
            for note in notes:
                path = docs / "fiches" / note["kind"] / f"{note['slug']}.md"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(_plain_note(note), encoding="utf-8")
            for kind in KINDS:
                listing = "\n".join(f"- {n['name']}" for n in notes if n["kind"] == kind)
                (docs / "fiches" / kind).mkdir(parents=True, exist_ok=True)
                (docs / "fiches" / kind / "index.md").write_text(f"# {kind}\n\n{listing}\n", encoding="utf-8")
            listing = "\n".join(f"- {n['name']}" for n in sorted(notes, key=lambda n: n["name"]))
            (docs / "fiches" / "a-z.md").write_text(f"# Index A–Z\n\n{listing}\n", encoding="utf-8")
            (docs / "fiches" / "graphe.md").write_text("# Graphe\n\nLes fiches et leurs relations.\n", encoding="utf-8")
            listing = "\n".join(f"- Article numéro {i}" for i in range(n_articles))
            (docs / shape.articles_dir / "index.md").write_text(f"# Articles\n\n{listing}\n", encoding="utf-8")
        (project / "mkdocs.yml").write_text(yaml.safe_dump(_config(variant, shape), allow_unicode=True),
                                            encoding="utf-8")
        projects.append(project)
    return tuple(projects)
