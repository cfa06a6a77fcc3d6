"""Stage 1: the project on disk -> the validated model.  Notes, articles' front matter, the
settings of mkdocs.yml, the address record; every problem with a file and a line."""
