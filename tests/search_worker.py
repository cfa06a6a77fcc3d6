"""Ask the site's own search worker (the one Material's search box talks to) many queries
from a page of the site, in Chromium: the real engine, its real files, without the typing.

``ask`` returns, for each query, the result pages' locations in order and the text shown for
each.  ``content_words`` cuts a sentence into the words search keeps (the worker's French stop
words read from the worker itself, elisions dropped, accents and case folded)."""

from __future__ import annotations

import re
from pathlib import Path

from carnet.text.fold import fold as _fold   # the site's one fold, the worker's twin

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "overrides" / "assets" / "javascripts" / "workers" / "carnet-search-engine.js"

ASK = """async (queries) => {
  const base = new URL(document.querySelector("script[src*='carnet.js']").src, location.href)
  const worker = new Worker(new URL("workers/carnet-search.js", base).href)
  const answer = (message) => new Promise((resolve) => {
    const listen = (ev) => {
      if (ev.data.type === 1 || (ev.data.type === 3 && ev.data.data.query === message.data)) {
        worker.removeEventListener("message", listen); resolve(ev.data.data)
      }
    }
    worker.addEventListener("message", listen)
    worker.postMessage(message)
  })
  await answer({ type: 0, data: {} })
  const out = []
  for (const q of queries) {
    const data = await answer({ type: 2, data: q })
    out.push(data.items.map(item => [item[0].location.split("#")[0], item[0].text, item.map(i => i.location)]))
  }
  worker.terminate()
  return out
}"""


def ask(page, base: str, queries: list[str]) -> list[list[tuple[str, str]]]:
    """Each query's results as (location, shown text of the page's first item), best first."""
    if not page.url.startswith(base):
        page.goto(base)
    return [[(location, text) for location, text, _ in results] for results in page.evaluate(ASK, queries)]


def stop_words() -> frozenset[str]:
    """The worker's own stop words (its STOP list), folded."""
    found = re.search(r"var STOP = new Set\(fold\((.*?)\)\.split", ENGINE.read_text(encoding="utf-8"), re.S)
    return frozenset(_fold(" ".join(re.findall(r'"([^"]*)"', found.group(1)))).split())


ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.I)


def content_words(sentence: str) -> list[str]:
    """The words of ``sentence`` a search keeps, folded: no accents, no capitals."""
    stop = stop_words()
    words = re.findall(r"\w+", ELISION.sub(" ", sentence))
    return [w for w in map(_fold, words) if w not in stop and not w.isdigit()]


# Which query the search worker last answered (its RESULT names it), seen from the page: a
# test reads the results of the query it typed, not those of a letter before it.
ANSWERED = """(() => {
  if (window.__carnetHooked) return
  window.__carnetHooked = true
  const Native = window.Worker
  window.Worker = function (url, options) {
    const worker = options === undefined ? new Native(url) : new Native(url, options)
    worker.addEventListener("message", ev => {
      if (ev.data && ev.data.type === 3) window.__answered = ev.data.data.query
    })
    return worker
  }
  window.Worker.prototype = Native.prototype
})()"""


def hook(page) -> None:
    """Watch the search worker's answers on every page this page opens from now on."""
    if not getattr(page, "_carnet_hooked", False):
        page.add_init_script(ANSWERED)
        page._carnet_hooked = True


def type_and_wait(page, query: str, delay: int = 20) -> None:
    """Type ``query`` in the open search box as a reader does, and wait until the worker has
    answered it (Material trims what it sends) and Material has shown the answer."""
    page.keyboard.type(query, delay=delay)
    page.keyboard.press("End")   # a key event after a letter Playwright types without one (é)
    page.wait_for_function("q => window.__answered === q", arg=query.strip(), timeout=20000)
    page.wait_for_timeout(50)    # Material renders on the same message
