"""All that knows MkDocs, Material or Jinja: the plugin, the theme's hand-off (escaped text,
globals, the valid shell), Material's search entries, serve errors, staged publishing.
An engine that runs no MkDocs plugin replaces this package and nothing else."""
