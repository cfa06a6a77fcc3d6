"""Frequent French words: an alias equal to one of them would link ordinary prose."""

COMMON_FRENCH_WORDS = frozenset("""
a à afin ai aie ainsi alors après as au aucun aussi autre autres aux avec avoir avait bien bon
car ce ceci cela celle celui ces cet cette chaque chez ci comme comment dans de des donc dont du
deux elle elles en encore entre est et été être eu fait faire fois font ici il ils je jour la là
le les leur leurs lui ma mais me même mes moi moins mon ne ni non nos notre nous on ont or ou où
par parce pas peu peut plus pour pourquoi quand que quel quelle qui sa sans se selon ses si son
sont sous sur ta te tes toi ton tous tout toute toutes très tu un une vers voici voilà vos votre
vous vu an ans monde pays état etat vie temps homme femme groupe place mise rôle role fin
part plan site terre mer air eau sol sols mine mines or argent zinc plomb nord sud est ouest
""".split())
