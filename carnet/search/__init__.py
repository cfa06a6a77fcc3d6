"""Search: what Pagefind indexes of each page, the names' buckets for typos, and the bundle
the search worker reads.  Takes plain entries (location, title, text); the engine gives them."""
