"""French typography for the text Carnet writes: no-break spaces, real plurals, lists.

Everything Carnet writes for readers goes through here: counts (``plural``), lists
("A, B et C": ``join``), paragraph references ("§ 1 et 2": ``paragraphs``) and spacing.

``NNBSP`` (narrow no-break space) goes before ; ! ? and inside « »; ``NBSP`` before a
colon.  ``french_spacing`` turns the spaces an editor typed there into those, one
character for one, so offsets into the text (mentions, quotes) stay valid; it leaves
the inside of « quotes » alone but for their edges, since those are the article's words.
"""

from __future__ import annotations

import re
from functools import lru_cache

NBSP, NNBSP = "\u00a0", "\u202f"

_QUOTE_RE = re.compile(r"«[^«»]*»")
_BEFORE_RE = re.compile(r"[ \u00a0\u202f](?=[;!?:])")


# The nouns Carnet counts that are feminine: "une fiche", "vingt et une phrases".
FEMININE = frozenset({"fiche", "phrase", "page", "relation", "entité", "mention", "ressource", "personne"})


def plural(count: int, singular: str, plural_form: str | None = None, start: bool = False) -> str:
    """A count in the house style: "deux fiches", "une phrase", "aucune relation", "11 fiches";
    in words below ten and, with ``start`` (it opens a sentence), always, capitalised:
    "Onze fiches".  French counts 0 and 1 in the singular."""
    word = singular if abs(count) < 2 else (plural_form or singular + "s")
    if 0 <= count < 10 or start:
        words = number_words(count, singular.split()[-1] in FEMININE)
        text = f"{words} {_after_noun_count(words, word)}"
        return (text[0].upper() + text[1:]) if start else text
    number = f"{count:,}".replace(",", NNBSP)  # 1 000: a narrow no-break space between thousands
    return f"{number}{NBSP}{word}"


def _after_noun_count(words: str, noun: str) -> str:
    """``noun`` as it follows the count ``words``: "million" and "milliard" are nouns, so a
    count ending on one takes "de" ("un million de fiches", "deux millions d’articles").
    Elided before a vowel only: before an h it depends on the word (d’habitants, de hauts
    fourneaux), and no noun Carnet counts starts with one."""
    if not words.endswith(("million", "millions", "milliard", "milliards")):
        return noun
    return ("d’" if noun[:1].lower() in "aàâäeéèêëiîïoôöuùûüyœæ" else "de ") + noun


_UNITS = ("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
          "dix-sept dix-huit dix-neuf").split()
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _below_100(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):   # soixante-dix…, quatre-vingt-dix…: counted from the ten below
        base, unit = ("soixante" if tens == 7 else "quatre-vingt"), unit + 10
        return base + (" et " if (tens, unit) == (7, 11) else "-") + _UNITS[unit]
    base = _TENS.get(tens, "quatre-vingt")
    if unit == 0:
        return "quatre-vingts" if tens == 8 else base
    return base + (" et " if unit == 1 and tens != 8 else "-") + _UNITS[unit]


def _below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = [] if hundreds == 0 else ["cent" if hundreds == 1 else f"{_UNITS[hundreds]} cent" + ("s" if not rest else "")]
    if rest or not words:
        words.append(_below_100(rest))
    return " ".join(words)


@lru_cache(maxsize=1024)
def number_words(count: int, feminine: bool = False) -> str:
    """ "un", "vingt et une", "deux cent cinquante": a count in words, in the traditional
    spelling (the one num2words writes, which the tests hold it to; num2words itself imports
    its fifty languages on start, a cost every build would pay).  Zero is "aucun" / "aucune",
    as a count reads."""
    if count == 0:
        return "aucune" if feminine else "aucun"
    parts, rest = [], count
    for value, one, many in ((10 ** 9, "un milliard", "milliards"), (10 ** 6, "un million", "millions")):
        big, rest = divmod(rest, value)
        if big:
            parts.append(one if big == 1 else f"{number_words(big)} {many}")
    thousands, rest = divmod(rest, 1000)
    if thousands:
        # "mille" does not vary; "vingts" and "cents" lose their s before it.
        words = _below_1000(thousands)
        parts.append("mille" if thousands == 1 else (words[:-1] if words.endswith(("vingts", "cents")) else words) + " mille")
    if rest:
        parts.append(_below_1000(rest))
    words = " ".join(parts)
    if feminine and (words == "un" or words.endswith((" un", "-un"))):
        words = words[:-2] + "une"
    return words


def _before_marks(text: str) -> str:
    """Outside quotes: before ; ! ? :, and inside a « or » whose pair is in another text
    (a quote that spans a link: « <a>VESNA</a> »)."""
    text = _BEFORE_RE.sub(lambda m: NBSP if text[m.end()] == ":" else NNBSP, text)
    if "«" in text or "»" in text:
        text = text.replace("« ", "«" + NNBSP).replace(" »", NNBSP + "»")
    return text


def _quote_edges(quote: str) -> str:
    """A « quote » with no-break spaces at its edges; its own words untouched."""
    inner = quote[1:-1]
    if inner.startswith(" "):
        inner = NNBSP + inner[1:]
    if inner.endswith(" "):
        inner = inner[:-1] + NNBSP
    return "«" + inner + "»"


def french_spacing(text: str) -> str:
    """The same text, its spaces before ; ! ? : and inside « » made no-break (same length)."""
    if not (";" in text or ":" in text or "!" in text or "?" in text or "«" in text or "»" in text):
        return text   # most titles and names: nothing to space
    return _spaced(text)


@lru_cache(maxsize=8192)   # a note's summary and facts are spaced on every page showing them
def _spaced(text: str) -> str:
    out, pos = [], 0
    for m in _QUOTE_RE.finditer(text):
        out += [_before_marks(text[pos:m.start()]), _quote_edges(m.group())]
        pos = m.end()
    out.append(_before_marks(text[pos:]))
    return "".join(out)


def join(items: list[str], last: str = "et") -> str:
    """ "A", "A et B", "A, B et C": a French list (items as given, HTML or text)."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def paragraphs(numbers) -> str:
    """ "§ 2", "§ 1 et 2", "§ 1, 2 et 4": paragraph numbers as a French reference."""
    return f"§{NBSP}" + join([str(n) for n in sorted(set(numbers))])
