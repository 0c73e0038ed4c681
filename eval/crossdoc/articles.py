"""A private-style evaluation set for cross-document merging, written for milinc (not copied from any outlet).

Seventeen incidents, each told by three "outlets" with their own words, publication dates, tolls and
place granularity; one of them is recalled weeks later; two articles also recall the previous
day's incident; fifteen unrelated passages are mixed in (other strikes the same day in the same
country, statements, an anniversary, exercises). Every article names its incidents through
*anchors*: phrases of the text that refer to the incident (a trigger word), so that a parsed event
is mapped to the gold incident whose anchor its mentions overlap.

Each entry: ``id``, ``outlet``, ``reference_date`` (publication), ``text``, ``gold``: a list of
``(incident, [anchor, ...])``. An anchor is a phrase, or ``(phrase, n)`` for its n-th occurrence.
"""

from __future__ import annotations

from typing import Any

ARTICLES: list[dict[str, Any]] = [
    # --- I01: attack on the Djibo detachment (Burkina Faso), night of Sat 9 to Sun 10 March 2024 ---
    {
        "id": "i01-afp",
        "outlet": "AFP",
        "reference_date": "2024-03-10",
        "text": (
            "Burkina Faso : au moins 43 soldats tués dans une attaque jihadiste près de Djibo\n\n"
            "Des hommes armés ont attaqué dans la nuit de samedi à dimanche un détachement militaire "
            "près de Djibo, dans la province du Soum, tuant au moins 43 soldats, ont indiqué des sources "
            "sécuritaires. Les assaillants, arrivés à moto, ont incendié une partie du camp avant de se "
            "replier vers la frontière malienne."
        ),
        "gold": [("I01", ["attaque jihadiste", "ont attaqué", "tuant"])],
    },
    {
        "id": "i01-rfi",
        "outlet": "RFI",
        "reference_date": "2024-03-11",
        "text": (
            "Le camp militaire de Djibo a été la cible dimanche d'un assaut d'envergure. Selon un bilan "
            "provisoire communiqué par une source militaire, une soixantaine de militaires ont été tués et "
            "des dizaines d'autres blessés. L'armée burkinabè n'a pas encore réagi officiellement."
        ),
        "gold": [("I01", ["cible", "assaut", "tués"])],
    },
    {
        "id": "i01-lemonde",
        "outlet": "Le Monde",
        "reference_date": "2024-03-13",
        "text": (
            "Au Burkina Faso, le bilan de l'attaque de samedi soir contre l'armée s'alourdit\n\n"
            "Cent dix soldats ont péri lors de l'attaque menée samedi soir contre la base de Djibo, dans "
            "le nord du pays, selon un document interne de l'état-major. Le Groupe de soutien à l'islam et "
            "aux musulmans (GSIM) a revendiqué l'opération."
        ),
        "gold": [("I01", ["l'attaque de samedi soir", "l'attaque menée", "péri", "l'opération"])],
    },
    {
        "id": "i01-recall",
        "outlet": "Jeune Afrique",
        "reference_date": "2024-03-30",
        "text": (
            "Le capitaine Traoré a nommé vendredi un nouveau chef d'état-major de l'armée de terre. Ce "
            "remaniement intervient trois semaines après l'attaque du 10 mars contre le camp de Djibo, qui "
            "avait coûté la vie à 110 soldats et suscité la colère des familles de militaires."
        ),
        "gold": [("I01", ["l'attaque du 10 mars", "coûté la vie"])],
    },
    # --- I02: missile strike on Kharkiv, Tuesday 14 May 2024, morning ---
    {
        "id": "i02-afp",
        "outlet": "AFP",
        "reference_date": "2024-05-14",
        "text": (
            "Kharkiv (Ukraine), 14 mai 2024 (AFP) - Trois personnes ont été tuées et vingt blessées mardi "
            "matin par une frappe de missile russe sur une zone industrielle de Kharkiv, a annoncé le "
            "gouverneur régional Oleg Synegoubov. Un entrepôt a pris feu après l'impact."
        ),
        "gold": [("I02", ["tuées", "frappe de missile"])],
    },
    {
        "id": "i02-f24",
        "outlet": "France 24",
        "reference_date": "2024-05-15",
        "text": (
            "Le bilan de la frappe russe qui a touché mardi une imprimerie de Kharkiv, deuxième ville "
            "d'Ukraine, est passé à cinq morts, ont annoncé les secours. Deux missiles S-300 ont atteint le "
            "bâtiment en pleine matinée, selon le parquet régional."
        ),
        "gold": [("I02", ["la frappe russe", "touché", "ont atteint"])],
    },
    {
        "id": "i02-lib",
        "outlet": "Libération",
        "reference_date": "2024-05-16",
        "text": (
            "A Kharkiv, les ouvriers de l'imprimerie détruite mardi enterrent leurs collègues. Sept "
            "personnes ont finalement péri dans le bombardement, qui a également fait vingt-deux blessés, "
            "selon le dernier décompte des autorités de l'oblast."
        ),
        "gold": [("I02", ["détruite", "péri", "bombardement"])],
    },
    # --- I03: glide bomb on a residential block in Kharkiv, Wednesday 15 May 2024, evening ---
    {
        "id": "i03-afp",
        "outlet": "AFP",
        "reference_date": "2024-05-15",
        "text": (
            "Une bombe aérienne guidée a frappé mercredi soir un immeuble résidentiel du quartier de "
            "Saltivka, à Kharkiv, tuant une femme et blessant douze personnes, selon le maire Igor Terekhov. "
            "La ville avait déjà été visée la veille par une frappe qui avait fait cinq morts dans une "
            "imprimerie."
        ),
        "gold": [
            ("I03", ["a frappé", "tuant", "blessant"]),
            ("I02", ["visée", "une frappe qui"]),
        ],
    },
    {
        "id": "i03-of",
        "outlet": "Ouest-France",
        "reference_date": "2024-05-16",
        "text": (
            "Nouvelle nuit de terreur à Kharkiv. Hier soir, une bombe planante larguée par un avion russe "
            "s'est abattue sur un immeuble de neuf étages. Une habitante a été tuée et quatorze personnes "
            "ont été blessées, dont deux enfants."
        ),
        "gold": [("I03", ["s'est abattue", "tuée", "blessées"])],
    },
    {
        "id": "i03-tv5",
        "outlet": "TV5Monde",
        "reference_date": "2024-05-17",
        "text": (
            "Deux jours après le bombardement d'un immeuble de Saltivka mercredi, le bilan s'élève "
            "désormais à deux morts : un homme blessé dans l'attaque a succombé à l'hôpital, a indiqué "
            "jeudi la municipalité de Kharkiv."
        ),
        "gold": [("I03", ["le bombardement", "l'attaque", "succombé"])],
    },
    # --- I04: drones on the port of Odessa, night of Sat 1 to Sun 2 June 2024 ---
    {
        "id": "i04-afp",
        "outlet": "AFP",
        "reference_date": "2024-06-02",
        "text": (
            "Deux employés du port d'Odessa ont été tués dans la nuit de samedi à dimanche par une attaque "
            "de drones russes qui a endommagé un terminal céréalier, a indiqué l'administration militaire "
            "régionale. Les défenses antiaériennes ont abattu une partie des engins."
        ),
        "gold": [("I04", ["tués", "attaque de drones", "endommagé", "abattu"])],
    },
    {
        "id": "i04-figaro",
        "outlet": "Le Figaro",
        "reference_date": "2024-06-03",
        "text": (
            "Tôt dimanche, des drones Shahed ont visé les infrastructures portuaires d'Odessa, au bord de "
            "la mer Noire. Deux dockers ont perdu la vie et un entrepôt de grain a été ravagé par les "
            "flammes, selon le gouverneur Oleg Kiper."
        ),
        "gold": [("I04", ["ont visé", "perdu la vie", "ravagé"])],
    },
    {
        "id": "i04-rfi",
        "outlet": "RFI",
        "reference_date": "2024-06-04",
        "text": (
            "Le port d'Odessa, par lequel transite une grande partie des exportations de céréales "
            "ukrainiennes, a de nouveau été frappé le 2 juin par des drones explosifs. L'attaque a fait "
            "deux morts parmi les ouvriers, et les dégâts retardent le chargement de trois navires."
        ),
        "gold": [("I04", ["frappé", "L'attaque", "deux morts"])],
    },
    # --- I05: drones on Zaporizhzhia city, the same night (1 to 2 June 2024) ---
    {
        "id": "i05-afp",
        "outlet": "AFP",
        "reference_date": "2024-06-02",
        "text": (
            "A Zaporijjia, une attaque de drones russes a fait quatre morts dans la nuit de samedi à "
            "dimanche, dont un adolescent, et endommagé une dizaine de maisons, a annoncé le gouverneur "
            "Ivan Fedorov."
        ),
        "gold": [("I05", ["attaque de drones", "quatre morts", "endommagé"])],
    },
    {
        "id": "i05-f24",
        "outlet": "France 24",
        "reference_date": "2024-06-02",
        "text": (
            "Zaporijjia a été la cible dimanche avant l'aube de drones kamikazes lancés par l'armée russe. "
            "Quatre civils ont été tués dans un quartier résidentiel du sud de la ville, selon les "
            "autorités régionales."
        ),
        "gold": [("I05", ["la cible", "tués"])],
    },
    {
        "id": "i05-monde",
        "outlet": "Le Monde",
        "reference_date": "2024-06-03",
        "text": (
            "Dans l'oblast de Zaporijjia, le bombardement de drones de la nuit de samedi à dimanche a "
            "coûté la vie à cinq personnes, le corps d'une femme ayant été retrouvé lundi sous les "
            "décombres d'une maison."
        ),
        "gold": [("I05", ["le bombardement", "coûté la vie", "retrouvé"])],
    },
    # --- I06: Israeli strike on a school used as a shelter in Nuseirat (Gaza), Thursday 6 June 2024 ---
    {
        "id": "i06-afp",
        "outlet": "AFP",
        "reference_date": "2024-06-06",
        "text": (
            "Au moins 27 personnes ont été tuées jeudi à l'aube dans une frappe israélienne sur une école "
            "de l'ONU abritant des déplacés à Nousseirat, dans le centre de la bande de Gaza, selon la "
            "Défense civile. L'armée israélienne affirme avoir visé un poste de commandement du Hamas."
        ),
        "gold": [("I06", ["tuées", "frappe israélienne", "avoir visé"])],
    },
    {
        "id": "i06-olj",
        "outlet": "L'Orient-Le Jour",
        "reference_date": "2024-06-06",
        "text": (
            "L'aviation israélienne a bombardé dans la nuit de mercredi à jeudi une école gérée par "
            "l'UNRWA dans le camp de réfugiés de Nousseirat. Le bilan s'élève à 33 morts, dont des femmes "
            "et des enfants, selon le ministère de la Santé du Hamas."
        ),
        "gold": [("I06", ["a bombardé", "33 morts"])],
    },
    {
        "id": "i06-monde",
        "outlet": "Le Monde",
        "reference_date": "2024-06-08",
        "text": (
            "L'UNRWA a dénoncé samedi la frappe qui a détruit jeudi une de ses écoles à Nousseirat, où "
            "s'entassaient des milliers de déplacés. Quarante personnes au moins y ont trouvé la mort, "
            "selon un nouveau bilan."
        ),
        "gold": [("I06", ["la frappe", "détruit", "trouvé la mort"])],
    },
    # --- I07: Israeli drone strike on a car near Tyre (Lebanon), Wednesday 3 July 2024 ---
    {
        "id": "i07-olj",
        "outlet": "L'Orient-Le Jour",
        "reference_date": "2024-07-03",
        "text": (
            "Un commandant du Hezbollah et un autre combattant ont été tués mercredi après-midi par une "
            "frappe de drone israélien contre leur voiture, près de Tyr, dans le sud du Liban, selon une "
            "source sécuritaire libanaise."
        ),
        "gold": [("I07", ["tués", "frappe de drone"])],
    },
    {
        "id": "i07-afp",
        "outlet": "AFP",
        "reference_date": "2024-07-03",
        "text": (
            "Israël a revendiqué mercredi l'élimination d'un haut responsable militaire du Hezbollah, tué "
            "avec son garde du corps lorsqu'un drone a pris pour cible son véhicule sur la route côtière "
            "au sud de Tyr."
        ),
        "gold": [("I07", ["l'élimination", "tué", "pris pour cible"])],
    },
    {
        "id": "i07-f24",
        "outlet": "France 24",
        "reference_date": "2024-07-04",
        "text": (
            "Le Hezbollah a confirmé jeudi la mort de l'un de ses principaux commandants, tué la veille "
            "dans une frappe ciblée menée par un drone de l'armée israélienne dans la région de Tyr."
        ),
        "gold": [("I07", ["la mort", "tué", "frappe ciblée"])],
    },
    # --- I08: Hezbollah rockets on northern Israel, Thursday 4 July 2024 ---
    {
        "id": "i08-afp",
        "outlet": "AFP",
        "reference_date": "2024-07-04",
        "text": (
            "Le Hezbollah a tiré jeudi plus de 200 roquettes et des drones explosifs vers le nord d'Israël, "
            "en représailles à l'assassinat mercredi de l'un de ses commandants près de Tyr. Un soldat "
            "israélien a été tué sur le plateau du Golan, selon l'armée."
        ),
        "gold": [
            ("I08", ["a tiré", ("tué", 0)]),
            ("I07", ["l'assassinat"]),
        ],
    },
    {
        "id": "i08-olj",
        "outlet": "L'Orient-Le Jour",
        "reference_date": "2024-07-04",
        "text": (
            "Le parti chiite a lancé jeudi une salve massive de roquettes Katioucha contre plusieurs "
            "positions militaires israéliennes dans le Golan occupé et en Galilée, qualifiant l'opération de "
            "riposte. L'armée israélienne fait état d'un militaire tué."
        ),
        "gold": [("I08", ["a lancé", "salve", "l'opération", "tué"])],
    },
    {
        "id": "i08-figaro",
        "outlet": "Le Figaro",
        "reference_date": "2024-07-05",
        "text": (
            "Jeudi, les sirènes ont retenti de Kiryat Shmona au Golan : quelque 200 roquettes tirées "
            "depuis le Liban se sont abattues sur le nord d'Israël, tuant un soldat de Tsahal. Il s'agit de "
            "l'une des attaques les plus massives du Hezbollah depuis octobre."
        ),
        "gold": [("I08", ["tirées", "se sont abattues", "tuant", "attaques"])],
    },
    # --- I09: Houthi missile on a cargo ship in the Gulf of Aden, Sunday 18 February 2024 ---
    {
        "id": "i09-afp",
        "outlet": "AFP",
        "reference_date": "2024-02-18",
        "text": (
            "Les Houthis du Yémen ont revendiqué dimanche une attaque au missile contre un vraquier "
            "battant pavillon bélizien, l'Aurora Star, dans le golfe d'Aden. Le navire a été touché à la "
            "poupe et l'équipage a dû l'évacuer, selon l'agence britannique UKMTO."
        ),
        "gold": [("I09", ["attaque au missile", "touché"])],
    },
    {
        "id": "i09-monde",
        "outlet": "Le Monde",
        "reference_date": "2024-02-19",
        "text": (
            "Un cargo transportant des engrais a été gravement endommagé dimanche soir par un missile "
            "antinavire tiré par les rebelles houthistes, à environ 35 milles nautiques au sud-est d'Aden. "
            "Aucune victime n'est à déplorer."
        ),
        "gold": [("I09", ["endommagé", "tiré"])],
    },
    {
        "id": "i09-rfi",
        "outlet": "RFI",
        "reference_date": "2024-02-20",
        "text": (
            "L'Aurora Star, frappé dimanche au large du Yémen, prend l'eau et menace de couler, a averti "
            "mardi le commandement militaire américain pour le Moyen-Orient. Son équipage, évacué après "
            "l'attaque des Houthis, est sain et sauf."
        ),
        "gold": [("I09", ["frappé", "l'attaque"])],
    },
    # --- I10: drone attack on the Ain al-Asad air base (Iraq), Sunday 4 February 2024 ---
    {
        "id": "i10-afp",
        "outlet": "AFP",
        "reference_date": "2024-02-04",
        "text": (
            "Plusieurs militaires américains ont été légèrement blessés dimanche dans une attaque de drone "
            "contre la base aérienne d'Aïn al-Asad, dans l'ouest de l'Irak, a indiqué un responsable du "
            "Pentagone. L'attaque a été revendiquée par la Résistance islamique en Irak."
        ),
        "gold": [("I10", ["blessés", "attaque de drone", ("L'attaque", 0)])],
    },
    {
        "id": "i10-f24",
        "outlet": "France 24",
        "reference_date": "2024-02-05",
        "text": (
            "Quatre soldats américains ont été blessés dans l'attaque au drone qui a visé dimanche une base "
            "abritant des forces de la coalition internationale dans la province d'Anbar. Washington promet "
            "une réponse."
        ),
        "gold": [("I10", ["blessés", "l'attaque au drone", "a visé"])],
    },
    {
        "id": "i10-figaro",
        "outlet": "Le Figaro",
        "reference_date": "2024-02-05",
        "text": (
            "Un drone chargé d'explosifs a frappé hier la base d'Aïn al-Assad, où sont stationnés des "
            "militaires américains. Quatre d'entre eux ont subi des commotions cérébrales, selon le "
            "commandement central."
        ),
        "gold": [("I10", ["a frappé", "commotions"])],
    },
    # --- I11: car bomb in the market of Azaz (Syria), Saturday 20 April 2024 ---
    {
        "id": "i11-afp",
        "outlet": "AFP",
        "reference_date": "2024-04-20",
        "text": (
            "Huit personnes ont été tuées samedi par l'explosion d'une voiture piégée sur un marché "
            "d'Azaz, une ville du nord de la Syrie contrôlée par des factions proturques, selon "
            "l'Observatoire syrien des droits de l'homme."
        ),
        "gold": [("I11", ["tuées", "l'explosion"])],
    },
    {
        "id": "i11-olj",
        "outlet": "L'Orient-Le Jour",
        "reference_date": "2024-04-21",
        "text": (
            "Un attentat à la voiture piégée a fait au moins dix morts et une trentaine de blessés samedi "
            "dans le marché central d'Azaz, dans la province d'Alep. L'attaque n'a pas été revendiquée."
        ),
        "gold": [("I11", ["attentat", "dix morts", "L'attaque"])],
    },
    {
        "id": "i11-f24",
        "outlet": "France 24",
        "reference_date": "2024-04-22",
        "text": (
            "Le bilan de l'explosion qui a ravagé samedi le marché d'Azaz s'est alourdi à douze morts, "
            "deux blessés ayant succombé dimanche. La Turquie a condamné un « acte terroriste lâche »."
        ),
        "gold": [("I11", ["l'explosion", "ravagé", "douze morts"])],
    },
    # --- I12: attack on the Boulkessi military camp (Mali), Thursday 11 April 2024 ---
    {
        "id": "i12-rfi",
        "outlet": "RFI",
        "reference_date": "2024-04-11",
        "text": (
            "Le camp militaire de Boulkessi, dans le centre du Mali, a été attaqué jeudi matin par des "
            "combattants jihadistes. L'armée malienne affirme avoir repoussé l'assaut et fait état de sept "
            "soldats tués."
        ),
        "gold": [("I12", ["attaqué", "repoussé", "l'assaut", "tués"])],
    },
    {
        "id": "i12-ja",
        "outlet": "Jeune Afrique",
        "reference_date": "2024-04-12",
        "text": (
            "Le JNIM a revendiqué l'attaque lancée jeudi contre la garnison de Boulkessi, près de la "
            "frontière burkinabè, affirmant avoir tué une trentaine de soldats. Un bilan impossible à "
            "vérifier de source indépendante."
        ),
        "gold": [("I12", ["l'attaque", "tué"])],
    },
    {
        "id": "i12-afp",
        "outlet": "AFP",
        "reference_date": "2024-04-13",
        "text": (
            "Au moins quinze militaires maliens ont été tués lors de l'attaque de jeudi contre leur camp "
            "dans la région de Mopti, selon des sources locales et sécuritaires, un bilan bien supérieur au "
            "chiffre officiel."
        ),
        "gold": [("I12", ["tués", "l'attaque"])],
    },
    # --- I13: ambush near Tassia, Tillaberi region (Niger), Sunday 24 March 2024 ---
    {
        "id": "i13-afp",
        "outlet": "AFP",
        "reference_date": "2024-03-25",
        "text": (
            "Vingt-trois soldats nigériens ont été tués dimanche dans une embuscade tendue par des "
            "jihadistes près du village de Tassia, dans la région de Tillabéri, a annoncé lundi le "
            "ministère de la Défense."
        ),
        "gold": [("I13", ["tués", "embuscade"])],
    },
    {
        "id": "i13-rfi",
        "outlet": "RFI",
        "reference_date": "2024-03-26",
        "text": (
            "Au Niger, une patrouille de l'armée est tombée dans une embuscade ce week-end dans la zone "
            "dite des trois frontières, dans l'ouest du pays. Le bilan officiel fait état de 23 militaires "
            "tués et de 17 blessés."
        ),
        "gold": [("I13", ["embuscade", "tués", "blessés"])],
    },
    {
        "id": "i13-tv5",
        "outlet": "TV5Monde",
        "reference_date": "2024-03-27",
        "text": (
            "Trois jours de deuil national ont été décrétés au Niger après l'embuscade de dimanche près de "
            "Téra, dans la région de Tillabéri, qui a coûté la vie à 23 soldats."
        ),
        "gold": [("I13", ["l'embuscade", "coûté la vie"])],
    },
    # --- I14: suicide bombings in Gwoza, Borno State (Nigeria), Saturday 29 June 2024 ---
    {
        "id": "i14-afp",
        "outlet": "AFP",
        "reference_date": "2024-06-29",
        "text": (
            "Au moins 18 personnes ont été tuées samedi dans une série d'attentats-suicides commis par des "
            "femmes kamikazes à Gwoza, dans l'État de Borno, dans le nord-est du Nigeria, lors d'un "
            "mariage, selon les services de secours."
        ),
        "gold": [("I14", ["tuées", "attentats-suicides"])],
    },
    {
        "id": "i14-rfi",
        "outlet": "RFI",
        "reference_date": "2024-06-30",
        "text": (
            "Trois kamikazes se sont fait exploser samedi à Gwoza : la première lors d'une cérémonie de "
            "mariage, la deuxième devant un hôpital et la troisième pendant des funérailles. Le bilan est "
            "de 32 morts et de plus de 40 blessés."
        ),
        "gold": [("I14", ["se sont fait exploser", "32 morts", "blessés"])],
    },
    {
        "id": "i14-monde",
        "outlet": "Le Monde",
        "reference_date": "2024-07-01",
        "text": (
            "Dans le nord-est du Nigeria, les attentats-suicides de samedi dans l'État de Borno, attribués "
            "à Boko Haram, rappellent que le groupe jihadiste n'a rien perdu de sa capacité de nuisance. "
            "Ils ont fait 32 morts."
        ),
        "gold": [("I14", ["attentats-suicides", "32 morts"])],
    },
    # --- I15: Shebab attack on Lido beach, Mogadishu (Somalia), Friday 2 August 2024, evening ---
    {
        "id": "i15-afp",
        "outlet": "AFP",
        "reference_date": "2024-08-03",
        "text": (
            "Au moins 32 personnes ont été tuées et 63 blessées vendredi soir dans une attaque des shebab "
            "contre un restaurant de la plage du Lido, à Mogadiscio, selon la police somalienne. Un "
            "kamikaze s'est fait exploser avant que des hommes armés n'ouvrent le feu sur les clients."
        ),
        "gold": [("I15", ["tuées", "attaque", "s'est fait exploser", "ouvrent le feu"])],
    },
    {
        "id": "i15-rfi",
        "outlet": "RFI",
        "reference_date": "2024-08-03",
        "text": (
            "Nuit d'horreur sur la plage du Lido : un commando des shebab a pris d'assaut vendredi un "
            "restaurant bondé de la capitale somalienne. Les forces de sécurité ont mis fin à l'attaque "
            "après plusieurs heures. Le bilan provisoire est de 32 morts."
        ),
        "gold": [("I15", ["pris d'assaut", "l'attaque", "32 morts"])],
    },
    {
        "id": "i15-f24",
        "outlet": "France 24",
        "reference_date": "2024-08-04",
        "text": (
            "Le bilan de l'attentat de vendredi à Mogadiscio est passé à 37 morts, ont annoncé dimanche les "
            "autorités somaliennes. Le groupe jihadiste shebab, lié à Al-Qaïda, a revendiqué l'attaque."
        ),
        "gold": [("I15", ["l'attentat", "37 morts", "l'attaque"])],
    },
    # --- I16: shelling of the Mugunga displacement camp near Goma (DR Congo), Friday 3 May 2024 ---
    {
        "id": "i16-rfi",
        "outlet": "RFI",
        "reference_date": "2024-05-03",
        "text": (
            "Des obus sont tombés vendredi matin sur le camp de déplacés de Mugunga, à l'ouest de Goma, "
            "faisant au moins neuf morts, dont des enfants, selon la société civile du Nord-Kivu. Kinshasa "
            "accuse le M23 et l'armée rwandaise."
        ),
        "gold": [("I16", ["sont tombés", "neuf morts"])],
    },
    {
        "id": "i16-afp",
        "outlet": "AFP",
        "reference_date": "2024-05-04",
        "text": (
            "Le bombardement de deux camps de déplacés près de Goma a fait au moins 18 morts vendredi, a "
            "indiqué samedi le gouvernement congolais, qui attribue les tirs d'artillerie aux rebelles du "
            "M23 soutenus par le Rwanda."
        ),
        "gold": [("I16", ["Le bombardement", "18 morts", "tirs d'artillerie"])],
    },
    {
        "id": "i16-monde",
        "outlet": "Le Monde",
        "reference_date": "2024-05-06",
        "text": (
            "En RDC, le bilan des tirs d'obus qui ont frappé vendredi les camps de déplacés de la périphérie "
            "de Goma atteint désormais 35 morts, selon l'ONU. Washington a condamné une attaque « "
            "effroyable »."
        ),
        "gold": [("I16", ["tirs d'obus", "ont frappé", "35 morts", "une attaque"])],
    },
    # --- I17: RSF shelling of a market in El-Fasher (Sudan), Sunday 21 July 2024 ---
    {
        "id": "i17-afp",
        "outlet": "AFP",
        "reference_date": "2024-07-21",
        "text": (
            "Quinze civils ont été tués dimanche par des tirs d'artillerie des Forces de soutien rapide "
            "(FSR) sur un marché d'El-Facher, capitale du Darfour-Nord, selon un comité de résistance local."
        ),
        "gold": [("I17", ["tués", "tirs d'artillerie"])],
    },
    {
        "id": "i17-f24",
        "outlet": "France 24",
        "reference_date": "2024-07-22",
        "text": (
            "Au Soudan, les paramilitaires ont pilonné dimanche le marché principal d'El-Fasher, "
            "assiégée depuis des semaines. Au moins quinze personnes sont mortes et une quarantaine ont "
            "été blessées, selon Médecins sans frontières."
        ),
        "gold": [("I17", ["ont pilonné", "mortes", "blessées"])],
    },
    {
        "id": "i17-tv5",
        "outlet": "TV5Monde",
        "reference_date": "2024-07-23",
        "text": (
            "Le bombardement du marché d'El-Fasher par les FSR dimanche a fait 18 morts, selon un nouveau "
            "bilan des autorités du Darfour-Nord, qui dénoncent un crime de guerre."
        ),
        "gold": [("I17", ["Le bombardement", "18 morts"])],
    },
    # --- unrelated passages ---
    {
        "id": "d01-bf-statement",
        "outlet": "AIB",
        "reference_date": "2024-03-12",
        "text": (
            "Le gouvernement burkinabè a adopté mardi en Conseil des ministres un projet de loi sur la "
            "mobilisation générale et annoncé le recrutement de 5 000 volontaires pour la défense de la "
            "patrie."
        ),
        "gold": [],
    },
    {
        "id": "d02-dnipro",
        "outlet": "AFP",
        "reference_date": "2024-05-14",
        "text": (
            "A Dnipro, un missile russe a touché mardi une station-service, blessant six personnes, a "
            "indiqué le gouverneur Serguiï Lyssak."
        ),
        "gold": [("D02", ["a touché", "blessant"])],
    },
    {
        "id": "d03-rafah",
        "outlet": "AFP",
        "reference_date": "2024-06-06",
        "text": (
            "Une frappe aérienne israélienne a tué jeudi cinq membres d'une même famille dans leur maison "
            "de Rafah, dans le sud de la bande de Gaza, selon des sources hospitalières."
        ),
        "gold": [("D03", ["frappe aérienne", "a tué"])],
    },
    {
        "id": "d04-mopti",
        "outlet": "RFI",
        "reference_date": "2024-04-16",
        "text": (
            "Des hommes armés ont attaqué lundi le village de Djiguibombo, dans le cercle de Bandiagara, "
            "région de Mopti, tuant onze civils, selon des élus locaux."
        ),
        "gold": [("D04", ["ont attaqué", "tuant"])],
    },
    {
        "id": "d05-lebanon-politics",
        "outlet": "L'Orient-Le Jour",
        "reference_date": "2024-07-04",
        "text": (
            "Le Parlement libanais a de nouveau échoué jeudi à élire un président de la République, le "
            "treizième vote en vingt mois, faute de quorum."
        ),
        "gold": [],
    },
    {
        "id": "d06-baghdad",
        "outlet": "AFP",
        "reference_date": "2024-02-05",
        "text": (
            "Trois roquettes ont été tirées lundi soir vers l'ambassade des Etats-Unis à Bagdad, sans faire "
            "de victimes, selon une source sécuritaire irakienne."
        ),
        "gold": [("D06", ["tirées"])],
    },
    {
        "id": "d07-tillaberi",
        "outlet": "RFI",
        "reference_date": "2024-03-30",
        "text": (
            "Dans la région de Tillabéri, une attaque contre le village de Bankilaré a fait douze morts "
            "parmi les civils vendredi, a rapporté samedi un élu de la commune."
        ),
        "gold": [("D07", ["une attaque", "douze morts"])],
    },
    {
        "id": "d08-borno",
        "outlet": "AFP",
        "reference_date": "2024-07-06",
        "text": (
            "Des jihadistes ont enlevé vendredi une quinzaine de femmes qui ramassaient du bois près de "
            "Kirawa, dans l'Etat de Borno, ont indiqué des miliciens."
        ),
        "gold": [("D08", ["ont enlevé"])],
    },
    {
        "id": "d09-jubaland",
        "outlet": "AFP",
        "reference_date": "2024-08-03",
        "text": (
            "Le commandement américain pour l'Afrique a annoncé samedi avoir mené une frappe aérienne contre "
            "des combattants shebab près de Kismayo, dans le Jubaland, tuant trois d'entre eux."
        ),
        "gold": [("D09", ["frappe aérienne", "tuant"])],
    },
    {
        "id": "d10-belgorod",
        "outlet": "AFP",
        "reference_date": "2024-06-02",
        "text": (
            "Une attaque de drones ukrainiens a blessé deux personnes dans la nuit de samedi à dimanche à "
            "Belgorod, en Russie, a affirmé le gouverneur Viatcheslav Gladkov."
        ),
        "gold": [("D10", ["attaque de drones", "blessé"])],
    },
    {
        "id": "d11-redsea",
        "outlet": "AFP",
        "reference_date": "2024-02-20",
        "text": (
            "Un porte-conteneurs a été visé mardi par deux missiles en mer Rouge, au large du port yéménite "
            "de Hodeïda, sans être touché, a indiqué l'UKMTO."
        ),
        "gold": [("D11", ["visé"])],
    },
    {
        "id": "d12-tellabyad",
        "outlet": "AFP",
        "reference_date": "2024-04-20",
        "text": (
            "Une voiture piégée a explosé samedi près d'un poste de contrôle à Tell Abyad, dans le nord-est "
            "de la Syrie, tuant quatre combattants proturcs, selon l'OSDH."
        ),
        "gold": [("D12", ["a explosé", "tuant"])],
    },
    {
        "id": "d13-anniversary",
        "outlet": "Le Monde",
        "reference_date": "2024-10-07",
        "text": (
            "Un an après l'attaque du 7 octobre 2023, qui a fait 1 200 morts en Israël, des milliers de "
            "personnes se sont rassemblées lundi à Tel-Aviv pour rendre hommage aux victimes."
        ),
        "gold": [],
    },
    {
        "id": "d14-exercise",
        "outlet": "Ouest-France",
        "reference_date": "2024-05-15",
        "text": (
            "Les armées française et belge mènent cette semaine un exercice conjoint dans les Ardennes, avec "
            "des tirs d'artillerie à balles réelles et la participation de 1 500 militaires."
        ),
        "gold": [],
    },
    {
        "id": "d15-gezira",
        "outlet": "France 24",
        "reference_date": "2024-07-09",
        "text": (
            "Les Forces de soutien rapide ont attaqué lundi le village de Wad Ashib, dans l'Etat d'Al-Jazira, "
            "tuant au moins vingt habitants, selon un comité de résistance."
        ),
        "gold": [("D15", ["ont attaqué", "tuant"])],
    },
]
