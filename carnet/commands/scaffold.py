"""`carnet new`: a note started from the articles, for the editor to keep what is true.

The scaffold names the entity and lists, as comments, each sentence of the articles that
names it, ready to become a cited fact.  Its summary is left empty on purpose: the build
refuses the note until the editor writes one, so nothing unwritten is ever published.
"""

from __future__ import annotations

import re

from ..citations.passages import Passage
from ..load.schema import SCHEMA_LINE
from ..text.fold import fold
from ..text.sentences import sentence_spans


def slug_of(name: str) -> str:
    """Lower-case ASCII with hyphens: 'Belkacem Soltani' -> 'belkacem-soltani'."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(name)))


def sentences_naming(name: str, passages: list[Passage]) -> list[tuple[Passage, str]]:
    """Each sentence of the articles that names ``name`` as a whole word (case as written)."""
    word = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    found = []
    for passage in passages:
        for start, end in sentence_spans(passage.text):
            sentence = passage.text[start:end]
            if word.search(sentence):
                found.append((passage, sentence))
    return found


def _yaml_string(text: str) -> str:
    return '"' + " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


def scaffold(name: str, sentences: list[tuple[Passage, str]]) -> str:
    lines = [SCHEMA_LINE,
             f"name: {_yaml_string(name)}",
             "# Write one sentence in French, then delete this line: the build refuses the note until then.",
             "summary:"]
    if sentences:
        lines += ["# What the articles say of it: keep what supports a fact (write the fact as its value),",
                  "# delete the rest, and remove the '# ' before the lines you keep.",
                  "# facts:"]
        for i, (passage, sentence) in enumerate(sentences, 1):
            lines += [f"#   Fait {i}:",
                      "#     value: ",
                      "#     cite:",
                      f"#       article: {passage.article}",
                      f"#       quote: {_yaml_string(sentence)}   # § {passage.number}"]
    else:
        lines.append("# No article names it as written: cite the article's words, or name a source.")
    return "\n".join(lines) + "\n"
