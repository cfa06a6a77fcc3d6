"""Note text placed in generated Markdown renders exactly as typed, wherever it stands."""

from __future__ import annotations

import html
import re

import markdown
from hypothesis import given, settings, strategies as st

from carnet.text.markdown_text import md_text

MD = markdown.Markdown(extensions=["attr_list", "def_list", "md_in_html", "toc", "tables", "admonition"])
SPECIALS = "\\`*_[](){}<>&#+-.!|:=~1 aé’'\"/"
texts = st.text(alphabet=st.sampled_from(list(SPECIALS)) | st.characters(codec="utf-8"), max_size=40)


def shown(markdown_text: str) -> str:
    out = MD.reset().convert(markdown_text)
    return html.unescape(re.sub(r"<[^>]+>", "", out)).strip()


@settings(max_examples=400, deadline=None)
@given(texts.map(lambda t: re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "", t))
       .filter(lambda t: t.strip()))
def test_escaped_text_renders_verbatim_in_every_position(value):
    expected = " ".join(value.split())
    assert shown(md_text(value)) == expected                       # a paragraph of its own
    assert shown("- " + md_text(value)) == expected                # a list item
    assert shown("# " + md_text(value)) == expected                # a heading
    assert shown(md_text(value) + "\n:   x") == expected + "\nx"    # a definition term
    assert shown("Terme\n:   " + md_text(value)) == "Terme\n" + expected


def test_html_is_never_markup():
    assert md_text("<script>alert(1)</script>") == "&lt;script>alert(1)&lt;/script>"
    assert "<script>" not in MD.reset().convert(md_text("<script>alert(1)</script>"))


def test_control_characters_cannot_forge_placeholders():
    assert md_text("a\x02wzxhzdk:0\x03b") == "awzxhzdk:0b"
