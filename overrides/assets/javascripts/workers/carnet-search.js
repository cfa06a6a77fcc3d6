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
 *  3. forgives one typo in a word of five letters or more, and only when no
 *     indexed word starts like it: `gazprm` -> `gazprm~1` finds `gazprom`, while
 *     a word the index holds never brings fuzzy matches in to outrank it;
 *  4. keeps lunr's query syntax that Material documents: `+word` (must hold),
 *     `-word` (must not), `word~N`, `word^N`;
 *  5. then hands everything to Material's worker, unchanged otherwise
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

var FUZZY_FROM = 5  /* letters: shorter words have too many neighbours one typo away */
var index = null    /* the lunr index Material builds, to know which words it holds */
var terms = null    /* its words, sorted, for prefix look-ups */

function patchBuilder() {
  var lunr = self.lunr
  if (!lunr || lunr.Builder.prototype.carnetPatched)
    return
  var build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    index = build.apply(this, arguments)
    terms = null
    return index
  }
  lunr.Builder.prototype.carnetPatched = true
}

/* Whether some indexed word starts with `prefix` (binary search in the sorted words). */
function indexed(prefix) {
  if (!index)
    return true
  if (!terms)
    terms = Object.keys(index.invertedIndex).sort()
  var lo = 0, hi = terms.length
  while (lo < hi) {
    var mid = (lo + hi) >> 1
    if (terms[mid] < prefix) lo = mid + 1
    else hi = mid
  }
  return lo < terms.length && terms[lo].lastIndexOf(prefix, 0) === 0
}

function rewriteWord(word, presence, modifier) {
  var lower = word.toLowerCase()
  var stem = french.stem(lower)
  if (modifier)                       /* the reader's own ~N or ^N: as written, folded */
    return presence + fold(lower) + modifier
  if (presence)                       /* +word, -word: Material leaves these as they are */
    return presence + stem + "*"
  if (fold(lower).length >= FUZZY_FROM && !indexed(stem))
    return fold(lower) + "~1"
  return stem                         /* Material makes it `stem*` */
}

function rewriteQuery(query) {
  if (!french)
    return query
  var clauses = []
  query.replace(ELISION, "$1").split(/\s+/).forEach(function (chunk) {
    var m = /^([+-]?)(.*?)([~^]\d+)?$/.exec(chunk)
    var words = m[2].match(/[\p{L}\p{N}]+/gu) || []
    words.forEach(function (word) {
      clauses.push({ word: word, presence: m[1], modifier: m[3] || "" })
    })
  })
  var kept = clauses.filter(function (c) { return !french.isStopWord(c.word.toLowerCase()) })
  if (!kept.length)
    kept = clauses
  return kept.map(function (c) { return rewriteWord(c.word, c.presence, c.modifier) }).join(" ")
}

/* Material loads lunr.fr with importScripts during setup: patch right after. */
var importScriptsOriginal = self.importScripts
self.importScripts = function () {
  var result = importScriptsOriginal.apply(self, arguments)
  patchBuilder()
  patchFrench()
  return result
}

/* Registered before Material's own listener, so it sees the rewritten query. */
self.addEventListener("message", function (ev) {
  if (ev.data && ev.data.type === QUERY && typeof ev.data.data === "string")
    ev.data.data = rewriteQuery(ev.data.data)
})

self.importScripts(MATERIAL_WORKER)
