"""Under `mkdocs serve`, a rebuild renders only the pages an edit touched (carnet.engine.rebuilds),
and the served site is then the same, file by file, as a full build's.

A real `mkdocs serve` of a synthetic corpus takes a series of random edits (seeded): a
summary, a relation, an alias added, a paragraph naming an entity, an article's title, a note
added then deleted.  After each, once the server says its search is up to date, every file
it serves is compared with those of a full build made as `mkdocs serve` makes its builds
(same address, same steps) in a fresh process.  The edits that touch few pages must have been
rebuilt in part (the server says how many pages it rendered), or the test would prove nothing.
"""

from __future__ import annotations

import os
import random
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from corpus import SHAPES, write_corpus  # noqa: E402

PARTIAL = re.compile(r"Carnet: an edit to .*?: (\d+) of (\d+) pages rendered again")
# MkDocs drops a build's "Documentation built in 0.19 seconds" when an earlier build took as
# long (a duplicate filter on its logger): builds are counted by the reloads that follow them.
BUILT, CHANGED, SEARCH = "Reloading browsers", "Detected file changes", "Carnet: search is up to date."
FULL_BUILD = """
import os, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.site_url = sys.argv[3]
config.plugins.on_startup(command="serve", dirty=False)
build(config, serve_url=sys.argv[3])
config.plugins.on_shutdown()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """`mkdocs serve` of a project, its log and the folder it serves."""

    def __init__(self, project: Path, tmp: Path):
        self.project, self.port = project, free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        (tmp / "serve-tmp").mkdir()
        self.log_path = tmp / "serve.log"
        self.log_file = open(self.log_path, "w")
        env = {**os.environ, "TMPDIR": str(tmp / "serve-tmp"), "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                                         "-a", f"127.0.0.1:{self.port}"],
                                        stdout=self.log_file, stderr=subprocess.STDOUT, env=env)
        self.wait(0, 1)
        (self.site,) = [p for p in (tmp / "serve-tmp").iterdir() if p.name.startswith("mkdocs_")]

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait(self, builds: int, searches: int, seconds: float = 240) -> None:
        """Until the server has finished ``builds`` builds and written search ``searches`` times."""
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            log = self.log()
            if "ERROR" in log or "Traceback" in log:
                pytest.fail(f"mkdocs serve failed:\n{log[-4000:]}")
            if log.count(BUILT) >= builds and log.count(SEARCH) >= searches:
                time.sleep(0.3)
                return
            time.sleep(0.1)
        pytest.fail(f"mkdocs serve did not finish build {builds}:\n{self.log()[-4000:]}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log_file.close()


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def full_build(project: Path, site: Path, url: str) -> dict[str, bytes]:
    done = subprocess.run([sys.executable, "-c", FULL_BUILD, str(project / "mkdocs.yml"), str(site), url],
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    assert "WARNING" not in done.stderr and "ERROR" not in done.stderr, done.stderr[-3000:]
    return files(site)


# -- the edits: each returns whether it should touch few pages (a rebuild in part) -----------

def _notes(project: Path) -> list[Path]:
    return sorted((project / "notes").rglob("*.yml"))


def _articles(project: Path) -> list[Path]:
    return sorted(p for p in (project / "docs").rglob("*.md") if p.name != "index.md" and p.parent != project / "docs")


def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def summary(project: Path, rng: random.Random, i: int) -> bool:
    _edit_yaml(rng.choice(_notes(project)), lambda d: d.update(summary=d["summary"] + f" Phrase ajoutée {i}."))
    return True


def relation(project: Path, rng: random.Random, i: int) -> bool:
    """A relation to another note, backed by a quote the note already makes (so it holds)."""
    notes = _notes(project)
    path, other = rng.sample(notes, 2)
    target = other.relative_to(project / "notes").with_suffix("").as_posix()

    def add(data):
        cite = next((dict(r["cite"]) for r in data.get("relations", []) if r.get("cite")), None) or next(
            dict(f["cite"]) for f in data.get("facts", {}).values() if isinstance(f, dict) and f.get("cite"))
        data.setdefault("relations", []).append({"type": "talks_with", "target": target, "cite": cite})
    _edit_yaml(path, add)
    return True


def alias(project: Path, rng: random.Random, i: int) -> bool:
    _edit_yaml(rng.choice(_notes(project)), lambda d: d.update(aliases=[*d.get("aliases", []), f"Nomessai{i}"]))
    return False   # names decide the links of every page: a full build


def paragraph(project: Path, rng: random.Random, i: int) -> bool:
    """A paragraph that names an entity the article may not name yet."""
    name = yaml.safe_load(rng.choice(_notes(project)).read_text(encoding="utf-8"))["name"]
    article = rng.choice(_articles(project))
    article.write_text(article.read_text(encoding="utf-8").rstrip("\n")
                       + f"\n\nUn paragraphe d’essai numéro {i} parle de {name} ici.\n", encoding="utf-8")
    return True


def title(project: Path, rng: random.Random, i: int) -> bool:
    article = rng.choice(_articles(project))
    text = article.read_text(encoding="utf-8")
    article.write_text(re.sub(r"^# (.*)$", lambda m: f"# {m.group(1)} (essai {i})", text, count=1, flags=re.M),
                       encoding="utf-8")
    return False   # every article's end reads the articles' order and titles


def note_added_then_deleted(project: Path, rng: random.Random, i: int) -> bool:
    path = project / "notes" / "lieux" / f"lieu-essai-{i}.yml"
    if path.exists():
        path.unlink()
    else:
        path.write_text(f"name: Lieuessai {i}\nsummary: Un lieu d’essai, sans article.\n", encoding="utf-8")
    return False   # the set of notes: a full build


EDITS = [summary, relation, alias, paragraph, title, note_added_then_deleted, note_added_then_deleted]


@pytest.mark.parametrize("seed", [1, 2])
def test_after_random_edits_the_served_site_is_a_full_builds(tmp_path, seed):
    (project,) = write_corpus(tmp_path / "corpus", 24, 24, seed=seed, shape=SHAPES["reference"], variants=("carnet",))
    rng = random.Random(seed)
    edits = [summary, paragraph, relation] + rng.sample(EDITS, len(EDITS)) + [summary, paragraph]
    server = Served(project, tmp_path)
    partial = 0
    try:
        for i, edit in enumerate(edits):
            few = edit(project, rng, i)
            server.wait(i + 1, i + 2)
            rebuilt = PARTIAL.findall(server.log().split(CHANGED)[-1])   # the last build's own lines
            if few:
                assert rebuilt, f"{edit.__name__}: the server built everything again"
                done, total = map(int, rebuilt[-1])
                assert done < total
                partial += 1
            served = files(server.site)
            full = full_build(project, tmp_path / f"full-{i}", server.url)
            assert served.keys() == full.keys(), (edit.__name__, sorted(served.keys() ^ full.keys())[:10])
            differ = sorted(path for path in full if served[path] != full[path])
            assert differ == [], (edit.__name__, differ[:10])
    finally:
        server.stop()
    assert partial >= 5



def test_python_s_collector_is_on_again_once_a_rebuild_is_served(tmp_path):
    """Under serve the cyclic collector is off while a rebuild runs (carnet.engine.rebuilds);
    left off, a long session's memory would only grow."""
    import gc

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from conftest import copy_project

    project, url = copy_project(tmp_path / "project"), "http://127.0.0.1:8000/"

    def config():   # as `mkdocs serve` loads it again for each build
        loaded = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        loaded.site_url = url
        return loaded

    first = config()
    first.plugins.on_startup(command="serve", dirty=False)
    carnet = first.plugins.get("carnet")
    try:
        build(first, serve_url=url)
        # What a build sets aside from the collector (carnet.engine.collector) is handed
        # back once it is served: the server goes on, and the next build drops it.
        assert gc.get_freeze_count() == 0
        note = project / "notes" / "lieux" / "maghreb.yml"
        note.write_text(note.read_text(encoding="utf-8").replace("summary: ", "summary: Modifié. ", 1), encoding="utf-8")
        build(config(), serve_url=url)
        assert carnet.rebuilds.only is not None, "a full build: the test would prove nothing"
        assert gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        first.plugins.on_shutdown()
    assert gc.isenabled()


def test_a_build_sets_aside_what_lives_to_its_end_and_the_next_build_hands_it_back(tmp_path, monkeypatch):
    """A build sets what lives to its end aside from the collector (carnet.engine.collector:
    gc.freeze) and leaves it so: a `mkdocs build` process ends there.  The next build in the
    same process hands it back as it starts (before it loads the project), so that programs
    and tests that build again and again let the collector free what the last build dropped;
    it runs with fewer young collections, and the process's thresholds come back after."""
    import gc

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from conftest import copy_project
    import carnet.engine.plugin as plugin
    from carnet.engine import collector

    project = copy_project(tmp_path / "project")
    frozen_at_load, thresholds_at_load = [], []
    load = plugin.load_for_build

    def watched_load(*args, **kwargs):   # the real load, and what the collector held as it began
        frozen_at_load.append(gc.get_freeze_count())
        thresholds_at_load.append(gc.get_threshold())
        return load(*args, **kwargs)
    monkeypatch.setattr(plugin, "load_for_build", watched_load)

    def started(i: int):   # as `mkdocs build` runs it (the second, --dirty: it stops before writing)
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / f"site-{i}"))
        config.plugins.on_startup(command="build", dirty=i > 0)
        return config

    gc.unfreeze()
    own = gc.get_threshold()
    try:
        config = started(0)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        kept = gc.get_freeze_count()
        config = started(1)
        try:
            config = config.plugins.on_config(config)
            config.plugins.on_pre_build(config=config)   # the next build starts
        finally:
            config.plugins.on_shutdown()
        collector.release()
        back = gc.get_threshold()
    finally:
        gc.unfreeze()
        gc.set_threshold(*own)
    assert kept > 10_000, f"the build set aside {kept} objects"
    assert frozen_at_load == [0, 0]   # the first build found nothing set aside; the second, nothing left
    assert thresholds_at_load == [(collector.YOUNG_THRESHOLD, *own[1:])] * 2
    assert back == own
