"""The commands that publish the site record the day each article they publish first came to it
(``addresses.yml``'s ``added``): ``build`` and ``gh-deploy``, tried here against a remote that is
a folder; a preview or a draft (``--dirty``) records nothing.  The day a build publishes on."""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
import sys

import pytest

from carnet.addresses.record import RECORD_FILE, load_record
from carnet.engine.publish import build_day, publishes, staged
from carnet.pages.article_html import french_date
from conftest import BUILD_DAY, copy_project

NEW = "---\ntitle: Essai de publication\n---\n\n# Essai de publication\n\nUn texte d’essai qui nomme VESNA.\n"
PAGE = "articles/essai-publication/"


def project_with_a_new_article(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "articles" / "essai-publication.md").write_text(NEW, encoding="utf-8")
    return project


def days_recorded(project) -> dict[str, str]:
    record, problems = load_record(project / RECORD_FILE, RECORD_FILE)
    assert problems == []
    return record.added


def mkdocs(project, *args: str, warnings: bool = False) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "mkdocs", *args, "-f", str(project / "mkdocs.yml")],
                            cwd=project, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0 and (warnings or "WARNING" not in result.stderr), result.stderr[-5000:]
    return result


def test_the_commands_that_publish_are_the_ones_that_record_and_a_clean_build_alone_is_staged():
    assert [publishes(command, False) for command in ("build", "gh-deploy", "serve", None)] == [True, True, False, False]
    assert not publishes("build", dirty=True) and publishes("gh-deploy", dirty=True)
    # gh-deploy pushes site_dir once the plugin's last event is over: it must still be there.
    assert staged("build", dirty=False) and not staged("build", dirty=True) and not staged("gh-deploy", dirty=False)


def test_gh_deploy_publishes_and_records_the_day_an_article_came(tmp_path):
    project = project_with_a_new_article(tmp_path)
    remote = tmp_path / "remote.git"
    git = lambda *args, cwd=project: subprocess.run(["git", *args], cwd=cwd, check=True,  # noqa: E731
                                                    capture_output=True, text=True).stdout
    git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    git("init", "-q")
    git("config", "user.name", "Essai")
    git("config", "user.email", "essai@example.org")
    git("remote", "add", "origin", str(remote))
    assert PAGE not in days_recorded(project)
    mkdocs(project, "gh-deploy", "--strict", "--remote-name", "origin", "--ignore-version")
    assert days_recorded(project)[PAGE] == BUILD_DAY.isoformat()
    assert days_recorded(project)["articles/sonarem-vesna/"] == "2026-11-29"   # recorded days stay
    pushed = git("--git-dir", str(remote), "show", f"gh-pages:{PAGE}index.html")
    assert f"Ajouté au Carnet</strong>\u00a0: le {french_date(BUILD_DAY)}." in pushed
    assert "pas encore publié" not in git("--git-dir", str(remote), "show", "gh-pages:articles/index.html")


def test_a_dirty_build_is_a_draft_it_records_nothing_and_the_next_build_does(tmp_path):
    project = project_with_a_new_article(tmp_path)
    # MkDocs warns that --dirty is for drafting (and --strict, as `make build` runs, refuses it).
    mkdocs(project, "build", "--dirty", "-d", str(tmp_path / "site"), warnings=True)
    assert PAGE not in days_recorded(project)
    page = (tmp_path / "site" / PAGE / "index.html").read_text(encoding="utf-8")
    assert "Ajouté au Carnet" not in page
    mkdocs(project, "build", "--strict", "-d", str(tmp_path / "site"))
    assert days_recorded(project)[PAGE] == BUILD_DAY.isoformat()


@pytest.mark.parametrize("epoch", ["99999999999999999999", "253402300800"])   # too far for time_t; year 10000
def test_an_absurd_source_date_epoch_falls_back_to_today_and_says_so(monkeypatch, caplog, epoch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.carnet"):
        day = build_day()
    assert day in {dt.datetime.now(dt.timezone.utc).date() - dt.timedelta(days=d) for d in (0, 1)}
    assert [r.levelname for r in caplog.records] == ["WARNING"] and "SOURCE_DATE_EPOCH" in caplog.text


def test_source_date_epoch_names_the_day_a_build_publishes_on(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(86_400 * 365))
    assert build_day() == dt.date(1971, 1, 1)


def test_a_build_through_mkdocs_api_writes_its_site_where_it_is_told(tmp_path):
    """MkDocs' API (``build(load_config(...))``, as the benchmarks and tests call it) sends no
    startup event: such a build is neither staged nor publishing, and its site is in
    ``site_dir`` once it returns, with no staging folder left beside it.  (A mixin's default
    for the command once shadowed publish's and staged these builds.)"""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project, site = copy_project(tmp_path / "project"), tmp_path / "site"
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    assert (site / "index.html").is_file()
    assert not (tmp_path / "site.carnet-staging").exists()
