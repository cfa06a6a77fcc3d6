"""What the build writes for search (carnet.search.bundle): Pagefind's index of every page,
what the worker shows of each, and the names' buckets, checked on the real site, over every
page, note, name and alias; and a build whose Pagefind fails stops, keeping the site."""

from __future__ import annotations

import json
import re
import string
import threading
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carnet.load.notes_dir import load_notes
from carnet.search.documents import search_pages, shown_text, tokens
from carnet.search.names import (DIRECTORY, FORGIVEN_FROM, PREFIX, WHOLE, bucket, filed, filed_keys, json_length, key,
                                  name_buckets, typo_keys, whole_key)
from carnet.search.fold import STOP, fold, words
from carnet.search import cbor
from carnet.search.bundle import SearchCancelled, search_bundle
from carnet.search.page_list import rounded_count, short_id
from conftest import ROOT, copy_project, mkdocs_build

ENGINE = ROOT / "overrides/assets/javascripts/workers/carnet-search-engine.js"


def index_entries(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def shown_pages(site: Path) -> dict[str, dict]:
    """search/pages/<id>.json, by the page's location."""
    out = {}
    for path in (site / "search" / "pages").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["id"] = path.stem
        out[data["l"]] = data
    return out


def test_every_page_search_indexes_has_its_entries_as_material_wrote_them(site):
    entries, shown = index_entries(site), shown_pages(site)
    pages = {e["location"].partition("#")[0] for e in entries}
    assert set(shown) == pages and len(pages) >= 20
    for entry in entries:
        page, _, anchor = entry["location"].partition("#")
        kept = {e[0]: e for e in shown[page]["e"]}
        assert kept[anchor][1] == entry["title"], entry["location"]
        assert kept[anchor][2] == shown_text(entry["text"]), entry["location"]
        assert re.fullmatch(r"(<(p|ul|ol|dl|table|pre|blockquote|div)\b.*?</\2>)*", kept[anchor][2], re.S), kept[anchor][2]
    for page, data in shown.items():
        starts = [e[3] for e in data["e"]]
        assert starts[0] == 0 and all(isinstance(s, int) for s in starts), page   # every section found
        assert starts == sorted(starts), page


def test_a_newer_edit_stops_the_index_being_written_before_its_next_step(site, tmp_path):
    """Under serve, the next build cancels the last one's index; it must not wait for its steps,
    those before Pagefind's run (nothing written) or after it (no page files written)."""
    write = search_bundle(index_entries(site), {})
    cancelled = threading.Event()
    cancelled.set()
    with pytest.raises(SearchCancelled):
        write(tmp_path / "before", cancelled)
    assert not (tmp_path / "before" / "search").exists()

    class CancelledOncePagefindWrote(threading.Event):   # the newer edit comes as Pagefind ends
        def is_set(self) -> bool:
            return (tmp_path / "after" / "search" / "pagefind" / "pagefind.js").is_file()

    with pytest.raises(SearchCancelled):
        write(tmp_path / "after", CancelledOncePagefindWrote())
    assert not (tmp_path / "after" / "search" / "pages").exists()
    write(tmp_path / "whole", threading.Event())   # not cancelled: written whole
    assert (tmp_path / "whole" / "search" / "pagefind" / "pagefind.js").is_file()
    assert any((tmp_path / "whole" / "search" / "pages").iterdir())


def test_pagefind_s_page_list_names_each_page_by_its_place_and_rounds_its_word_count(site):
    """carnet.search.page_list: the ids a search returns are the pages' places in the list,
    in base 36, each the name of a page's file in search/pages/; word counts are on the
    rounding's scale; Pagefind's fragments, named by the former ids, are gone; what is read
    of the list is written back as it was."""
    bundle = site / "search" / "pagefind"
    (meta,) = bundle.glob("pagefind.*.pf_meta")
    listed = cbor.load(meta.read_bytes(), meta.name)
    ids = [page[0] for page in listed[1]]
    assert ids == [short_id(n) for n in range(len(ids))]
    assert set(ids) == {p.stem for p in (bundle.parent / "pages").glob("*.json")} and len(ids) >= 20
    assert all(isinstance(count, int) and count > 0 and rounded_count(count) == count for _, count in listed[1])
    assert not (bundle / "fragment").exists()
    assert cbor.dump(listed) == meta.read_bytes()
    # Named by its own content (a browser's cached list is never read for a rewritten one),
    # and Pagefind's entry file names it.
    (language,) = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"].values()
    assert meta.name == f"pagefind.{language['hash']}.pf_meta"
    assert language["hash"].endswith(f"_{zlib.crc32(meta.read_bytes()):08x}")


def test_page_ids_tell_every_page_apart_and_word_counts_stay_within_a_tenth():
    """Ids, last digit first, are distinct and URL-safe for every place up to 200,000 pages;
    a rounded word count is within a tenth of the count, or one word (Pagefind's length ranking barely
    moves), stays put when rounded again, and keeps the counts' order."""
    ids = [short_id(n) for n in range(200_000)]
    assert len(set(ids)) == len(ids) and all(i.isalnum() and i.islower() or i.isdigit() for i in ids)
    rounded = [rounded_count(n) for n in range(200_000)]
    assert rounded[0] == 0 and all(abs(r - n) <= max(1, 0.1 * n) for n, r in enumerate(rounded) if n)
    assert all(rounded_count(r) == r for r in set(rounded))
    assert rounded == sorted(rounded) and len(set(rounded)) < 70


def index_chunks(bundle: Path) -> list[tuple[str, str, list]]:
    """The page list's chunks, each with its words (``[word, pages, …]``), in order."""
    (meta,) = bundle.glob("pagefind.*.pf_meta")
    out = []
    for start, end, name in cbor.load(meta.read_bytes(), meta.name)[2]:
        path = bundle / "index" / f"{name}.pf_index"
        (words,) = cbor.load(path.read_bytes(), path.name)
        assert cbor.dump([words]) == path.read_bytes()   # read and written back, byte for byte
        out.append((start, end, words))
    return out


def chunk_read_for(term: str, chunks: list[tuple[str, str, list]]) -> int | None:
    """The chunk Pagefind reads for a one-word query (pagefind_web's ``request_indexes``):
    the first whose bounds hold it; if none does (``anci`` after a chunk ending ``anc``),
    the first whose bounds hold it cut to their lengths."""
    strict = next((n for n, (start, end, _) in enumerate(chunks) if start <= term <= end), None)
    if strict is not None:
        return strict
    return next((n for n, (start, end, _) in enumerate(chunks)
                 if term[:len(start)] >= start[:len(term)] and term[:len(end)] <= end[:len(term)]), None)


def check_chunks(bundle: Path) -> list[int]:
    """Every word of the index, and every prefix of KEEP letters or more of it, is read in
    the one chunk that holds it (all the words it starts); the chunks' sizes (bytes of CBOR)."""
    from carnet.search.chunks import KEEP, TARGET
    chunks = index_chunks(bundle)
    listed = {p.name for p in (bundle / "index").iterdir()}
    assert len(listed) == len(chunks)   # no chunk left over from Pagefind's own
    words = [(n, word[0]) for n, (_, _, held) in enumerate(chunks) for word in held]
    assert [w for _, w in words] == sorted(w for _, w in words)
    for n, word in words:
        for length in range(KEEP, len(word) + 1):
            assert chunk_read_for(word[:length], chunks) == n, (word[:length], word)
    sizes = []
    for _, _, held in chunks:
        entries = [len(cbor.write(word)) for word in held]   # bytes
        sizes.append(sum(entries))
        # Over TARGET (bytes) only for one large word, or words alike in their first KEEP letters.
        assert sum(entries) <= TARGET or len({word[0][:KEEP] for word in held}) == 1 or \
            sum(entries) - max(entries) <= TARGET, (held[0][0], held[-1][0], sum(entries))
    return sizes


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="0123456789abcdefgz_\u00e9", min_size=1, max_size=30), min_size=1, max_size=12,
                unique=True),
       st.lists(st.lists(st.integers(min_value=-70000, max_value=70000), max_size=12), min_size=12, max_size=12))
def test_a_chunk_s_words_are_found_by_their_first_bytes_whatever_their_places_hold(words, places):
    """Places chosen anywhere, large ones included (whose bytes may look like a word's
    head): the words found are those the chunk's CBOR holds, with their bytes."""
    from carnet.search.chunks import chunk_words
    held = [[word, [[n, places[n], places[-1 - n][:2]]], []] for n, word in enumerate(sorted(words))]
    raw = cbor.write([held])
    assert chunk_words(raw, "test") == [(word[0], cbor.write(word)) for word in held]


def test_pagefind_s_index_is_cut_in_small_chunks_each_word_read_where_it_is(site):
    sizes = check_chunks(site / "search" / "pagefind")
    assert sum(sizes) > 1000   # this site's index is one chunk; the test below has many


def test_a_synthetic_archive_s_index_is_cut_in_small_chunks_too(tmp_path):
    """At 150 articles x 150 notes of the long-names shape, where Pagefind's own chunks are
    full (20,000 entries); every chunk's words found by their first bytes are those its CBOR
    holds."""
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import SHAPES, write_corpus
    from carnet.search.chunks import TARGET
    (project,) = write_corpus(tmp_path / "corpus", 150, 150, shape=SHAPES["long-names"], variants=("carnet",))
    mkdocs_build(project, tmp_path / "site")
    from carnet.search.chunks import chunk_words, decoded_words
    bundle = tmp_path / "site" / "search" / "pagefind"
    sizes = check_chunks(bundle)
    assert len(sizes) >= 10 and sorted(sizes)[len(sizes) // 2] <= TARGET
    for path in (bundle / "index").iterdir():
        raw = cbor.unzip(path.read_bytes(), path.name)
        assert chunk_words(raw, path.name) == decoded_words(raw, path.name)
    # The page list every first search downloads: what its pages weigh in it (the list less
    # the same list without them), 2.1 bytes a page here (1.7 at 10,146 pages), against 3.0
    # with ids written first digit first and word counts as counted, and about 6 with
    # Pagefind's ids (a hash's seven hex digits a page).
    (meta,) = (tmp_path / "site" / "search" / "pagefind").glob("pagefind.*.pf_meta")
    listed = cbor.load(meta.read_bytes(), meta.name)
    pages = len(listed[1])
    weight = meta.stat().st_size - len(cbor.dump([listed[0], []] + listed[2:]))
    assert pages > 300 and weight <= 2.5 * pages, (weight, pages)


def read_buckets(files: dict[str, str]) -> tuple[dict, dict[int, dict]]:
    """The directory and the buckets by number, from name_buckets' files or a site's folder."""
    directory = json.loads(files[DIRECTORY])
    return directory, {int(name.removesuffix(".json")): json.loads(text) for name, text in files.items()
                       if name != DIRECTORY}


def named_bucket(word: str, directory: dict, buckets: dict[int, dict]) -> dict:
    """The bucket the worker reads for a query word of WHOLE letters or more (``named``)."""
    return buckets[bucket(word if len(word) == WHOLE else key(word, PREFIX), directory["buckets"])]


def test_every_name_and_alias_of_every_note_is_filed_under_its_first_letters(site):
    catalog, _ = load_notes(ROOT / "notes", ROOT)
    shown = shown_pages(site)
    folder = site / "search" / "names"
    directory, buckets = read_buckets({p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.json")})
    assert sorted(buckets) == list(range(directory["buckets"]))   # all written: the worker never asks for a missing file
    checked = 0
    for note in catalog:
        page_id = shown[note.id + "/"]["id"]
        for form in note.names:
            folded = words(form)
            at = whole_key(folded)
            filed = directory if at == "" else buckets[bucket(at, directory["buckets"])]
            assert page_id in filed["n"][" ".join(folded)], form
            for word in folded:
                if len(word) >= WHOLE:
                    assert page_id in named_bucket(word, directory, buckets)["w"][word], (form, word)
                    checked += 1
    assert checked >= 15


def test_a_whole_name_is_filed_as_the_worker_writes_the_query():
    """Stop words out, words together: `Gaz de France` as `gazf|`, `Li Peng` as `lipe|`; `Fer`
    under itself; `BP` in the directory; a name of stop words only, nowhere."""
    assert whole_key(words("Gaz de France")) == "gazf|" and whole_key(words("Li Peng")) == "lipe|"
    assert whole_key(words("L’Oréal")) == "orea|" and "l" in STOP
    assert whole_key(words("Fer")) == "fer" and whole_key(words("BP")) == "" and whole_key(words("Le")) is None
    directory, buckets = read_buckets(name_buckets({"p1": ["BP"], "p2": ["Gaz de France"], "p3": ["Fer", "Le"]}))
    assert directory["n"] == {"bp": ["p1"]}
    assert buckets[bucket("gazf|", directory["buckets"])]["n"]["gaz de france"] == ["p2"]
    assert buckets[bucket("fer", directory["buckets"])]["w"]["fer"] == ["p3"]
    assert not any("le" in b["n"] for b in buckets.values())


def edits(word: str) -> set[str]:
    """Every word one typo away: a letter dropped, added, changed, or two swapped."""
    letters = string.ascii_lowercase
    out = {word[:i] + word[i + 1:] for i in range(len(word))}
    out |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}
    out |= {word[:i] + c + word[i + 1:] for i in range(len(word)) for c in letters}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
    return out - {word}


def forgiven(typed: str, directory: dict, buckets: dict[int, dict]) -> set[str]:
    """The name words the worker can find for a typed word: in the buckets of its typo keys
    (carnet-search-engine.js ``near``), whatever their distance."""
    return {word for at in typo_keys(typed) for word in buckets[bucket(at, directory["buckets"])]["w"]}


def test_one_typo_in_any_name_word_leaves_it_in_a_bucket_the_worker_reads():
    catalog, _ = load_notes(ROOT / "notes", ROOT)
    names = {f"p{i}": list(note.names) for i, note in enumerate(catalog)}
    directory, buckets = read_buckets(name_buckets(names))
    tried = 0
    for forms in names.values():
        for word in {w for form in forms for w in words(form)}:
            for typed in edits(word):
                if len(typed) >= FORGIVEN_FROM:
                    assert word in forgiven(typed, directory, buckets), (word, typed)
                    tried += 1
    assert tried > 1000


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàçô", min_size=4, max_size=14), st.data())
def test_one_typo_in_any_word_of_any_name_is_forgiven(word, data):
    folded = words(word)[0]
    typed = data.draw(st.sampled_from(sorted(edits(folded))))
    if len(typed) >= FORGIVEN_FROM:
        assert set(typo_keys(typed)) & set(filed_keys(folded)), (folded, typed)
        directory, buckets = read_buckets(name_buckets({"p": [word]}))
        assert folded in forgiven(typed, directory, buckets)


def test_every_typo_of_words_of_four_to_twelve_letters_meets_a_key():
    """Exhaustively, over a small alphabet (where typos make the most look-alike words)."""
    import random
    rng, tried = random.Random(35), 0
    for _ in range(600):
        word = "".join(rng.choice("abcde") for _ in range(rng.randint(4, 12)))
        filed = set(filed_keys(word))
        for typed in edits(word):
            if len(typed) >= FORGIVEN_FROM:
                assert set(typo_keys(typed)) & filed, (word, typed)
                tried += 1
    assert tried > 20000


def fetched_while_typing(query: str, count: int) -> set[int]:
    """The buckets the worker reads as ``query`` is typed letter by letter: ``named`` for each
    word, ``wholeName`` for the words together (mirrored here without the worker's stems)."""
    out = set()
    for end in range(1, len(query) + 1):
        typed = [w for w in words(query[:end]) if w not in STOP] or words(query[:end])
        out |= {bucket(w if len(w) == WHOLE else key(w, PREFIX), count) for w in typed if len(w) >= WHOLE}
        if whole_key(typed):
            out.add(bucket(whole_key(typed), count))
    return out


def fetched_for_a_typo(name: str, count: int) -> set[int]:
    """The buckets ``near`` reads as a name's first word is typed with its fourth letter
    missing (bench/search_weight.py's typo), from the fifth letter on."""
    word = words(name)[0]
    typo = word[:3] + word[4:]
    return {bucket(at, count) for end in range(FORGIVEN_FROM, len(typo) + 1) for at in typo_keys(typo[:end])}


# What the names' buckets a first search reads weigh: a long name typed letter by letter,
# and its first word typed with a typo, as bench/search_weight.py types them (#35), at 200 and
# 2,000 notes of bench/corpus.py's long-names shape.  With a word's first two and last two
# letters as its keys and 256 files, the median was 6.1 KB at 200 notes and 57.6 KB at 2,000
# (largest query 12.8 and 102 KB, largest bucket read 3.2 and 39 KB); with keys of four letters
# and files in proportion, 6.5 and 9.6 KB (largest 10.2 and 16.6 KB, bucket 1.1 and 3.7 KB) when
# this test was written.  With the page list's short ids (ids of one to three characters,
# carnet/search/page_list.py) and buckets of about 768 bytes rather than 1,024: 4.3 and 6.5 KB
# (largest 6.8 and 11.2 KB).  The synthetic names are made of 34 syllables, so a key of four
# letters has fewer values than real names give it: what still grows here is that.
NAMES_READ = 12_000
NAMES_READ_MAX = 24_000
BUCKET_READ_MAX = 6_000
NAMES_GROWTH = 1.6


def test_the_names_a_first_search_reads_weigh_about_the_same_at_200_and_2000_notes():
    import random
    import statistics
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import SHAPES, make_notes
    medians = []
    for size in (200, 2000):
        notes = make_notes(size, size, random.Random(7), SHAPES["long-names"])
        files = name_buckets({short_id(i): [note["name"], *note["aliases"]]
                              for i, note in enumerate(notes)})   # ids as the page list gives them
        weight = {name: len(text.encode("utf-8")) for name, text in files.items()}
        count = json.loads(files[DIRECTORY])["buckets"]
        assert count >= size // 8   # files in proportion to the names
        read = [fetched_while_typing(note["name"], count) | fetched_for_a_typo(note["name"], count)
                for note in notes[::size // 100]]
        typed = [weight[DIRECTORY] + sum(weight[f"{n}.json"] for n in numbers) for numbers in read]
        largest = max(weight[f"{n}.json"] for numbers in read for n in numbers)
        medians.append(statistics.median(typed))
        assert medians[-1] <= NAMES_READ, (size, medians[-1])
        assert max(typed) <= NAMES_READ_MAX and largest <= BUCKET_READ_MAX, (size, max(typed), largest)
    assert medians[1] <= NAMES_GROWTH * medians[0], medians


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=6), st.lists(st.text(max_size=30), max_size=6), max_size=12))
def test_the_names_are_weighed_as_their_json_writes_them(names_by_page):
    """names.json_length, which sizes the buckets without writing them, counts what JSON
    writes: escapes in page ids, names of stop words only, names too short for a key."""
    by_key, _ = filed(names_by_page)
    assert json_length(by_key) == len(json.dumps(by_key, ensure_ascii=False, separators=(",", ":"), sort_keys=True))


# Characters where folding a run of text at a time could differ from folding the whole: white
# space of every kind, marks alone or in a row, capital sigma (lower-cased by its neighbours),
# dotted I (one letter, two lower-cased), ligatures, entities, tags, the underscore.
_FOLD_TRICKY = st.lists(st.sampled_from(
    ["a", "É", "e\u0301", "\u0301", "\u0327\u0301", "\u0316", "Σ", "ς", "İ", "Œ", "æ", "_", "’", "'", "-", "1", "²",
     " ", "\u00a0", "\u202f", "\u2000", "\u2001", "\n", "\t", "\x1c", "\u3000", "&amp;", "&nbsp;", "<b>", "</p>",
     "ǅ", "ﬁ", "Ω", "\u2126", "ʼ"]), max_size=25).map("".join)


@settings(max_examples=3000)
@given(_FOLD_TRICKY)
def test_tokens_folded_a_run_at_a_time_are_those_of_the_whole_text(html):
    from carnet.search.fold import html_words
    assert tokens(html) == " ".join(word + "_" for word in html_words(html))


def test_what_pagefind_reads_is_folded_words_each_ended_by_an_underscore():
    entries = [{"location": "lieux/x/", "title": "L’Algérie", "text": "<p>Œuvre &amp; coopération — minière</p>",
                "aliases": "ALGÉRIE"},
               {"location": "lieux/x/#plus", "title": "Et après", "text": "<p>Une société</p>"},
               {"location": "", "title": "Accueil", "text": "<p>Liste</p>", "boost": 0.25}]
    pages = {p.location: p for p in search_pages(entries)}
    assert tokens("<p>L’Algérie, Œuvre</p>") == "l_ algerie_ oeuvre_"
    html = pages["lieux/x/"].html
    assert '<h1 data-pagefind-weight="7">l_ algerie_</h1>' in html
    assert '<p data-pagefind-weight="10">algerie_</p>' in html
    assert "oeuvre_ cooperation_ miniere_" in html and "&amp;" not in html.split("<main")[1]
    assert '<h2 id="plus" data-pagefind-weight="6">et_ apres_</h2>' in html
    assert pages["lieux/x/"].shown[0] == ("", "L’Algérie", "<p>Œuvre &amp; coopération — minière</p>")
    assert shown_text("<p>Résumé.</p>Capitale : Moscou ") == "<p>Résumé.</p><p>Capitale : Moscou</p>"
    assert shown_text("Seul") == "<p>Seul</p>" and shown_text("") == ""
    home = pages[""].html   # a list of pages: no <h1> (Pagefind's title), its words weigh a quarter
    assert "<h1" not in home and 'data-pagefind-weight="1.75">accueil_' in home and 'weight="0.25">liste_' in home


def test_lists_of_pages_weigh_less_in_search_than_the_pages_they_list(site):
    boosted = {e["location"] for e in index_entries(site) if e.get("boost") == 0.25}
    assert {"", "entreprises/", "personnes/", "minerais/", "lieux/", "index-a-z/", "graphe/", "articles/"} <= boosted
    catalog, _ = load_notes(ROOT / "notes", ROOT)
    pages = {e["location"].partition("#")[0] for e in index_entries(site)}
    content = {note.id + "/" for note in catalog} | {p for p in pages if p.startswith("articles/") and p != "articles/"}
    assert len(content) == len(catalog) + 1   # every fiche and the article: never weighed down
    assert not content & {loc.partition("#")[0] for loc in boosted}


def test_folding_is_the_same_here_and_in_the_worker():
    from search_worker import stop_words
    worker = ENGINE.read_text(encoding="utf-8")
    assert f"var PREFIX = {PREFIX} " in worker and f"var WHOLE = {WHOLE} " in worker
    assert f"var FUZZY_FROM = {FORGIVEN_FROM} " in worker
    assert fold("ŒUVRE Algérie Æ") == "oeuvre algerie ae"
    assert STOP == stop_words()


def worker_functions(*names: str) -> str:
    """The worker's constants and its top-level functions ``names``, as source to run apart."""
    source = ENGINE.read_text(encoding="utf-8")
    parts = re.findall(r"^var (?:PREFIX|WHOLE|FUZZY_FROM) = \d+", source, re.M)
    parts += [re.search(rf"^function {name}\(.*?^}}$", source, re.M | re.S).group(0) for name in names]
    return "\n".join(parts)


def test_the_workers_keys_and_buckets_are_names_pys_twins():
    """The worker's ``bucket``, ``key``, ``heads`` and ``typoKeys``, run in Node over words of
    every length (accented, Cyrillic, beyond the BMP), give what names.py files under."""
    import random
    import shutil
    import subprocess
    rng = random.Random(35)
    keys = ["", "a", "gaz|", "|prom", "#agmoz", "é|ß", "москва", "𝔸bc|d"]
    keys += ["".join(rng.choice("abcdéèœ|#𝔸я") for _ in range(rng.randint(1, 9))) for _ in range(400)]
    typed = ["".join(rng.choice("abcdeéяz𝔸") for _ in range(n)) for n in range(0, 16) for _ in range(8)]
    script = worker_functions("bucket", "key", "heads", "typoKeys") + """
const input = JSON.parse(require("fs").readFileSync(0, "utf8"))
console.log(JSON.stringify({
  buckets: input.keys.map(k => [1, 7, 64, 4096].map(n => bucket(k, n))),
  typo: input.typed.map(typoKeys)
}))"""
    node = shutil.which("node")
    assert node, "Node runs the worker's functions (make install-test installs it with npm)"
    out = subprocess.run([node, "-e", script], input=json.dumps({"keys": keys, "typed": typed}),
                         capture_output=True, text=True, check=True).stdout
    got = json.loads(out)
    assert got["buckets"] == [[bucket(k, n) for n in (1, 7, 64, 4096)] for k in keys]
    assert got["typo"] == [typo_keys(w) for w in typed]


def test_a_build_whose_pagefind_fails_stops_and_keeps_the_published_site(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    published = (site / "index.html").read_bytes()
    broken = tmp_path / "broken"   # a `pagefind` module that fails, found before the real one
    (broken / "pagefind").mkdir(parents=True)
    (broken / "pagefind" / "__init__.py").write_text("")
    (broken / "pagefind" / "__main__.py").write_text("import sys\nsys.exit('pagefind: cannot write the index')\n")
    result = mkdocs_build(project, site, env={"PYTHONPATH": str(broken)}, expect_failure=True)
    assert result.returncode != 0
    assert "Pagefind could not index the site's search" in result.stderr
    assert "pagefind: cannot write the index" in result.stderr and "Fix: `make install`" in result.stderr
    assert (site / "index.html").read_bytes() == published


_FORMER_BLOCK = re.compile(r"<(p|ul|ol|dl|table|pre|blockquote|div|h[1-6])\b.*?</\1>", re.S)
_HTML_BITS = st.sampled_from(["<p>", "</p>", "<p class=x>", "<pre>", "</pre>", "<ul>", "</ul>", "<li>", "</li>",
                              "<h2 id=a>", "</h2>", "<h7>", "</h7>", "<div>", "</div>", "<p", "</", ">", "<",
                              "<blockquote>", "</blockquote>", "<table>", "</table>", "<dl>", "</dl>", "<ol>",
                              "</ol>", "<span>", "</span>", "<pa>", "</pa>", "Moscou", " ", "é", "\n", "h1", "p"])


@settings(max_examples=500)
@given(st.lists(_HTML_BITS, max_size=40).map("".join))
def test_blocks_are_found_as_the_former_expression_found_them(html):
    """carnet.search.documents finds an entry's blocks by string search, not by a lazy
    expression tried at every character: the same blocks, on any text."""
    from carnet.search.documents import _blocks
    assert list(_blocks(html)) == [m.span() for m in _FORMER_BLOCK.finditer(html)]
