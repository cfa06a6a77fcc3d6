"""What lives for the whole build, kept out of the cyclic garbage collector's way.

CPython's collector walks every object it tracks each time it collects its oldest
generation, and it does so again each time that generation has grown by a quarter: a build's
heap grows from start to end, so each of those walks is longer than the last.  Once ``on_env``
has assembled the pages, what is alive lives to the build's end: the project loaded in
``on_pre_build`` (notes, articles, the model, the address record, the matcher), MkDocs' pages
and every page's parts.  Walking them frees nothing.

``keep()`` moves every object alive at that moment into the collector's permanent generation
(``gc.freeze``); what the build allocates afterwards is collected as before.  ``release()``
hands them back (``gc.unfreeze``): as the next build in the same process starts, or, under
`mkdocs serve`, as soon as a build is over, done or failed.  (Under serve a rebuild also runs
with the collector off: carnet.engine.rebuilds.)

The output is the same; the instructions a build executes are fewer (bench/README.md:
"the collector").
"""

from __future__ import annotations

import gc

from mkdocs.plugins import event_priority


def keep() -> None:
    """Everything alive now lives to the build's end: no collection walks it again."""
    gc.freeze()


def release() -> None:
    """What ``keep`` set aside is the collector's again (a build over, or the next starting)."""
    gc.unfreeze()


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
