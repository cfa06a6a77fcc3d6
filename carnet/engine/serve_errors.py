"""Under `mkdocs serve`, problems show in the browser instead of a site that hangs.

MkDocs' server holds every request while a rebuild fails.  So when serving, the plugin lets
the build finish and every page, the 404 page included, shows the problems in place of its
content, in the site's own frame; once the notes are fixed, the next build brings the site
back and the server's live reload refreshes the browser.  `mkdocs build` still stops.
"""

from __future__ import annotations

import re
from html import escape

from ..model.problems import Problem
from ..model.vocabulary import KINDS
from ..text.typography import NBSP, plural

_ARTICLE_RE = re.compile(r'(<article class="md-content__inner md-typeset">).*?(</article>)', re.S)
_TITLE_RE = re.compile(r"<title>.*?</title>", re.S)


def problem_page(problem_path: str, notes_dir: str) -> str | None:
    """The docs path of the page of the note a problem is about, if it is about a note."""
    parts = problem_path.split("/")
    if len(parts) == 3 and parts[0] == notes_dir and parts[1] in KINDS and parts[2].endswith((".yml", ".yaml")):
        return f"{parts[1]}/{parts[2].rsplit('.', 1)[0]}.md"
    return None


def problems_html(problems: list[Problem]) -> str:
    errors = [p for p in problems if p.severity == "error"] or problems
    items = "".join(
        f'<li><code>{escape(p.format().split(": ", 1)[0])}</code> — {escape(p.message)}'
        + (f"<br>Correction{NBSP}: {escape(p.hint)}" if p.hint else "") + "</li>"
        for p in errors)
    return (f'<h1 id="carnet-problemes">Le site ne peut pas être publié</h1>'
            f'<div class="admonition failure" role="alert"><p class="admonition-title">'
            f"{plural(len(errors), 'problème', start=True)} à corriger</p>"
            f"<p>Carnet a arrêté la construction du site. Corrigez ces fichiers et enregistrez-les{NBSP}: "
            f"cette page se rechargera d’elle-même.</p></div>"
            f'<ol class="carnet-problems">{items}</ol>')


def with_problems(page_html: str, problems: list[Problem]) -> str:
    """The page with the problems in place of its content, and a title that says so."""
    page_html = _TITLE_RE.sub("<title>Problèmes à corriger · Carnet minier</title>", page_html, count=1)
    return _ARTICLE_RE.sub(lambda m: m.group(1) + problems_html(problems) + m.group(2), page_html, count=1)
