"""Under a real `mkdocs serve`: a broken note shows its problems in the browser at once, and
fixing it brings the site back.  `mkdocs build` still stops (tests/test_validation.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import copy_project
from search_worker import hook, type_and_wait


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[float, str]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body = response.read().decode("utf-8")
    except urllib.error.HTTPError as error:  # the 404 page is a page too
        body = error.read().decode("utf-8")
    return time.monotonic() - started, body


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            _, body = get(url)
            if text in body:
                return body
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {text!r}")


def wait_for_name(base: str, word: str, seconds: float = 60) -> None:
    """Wait until the names' bucket of ``word``'s first letters holds it (the count of buckets,
    which says which file that is, is read again each time: a rebuild may change it)."""
    import json
    from carnet.search.names import PREFIX, bucket, key
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            count = json.loads(get(base + "search/names/buckets.json")[1])["buckets"]
            if word in get(f"{base}search/names/{bucket(key(word, PREFIX), count)}.json")[1]:
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError, KeyError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"no names' bucket of {base} ever held {word!r}")


@pytest.fixture
def served_project(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        yield project, f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_broken_note_shows_in_the_browser_and_fixing_it_brings_the_site_back(served_project):
    project, base = served_project
    wait_for(base + "entreprises/vesna/", "présente comme russe")
    note = project / "notes" / "entreprises" / "vesna.yml"
    good = note.read_text(encoding="utf-8")
    note.write_text(good.replace("summary:", "sumary:", 1), encoding="utf-8")
    wait_for(base, "Le site ne peut pas être publié")
    for path in ("", "articles/sonarem-vesna/", "lieux/russie/", "entreprises/vesna/"):
        seconds, body = get(base + path)
        assert seconds < 1, (path, seconds)   # an answer at once, not a page that hangs
        assert "notes/entreprises/vesna.yml:3:1" in body and "unknown field &#x27;sumary&#x27;" in body
        assert 'lang="fr"' in body and "md-header" in body and 'role="alert"' in body  # the site's frame
        assert "livereload" in body                                                  # it will reload
    note.write_text(good, encoding="utf-8")
    body = wait_for(base + "entreprises/vesna/", "présente comme russe")
    assert "Le site ne peut pas être publié" not in body


def test_one_mistake_shows_as_one_problem_in_the_browser(served_project):
    """#32: under `mkdocs serve`, one mistake in any field of a note or of an article's front
    matter shows in the browser as exactly one problem, naming that file; fixing it brings
    the page back."""
    from bs4 import BeautifulSoup
    from test_one_mistake import ARTICLE, MISTAKES, NOTE
    project, base = served_project
    wait_for(base + "entreprises/vesna/", "présente comme russe")
    files = {path: (project / path).read_text(encoding="utf-8") for path in (NOTE, ARTICLE)}
    for path, spoil, field in MISTAKES:
        spoil(project, field)
        try:
            body = wait_for(base + "lieux/russie/", "Le site ne peut pas être publié")
        except AssertionError as error:
            raise AssertionError(f"{path}, {field}: {error}") from None
        problems = BeautifulSoup(body, "html.parser").select("ol.carnet-problems > li")
        assert [p.code.get_text().split(":")[0] for p in problems] == [path], (field, [p.get_text() for p in problems])
        assert "Un problème à corriger" in body, field
        (project / path).write_text(files[path], encoding="utf-8")
        assert "Le site ne peut pas être publié" not in wait_for(base + "lieux/russie/", "Moscou")


@pytest.mark.browser
def test_search_works_under_serve_and_follows_an_edit(served_project, browser):
    """Search under `mkdocs serve`: Pagefind's index is written on every rebuild, so a name
    an editor adds is found once the page reloads."""
    project, base = served_project
    wait_for(base + "entreprises/vesna/", "présente comme russe")
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    hook(page)

    def first_result(query: str) -> str:
        page.goto(base)   # not "networkidle": the server's live reload keeps a request open
        page.locator("input.md-search__input").click()
        type_and_wait(page, query)
        links = page.eval_on_selector_all(".md-search-result__list > li > a", "els => els.map(a => new URL(a.href).pathname)")
        return links[0] if links else ""

    try:
        assert first_result("Gazprm") == "/entreprises/gazprom/"
        note = project / "notes" / "entreprises" / "vesna.yml"
        note.write_text(note.read_text(encoding="utf-8").replace("name: VESNA\n", "name: VESNA\naliases:\n  - Vesnakor\n", 1),
                        encoding="utf-8")
        wait_for_name(base, "vesnakor")   # rebuilt
        time.sleep(1)   # the live reload of open pages has passed
        assert first_result("Vesnakor") == "/entreprises/vesna/"
    finally:
        context.close()
