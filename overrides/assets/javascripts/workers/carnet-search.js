/*
 * Carnet minier's search worker, as Material for MkDocs starts it on every page view (its
 * `config.search`, set by carnet.js).  It answers Material's setup at once and loads the
 * search itself (carnet-search-engine.js: Pagefind, the names, the ranking) only when the
 * reader opens the search box or types, so a page view downloads this file alone for search.
 */
"use strict"

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3   /* Material's SearchMessageType */
var WARM = "carnet:warm"                          /* sent by carnet.js when the search box opens */

function engine() {
  if (!self.carnetSearch)
    importScripts(new URL("carnet-search-engine.js", self.location.href).href)
  return self.carnetSearch
}

self.addEventListener("message", function (ev) {
  var message = ev.data || {}
  if (message.type === SETUP)
    postMessage({ type: READY })
  else if (message.type === WARM)
    engine().warm()
  else if (message.type === QUERY && !message.data && !self.carnetSearch)   /* as the page opens */
    postMessage({ type: RESULT, data: { items: [], total: 0, query: "" } })
  else if (message.type === QUERY)
    engine().query(String(message.data))
})
