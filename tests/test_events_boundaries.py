"""What is one incident (§5 of the guidelines, "One incident or several"): sides, cues of another incident,
nights, air attacks, datelines, headlines and ledes.

The phrases are written for these tests; none is taken from the seed articles or the development corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest

import milinc
from milinc.events.cues import Cues
from milinc.events.places import PlaceMention
from milinc.events.sides import place_sides
from milinc.extensions import Extensions
from milinc.ontology import Action, Event, Place, PlaceKind
from milinc.plugins import Plugin

REF = dt.date(2024, 9, 25)  # a Wednesday
PARSER = milinc.Parser(discover=False)


def events(text: str, parser: milinc.Parser = PARSER) -> tuple[Event, ...]:
    return parser.parse(text, reference_date=REF).events


# --- sides -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    # the nationality of the trigger and of its complement ("frappes israéliennes", "tirs … du Hamas")
    "Des frappes israéliennes ont tué lundi quatre personnes. Lundi soir, des tirs de roquettes du Hamas ont "
    "visé Ashkelon.",
    # the launch site ("tirées depuis le Liban") says who fired
    "Lundi, l'aviation israélienne a bombardé un dépôt. Dans la soirée, des roquettes tirées depuis le Liban "
    "ont frappé la Galilée.",
    # the land of the scene says who was hit
    "Des drones ukrainiens ont visé lundi un aérodrome militaire. Lundi, des frappes ont touché Kharkiv, "
    "blessant trois civils.",
    # the subject before a quoted verb ("Les combattants du Hamas « ont tiré … »")
    "Les combattants du Hamas « ont tiré des roquettes » sur Sdérot lundi. Lundi, une frappe israélienne a "
    "tué deux personnes.",
])
def test_the_other_sides_retaliation_is_another_incident(text: str) -> None:
    assert len(events(text)) == 2


def test_a_land_never_makes_a_side_its_own_target() -> None:
    cues = Cues()
    kharkiv = PlaceMention(30, 37, Place(name="Kharkiv", kind=PlaceKind.CITY, country="UA"), "gazetteer")
    text = "des missiles russes ont frappe kharkiv lundi"
    assert place_sides(text, cues, (0, len(text)), [kharkiv], Action.STRIKE, frozenset({"russia"})) == (
        frozenset(), frozenset({"ukraine"}))
    assert place_sides(text, cues, (0, len(text)), [kharkiv], Action.STRIKE, frozenset({"ukraine"})) == (
        frozenset(), frozenset())
    # fighting on the ground: both sides are at the scene
    assert place_sides(text, cues, (0, len(text)), [kharkiv], Action.CLASH, frozenset()) == (
        frozenset(), frozenset())


def test_a_launch_land_is_named_in_the_data() -> None:
    cues = Cues()
    text = "des drones lances depuis le territoire russe ont vise la ville"
    assert place_sides(text, cues, (0, len(text)), [], Action.STRIKE, frozenset()) == (
        frozenset({"russia"}), frozenset())
    extended = Cues(Extensions(lexicons={"launch_territories": ("transnistrie = russia",)}))
    text = "des drones lances depuis la transnistrie ont vise la ville"
    assert place_sides(text, extended, (0, len(text)), [], Action.STRIKE, frozenset())[0] == frozenset({"russia"})
    assert place_sides(text, cues, (0, len(text)), [], Action.STRIKE, frozenset())[0] == frozenset()


# --- cues of another incident ----------------------------------------------------------------------


@pytest.mark.parametrize("opening", [
    "Séparément,", "Par ailleurs,", "Dans un autre incident,", "Plus tard,", "Plus tôt dans la journée,",
    "Deux heures plus tard,", "Moins d'une heure après,",
])
def test_a_cue_of_another_incident_opens_a_new_one(opening: str) -> None:
    text = (f"Lundi, des drones ont frappé un dépôt de carburant près de Kherson. {opening} des drones ont visé "
            "un convoi de camions.")
    assert len(events(text)) == 2


def test_at_the_same_named_place_the_cue_keeps_one_incident() -> None:
    text = ("Une voiture piégée a explosé lundi devant le marché central de Kaboul. Peu après, des hommes armés "
            "ont ouvert le feu à Kaboul sur les secours.")
    assert len(events(text)) == 1


def test_a_plugin_adds_a_cue_of_another_incident() -> None:
    text = ("Lundi, des drones ont frappé un dépôt de carburant près de Kherson. Sans lien, des drones ont visé "
            "un convoi de camions.")
    plugin = Plugin(name="sans-lien", lexicons={"new_incident_openers": ["sans lien"]})
    assert len(events(text)) == 1
    assert len(events(text, milinc.Parser(plugins=[plugin], discover=False))) == 2


@pytest.mark.parametrize("text", [
    "Lundi, des avions ont bombardé un dépôt près de Hodeïda. Quatre autres frappes ont touché Zinjibar.",
    "Des frappes russes ont visé lundi le centre de Kharkiv. Au moins deux frappes ont aussi touché Soumy.",
])
def test_counted_strikes_on_another_town_are_another_incident(text: str) -> None:
    assert len(events(text)) == 2


def test_what_happened_the_day_before_is_another_incident() -> None:
    found = events("Les frappes de mardi sur Saada surviennent au lendemain de frappes israéliennes sur le port de "
                   "Hodeïda, qui ont fait trois morts.")
    assert len(found) == 2


# --- one incident told in pieces --------------------------------------------------------------------


def test_a_night_runs_into_the_next_morning() -> None:
    (e,) = events("Dans la nuit de lundi à mardi, des drones russes ont attaqué Odessa. Mardi vers 4 heures, un "
                  "drone a frappé le port d'Odessa, blessant un docker.")
    assert e.date is not None and e.date.value == "2024-09-23TNI"
    assert e.injured is not None and e.injured.value == 1


def test_an_air_attack_that_names_no_aircraft_takes_its_missiles_and_drones() -> None:
    (e,) = events("Lundi soir, l'ennemi a mené une attaque aérienne contre des positions près de Homs. La défense "
                  "antiaérienne a intercepté plusieurs missiles.")
    assert e.span.text == "attaque aérienne"


def test_a_named_aircraft_is_not_the_missile_attack_before_it() -> None:
    found = events("Lundi, la base d'Aïn al-Asad a été attaquée par un missile balistique. En riposte, un avion "
                   "AC-130 a frappé un véhicule de la milice.")
    assert len(found) == 2


def test_a_light_verb_waits_for_its_object_only() -> None:
    # "avoir lancé des roquettes … après des frappes": the light verb's object is the rockets, not the strikes
    found = events("Le Hezbollah a affirmé lundi avoir lancé des roquettes sur la Galilée après des frappes "
                   "israéliennes sur le sud du Liban.")
    assert sorted(e.span.text for e in found) == ["avoir lancé", "frappes israéliennes"]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Moins d'une heure plus tard, le destroyer a « abattu » deux drones au-dessus de la mer Rouge.", "a « abattu"),
    ("La marine a réussi à intercepter lundi trois missiles tirés vers le golfe d'Aden.", "a réussi à intercepter"),
    ("Deux drones ont visé le port lundi. La défense aérienne les a détruits avant l'impact.", "ont visé"),
])
def test_verb_groups_that_found_an_incident(text: str, trigger: str) -> None:
    (e,) = events(text)
    assert e.span.text == trigger


# --- layout: datelines, headlines, ledes ----------------------------------------------------------------


def test_a_place_in_parentheses_opens_a_dispatch() -> None:
    (e,) = events("(Beyrouth) Une frappe israélienne a tué lundi deux personnes dans le sud du pays.")
    assert e.location is None or e.location.name != "Beyrouth"


def test_a_date_and_an_agency_open_a_dispatch() -> None:
    (e,) = events("23 septembre (AFP) – Une frappe de drone a tué deux combattants près de Nabatiyé.")
    assert e.date is None


def test_a_sentence_with_a_comma_and_a_day_is_no_dateline() -> None:
    (e,) = events("Des jihadistes ont attaqué, lundi, un poste de gendarmerie près de Djibo.")
    assert e.date is not None and e.date.value == "2024-09-23"


def test_a_long_first_sentence_is_the_lede_not_a_headline() -> None:
    text = ("Le Hezbollah a affirmé lundi avoir tiré des dizaines de roquettes sur une caserne de Kiryat Shmona, "
            "en riposte à une frappe israélienne qui a tué deux de ses membres dans le sud du Liban.\n"
            "Selon l'armée israélienne, la plupart des roquettes sont tombées dans des zones inhabitées.")
    found = events(text)
    assert sorted(e.span.text for e in found) == ["avoir tiré", "frappe israélienne"]


# --- summaries, places that open a sentence, pauses, anaphors ---------------------------------------


@pytest.mark.parametrize("lede", [
    "Trois attaques ont visé mardi des positions de l'armée dans le nord du Mali.",
    "Deux attentats ont frappé mardi des positions de l'armée dans le nord du Mali.",
])
def test_counted_incidents_sum_up_those_told_after_them(lede: str) -> None:
    text = (f"{lede} À Gao, des hommes armés ont attaqué un poste militaire. À Tombouctou, un engin explosif a "
            "visé une patrouille.")
    found = events(text)
    assert len(found) == 2
    assert all(e.span.text not in ("attaques", "attentats") for e in found)


def test_a_counted_munition_is_still_one_incident() -> None:
    # "deux frappes" are the munitions of one incident, not two incidents
    (e,) = events("Deux frappes ont touché mardi le port de Hodeïda, tuant trois dockers.")
    assert e.killed is not None and e.killed.value == 3


@pytest.mark.parametrize("opening", ["À Kharkiv,", "Dans la ville de Kharkiv,", "Près de Kharkiv,"])
def test_a_place_that_opens_a_sentence_tells_another_incident(opening: str) -> None:
    text = f"Des drones ont frappé mardi un dépôt de carburant près d'Odessa. {opening} un immeuble a été touché par un missile."
    assert len(events(text)) == 2


def test_a_place_that_opens_a_sentence_keeps_the_incident_told_there() -> None:
    text = "Des drones ont frappé mardi un dépôt de carburant à Odessa. À Odessa, un immeuble a été touché par un drone."
    assert len(events(text)) == 1


def test_after_a_lull_the_fire_is_another_incident() -> None:
    found = events("Des roquettes ont été tirées dans la nuit sur Sdérot. Après deux heures de calme, les tirs de "
                   "roquettes ont visé lundi matin la ville d'Ashkelon.")
    assert len(found) == 2
    assert found[1].span.text in ("tirs de roquettes", "ont visé")


def test_the_noun_of_the_cue_stays_with_what_it_names() -> None:
    # "Peu après les tirs": the noun is the cue's, it names the fire told before
    found = events("Des roquettes ont été tirées lundi sur Metoula. Peu après les tirs, des avions ont frappé le lieu "
                   "du tir dans le sud du Liban.")
    assert len(found) == 2
    assert found[0].span.text == "ont été tirées"


def test_a_fire_told_over_a_period_is_no_incident() -> None:
    (e,) = events("Plus de 500 obus ont été tirés sur la province depuis lundi. Mercredi, un obus a tué deux civils "
                  "à Kherson.")
    assert e.span.text == "a tué"


def test_a_bare_anaphor_names_no_incident_of_its_own() -> None:
    (e,) = events("Un engin explosif a visé lundi un convoi militaire près de Tessalit. Des avions de chasse sont "
                  "intervenus après l'attaque.")
    assert e.span.text == "a visé"


def test_a_definite_noun_with_its_own_complement_is_a_new_incident() -> None:
    found = events("Des avions ont bombardé mardi le port de Hodeïda. Les insurgés ont revendiqué jeudi l'attaque "
                   "d'un cargo en mer Rouge.")
    assert [e.span.text for e in found] == ["avions ont bombardé", "attaque"]


def test_a_plugin_adds_a_pause_of_the_fighting() -> None:
    text = ("Des roquettes ont été tirées dans la nuit sur Sdérot. Après deux heures de trêve humanitaire, les tirs "
            "de roquettes ont visé lundi matin Ashkelon.")
    plugin = Plugin(name="treve", lexicons={"lull_nouns": ["trêve humanitaire"]})
    assert len(events(text, milinc.Parser(plugins=[plugin], discover=False))) == 2


# --- statements, headlines, sequences, sharing --------------------------------------------------------


def test_the_day_of_a_statement_bounds_an_incident_it_does_not_date() -> None:
    # the attack of Tuesday is what a channel "reported on Wednesday": one incident
    found = events("Des responsables ont indiqué que l'attaque de mardi visait la base d'al-Tanf. Une chaîne de "
                   "télévision a rapporté mercredi que des bases avaient été attaquées. La chaîne a rapporté une "
                   "attaque de drone sur la base d'al-Tanf.")
    assert len(found) == 1


def test_an_incident_told_after_the_statement_day_is_another() -> None:
    found = events("Deux responsables ont déclaré lundi soir que la base d'Aïn al-Asad avait été attaquée par un "
                   "missile. Mardi, des frappes américaines ont tué cinq miliciens près d'al-Qaïm.")
    assert len(found) == 2


def test_the_headline_lines_tell_one_incident() -> None:
    text = ("Niger : six soldats tués dans une embuscade\n"
            "Nouvelle attaque dans l'ouest du pays\n\n"
            "Six soldats ont été tués mardi dans une embuscade près de Tillabéri, a annoncé l'armée.")
    assert len(events(text)) == 1


def test_what_an_incident_followed_is_another_even_told_by_its_noun() -> None:
    found = events("Quatre frappes ont touché dimanche le port de Ras Issa. Les attaques de dimanche surviennent "
                   "au lendemain de frappes israéliennes sur le port d'Aden, qui ont fait six morts.")
    assert len(found) == 2


def test_a_founder_joins_the_incident_it_shares_something_with() -> None:
    # the attack told in between shares nothing with the rockets: they join the rockets told first
    found = events("Le Hezbollah a tiré lundi des roquettes sur le nord d'Israël. Par ailleurs, un attentat a visé un "
                   "commissariat.\n\nSes combattants ont lancé des roquettes Katioucha sur le kibboutz de Metoula, "
                   "a-t-il ajouté.")
    assert [[m.text for m in e.mentions] for e in found] == [["a tiré", "ont lancé"], ["attentat", "a visé"]]


def test_a_clause_framed_by_an_incident_is_part_of_it() -> None:
    # "Au cours de l'attaque, … a également lancé … vers X": the same attack, even towards another city
    found = events("Dans la nuit, des drones russes ont attaqué Odessa et Mykolaïv. Au cours de l'attaque aérienne, "
                   "l'ennemi a également lancé un missile de croisière en direction de Dnipro.")
    assert len(found) == 1
