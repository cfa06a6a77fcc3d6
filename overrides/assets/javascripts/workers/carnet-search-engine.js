/*
 * Carnet minier's search, loaded by its worker (carnet-search.js) when a reader opens the
 * search box: answers Material for MkDocs' search box (its messages, its result format) from
 * Pagefind's chunked index, so that a search downloads only the parts of the index its words
 * need.
 *
 * What it keeps from the search readers had before (Material's lunr index, whole):
 *  - accents, case and elisions do not matter: words are folded as carnet/search_text.py
 *    folds what is indexed (`l’Algérie` -> `algerie`); French stop words are dropped;
 *  - plurals and inflections: a word is searched as a prefix, its inflection stripped
 *    (`phosphates` -> `phosphat`), so `cuivr` finds `cuivre` as it is typed;
 *  - one typo forgiven in a word of five letters or more that the index does not hold,
 *    against the names and aliases of the fiches (`gazprm` -> `gazprom`): Pagefind has
 *    no fuzzy search, so the names are filed in small buckets (carnet/search/names.py says
 *    how and why): keys of four letters (a word's first four; for a typo, four from both
 *    ends, one of which a typo leaves as it was), hashed among as many files as the names
 *    need (search/names/buckets.json), so a query reads a few small files at any size;
 *  - a fiche first for its own names and aliases; lunr's `+word` (must hold), `-word`
 *    (must not), `word^N` (weighs N times), `word~N` (N typos forgiven in names);
 *  - Material's look: its result list, highlighting, suggestions, ?h= on the page opened.
 * A query returns the best MAX_PAGES pages (a small file each) and the number found; it is
 * searched once typing pauses (QUIET), never for a query the next letter replaces: no index
 * chunk, names' file or page is read for it.
 * Ranking: more of the query's words, a fiche named by the query, the words close together,
 * the page's own words before its « quotations » of another page (see `search`).
 * Each result shows the passage that matched (`excerpt`), its words marked.
 */
"use strict"
;(function () {  /* its own scope: it shares the worker's global one */

var RESULT = 3   /* Material's SearchMessageType.RESULT */
var ROOT = new URL("../../../", self.location.href).href  /* this file: assets/javascripts/workers/ */
var PAGEFIND = ROOT + "search/pagefind/pagefind.js"
var NAMES = ROOT + "search/names/"
var PAGES = ROOT + "search/pages/"   /* what a page shows in the results, by its id in Pagefind's page list */
var PREFIX = 4             /* letters of a names' key (carnet/search/names.py PREFIX) */
var WHOLE = 3              /* letters: a word this short is its own key, found whole (names.py WHOLE) */
var FUZZY_FROM = 5         /* letters: shorter words have too many neighbours one typo away */
var MAX_PAGES = 20         /* pages returned with their text: a file to fetch for each */
var QUIET = 150            /* ms without a new letter, while typing, before a query is searched */
var TYPING = 1000          /* ms: a query that extends the one before it within this is being typed */
var NAME = 1000            /* a fiche's score for each query word its names hold... */
var WHOLE_NAME = 10000     /* ...and for a query that is one of its names */
var ELISION = /(^|[^\p{L}\p{N}])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]/giu
var WORD = /[\p{L}\p{N}]+/gu

/* carnet/search_text.py's fold: lower case, no accents, œ and æ spelt out. */
function fold(text) {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/g, "oe").replace(/æ/g, "ae")
}

/* lunr's French stop words (Material's former pipeline), folded. */
var STOP = new Set(fold(
  "ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions " +
  "aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce ceci " +
  "celà ces cet cette d dans de des du elle en es est et eu eue eues eurent eus eusse eussent " +
  "eusses eussiez eussions eut eux eûmes eût eûtes furent fus fusse fussent fusses fussiez " +
  "fussions fut fûmes fût fûtes ici il ils j je l la le les leur leurs lui m ma mais me mes moi " +
  "mon même n ne nos notre nous on ont ou par pas pour qu que quel quelle quelles quels qui s sa " +
  "sans se sera serai seraient serais serait seras serez seriez serions serons seront ses soi " +
  "soient sois soit sommes son sont soyez soyons suis sur t ta te tes toi ton tu un une vos " +
  "votre vous y à étaient étais était étant étiez étions été étée étées étés êtes").split(" "))

/* What a folded word's inflections share, as a prefix: what is searched (every word is a
   prefix), highlighted and matched against names.  Pagefind stems nothing here (see
   carnet/search_documents.py): `phosphates` -> `phosphat`, `minière` -> `minier`,
   `visioconférence` -> `visioconfer`, `coopération` -> `cooper`; at least four letters kept. */
var SUFFIXES = ("issements issement ements ement ations ation atrices atrice ateurs ateur iques " +
  "ique istes iste ismes isme euses euse eux ives ive ifs ances ance ences ence antes ante ants " +
  "ant ieres iere iers ier elles elle aux ales ale als al").split(" ")
function stem(word) {
  for (var i = 0; i < SUFFIXES.length; i++) {
    var suffix = SUFFIXES[i]
    if (word.length - suffix.length >= 4 && word.slice(-suffix.length) === suffix)
      return word.slice(0, -suffix.length)
  }
  if (word.length > 3 && /[sx]$/.test(word)) word = word.slice(0, -1)
  if (word.length > 4 && /e$/.test(word)) word = word.slice(0, -1)
  return word
}

/* -- Pagefind, loaded on the first search (or when the search box opens) ----------------- */

var engine = null
function pagefind() {
  if (!engine)
    engine = import(PAGEFIND).then(function (pf) {
      /* A word as typed outranks the longer words it starts (`minier`, then `minières`); a
         long article is not marked down for its length against the fiches that quote it. */
      return pf.options({ ranking: { termSimilarity: 3, pageLength: 0.1 } })
        .then(function () { return pf.init() }).then(function () { return pf })
    }).catch(function (error) {
      engine = null
      throw error
    })
  return engine
}

/* -- names: buckets of folded name words, fetched as needed (carnet/search/names.py) ------ */

/* A names' file, revalidated (no-cache): a file keeps its address from one build to the
   next, and the Pagefind ids in it change.  `forget` runs if it cannot be read, so that a
   later query asks again. */
function names(file, empty, forget) {
  return fetch(NAMES + file, { cache: "no-cache" })
    .then(function (r) { if (!r.ok) throw new Error(r.status + " " + r.url); return r.json() })
    .catch(function (error) { console.warn("Carnet: names not read:", error); forget(); return empty })
}

/* buckets.json: how many buckets, and the names of fewer than WHOLE letters. */
var directory = null
function nameFiles() {
  return directory || (directory = names("buckets.json", { buckets: 0, n: {} }, function () { directory = null }))
}

/* FNV-1a over the key's code points, among `count` (names.py `bucket`, twin). */
function bucket(key, count) {
  var h = 0x811c9dc5
  for (var ch of key) h = Math.imul(h ^ ch.codePointAt(0), 0x01000193) >>> 0
  return h % count
}

/* A word's first `head` letters and last PREFIX - `head` (names.py `key`). */
function key(word, head) {
  var letters = Array.from(word)
  return letters.slice(0, head).join("") + "|" + letters.slice(letters.length - (PREFIX - head)).join("")
}

/* names.py `heads`: each key leaves out a run of length - PREFIX letters; any two letters
   side by side, where one typo falls, lie in one of the runs. */
function heads(length) {
  var step = length - PREFIX - 1, out = [], h
  if (step <= 1) {
    for (h = PREFIX; h >= 0; h--) out.push(h)
    return out
  }
  for (h = 0; h < PREFIX; h += step) out.push(h)
  out.push(PREFIX)
  return out.reverse()
}

/* names.py `typo_keys`; a word of five letters also by its letters in order (two swapped). */
function typoKeys(word) {
  var letters = Array.from(word)
  if (letters.length < PREFIX) return []
  var keys = heads(letters.length).map(function (h) { return key(word, h) })
  if (letters.length === FUZZY_FROM)
    keys.push("#" + letters.sort(function (a, b) { return a.codePointAt(0) - b.codePointAt(0) }).join(""))
  return keys
}

/* The bucket a key is filed in, fetched once by this worker. */
var EMPTY = { w: {}, n: {} }, buckets = new Map()
async function filed(at) {
  var count = (await nameFiles()).buckets
  if (!count) return EMPTY
  var number = bucket(at, count)
  if (!buckets.has(number))
    buckets.set(number, names(number + ".json", EMPTY, function () { buckets.delete(number) }))
  return buckets.get(number)
}

/* Fiches (Pagefind ids) whose names hold a word that starts with `word`'s stem (from PREFIX
   letters; its first PREFIX if the stem is shorter), or that is its stem of WHOLE letters
   (`fer`, `fers`).  A shorter word is not matched against names: too many start like it. */
async function named(word) {
  var pages = new Set(), prefix = stem(word), letters = Array.from(word)
  var add = function (words, match) {
    for (var name in words)
      if (match(name)) words[name].forEach(function (p) { pages.add(p) })
  }
  if (Array.from(prefix).length === WHOLE)
    add((await filed(prefix)).w, function (name) { return name === prefix })
  if (letters.length > WHOLE) {
    var start = Array.from(prefix).length >= PREFIX ? prefix : letters.slice(0, PREFIX).join("")
    add((await filed(key(word, PREFIX))).w, function (name) { return name.lastIndexOf(start, 0) === 0 })
  }
  return pages
}

/* Name words at most `edits` typos from `word` (two letters swapped count as one): all of
   them for one typo from FUZZY_FROM letters; beyond, what the same buckets hold. */
async function near(word, edits) {
  var found = new Map()
  var filedAt = await Promise.all(typoKeys(word).map(filed))
  filedAt.forEach(function (b) {
    for (var name in b.w)
      if (distance(word, name, edits) <= edits) found.set(name, b.w[name])
  })
  return found
}

function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1
  var rows = [], i, j
  for (i = 0; i <= a.length; i++) { rows.push([i]) }
  for (j = 1; j <= b.length; j++) rows[0][j] = j
  for (i = 1; i <= a.length; i++)
    for (j = 1; j <= b.length; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1
      var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2][j - 2] + 1)
      rows[i][j] = d
    }
  return rows[a.length][b.length]
}

/* -- the query --------------------------------------------------------------------------- */

/* Clauses as lunr reads them: `+word`, `-word`, `word^N`, `word~N`; elisions and (unless
   nothing else is left) stop words dropped. */
function parse(query) {
  var clauses = []
  query.replace(ELISION, "$1").split(/\s+/).forEach(function (chunk) {
    var m = /^([+-]?)(.*?)(?:([~^])(\d+))?$/.exec(chunk)
    ;(m[2].match(WORD) || []).forEach(function (typed) {
      clauses.push({
        typed: typed, word: fold(typed), presence: m[1],
        edits: m[3] === "~" ? Math.min(+m[4], 2) : 0, weight: m[3] === "^" ? +m[4] || 1 : 1
      })
    })
  })
  var seen = new Set()   /* a word typed twice is asked once */
  clauses = clauses.filter(function (c) {
    var key = c.presence + c.word
    return seen.has(key) ? false : seen.add(key)
  })
  var kept = clauses.filter(function (c) { return !STOP.has(c.word) })
  return kept.length ? kept : clauses
}

/* The pages a clause finds: Pagefind id -> { score, at (word positions) }. Its own
   word, or the name words one typo away when the index holds nothing that starts like it. */
async function find(pf, clause) {
  var words = [stem(clause.word)], names = new Set()
  var found = (await pf.search(words[0])).results
  var forgive = clause.edits || (found.length ? 0 : clause.word.length >= FUZZY_FROM ? 1 : 0)
  if (forgive) {
    var close = await near(clause.word, forgive)
    close.forEach(function (pages, word) {
      words.push(word)
      pages.forEach(function (p) { names.add(p) })
    })
    var more = await Promise.all(Array.from(close.keys()).map(function (w) { return pf.search(w) }))
    more.forEach(function (r) { found = found.concat(r.results) })
  }
  var hits = new Map()
  found.forEach(function (r) {
    var hit = hits.get(r.id)
    if (!hit) hits.set(r.id, { score: r.score, at: r.words.slice() })
    else { hit.score = Math.max(hit.score, r.score); hit.at = hit.at.concat(r.words) }
  })
  if (clause.presence !== "-")
    (await named(clause.word)).forEach(function (p) { names.add(p) })
  return { clause: clause, hits: hits, names: names, stems: words }
}

/* Fiches one of whose names is the whole query (stop words aside).  A name is filed under
   the key of its words written together (names.py `whole_key`), the directory's if they
   hold fewer than WHOLE letters. */
async function wholeName(clauses) {
  var asked = clauses.filter(function (c) { return c.presence !== "-" }), pages = new Set()
  if (!asked.length) return pages
  var joined = asked.map(function (c) { return c.word }).join(""), letters = Array.from(joined).length
  var names = (letters >= PREFIX ? await filed(key(joined, PREFIX)) : letters === WHOLE ? await filed(joined)
    : await nameFiles()).n
  var query = asked.map(function (c) { return stem(c.word) }).join(" ")
  for (var name in names) {
    var words = name.split(" ").filter(function (w) { return !STOP.has(w) })
    if (words.map(stem).join(" ") === query) names[name].forEach(function (p) { pages.add(p) })
  }
  return pages
}

async function search(query, arrived, typing) {
  var clauses = parse(query)
  if (!clauses.length) return { items: [], total: 0 }
  var pf = await pagefind()
  /* Nothing is searched until the reader pauses (QUIET ms after this query came, while
     typing): a query the next letter replaces reads no index chunk, no names' file and no
     page.  A word's first letters would read the chunks of every word they start (`s`: a
     good part of the index, more as the archive grows), for results nobody sees. */
  var wait = typing ? arrived + QUIET - Date.now() : 0
  if (wait > 0 && pending === null) await new Promise(function (done) { setTimeout(done, wait) })
  /* A busy worker (Pagefind starting) can run the timer before a letter already waiting in
     its queue: one more turn lets that letter in first. */
  if (typing && pending === null) await new Promise(function (done) { setTimeout(done, 0) })
  if (pending !== null) return null
  var found = await Promise.all(clauses.map(function (c) { return find(pf, c) }))
  var whole = await wholeName(clauses)
  var must = found.filter(function (f) { return f.clause.presence === "+" })
  var mustNot = found.filter(function (f) { return f.clause.presence === "-" })
  var may = found.filter(function (f) { return f.clause.presence === "" })

  /* The pages that match, as lunr matches them, and their scores. */
  var pages = new Set()
  ;(must.length ? must : may).forEach(function (f) {
    f.hits.forEach(function (hit, id) { pages.add(id) })
  })
  pages.forEach(function (id) {
    if (must.some(function (f) { return !f.hits.has(id) }) || mustNot.some(function (f) { return f.hits.has(id) }))
      pages.delete(id)
  })
  /* Pages holding more of the query's words first (`coopération minière`: the article with
     both before a fiche with one); then a fiche one of whose names is the query; then pages
     holding the words close together (the sentence a query comes from); then by the score
     of the word a page holds least: a page's own words weigh ten times its « quotations » of
     another page (carnet/search/documents.py), so the article a phrase comes from outranks
     the fiches that quote it, even a fiche named by one of its words. */
  var scored = Array.from(pages).map(function (id) {
    var score = 0, least = Infinity, words = 0, at = []
    found.forEach(function (f) {
      if (f.clause.presence === "-" || !f.hits.has(id)) return
      var held = (f.hits.get(id).score + (f.names.has(id) ? NAME : 0)) * f.clause.weight
      score += held
      least = Math.min(least, held)
      at.push(f.hits.get(id).at)
      words++
    })
    /* As a phrase (a word or so between two of its words), close together, or apart; then
       the weakest word's score over the words they span: a phrase in a page's own words
       before the same phrase quoted, and before its words merely near each other. */
    var within = span(at)
    return { id: id, score: score + (whole.has(id) ? WHOLE_NAME : 0), words: words, whole: whole.has(id) ? 1 : 0,
             near: within <= 2 * words ? 0 : within <= 4 * words ? 1 : 2, held: least / within }
  })
  /* A query that weighs its words (`word^N`) is ranked by its weighted score. */
  var weighed = clauses.some(function (c) { return c.weight !== 1 })
  scored.sort(function (a, b) {
    return b.words - a.words || b.whole - a.whole ||
      (weighed ? 0 : a.near - b.near || b.held - a.held) || b.score - a.score
  })

  /* A letter typed while this query was searched replaces it: its pages are not fetched. */
  if (pending !== null) return null
  var top = scored.slice(0, MAX_PAGES)
  var data = await Promise.all(top.map(function (p) {
    /* Revalidated, as the names are: a page's id is its place in Pagefind's page list
       (carnet/search/page_list.py), which the next build may give another page. */
    return fetch(PAGES + p.id + ".json", { cache: "no-cache" }).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + r.url)
      return r.json()
    })
  }))
  var asked = found.filter(function (f) { return f.clause.presence !== "-" })
  var items = top.map(function (p, i) { return entries(data[i], p, asked) })
  return { items: items, total: scored.length, suggest: suggest(items, clauses) }
}

/* The fewest consecutive words of a page that hold a position from each list of `lists`
   (one list of word positions per query word it holds). */
function span(lists) {
  if (lists.length < 2) return 1
  var all = []
  lists.forEach(function (list, k) { list.forEach(function (at) { all.push([at, k]) }) })
  all.sort(function (a, b) { return a[0] - b[0] })
  var inside = lists.map(function () { return 0 }), held = 0, best = Infinity, start = 0
  for (var end = 0; end < all.length; end++) {
    if (inside[all[end][1]]++ === 0) held++
    while (held === lists.length) {
      best = Math.min(best, all[end][0] - all[start][0] + 1)
      if (--inside[all[start][1]] === 0) held--
      start++
    }
  }
  return best
}

/* -- Material's result items --------------------------------------------------------------- */

/* A page's items: its own entry and its sections with a match, as Material's worker gave
   them ({ location, title, text, score, terms }), best first.  `meta` is the page's file
   in search/pages/: { l: location, e: [[anchor, title, text, first word]…] }. */
function entries(meta, page, asked) {
  var section = function (at) {
    var best = 0
    meta.e.forEach(function (e, i) { if (e[3] !== null && e[3] <= at && e[3] >= meta.e[best][3]) best = i })
    return best
  }
  var counts = meta.e.map(function () { return asked.map(function () { return 0 }) })
  var total = 0
  asked.forEach(function (f, k) {
    var hit = f.hits.get(page.id)
    if (hit) hit.at.forEach(function (at) { counts[section(at)][k]++; total++ })
  })
  var stems = [].concat.apply([], asked.filter(function (f) { return f.hits.has(page.id) })
    .map(function (f) { return f.stems }))
  /* The page's own item shows the passage that matched: its own text's, or else its best
     section's. */
  var best = 0
  counts.forEach(function (c, i) { if (sum(c) > sum(counts[best])) best = i })
  var items = []
  meta.e.forEach(function (e, i) {
    var matched = counts[i].filter(Boolean).length
    if (i > 0 && !matched) return
    var share = total ? counts[i].reduce(function (a, b) { return a + b }, 0) / total : 0
    var boost = (i === 0 ? 1 : 0) + (asked.length ? matched / asked.length : 0)
    var terms = {}
    if (matched || i === 0)
      asked.forEach(function (f, k) {
        terms[shownWord(e[1] + " " + e[2], f.stems) || f.clause.typed] = counts[i][k] > 0 || (i === 0 && f.names.has(page.id))
      })
    items.push({
      location: meta.l + (e[0] ? "#" + e[0] : ""),
      title: mark(e[1], stems), text: mark(excerpt(i === 0 && !matched ? meta.e[best][2] : e[2], stems), stems),
      score: matched || i === 0 && total ? page.score * share * (1 + boost * boost) : 0,
      terms: matched || i === 0 && total ? terms : {}
    })
  })
  if (!total) items[0].score = page.score  /* matched by a name only (or an alias) */
  return items.sort(function (a, b) { return b.score - a.score })
}

function sum(list) { return list.reduce(function (a, b) { return a + b }, 0) }

/* The passage of a text (HTML) that holds the most of the matched words, about three lines
   of a result on a phone (EXCERPT words), with … where it is cut; a short text as it is. */
var EXCERPT = 22
function excerpt(html, stems) {
  /* Cut at ordinary spaces only: French no-break spaces (before « : », inside « ») stay. */
  var words = html.replace(/<[^>]*>/g, " ").split(/[ \t\r\n]+/).filter(Boolean)
  if (words.length <= EXCERPT) return html
  var hit = words.map(function (word) {
    var folded = fold(word.replace(/&#?\w+;/g, " "))
    var found = folded.match(WORD) || []
    return found.some(function (w) { return stems.some(function (s) { return w.lastIndexOf(s, 0) === 0 }) }) ? 1 : 0
  })
  var start = 0, most = -1
  for (var i = 0; i + EXCERPT <= words.length; i++) {
    var held = sum(hit.slice(i, i + EXCERPT))
    if (held > most) { most = held; start = i }
  }
  /* A few words of context before the first match, when the text goes on before it. */
  var first = hit.indexOf(1, start)
  if (first >= 0) start = Math.max(0, Math.min(first - 3, words.length - EXCERPT))
  var end = Math.min(words.length, start + EXCERPT)
  return "<p>" + (start > 0 ? "… " : "") + words.slice(start, end).join(" ") + (end < words.length ? " …" : "") + "</p>"
}

/* Matched words in <mark>, in an HTML string (tags and entities left alone). */
function mark(html, stems) {
  if (!stems.length) return html
  return html.replace(/(<[^>]*>|&#?\w+;)|[\p{L}\p{N}]+/gu, function (word, skip) {
    if (skip) return word
    var folded = fold(word)
    return stems.some(function (s) { return folded.lastIndexOf(s, 0) === 0 }) ? "<mark>" + word + "</mark>" : word
  })
}

/* The word of `text` a query word matched, as the page writes it: Material puts it in the
   link (?h=), to highlight it on the page opened. */
function shownWord(text, stems) {
  var words = text.replace(/<[^>]*>|&#?\w+;/g, " ").match(WORD) || []
  for (var i = 0; i < words.length; i++) {
    var folded = fold(words[i])
    if (stems.some(function (s) { return folded.lastIndexOf(s, 0) === 0 })) return words[i]
  }
  return null
}

/* The rest of the word being typed, from the best result's title (Material shows it in
   the search box; the right arrow takes it). */
function suggest(items, clauses) {
  var last = clauses[clauses.length - 1]
  if (!items.length || !last || last.presence === "-") return []
  var title = items[0][0].title.replace(/<[^>]*>|&#?\w+;/g, " ").match(WORD) || []
  for (var i = 0; i < title.length; i++) {
    var word = title[i]
    if (word.length > last.typed.length && fold(word).lastIndexOf(last.word, 0) === 0) {
      if (word.lastIndexOf(last.typed, 0) === 0) return [word]
      if (word.toLowerCase().lastIndexOf(last.typed, 0) === 0) return [word.toLowerCase()]
    }
  }
  return []
}

/* -- queries: only the latest one typed is answered --------------------------------------- */

var pending = null, pendingAt = 0, pendingTyped = false, running = false
var previous = "", previousAt = 0
async function run() {
  running = true
  while (pending !== null) {
    var query = pending, arrived = pendingAt, typing = pendingTyped
    pending = null
    var data
    try {
      data = await search(query, arrived, typing)
    } catch (error) {
      console.warn("Carnet: search failed:", error)
      data = { items: [], total: 0 }
    }
    if (data === null) continue   /* a newer query replaces it */
    data.query = query  /* which query this answers (Material reads only items and suggest) */
    if (pending === null)
      postMessage({ type: RESULT, data: data })
  }
  running = false
}

/* What the worker (carnet-search.js) calls once it has loaded this file. */
self.carnetSearch = {
  warm: function () {   /* the search box opened: Pagefind, and how many names' buckets there are */
    pagefind().catch(function () {})
    nameFiles()
  },
  query: function (query) {
    /* Being typed: a query of two letters or less, or one that the query before it, a
       moment ago, starts (or that starts it: a letter taken back). */
    var now = Date.now()
    pendingTyped = query.trim().length <= 2 || now - previousAt < TYPING &&
      (query.lastIndexOf(previous, 0) === 0 || previous.lastIndexOf(query, 0) === 0)
    previous = query

    previousAt = pendingAt = now
    pending = query
    if (!running) run()
  }
}
})()
