"""What lives for the whole build, kept out of the cyclic garbage collector's way.

CPython's collector walks every object it tracks each time it collects its oldest
generation, and it does so again each time that generation has grown by a quarter: a build's
heap grows from start to end, so each of those walks is longer than the last.  Once ``on_env``
has assembled the pages, what is alive lives to the build's end: the project loaded in
``on_pre_build`` (notes, articles, the model, the address record, the matcher), MkDocs' pages
and every page's parts.  Walking them frees nothing.

``keep()`` moves every object alive at that moment into the collector's permanent generation
(``gc.freeze``); what the build allocates afterwards is collected as before.  It is called
three times, each where what lives on has just been made: the project loaded (end of
``on_pre_build``), every page rendered (start of ``on_env``), every page's parts assembled.
``release()`` hands them back (``gc.unfreeze``): as the next build in the same process
starts, or, under `mkdocs serve`, as soon as a build is over, done or failed.  (Under serve
a rebuild also runs with the collector off: carnet.engine.rebuilds.)

``start()``, as a build starts, has the collector look at new objects every
``YOUNG_THRESHOLD`` allocations rather than CPython's 700: a build makes many small objects
that die young (strings and tuples of every page's parts), and a collection that comes later
finds fewer of them still alive to walk.  ``release()`` puts CPython's thresholds back.

The output is the same; the instructions a build executes are fewer (bench/README.md:
"the collector").
"""

from __future__ import annotations

import gc

from mkdocs.plugins import event_priority


YOUNG_THRESHOLD = 20_000
_thresholds: tuple[int, int, int] | None = None   # the process's own, while a build runs with ours


def start() -> None:
    """A build starts: the young generation collected every YOUNG_THRESHOLD allocations."""
    global _thresholds
    release()   # what the last build in this process kept, if any
    _thresholds = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, *_thresholds[1:])


def keep() -> None:
    """Everything alive now lives to the build's end: no collection walks it again."""
    gc.freeze()


def release() -> None:
    """What ``keep`` set aside is the collector's again, and its thresholds the process's
    own (a build over, or the next starting)."""
    global _thresholds
    gc.unfreeze()
    if _thresholds is not None:
        gc.set_threshold(*_thresholds)
        _thresholds = None


class KeptObjects:
    """The plugin's side, as a mixin.  It calls ``keep()`` where a build has made what lives
    to its end, and ``release()`` as a build starts: what the last build in this process kept
    (programs and tests build many times).  A `mkdocs build` process ends with them set aside,
    so that its last collection, at exit, does not walk them either.  Under `mkdocs serve` the
    server goes on: a build hands them back once it is over, done or failed."""

    command: str | None   # the MkDocs command, as carnet.engine.publish records it (None: MkDocs' API)

    @event_priority(-110)   # the build's last step (carnet.engine.rebuilds: keep_for_next_build, -100)
    def release_served(self, config) -> None:
        if self.command == "serve":
            release()

    def on_build_error(self, *, error):
        super().on_build_error(error=error)
        self.release_served(None)
