/*
 * Carnet minier: French-aware search around Material for MkDocs' own worker.
 *
 * Material's worker indexes whole lower-cased words with lunr (for French, its
 * pipeline keeps only the stop-word filter), keeps accents, and turns every
 * query word into a prefix query (`word*`). This wrapper, loaded in place of
 * Material's worker:
 *  1. folds accents in every indexed word (`Algérie` is indexed as `algerie`);
 *  2. rewrites each query: drops French elisions (l’, d', qu’…) and stop words,
 *     then folds and stems each word with lunr's French stemmer (keeping the
 *     part of the stem that is a prefix of the word); Material then
 *     makes it a prefix query, so `phosphates` -> `phosphat*` finds
 *     `phosphate`, `minière` -> `minier*` finds `minière` and `minier`,
 *     `societe` finds `société`, and a word being typed (`cuivr`) matches;
 *  3. then hands everything to Material's worker, unchanged otherwise
 *     (highlighting, suggestions and result display are Material's).
 * The split on apostrophes comes from `plugins.search.separator` in mkdocs.yml.
 */
"use strict"

var MATERIAL_WORKER = decodeURIComponent(self.location.hash.slice(1))
var QUERY = 2  /* Material's SearchMessageType.QUERY */
var ELISION = /(^|[^\p{L}])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]/giu

function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/g, "oe").replace(/æ/g, "ae")
}

var french = null  /* { stem, isStopWord } once lunr.fr is loaded */

function patchFrench() {
  if (french || !self.lunr || !self.lunr.fr)
    return
  var lunr = self.lunr
  var stemmer = lunr.fr.stemmer
  var stopWordFilter = lunr.fr.stopWordFilter
  var foldingFilter = function (token) {
    var kept = stopWordFilter(token)
    return kept && kept.update(fold)
  }
  lunr.Pipeline.registerFunction(foldingFilter, "stopWordFilter-fr-folding")
  lunr.fr.stopWordFilter = foldingFilter  /* lunr.fr() reads it when the index is built */
  french = {
    /* The stem, cut back to what it shares with the word: snowball rewrites
       some endings (`-ence` -> `-ent`), and the result must stay a prefix. */
    stem: function (word) {
      var folded = fold(word)
      var stem = stemmer(new lunr.Token(folded)).toString()
      var i = 0
      while (i < stem.length && stem[i] === folded[i])
        i++
      return folded.slice(0, Math.max(i, 1))
    },
    isStopWord: function (word) {
      return !stopWordFilter(new lunr.Token(word))
    }
  }
}

function rewriteQuery(query) {
  if (!french)
    return query
  var words = query.replace(ELISION, "$1").match(/[\p{L}\p{N}]+/gu) || []
  var kept = words.map(function (w) { return w.toLowerCase() })
    .filter(function (w) { return !french.isStopWord(w) })
  if (!kept.length)
    kept = words.map(function (w) { return w.toLowerCase() })
  return kept.map(french.stem).join(" ")
}

/* Material loads lunr.fr with importScripts during setup: patch right after. */
var importScriptsOriginal = self.importScripts
self.importScripts = function () {
  var result = importScriptsOriginal.apply(self, arguments)
  patchFrench()
  return result
}

/* Registered before Material's own listener, so it sees the rewritten query. */
self.addEventListener("message", function (ev) {
  if (ev.data && ev.data.type === QUERY && typeof ev.data.data === "string")
    ev.data.data = rewriteQuery(ev.data.data)
})

self.importScripts(MATERIAL_WORKER)
