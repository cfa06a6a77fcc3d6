/* Carnet minier, on every page, before Material's own scripts. */
(function () {
  var el = document.getElementById("__config")
  var config = JSON.parse(el.textContent)
  var base = new URL(config.base, location.href)
  /* Search runs in Carnet's worker (workers/carnet-search.js), which answers Material's
     search box from Pagefind's chunked index. */
  var searchWorker = new URL("assets/javascripts/workers/carnet-search.js", base).href
  config.search = searchWorker
  el.textContent = JSON.stringify(config)
  /* A page view downloads nothing that grows with the archive. Material's page script asks
     for the whole search index (search/search_index.json) as the page opens, to give it to
     its worker: that request is answered here, without the network, with the index's
     settings and no documents (Material's ?h= highlighting reads the settings). */
  var settings = document.getElementById("__carnet_search")
  var answers = {}
  if (settings) {
    answers[new URL("search/search_index.json", base).href] = function () {
      return "data:application/json," + encodeURIComponent(
        JSON.stringify({ config: JSON.parse(settings.textContent), docs: [] }))
    }
  }
  /* Material's link previews ask for the whole sitemap (sitemap.xml, which grows with the
     archive: 1.3 MB at 5,000 articles and 5,000 fiches) on every page view, only to learn
     which links lead to pages of the site. That request is answered here, without the
     network, with the pages this page links to with a preview. (Material's instant
     navigation would need the whole sitemap; the site does not use it.) */
  answers[new URL("sitemap.xml", base).href] = function () {
    var seen = {}, urls = ""
    document.querySelectorAll("a[data-preview][href]").forEach(function (a) {
      if (!(a instanceof HTMLAnchorElement)) return   /* as Material: no preview in an SVG */
      var url = new URL(a.href)
      url.search = url.hash = ""
      if (url.origin !== location.origin || seen[url.href]) return
      seen[url.href] = true
      urls += "<url><loc>" + url.href.replace(/&/g, "&amp;").replace(/</g, "&lt;") + "</loc></url>"
    })
    return "data:application/xml," + encodeURIComponent('<?xml version="1.0" encoding="UTF-8"?>' +
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + urls + "</urlset>")
  }
  var open = XMLHttpRequest.prototype.open
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments)
    var answer = answers[new URL(url, location.href).href]
    if (answer) args[1] = answer()
    return open.apply(this, args)
  }
  /* The search worker, as Material creates it: told to load the index's first parts when
     the reader opens the search box (before the first letter is typed), and its count of
     pages found shown when it returns only the best of them. */
  var NativeWorker = window.Worker
  window.Worker = function (url, options) {
    var worker = options === undefined ? new NativeWorker(url) : new NativeWorker(url, options)
    if (String(url) === searchWorker) carnetSearch(worker)
    return worker
  }
  window.Worker.prototype = NativeWorker.prototype
  function carnetSearch(worker) {
    var warm = function () { worker.postMessage({ type: "carnet:warm" }) }
    document.addEventListener("focusin", function (ev) {
      if (ev.target.matches && ev.target.matches(".md-search__input")) warm()
    })
    document.addEventListener("change", function (ev) {
      if (ev.target.id === "__search" && ev.target.checked) warm()
    })
    /* Counts in the house style: in words below ten ("Trois résultats"), and how many are
       shown when there are more than Material lists. */
    var WORDS = ["Aucun", "Un", "Deux", "Trois", "Quatre", "Cinq", "Six", "Sept", "Huit", "Neuf"]
    worker.addEventListener("message", function (ev) {
      var data = ev.data && ev.data.type === 3 && ev.data.data
      if (!data || !data.items) return
      setTimeout(function () {  /* once Material has written its own count */
        var meta = document.querySelector(".md-search-result__meta")
        if (!meta) return
        var total = data.total || data.items.length
        if (total > data.items.length)
          meta.textContent = total.toLocaleString("fr-FR") + " résultats, les " + data.items.length + " premiers affichés"
        else if (total > 1 && total < 10)
          meta.textContent = WORDS[total] + " résultats"
      })
    })
  }
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
  /* A reference's tip opens beside its number; moved back within the screen where the
     number sits near its edge (on a phone, carnet.css makes it a sheet at the foot). */
  function placeTip(ev) {
    var ref = ev.target.closest && ev.target.closest(".carnet-ref")
    var tip = ref && ref.querySelector(".carnet-ref-tip")
    if (!tip || getComputedStyle(tip).position !== "absolute") return
    tip.style.left = ""
    var box = tip.getBoundingClientRect(), room = document.documentElement.clientWidth - 8
    if (box.right > room) tip.style.left = (tip.offsetLeft - (box.right - room)) + "px"
    box = tip.getBoundingClientRect()
    if (box.left < 8) tip.style.left = (tip.offsetLeft + 8 - box.left) + "px"
  }
  document.addEventListener("mouseover", placeTip)
  document.addEventListener("focusin", placeTip)
  /* On a phone, a first tap on a number opens its sheet and stays where the reader is; a
     second tap on the same number goes to the reference (its entry under "Références"). */
  var tapped = null
  document.addEventListener("click", function (ev) {
    /* A tap on a number's open sheet counts as a tap on the number (a number low on the
       screen opens its sheet over itself as the finger touches it). */
    var sheet = ev.target.closest && ev.target.closest(".carnet-ref-tip")
    var link = sheet ? sheet.parentNode.querySelector("a") : ev.target.closest && ev.target.closest(".carnet-ref > a")
    var tip = link && link.parentNode.querySelector(".carnet-ref-tip")
    if (!tip || getComputedStyle(tip).position !== "fixed") return
    if (tapped === link) {   /* the second tap, on the number or on its sheet */
      tapped = null
      if (sheet) { ev.preventDefault(); location.hash = link.getAttribute("href") }
      return
    }
    ev.preventDefault()
    tapped = link
    link.focus()
    /* A number low on the screen would lie under its sheet: the text moves up above it. */
    var under = link.getBoundingClientRect().bottom - tip.getBoundingClientRect().top + 12
    if (under > 0) window.scrollBy(0, under)
  })
  /* Material's search dialog has no accessible name (axe: aria-dialog-name):
     it takes the one of its search box. */
  var dialog = document.querySelector(".md-search[role=dialog]")
  var input = document.querySelector(".md-search__input")
  if (dialog && input && !dialog.hasAttribute("aria-label"))
    dialog.setAttribute("aria-label", input.getAttribute("aria-label"))
})()
