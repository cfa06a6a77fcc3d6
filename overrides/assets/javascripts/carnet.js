/* Carnet minier, on every page, before Material's own scripts.
   Run Material's search inside our French-aware wrapper worker: the wrapper receives
   Material's own worker URL in its fragment and loads it, so Material's code and its
   hashed file name stay untouched.  The script finds its way from the page's own
   configuration. */
(function () {
  var el = document.getElementById("__config")
  var config = JSON.parse(el.textContent)
  var material = new URL(config.search, location.href).href
  var wrapper = new URL(config.base + "/assets/javascripts/workers/carnet-search.js", location.href).href
  config.search = wrapper + "#" + encodeURIComponent(material)
  el.textContent = JSON.stringify(config)
  /* The drawer and search toggles start closed, even where the browser restored
     a checked box on reload (Material's autocomplete="off" did this; it is not
     valid HTML on a checkbox, see carnet/valid_html.py). */
  ;["__drawer", "__search"].forEach(function (id) {
    var toggle = document.getElementById(id)
    if (toggle) toggle.checked = false
  })
  /* On paper a link cannot be followed: entity links print their full address,
     made absolute from the page's canonical URL (site_url), see carnet.css. */
  var canonical = document.querySelector("link[rel=canonical]")
  if (canonical) {
    document.querySelectorAll("a.carnet-mention, .carnet-article-fiches a").forEach(function (a) {
      a.setAttribute("data-print-href", new URL(a.getAttribute("href"), canonical.href).href)
    })
    /* The page's own address, printed at its end. */
    var inner = document.querySelector(".md-content__inner")
    if (inner) inner.setAttribute("data-print-url", canonical.href)
  }
  /* Material's search dialog has no accessible name (axe: aria-dialog-name):
     it takes the one of its search box. */
  var dialog = document.querySelector(".md-search[role=dialog]")
  var input = document.querySelector(".md-search__input")
  if (dialog && input && !dialog.hasAttribute("aria-label"))
    dialog.setAttribute("aria-label", input.getAttribute("aria-label"))
})()
