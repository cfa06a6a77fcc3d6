"""The addresses the site has published (addresses.yml): none is dropped without a redirect."""
