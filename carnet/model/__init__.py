"""The validated model: notes, the catalog of all notes with their relations both ways, kinds and relation types, ids and paths, problems."""
