"""The build's cost, guarded in CI: instructions executed by a full build, counted by valgrind.

A count is deterministic (repeated counts agree within 0.3 %, bench/README.md), so a change
that adds cost fails here the day it lands, on a fresh machine as on this one.  Three corpus
shapes of bench/corpus.py at a small size (a build under valgrind runs some 50 times
slower), each built by Carnet and by plain Material with the project's theme settings; the
ratio must stay under its ceiling.  The ceilings are the ratios measured when this guard was
written plus a margin of 0.02: a floor once reached is not given back.  They are not #32's
target (1.20 at every shape, at 300 x 300): bench/instructions.py measures that, and
bench/README.md says where it stands.

Under `mkdocs serve`, a rebuild after an edit renders only the pages the edit touched
(carnet.engine.rebuilds): its count, against the first build's, is guarded the same way, so
that a change that turns rebuilds back into full builds, or makes them read everything
again, fails here.
"""

from __future__ import annotations

import os
import shutil
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from corpus import SHAPES, compile_bytecode, write_corpus  # noqa: E402
from instructions import instructions, rebuild_instructions  # noqa: E402

SIZE = 40   # articles and notes
# Measured at 40 x 40 when written: 1.216 and 1.252 (ceilings 1.24 and 1.27).  Session 13 gave
# some of it back, knowingly: the dossier graph laid out so that a reader can follow each
# relation (carnet/pages/graph_layout.py, about 0.045 billion here) and numbered references on
# fiches took reference to 1.244 and dense to 1.282 (bench/README.md); the ceilings are those
# plus 0.01, to be won back.  Session 15 won it back and more: the theme's and the dataclasses'
# fixed costs (bench/README.md), then Pagefind's index rewritten for search's weight (+0.005):
# 1.108 and 1.144 measured; the ceilings are those plus 0.01.  Session 17 added the aliases
# shape (12 aliases a note: the names' buckets for search and the linker's pattern grow with
# them, which the two others barely see): 1.134 measured, once the names' buckets cost 37 %
# less; its ceiling that plus 0.01.  Session 18: what lives to a build's end set aside from the
# garbage collector, search's documents cutting an entry's blocks by string search, fiches'
# references to a page made once: 1.080, 1.116 and 1.113, and the long shape (articles of
# 30 paragraphs: text-bound costs, the worst shape at 150 x 150) added, 1.163; each
# ceiling the ratio measured plus 0.01.  Measured again once builds through MkDocs' API were
# no longer staged by mistake (carnet.engine.collector): 1.083, 1.118, 1.115, 1.164.  Session
# 19: Material's search reading pages through carnet.engine.search_sections, fewer young
# collections: 1.055, 1.090, 1.087, 1.113; each ceiling that plus 0.01.  Session 20, one
# Markdown instance for every page (carnet.engine.markdown_reuse): 1.033, 1.066, 1.063, 1.097;
# then Material's header rendered once per set of links (carnet.engine.header_cache): 1.010, 1.046,
# 1.044, 1.085.
CEILINGS = {"reference": 1.020, "dense": 1.056, "aliases": 1.054, "long": 1.095}


@pytest.fixture(scope="module")
def valgrind():
    if shutil.which("valgrind") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("valgrind is not installed: `make test` installs it (apt-get install valgrind)")
        pytest.skip("valgrind is not installed")
    compile_bytecode()


@pytest.mark.parametrize("shape", CEILINGS)
def test_a_full_build_costs_no_more_instructions_than_it_did(valgrind, tmp_path, shape):
    carnet, plain = write_corpus(tmp_path / shape, SIZE, SIZE, shape=SHAPES[shape])
    ours, theirs = instructions(carnet), instructions(plain)
    ratio = ours / theirs
    print(f"{shape}, {SIZE} x {SIZE}: Carnet {ours / 1e9:.3f} billion instructions, plain Material "
          f"{theirs / 1e9:.3f}, ratio {ratio:.3f} (ceiling {CEILINGS[shape]})")
    assert ratio <= CEILINGS[shape], f"{shape}: {ratio:.3f} > {CEILINGS[shape]}"
    assert theirs > 1e9, "the plain build must have built something"


# A rebuild's instructions over the first build's, under serve, reference shape at 40 x 40
# (fixed costs weigh more at this size than at 1,000 x 1,000, where a full build costs 15 s and
# a note edit is served in under 2 s: bench/serve_edit.py).
# Measured at 40 x 40 (two runs each, session 13): note 0.169 (0.826 of 4.88 billion), article
# 0.166 and 0.167; a full build again would be about 1.  Session 15: the first build lost
# fixed costs a rebuild never paid (the theme's templates and strings, the dataclasses: 4.95
# -> 4.40 billion), so the same rebuild weighs more of it; the rebuild itself is 0.838 (note)
# and 0.827 (article) billion, of which about 0.015 is search's index rewritten after Pagefind
# (carnet/search/chunks.py, on every rebuild as on a full build): ratios 0.191 and 0.188,
# ceilings 0.20.  Session 16: lists read notes' names only, quotes looked up again only where
# their passages changed, no cyclic GC during a rebuild: note 0.818 billion (0.186), article
# 0.807 (0.183); ceilings 0.195.  Session 18: note 0.807 of 4.380 (0.184), article 0.800 (0.183);
# ceilings those plus 0.01 (again, unstaged: 0.809 (0.185) and 0.795 (0.181)).  Session 19:
# rebuilds 0.803 and 0.793 billion, fewer than before, but the first build lost more (4.277):
# 0.188 and 0.185, within the same ceilings, kept.  Session 20: 0.782 and 0.771 of 4.103,
# 0.191 and 0.188, kept.
REBUILD_CEILINGS = {"note": 0.194, "article": 0.193}


@pytest.mark.parametrize("edit", REBUILD_CEILINGS)
def test_a_rebuild_under_serve_costs_a_fraction_of_the_first_build(valgrind, tmp_path, edit):
    (carnet,) = write_corpus(tmp_path / edit, SIZE, SIZE, shape=SHAPES["reference"], variants=("carnet",))
    first, rebuild = rebuild_instructions(carnet, edit)
    ratio = rebuild / first
    print(f"{edit} edit under serve, {SIZE} x {SIZE}: first build {first / 1e9:.3f} billion instructions, "
          f"rebuild {rebuild / 1e9:.3f}, ratio {ratio:.3f} (ceiling {REBUILD_CEILINGS[edit]})")
    assert rebuild > 1e7, "the rebuild must have built something"
    assert ratio <= REBUILD_CEILINGS[edit], f"{edit}: {ratio:.3f} > {REBUILD_CEILINGS[edit]}"
