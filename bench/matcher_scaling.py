"""Linking cost against the number of notes: one compiled matcher, so it should stay flat.

    python bench/matcher_scaling.py

Times MentionMatcher.find over the same French text (the real article, repeated) with
10 to 10,000 notes in the catalog (their names drawn like the benchmark corpus' names,
plus the article's own entities), and over texts of growing length with 1,000 notes.
Prints medians of repeated runs.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from carnet.markdown.matcher import MentionMatcher  # noqa: E402
from carnet.model.note import Note  # noqa: E402
from carnet.load.notes_dir import load_notes  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import unique_name as corpus_name  # noqa: E402



def synthetic_notes(n: int, rng: random.Random) -> list[Note]:
    used: set[str] = set()
    names = [corpus_name(rng, used, 1) for _ in range(n)]  # the benchmark corpus' own names
    return [Note(id=f"lieux/n{i}", kind="lieux", slug=f"n{i}", path="", name=name, summary="s")
            for i, name in enumerate(names)]


def median_time(fn, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    rng = random.Random(1)
    real, _ = load_notes(ROOT / "notes", ROOT)
    article = (ROOT / "sources" / "article-sonarem-vesna.txt").read_text(encoding="utf-8")
    text = article * 20  # about 53,000 characters
    print(f"find() over {len(text):,} characters of the article, by number of notes (median of 7):")
    base = None
    for n in (10, 100, 1_000, 10_000):
        matcher = MentionMatcher(list(real) + synthetic_notes(n, rng))
        found = len(matcher.find(text))
        seconds = median_time(lambda: matcher.find(text))
        base = base or seconds
        print(f"  {n + len(real):>6} notes: {seconds * 1000:7.2f} ms ({seconds / base:.2f}x), {found} mentions")
    matcher = MentionMatcher(list(real) + synthetic_notes(1_000, rng))
    print("with 1,011 notes, by text length:")
    for k in (5, 10, 20, 40):
        sample = article * k
        seconds = median_time(lambda: matcher.find(sample))
        print(f"  {len(sample):>7,} characters: {seconds * 1000:7.2f} ms")


if __name__ == "__main__":
    main()
