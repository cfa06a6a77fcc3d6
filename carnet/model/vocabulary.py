"""The closed vocabularies of the notes: entity kinds and relation types.

Identifiers are English (they appear in YAML files and code); every label is
French because readers see it.
"""

from __future__ import annotations

from ..datatypes import datatype



@datatype(frozen=True)
class Kind:
    slug: str            # folder name under notes/ and URL segment
    singular: str        # "Entreprise"
    plural: str          # "Entreprises"
    schema_type: str     # schema.org type used in JSON-LD
    of_plural: str = ""  # "d’entreprises": "toutes les fiches d’entreprises"
    common_nouns: bool = False  # names are common nouns ("le cuivre"): lower case within a sentence


KINDS: dict[str, Kind] = {
    k.slug: k
    for k in (
        Kind("entreprises", "Entreprise", "Entreprises", "Organization", "d’entreprises"),
        Kind("personnes", "Personne", "Personnes", "Person", "de personnes"),
        # Copper and iron are metals, phosphate is mined as rock: "minerai" (an ore) fits
        # none of them, "ressource minérale" fits all three.
        Kind("minerais", "Ressource minérale", "Ressources minérales", "Thing", "de ressources minérales", True),
        Kind("lieux", "Lieu", "Lieux", "Place", "de lieux"),
    )
}


def running_name(name: str, kind: str) -> str:
    """A name as it stands within a sentence or a list: "cuivre, fer et phosphate" for common
    nouns, as they are written in French; a title, a heading or a line of its own keeps "Cuivre".
    An acronym or a name with a capital inside ("ADN", "McKinsey") is left as written."""
    if KINDS[kind].common_nouns and name[:1].isupper() and name[1:].islower():
        return name[0].lower() + name[1:]
    return name


# Particles that, written with a capital, are part of the surname ("Le Pen", "Aït Ali", "Ben
# Bella", "Ould Abdallah"): the index files the person under them.  Written in lower case
# ("Charles de Gaulle"), a particle follows the first name: "Gaulle, Charles de".
SURNAME_PARTICLES = frozenset({"Abou", "Aït", "Ait", "Al", "Ben", "Ibn", "Ould", "El", "La", "Le", "Les", "Du",
                               "Des", "De"})


def index_name(name: str, kind: str, given: str | None = None) -> str:
    """A name as an index files and shows it: ``given`` (the note's ``index_name``) when the
    note says; else a person by surname, "Soltani, Belkacem", as French indexes do (the last
    word taken for the surname, with the capitalised particles before it: "Le Pen, Jean");
    any other name as written."""
    if given:
        return given
    words = name.split()
    if kind != "personnes" or len(words) < 2:
        return name
    start = len(words) - 1
    while start > 0 and words[start - 1] in SURNAME_PARTICLES:
        start -= 1
    if start == 0:   # a surname alone ("Ben Ali", "Le Pen"): no first name to put after it
        return name
    return f"{' '.join(words[start:])}, {' '.join(words[:start])}"


@datatype(frozen=True)
class RelationType:
    slug: str
    label: str           # shown on the page of the note that declares it: "Filiale de"
    inverse_label: str   # on the target's page, for one note: "Filiale"
    inverse_plural: str = ""  # for several: "Filiales" (empty: the same as for one)
    # When an article states it, the hedge the site keeps ("présentée comme filiale de", as
    # the headline and the infobox say it): label, inverse, inverse plural (empty: the plain ones).
    reported: tuple[str, str, str] = ("", "", "")
    # The dossier graph reads each relation along its arrow, subject → object, as a phrase
    # (a label is a noun, "Pays", which reads as a heading, not along a line): "a pour pays";
    # and, when an article states it, the hedged phrase ("présentée comme filiale de").
    # ``graph_reversed``: the arrow runs from the target to the note that declares it (a
    # person "dirige" an organisation, whose note names its head).
    graph_phrase: str = ""
    graph_reported: str = ""
    graph_reversed: bool = False

    @property
    def symmetric(self) -> bool:
        """Read the same both ways ("Échanges avec"): a graph draws it without an arrowhead."""
        return self.label == self.inverse_label

    def side_label(self, declared_here: bool, count: int = 1, reported: bool = False, kind: str | None = None) -> str:
        """The label of this relation on one page, agreeing with how many notes it lists;
        ``reported``: an article backs it; ``kind``: the kind of the notes listed, for a label
        that names it ("Entreprise de ce pays", "Entreprises de ce pays")."""
        forms = self.reported if reported and self.reported[0] else (self.label, self.inverse_label, self.inverse_plural)
        text = forms[0] if declared_here else (forms[2] if count > 1 and forms[2] else forms[1])
        if kind is not None:
            text = text.replace("{kinds}", KINDS[kind].plural).replace("{kind}", KINDS[kind].singular)
        return text

    def graph_label(self, reported: bool = False) -> str:
        """The phrase the dossier graph writes along the arrow: "a pour pays"."""
        return self.graph_reported if reported and self.graph_reported else self.graph_phrase


RELATION_TYPES: dict[str, RelationType] = {
    r.slug: r
    for r in (
        # "Présentée": agrees with the kind, une entreprise.  On the parent's page, "Filiale,
        # selon l’article": "présentée comme sa filiale" read as if the parent were presented.
        # On the graph, "filiale de" agrees with any subject and says no more than the relation.
        RelationType("subsidiary_of", "Filiale de", "Filiale", "Filiales",
                     ("Présentée comme filiale de", "Filiale, selon l’article", "Filiales, selon l’article"),
                     "filiale de", "présentée comme filiale de"),
        # "Direction", not "Dirigée par": the label agrees with no noun (un groupe, une société).
        # On the graph the person is the subject: "dirige" needs no agreement.
        RelationType("led_by", "Direction", "Dirige", graph_phrase="dirige", graph_reversed=True),
        RelationType("located_in", "Localisation", "Lié à ce lieu", "Liés à ce lieu", graph_phrase="a pour lieu"),
        # The country an entity is from ("le groupe algérien"): a nationality, not a location.
        RelationType("of_country", "Pays", "{kind} de ce pays", "{kinds} de ce pays", graph_phrase="a pour pays"),
        RelationType("part_of", "Fait partie de", "Comprend", graph_phrase="fait partie de"),
        # "Échanges avec", not "En discussion avec": an article reports talks held, not a state.
        # On the graph a verb, as every other phrase there: "a eu des échanges avec".
        RelationType("talks_with", "Échanges avec", "Échanges avec", graph_phrase="a eu des échanges avec"),
        # "Lieu cité": a noun, as the other labels, read before any name ("de Maghreb" was not
        # French); agrees with any resource (le cuivre, la bauxite) and claims no deposit.
        # On the graph, "a pour lieu cité": no elision before any name, no deposit claimed.
        RelationType("found_in", "Lieu cité", "Ressource minérale citée", "Ressources minérales citées",
                     graph_phrase="a pour lieu cité"),
    )
}
