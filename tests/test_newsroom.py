"""A news site: article metadata as data, an articles index, the home page, feeds, entity pages
across articles.  The extra articles are made up and live only in this test's copy of the project:
the site publishes no article it did not receive."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from email.utils import format_datetime
from urllib.parse import urljoin

import pytest

from carnet.pages.article_html import MONTHS
from conftest import BUILD_DAY, copy_project, mkdocs_build, soup

SITE_URL = "https://carnet-minier.example.org/"
DATED = '''---
title: "Essai daté : VESNA ouvre un bureau"
title_by: source
outlet: Le Journal d’essai
author: Camille Essai
date: 2026-09-15
added: 2026-11-20
url: https://journal.example.org/vesna-bureau
---

# Essai daté : VESNA ouvre un bureau

Un article d’essai nomme VESNA une fois. Il ne dit rien d’autre.
'''
WEEKDAY = '''---
title: "Essai du lundi sur le phosphate"
title_by: carnet
date_as_written: Lundi
added: 2026-11-01
---

# Essai du lundi sur le phosphate

Ce texte d’essai parle du phosphate et de VESNA, sans plus.
'''
BARE = '''# Essai sans métadonnées

Un texte d’essai sans front matter, qui nomme le Maghreb.
'''


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("newsroom") / "project")
    for name, text in (("essai-date", DATED), ("essai-lundi", WEEKDAY), ("essai-nu", BARE)):
        (project / "docs" / "articles" / f"{name}.md").write_text(text, encoding="utf-8")
    site = project.parent / "site"
    result = mkdocs_build(project, site, env={"CARNET_SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return project, site


# essai-nu has no date: the build that publishes it records today as the day it came to the site.
ORDER = ["articles/essai-nu/", "articles/sonarem-vesna/", "articles/essai-lundi/", "articles/essai-date/"]


def test_the_index_lists_every_article_newest_first_with_what_is_known(newsroom):
    _, site = newsroom
    page = soup(site, "articles")
    items = page.select("li.carnet-article")
    hrefs = [urljoin(SITE_URL + "articles/", i.select_one(".carnet-article-title a")["href"]) for i in items]
    assert hrefs == [SITE_URL + u for u in ORDER]
    lines = [i.select_one(".carnet-article-dateline").get_text() for i in items]
    lines = dict(zip(ORDER, lines))
    assert lines[ORDER[2]] == ("Titre de la rédaction · média et auteur inconnus · seule date\u00a0: "
                               "«\u202fLundi\u202f» · ajouté au Carnet le 1er\u00a0novembre 2026")
    assert lines[ORDER[3]] == ("Le Journal d’essai · par Camille Essai · publié le 15\u00a0septembre 2026 · "
                        "ajouté au Carnet le 20\u00a0novembre 2026")
    today = BUILD_DAY
    assert lines[ORDER[0]] == ("Média, auteur et date inconnus · ajouté au Carnet le "
                               + ("1er" if today.day == 1 else str(today.day)) + f"\u00a0{MONTHS[today.month - 1]} {today.year}")
    assert lines[ORDER[1]].endswith("ajouté au Carnet le 29\u00a0novembre 2026")
    assert items[3].select_one(".carnet-verbatim").get_text() == "Un article d’essai nomme VESNA une fois."
    assert "Entreprises\u00a0: VESNA" in items[3].get_text() and "Ressources minérales\u00a0: phosphate" in items[2].get_text()
    nav = [a.get_text(strip=True) for a in page.select("nav.md-nav--primary > ul > li > a, "
                                                       "nav.md-nav--primary > ul > li > label")]
    assert "Articles" in nav


def test_each_article_says_what_its_source_does_not(newsroom):
    _, site = newsroom
    bare = soup(site, "articles/essai-nu").select_one(".carnet-source-box").get_text()
    assert bare.startswith("À propos de ce texteTitre") and "Ce texte et ce que" not in bare and "Média d’origine\u00a0: inconnu" in bare
    assert "Auteur\u00a0: inconnu" in bare and "Date\u00a0: inconnue." in bare
    dated = soup(site, "articles/essai-date").select_one(".carnet-source-box").get_text()
    assert dated.startswith("À propos de ce texteTitre") and "Camille Essai" in dated and "15\u00a0septembre 2026" in dated


def test_the_home_page_shows_the_latest_articles_and_leads_to_the_index(newsroom):
    _, site = newsroom
    home = soup(site, "")
    titles = [a.get_text() for a in home.select(".carnet-articles .carnet-article-title a")]
    assert titles[0] == "Essai sans métadonnées" and len(titles) == 4   # published today, by this build
    assert home.select_one('a[href="articles/"]') is not None


def test_the_feeds_list_every_article_with_absolute_links_and_honest_dates(newsroom):
    _, site = newsroom
    channel = ET.fromstring((site / "feed.xml").read_text(encoding="utf-8")).find("channel")
    items = channel.findall("item")
    assert [i.findtext("link") for i in items] == [SITE_URL + u for u in ORDER]
    dates = [i.findtext("pubDate") for i in items]
    assert dates[0] == format_datetime(dt.datetime.combine(BUILD_DAY, dt.time(), dt.timezone.utc))   # the day this build published it
    assert dates[1] == "Sun, 29 Nov 2026 00:00:00 +0000"   # the day the record holds for it
    assert dates[2] == "Sun, 01 Nov 2026 00:00:00 +0000"   # date added: the item says so
    for item in items[:3]:
        assert "Faute de date de la source" in item.findtext("description")
    assert dates[3] == "Tue, 15 Sep 2026 00:00:00 +0000"   # the source's own date
    assert "Faute de date de la source" not in items[3].findtext("description")
    # The article's words in « », said to be its own; never given as the Carnet's.
    assert items[3].findtext("description").startswith(
        "Première phrase, telle que reçue\u00a0: «\u202fUn article d’essai nomme VESNA une fois.\u202f» — ")
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert [i["url"] for i in feed["items"]] == [SITE_URL + u for u in ORDER]
    assert feed["items"][2]["_carnet"] == {"date_of_source": None, "date_as_written": "Lundi",
                                           "added": "2026-11-01", "outlet": None}
    assert feed["items"][1]["date_published"] == "2026-11-29T00:00:00Z"
    head = soup(site, "personnes/stanislav-khomenko").select('link[rel~="alternate"][type]')
    assert {l["href"] for l in head} == {SITE_URL + "feed.xml", SITE_URL + "feed.json"}


def test_entity_pages_group_their_quotes_by_article_newest_first(newsroom):
    _, site = newsroom
    groups = soup(site, "entreprises/vesna").select("#dans-larticle ~ p.carnet-source")
    titles = [g.a.get_text() for g in groups]
    assert titles == ["Sonarem a accueilli VESNA, présentée comme filiale de Gazprom",
                      "Essai du lundi sur le phosphate", "Essai daté\u00a0: VESNA ouvre un bureau"]
    # Each group's source as far as it is known: a line of its own under its quotes.
    lines = [g.find_next_sibling("p", class_="carnet-article-dateline").get_text() for g in groups]
    assert "publié le 15\u00a0septembre 2026" in lines[2] and all(l[0].isupper() and l.endswith(".") for l in lines)


def test_news_article_json_ld_claims_only_what_is_known(newsroom):
    _, site = newsroom
    def ld(path):
        return json.loads(soup(site, path).select_one('script[type="application/ld+json"]').string)
    dated = ld("articles/essai-date")
    assert dated["datePublished"] == "2026-09-15" and dated["author"]["name"] == "Camille Essai"
    assert dated["publisher"]["name"] == "Le Journal d’essai"
    for path in ("articles/essai-lundi", "articles/essai-nu", "articles/sonarem-vesna"):
        assert not {"datePublished", "author", "publisher"} & set(ld(path))


@pytest.mark.parametrize("front, expected", [
    ("title: X\nauthour: Y\n", "docs/articles/essai.md:3:1: error: unknown field 'authour' in the article's front matter."),
    ("title: X\ndate: 2026-02-30\n", "docs/articles/essai.md:3:7: error: '2026-02-30' is not a date that exists."),
    ("title: X\ndate: Lundi\n", "docs/articles/essai.md:3:1: error: 'date' must be a full date written YYYY-MM-DD"),
    ("title: X\noutlet: 12\n", "docs/articles/essai.md:3:1: error: 'outlet' must be text"),
    ("title: X\ntitle_by: nous\n", "docs/articles/essai.md:3:1: error: 'title_by' is 'nous'."),
])
def test_bad_front_matter_stops_the_build_clearly_and_keeps_the_site(tmp_path, front, expected):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    index = (site / "index.html").read_bytes()
    (project / "docs" / "articles" / "essai.md").write_text(f"---\n{front}---\n\n# X\n\nTexte.\n", encoding="utf-8")
    result = mkdocs_build(project, site, expect_failure=True)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert expected in result.stderr, result.stderr
    assert (site / "index.html").read_bytes() == index


def test_carnet_check_validates_article_front_matter(tmp_path, capsys):
    from carnet.commands.cli import main
    project = copy_project(tmp_path / "project")
    (project / "docs" / "articles" / "essai.md").write_text("---\ndate: demain\n---\n\nTexte.\n", encoding="utf-8")
    assert main(["check", "--project", str(project)]) == 1
    assert "docs/articles/essai.md:2:1: error: 'date' must be a full date" in capsys.readouterr().out


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from carnet.load.article_meta import ArticleMeta, read_article  # noqa: E402

front_values = st.recursive(st.none() | st.booleans() | st.integers() | st.dates() | st.text(max_size=15),
                            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                         max_size=3), max_leaves=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=300),
                 st.dictionaries(st.sampled_from(["title", "title_by", "outlet", "author", "date", "date_as_written",
                                                  "url", "added", "changes", "autre"]), front_values, max_size=5)))
def test_any_front_matter_gives_metadata_or_clean_problems(value):
    import yaml
    raw = value if isinstance(value, bytes) else (
        "---\n" + yaml.safe_dump(value, allow_unicode=True) + "---\n\n# X\n\nTexte.\n").encode("utf-8")
    result = read_article(raw, "docs/articles/x.md")
    if isinstance(result, list):
        assert result and all(p.path == "docs/articles/x.md" and p.message for p in result)
    else:
        assert isinstance(result, ArticleMeta)


def test_the_days_recorded_are_listed_in_one_short_line_however_many_articles_came():
    import datetime as dt
    from carnet.engine.publish import SHOWN_DAYS, days_listed
    days = {f"articles/a-{n:04d}/": dt.date(2026, 12, 3) for n in range(1000)}
    line = days_listed(days)
    assert line.count("(2026-12-03)") == SHOWN_DAYS and line.endswith("and 990 more (see addresses.yml)")
    assert days_listed({"articles/x/": dt.date(2026, 1, 2)}) == "/articles/x/ (2026-01-02)"
