"""Text as Carnet reads and writes it: decoding and normalising what arrives, the one fold, sentences, French typography, escaping for Markdown, web addresses."""
