"""The closed vocabularies of the notes: entity kinds and relation types.

Identifiers are English (they appear in YAML files and code); every label is
French because readers see it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    slug: str            # folder name under notes/ and URL segment
    singular: str        # "Entreprise"
    plural: str          # "Entreprises"
    schema_type: str     # schema.org type used in JSON-LD


KINDS: dict[str, Kind] = {
    k.slug: k
    for k in (
        Kind("entreprises", "Entreprise", "Entreprises", "Organization"),
        Kind("personnes", "Personne", "Personnes", "Person"),
        Kind("minerais", "Minerai", "Minerais", "Thing"),
        Kind("lieux", "Lieu", "Lieux", "Place"),
    )
}


@dataclass(frozen=True)
class RelationType:
    slug: str
    label: str           # shown on the page of the note that declares it
    inverse_label: str   # shown on the target's page


RELATION_TYPES: dict[str, RelationType] = {
    r.slug: r
    for r in (
        RelationType("subsidiary_of", "Filiale de", "Filiales"),
        RelationType("led_by", "Dirigée par", "Dirige"),
        RelationType("located_in", "Localisation", "Entités liées à ce lieu"),
        RelationType("part_of", "Fait partie de", "Comprend"),
        RelationType("talks_with", "En discussion avec", "En discussion avec"),
        RelationType("found_in", "Cité comme ressource de", "Ressources minières citées"),
    )
}
