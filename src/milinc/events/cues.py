"""The French cue words of the events stage, from ``data/cues.json`` and the plugins.

Each list of the data file (reporting verbs, casualty verbs, sequence cues,
background nouns, light verbs…) is a lexicon that plugins extend under its own
name (``Plugin(lexicons={"reporting_participles": ["martelé"]})``). This module
folds the phrases like the text and builds, once per plugin set, the regular
expressions that use them: each expression keeps its construction (what comes
before and after the words, written here), the lists give the words.

Phrase syntax: a phrase is matched as written once folded (lowercase, no
accents); one that ends in ``*`` is a prefix (any word ending). Where one phrase
starts another, the order of the list decides which is tried first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .. import regexes
from ..extensions import NO_EXTENSIONS, Extensions
from ..normalize import fold
from .lexicon import load_data

__all__ = ["CUE_LISTS", "Cues", "builtin_cues", "cue_descriptions"]


def cue_descriptions() -> dict[str, str]:
    """Every cue list of ``data/cues.json``, by name, with what it lists (for the plugin guide and checks)."""
    return {name: entry["description"] for name, entry in load_data("cues")["lists"].items()}


CUE_LISTS: tuple[str, ...] = tuple(load_data("cues")["lists"])
"""The names of the cue lists, which are also the names of the lexicons plugins add cue words to."""


def _choices(words: Iterable[str]) -> str:
    """The folded phrases as regex alternatives, in order, without duplicates (``*`` at the end: a prefix)."""
    out: list[str] = []
    for word in words:
        prefix = word.endswith("*")
        piece = re.escape(word[:-1] if prefix else word) + (r"\w*" if prefix else "")
        if piece not in out:
            out.append(piece)
    return "|".join(out)


def _alternation(words: Iterable[str]) -> str:
    """:func:`_choices` as one group."""
    return "(?:" + _choices(words) + ")"


def _spaced(words: Iterable[str]) -> list[str]:
    """Phrases followed by a space, except those that end in an apostrophe ("type de ", "type d'")."""
    return [w if w.endswith("'") else w + " " for w in words]


class Cues:
    """The cue lists of one plugin set, folded, with the expressions built from them."""

    def __init__(self, extensions: Extensions = NO_EXTENSIONS) -> None:
        data = load_data("cues")["lists"]
        self.words: dict[str, tuple[str, ...]] = {}
        """Cue list name → its folded phrases (built-in first, then the plugins')."""
        for name, entry in data.items():
            phrases = extensions.lexicon(name, list(entry["words"]))
            folded = [fold(p) if not p.endswith("*") else fold(p[:-1]) + "*" for p in phrases if p.strip()]
            self.words[name] = tuple(dict.fromkeys(folded))
        w = self.words

        def a(name: str) -> str:  # the list as a group of alternatives
            return _alternation(w[name])

        def c(name: str) -> str:  # the list as alternatives, to put in a group with others
            return _choices(w[name])

        # --- reporting and sources ---------------------------------------------------------
        self.reporting = regexes.lazy(
            r"\b(?:(?:a|ont|avait|avaient|aurait|auraient|a-t-il|a-t-elle)\s+(?:\w+\s+)?"
            + a("reporting_participles")
            + r"|" + a("reporting_presents") + r"(?:nt)?"
            r"(?=\s*(?:,|mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche|hier|ce|dans|lors|que))"
            r"|lors d'(?:un|une) " + a("reporting_occasions") + "|" + c("reporting_phrases") + r")\b"
        )
        """A reporting verb or phrase ("a déclaré", "annonce mardi", "lors d'un point de presse")."""
        self.reporting_before = regexes.lazy(
            r"\b(?:a|ont|avait|avaient)\s+(?:\w+\s+)?" + a("reporting_participles") + r"\s+$")
        """A reporting verb right before what follows (end-anchored: "a annoncé " before "mercredi")."""
        self.subject_reporting = regexes.lazy(
            r"\b(?:a|ont|aurait|auraient)\s+(?:\w+\s+)?" + a("subject_reporting_participles") + r"\b")
        """A reporting verb that ends the subject of the verb after it ("a affirmé avoir abattu")."""
        self.source = regexes.lazy(r"\b" + a("source_prepositions") + r"\s+(?P<src>(?:[\w'-]+\s*){1,8})")
        """A source after "selon" / "d'après" (group ``src``)."""
        self.source_words = regexes.lazy(r"\b" + a("source_nouns") + r"\b")
        """A common noun that makes a phrase a source without a capital."""
        self.source_inverted = regexes.lazy(
            r",\s+(?:a|ont)\s+" + a("source_inverted_verbs")
            + r"\s+(?P<src>(?:le |la |les |l'|un |une |des )[\w'-]+(?: [\w'-]+){0,4})")
        """An inverted source (", a déclaré le porte-parole", group ``src``)."""
        self.source_subject = regexes.lazy(
            r"(?:^|[,.] )(?!(?:dans|en|a|au|aux|sur|pres|selon|vers|depuis|lors|apres|avant|pour|par)\b)"
            r"(?P<src>(?:le |la |les |l')?[\w'-]+(?: [\w'-]+){0,4})\s*,?\s+(?:a|ont)\s+" + a("source_subject_verbs") + r"\b")
        """A source that is the subject of a reporting verb (group ``src``)."""
        self.source_patterns: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
            (self.source, w["source_prepositions"]),
            (self.source_inverted, w["source_inverted_verbs"]),
            (self.source_subject, w["source_subject_verbs"]),
        )
        """The source patterns, each with the words one of which it needs (a sentence without any is not searched)."""

        # --- modality ----------------------------------------------------------------------
        self.denied = regexes.lazy(r"\b" + a("denial_cues") + r"\b")
        """A word that denies the incident ("dément")."""
        self.alleged = regexes.lazy(r"\b" + a("allegation_cues") + r"\b")
        """A word that only alleges the incident ("présumés")."""
        self.conditional = regexes.lazy(r"\b" + a("conditional_auxiliaries") + r"\b")
        """A conditional auxiliary ("aurait")."""
        self.any_modality = regexes.lazy("|".join(f"(?:{rx.pattern})" for rx in (self.denied, self.alleged, self.conditional)))
        """Whether any modality cue is in a window: most windows have none, then one search instead of three."""
        self.modality_words = _words_needed(w["denial_cues"], w["allegation_cues"], w["conditional_auxiliaries"])
        """Words one of which a modality cue needs: without them, no search."""

        # --- clauses, sequence, background ----------------------------------------------------
        opening = w["clause_prepositions"] + w["response_cues"]
        self.clause_break = regexes.lazy(
            r"(?=[;:\s,.])(?:;|:\s|\s-\s|,\s+" + a("clause_connectors") + r"\s|\.\s+et\s)|"
            r"\b(?=[" + re.escape("".join(sorted({p[0] for p in opening}))) + r"])(?:"
            + a("clause_prepositions") + r" (?:que|qu'|la|le|les|l'|une|un|des)\b|" + a("response_cues") + r"\b)")
        """Where a clause ends: punctuation, a connector after a comma, a preposition of sequence, a response cue."""
        self.sequence = regexes.lazy(
            r"(?:\b" + a("sequence_prepositions") + r" (?:que|qu'|la|le|les|l'|une|un|des)|\b"
            + a("response_cues") + r")\s*$")
        """A connector of sequence at the end of a window ("après que", "en représailles")."""
        self.earlier_noun = regexes.lazy(
            r"\b(?:" + c("sequence_prepositions") + "|" + c("response_cues") + r")(?:\s+(?:a|aux|au|de|des|du|d'))?"
            r"\s*(?:l'|la |le |les |une |un |des |cette |ce |cet |ces |d'|de )?\s*(?:\w+\s+)?$")
        """What opens a trigger noun that names another, earlier incident than its sentence's ("après l'attaque",
        "en riposte à une attaque"): a date the sentences before give is not its day."""
        self.since_before = regexes.lazy(
            r"\b" + a("since_prepositions") + r"\s+(?:l'|la |le |les |cette |ce |cet |ces )\s*(?:\w+\s+)?$")
        """A preposition of a period's start before a trigger noun ("depuis l'assassinat"; end-anchored)."""
        self.since_words = w["since_prepositions"]
        """The words one of which :attr:`since_before` needs."""
        self.earlier_noun_words = frozenset(
            word for p in (*w["sequence_prepositions"], *w["response_cues"]) for word in p.split()
            if len(word) > 3 and not word.endswith("'"))
        """The words one of which :attr:`earlier_noun` needs among the few words before the noun."""
        self.scene_noun_before = regexes.lazy(r"\b" + a("scene_nouns") + r"\s+(?:de |d')\s*(?:l'|la |le |les |cette |ce |cet |ces )?$")
        """A noun of the place an incident happened right before its trigger noun ("sur les lieux de l'attaque")."""
        self.background_nouns = regexes.lazy(r"\b" + a("background_nouns") + r"\b")
        """A noun of the story's background ("la guerre")."""
        self.background_before = regexes.lazy(a("background_date_prepositions") + r"\s*(?:le |la |l')?$")
        """A preposition that makes the date after it the bound of a period ("depuis le")."""
        self.time_word = regexes.lazy(c("time_words"), re.IGNORECASE)
        """A time word (dropped from the end of an actor phrase)."""
        self.block_carry = regexes.lazy(
            r"\b(?:" + c("relative_time_counts") + r"|\d+) " + a("relative_time_units") + " "
            + a("relative_time_directions") + r"|\b" + a("earlier_time_phrases") + r"\b|\ben (?:19|20)\d\d\b")
        """A relative time that places a sentence apart from the one before ("deux jours après", "il y a")."""
        self.block_carry_words = (*w["relative_time_directions"], *w["earlier_time_phrases"], "en 19", "en 20")
        """Words one of which :attr:`block_carry` needs: without them, no search."""

        self.day_link = regexes.lazy(
            r"(?:(?P<after>" + c("day_after_links") + r")|(?P<before>" + c("day_before_links") + r"))"
            r"\s+(?:de |d'|du |des )")
        """A date that names the day after or before the incident of its complement ("au lendemain de l'attaque")."""
        self.night = regexes.lazy(r"\b" + a("night_cues") + r"\b")
        """A word that puts an incident at night ("nocturne", "en pleine nuit")."""
        self.night_words = tuple(w["night_cues"])
        """Words one of which :attr:`night` needs."""

        # --- sides: where an attack comes from and where it lands ----------------------------------
        self.launch_territories = _pairs(w["launch_territories"])
        """Lands named after a launch preposition → the side that fires from there ("liban" → iran_axis)."""
        self.launch_site = regexes.lazy(
            r"\b" + a("launch_prepositions") + r"\s*(?:le |la |les |l')?\s*$")
        """A launch preposition at the end of a window, before a place ("tirées depuis", "en provenance du")."""
        self.launch_land = regexes.lazy(
            r"\b" + a("launch_prepositions") + r"\s*(?:le |la |les |l')?\s*(?P<land>"
            + _choices(sorted(self.launch_territories, key=len, reverse=True)) + r")\b")
        """A launch preposition and a land of :attr:`launch_territories` ("depuis le Liban"; group ``land``)."""
        self.launch_words = tuple(p.split()[0] for p in w["launch_prepositions"])
        """Words one of which :attr:`launch_land` needs: without them, no search."""
        self.territory_sides = {iso.upper(): side for iso, side in _pairs(w["territory_sides"]).items()}
        """Country (ISO alpha-2) → the side that holds it: a remote attack there hits that side."""

        # --- weapons, actors, light verbs ------------------------------------------------------
        self.instrument = regexes.lazy(
            r"\b" + a("instrument_prepositions")
            + r"\s+(?:un |une |des |deux |trois |\d+ |le |la |les |l')?\s*$")
        """A preposition of instrument at the end of a window ("avec un")."""
        self.loaded_with = regexes.lazy(a("loaded_with_participles") + r"\s+(?:d'|de |avec )$")
        """What a drone or a vehicle is loaded with ("chargé d'")."""
        article = r"\s*(?:un |une |des |deux |trois |\d+ |le |la |les |l'|du |de |d'|ses |leurs )?\s*(?:\w+\s+)?$"
        self.platform_target = regexes.lazy(r"\b" + a("platform_target_before") + article)
        """What stands right before a vehicle or ship that was hit ("à proximité d'un")."""
        self.platform_agent = regexes.lazy(r"\b" + a("platform_agent_before") + article)
        """What stands right before a vehicle or ship that fired or intercepted ("abattu par un")."""
        self.seizure = regexes.lazy(r"\b" + a("seizure_words") + r"(?:\W|$)")
        """A word before the weapons seized or found after an incident ("ont saisi", "cache d'")."""
        self.weapon_supply = regexes.lazy(r"\b" + a("weapon_supply_words") + r"(?:\W|$)")
        """A word of a sentence about arming, not fighting ("livrer", "l'arsenal")."""
        self.target_after = regexes.lazy(
            r"^\s*(?:\w+\s+){0,2}?" + a("target_prepositions") + r"\s+"
            r"(?:des |les |le |la |l'|un |une |du |de |leurs |nos |ses )?(?P<np>[\w'\"-]+(?: [\w'\"-]+){0,5})")
        """The target after a trigger ("contre", "visant"; group ``np``)."""
        self.light_verb_before = regexes.lazy(
            r"\b(?:(?:a|ont|avait|avaient|aurait|auraient)\s+(?:\w+\s+){0,2}?)?"
            + a("light_verbs") + r"e?s?\s+(?:\w+\s+)?"
            r"(?:une?|des|de|d'|la|le|les|l'|cette|ces)\s*(?:\w+\s+)?$")
        """A light verb before a trigger noun ("ont mené des frappes", "a lancé lundi une attaque")."""
        self.light_verb_object = regexes.lazy(
            r"[\s,]*(?:[\w'-]+[\s,]+){0,3}?(?:une?|des|de|d'|la|le|les|l'|cette|ces|\d+|"
            + c("light_verb_object_quantifiers") + r")\s*(?:[\w'-]+\s+)?")
        """What stands between a light verb and its object noun: a determiner, a day, an adjective ("lundi une",
        "de nouvelles"); matched whole, from the verb's end to the noun's start."""
        self.light_verb_stems = tuple(dict.fromkeys(w["light_verbs"]))
        """Words one of which :attr:`light_verb_before` needs: without them, no search."""
        self.light_verb_lemmas = frozenset(w["light_verb_lemmas"])
        """Trigger lemmas that only name an incident when no trigger noun follows ("a lancé une attaque")."""
        self.object_units = frozenset(w["object_units"])
        """Counted nouns that name things, never casualties."""
        self.target_heads = frozenset(w["target_heads"])
        """Trigger heads that name what was aimed at ("cibles aériennes"): their modifiers imply no weapon."""

        # --- casualties ---------------------------------------------------------------------
        self.killed_units = frozenset(w["killed_units"])
        """Counted nouns of the dead (singular)."""
        self.injured_units = frozenset(w["injured_units"])
        """Counted nouns of the wounded (singular)."""
        aux = r"(?:(?:ont|a|auraient|aurait|avaient|avait|sont|ont tous)\s+(?:ete\s+)?)?"
        self.killed_after = regexes.lazy(r"^\s*(?:[\w'-]+\s+){0,4}?" + aux + a("killed_participles") + r"\b")
        """Participles after a count of people that say they were killed."""
        self.injured_after = regexes.lazy(
            r"^\s*(?:[\w'-]+\s+){0,4}?(?:(?:ont|a|auraient|aurait|avaient|avait|sont)\s+(?:ete\s+)?)?"
            + a("injured_participles") + r"\b")
        """Participles after a count of people that say they were wounded."""
        qualifier = r"(?:au moins |plus de |pres de |environ )?$"
        # the words between may not be a verb of their own ("faisant évacuer quatre patients")
        self.killed_before = regexes.lazy(a("killed_before") + r"\s+(?:(?![\w']*(?:er|ir)\s)[\w']+\s+){0,2}?" + qualifier)
        """Words before a count of people that say they were killed."""
        self.injured_before = regexes.lazy(a("injured_before") + r"\s+" + qualifier)
        """Words before a count of people that say they were wounded."""
        self.vague_casualty = regexes.lazy(
            r"\b(?:(?P<kill>" + c("vague_killing_verbs") + r")|(?P<wound>" + c("vague_wounding_verbs")
            + r"))\s+" + a("vague_victims") + r"\b")
        """A casualty verb with a count without figure ("tuant plusieurs civils")."""
        self.vague_casualty_words = (*w["vague_killing_verbs"], *w["vague_wounding_verbs"])
        """Words one of which :attr:`vague_casualty` needs."""
        self.subset = regexes.lazy(r"\b" + a("subset_cues") + r"\s*,?\s*$")
        """A word before a count that is part of another ("dont")."""
        self.subset_of = regexes.lazy(
            r"\s+(?:des|d'entre les)\s+(?:[\w-]+\s+){0,2}?" + a("subset_wholes") + r"\b")
        """What follows a count that is part of another casualty count ("trois des cinq blessés")."""
        raising = r"\b" + a("raising_verbs") + r"\s+(?:ainsi\s+|desormais\s+|donc\s+)?"
        self.running_total_after = regexes.lazy(r"\s*(?:\w+\s+)?" + a("running_total_nouns") + r"\b")
        """What follows the figure of a running total ("porte à 45 le nombre de soldats tués")."""
        self.running_total_raised = regexes.lazy(raising + r"a\s+(?:\w+\s+)?$")
        """What stands before that figure ("porte à")."""
        self.running_total_before = regexes.lazy(
            raising + a("running_total_nouns") + r"\s+(?:de |d'|des )[^.;:]{0,60}?\sa\s+(?:\w+\s+)?$")
        """What stands before the figure of a running total ("porte le nombre de morts à 45")."""
        self.inclusive_after = regexes.lazy(r"\s*" + a("inclusive_after") + r"\s+(?:les|l'|le|la)\b")
        """What follows a toll that counts another group in ("16 en comptant les kamikazes")."""
        self.both_roles_after = regexes.lazy(r"\s*" + a("both_roles_after") + r"\b")
        """What follows a vague count of the dead that counts the wounded too ("plusieurs morts et blessés")."""
        self.no_count = regexes.lazy(a("no_count_words") + r"\b")
        """A word that makes "victime" a count of none ("aucune")."""
        self.civilian_units = frozenset(w["civilian_units"])
        """Counted nouns of civilians (singular)."""
        self.attacker_units = frozenset(w["attacker_units"])
        """Counted nouns of attackers (singular)."""
        self.toll_words = frozenset(w["toll_words"])
        """Words of an overall toll."""

        # --- incident boundaries -------------------------------------------------------------
        self.debris = regexes.lazy(r"\b" + a("debris_nouns") + r"\b")
        """A noun of the remains of an intercepted weapon ("débris")."""
        self.debris_subject = regexes.lazy(r"\b(?:des|les|de|d'|ces|leurs|le|un)\s*" + a("debris_nouns") + r"\b")
        """The remains of an intercepted weapon as a subject, after a determiner ("des débris d'un drone")."""
        self.additive = regexes.lazy(r"\b" + a("additive_adverbs") + r"\b")
        """An adverb that adds to what was told ("également")."""
        self.frame_before = regexes.lazy(
            r"\b(?:" + "|".join(re.escape(x) if x.endswith("'") else re.escape(x) + r"\s+" for x in w["frame_prepositions"])
            + r")(?:(?:le|la|les|l'|ce|cet|cette|ces)\s*)?$")
        """A preposition that frames a clause inside the incident named after it ("au cours de l'", "lors de cette")."""
        self.new_incident_opener = regexes.lazy(
            r"[\W_]*(?:et\s+|mais\s+)?(?:" + c("new_incident_openers") + r"|(?:[\w']+\s+){0,2}"
            + a("relative_time_openers") + r"\s+" + a("relative_time_directions") + r"|apres\s+(?:"
            + c("relative_time_counts") + r"|\d+)\s+" + a("relative_time_openers") + r"\s+(?:de\s+|d')" + a("lull_nouns")
            + r")\b")
        """A sentence's opening that announces another incident ("Séparément, …", "Moins d'une heure après, …")."""
        self.incident_count_nouns = frozenset(w["incident_count_nouns"])
        """Trigger lemmas each of which is one incident ("attaque"): counted ("deux attaques"), a summary."""
        self.incident_count = regexes.lazy(r"\b(?:" + c("counting_numbers") + r"|\d+)\s+(?:[\w-]+\s+)?$")
        """A figure of two or more at the end of a window, before an incident noun ("deux", "trois grosses")."""
        self.fronted_place = regexes.lazy(
            r"[\W_]*(?:et\s+|mais\s+)?" + a("fronted_place_prepositions") + r"\s+(?:la |le |les |l')?\s*(?:"
            + a("fronted_place_nouns") + r"\s+(?:de\s+|d'|du\s+))?$")
        """What may stand between a sentence's start and a place that opens it ("À ", "Dans la ")."""
        self.own_complement = regexes.lazy(
            r"\s*(?:" + "|".join(re.escape(x) if x.endswith("'") else re.escape(x) + r"\s+"
                                for x in w["own_complement_prepositions"]) + r")\s*(?:une?|des)\b")
        """An indefinite complement right after a trigger noun ("d'un vraquier", "contre une base")."""
        self.any_complement = regexes.lazy(
            r"\s*(?:" + "|".join(re.escape(x) if x.endswith("'") else re.escape(x) + r"\s"
                                for x in (*w["own_complement_prepositions"], "du", "des")) + r")")
        """Any complement right after a trigger noun ("de lundi", "contre les positions"): not a bare anaphor."""
        self.another = frozenset(w["another_modifiers"])
        """Modifiers that mark another incident ("autre", "second")."""
        self.prepositions_before_des = frozenset(w["prepositions_before_des"])
        """Words after which "des" is "de les"."""
        self.ground_raid = regexes.lazy(r"(?:\s+[\w'-]+){0,2}?\s+" + a("ground_raid_prepositions") + r"\b")
        """What makes a raid one on the ground ("raid dans le camp")."""
        self.intensified_impact_nouns = frozenset(w["intensified_impact_nouns"])
        """Impact trigger lemmas that an intensity word makes an incident ("de lourds barrages")."""
        self.intensity_before = regexes.lazy(r"\b" + a("intensity_words") + r"\s+$")
        """An intensity word right before a trigger noun (end-anchored)."""
        self.intensity_after = regexes.lazy(r"\s+" + a("intensity_words") + r"\b")
        """An intensity word right after a trigger noun (matched at its end)."""
        self.claim_gerund = regexes.lazy(r"\b" + a("claim_gerunds") + r"\s+(?:d')?$")
        """A reporting gerund right before a trigger's "avoir" ("affirmant avoir détruit"; end-anchored)."""
        self.kind_naming_strike_nouns = frozenset(w["kind_naming_strike_nouns"])
        """Strike lemmas whose modifier names the kind of strike a bare strike noun after them takes up."""
        self.vague_air_attack_nouns = frozenset(w["vague_air_attack_nouns"])
        """Trigger lemmas whose "aérienne" names no aircraft when drones are named ("attaque aérienne")."""
        self.elliptic_strike_nouns = frozenset(w["elliptic_strike_nouns"])
        """Strike lemmas that, bare, take up the kind of strike named before them."""
        self.place_name_stop_words = frozenset(w["place_name_stop_words"])
        """Words left out when two place names are compared."""

        # --- genericity ---------------------------------------------------------------------
        months = c("month_names")
        periods = a("long_periods")
        self.left_rules: tuple[tuple[str, re.Pattern[str]], ...] = (
            ("aggregate", regexes.lazy(
                r"(?:" + c("aggregate_before") + r"|\d{2,})" r"\s*(?:d'|de |des )?\s*(?:\w+\s+)?$")),
            ("generic", regexes.lazy(_alternation(_spaced(w["generic_before"])) + r"\s*(?:\w+\s+)?$")),
            ("hypothetical", regexes.lazy(_alternation(_spaced(w["hypothetical_before"])) + r"\s*$")),
            ("purpose", regexes.lazy(
                r"(?<!avoir )(?<!d'avoir )\b" + a("purpose_verbs")
                + r"\s+(?:des |de |d'|une |un |les |la |le |l'|ces |toute |tout |de nouvelles |de nouveaux )?\s*$")),
            ("background", regexes.lazy(a("background_adjectives") + r"\s+$")),
            # "utilisés comme sites de lancement pour les attaques contre …": what a place would serve for
            ("purpose", regexes.lazy(a("serving_words") + r"\W+(?:\w+\W+){0,5}?(?:pour|a)\s+(?:des |les |de |d')?$")),
        )
        """What stands right before a trigger noun (end-anchored) and makes it name no incident, with the reason."""
        self.small_count_before = regexes.lazy(
            r"\b(?:" + c("aggregate_before") + r")\s+" + a("small_counts") + r"\s+(?:[\w'-]+\s+)?$")
        """An aggregate word with a small count before a trigger noun ("au moins deux frappes"): one incident."""
        self.any_left_rule = regexes.lazy("|".join(f"(?:{rule.pattern})" for _, rule in self.left_rules))
        """Whether any left rule applies: most mentions have none, then one search instead of six."""
        self.right_rules: tuple[tuple[str, re.Pattern[str]], ...] = (
            ("hypothetical", regexes.lazy(r"^\s*(?:\w+\s+)?" + a("hypothetical_after") + r"\b")),
            ("aggregate", regexes.lazy(r"^\s*(?:\w+\s+)?" + a("aggregate_after") + r"\b")),
            ("background", regexes.lazy(r"^\s*(?:\w+\s+)?(?:de|en) (?:19\d\d|200\d|201[0-9])\b")),
        )
        """What follows a trigger noun and makes it name no incident, with the reason."""
        self.campaign = regexes.lazy(
            r"\b(?:" + c("campaign_cues") + r"|depuis (?:le |la |l')?\d|depuis (?:le )?\d|depuis (?:"
            + months + "|" + c("long_periods") + r"))\b")
        """Words near a plural trigger that make it a campaign."""
        self.period_frame = regexes.lazy(r"\b" + a("period_frames") + r"\b")
        """A span of time that makes the plural triggers it frames a habit ("ces derniers mois", "de manière
        générale")."""
        self.period_frame_words = tuple(dict.fromkeys(max(p.split(), key=len) for p in w["period_frames"]))
        """The longest word of each period frame: a window holding none of them holds no frame (no search)."""
        self.since_period = regexes.lazy(
            r"\bdepuis (?:le |la |l')?(?:" + c("one_day_words") + r"|\d|" + months + r"|debut\b|" + c("long_periods")
            + r")")
        """"depuis" opening a period ("depuis lundi", "depuis le 7 octobre"), not a launch site ("depuis Gaza")."""
        self.habitual = regexes.lazy(
            r"\b(?:" + c("habitual_cues") + r"|depuis " + periods + r"|de " + a("many_quantifiers")
            + r" (?:d'|de )?\w*)\b")
        """Habitual or past-series context after a verbal trigger."""
        self.munition_nouns = frozenset(w["munition_nouns"])
        """Munitions counted by a many_quantifiers word: one attack's, not a habit ("de multiples missiles")."""
        self.toll_period = regexes.lazy(
            r"\b(?:" + c("toll_period_cues") + r"|depuis (?:le |la |l')?(?:\d|" + months + r")|depuis " + periods + ")")
        """Words near a casualty verb that make its count a running total."""
        self.toll_sum = regexes.lazy(r"\b" + a("sum_cues") + r"\b")
        """Words that sum a toll ("au total"): a running total unless :attr:`toll_takeup` follows."""
        self.toll_takeup = regexes.lazy(r"\b" + a("toll_takeup_phrases") + r"\s+(?:\w+\s+){0,2}?(?P<noun>\w+)")
        """A phrase that takes up the incident after a casualty verb ("dans ces quatre attentats"; group ``noun``)."""
        self.one_day = regexes.lazy(r"\b(?:" + c("one_day_words") + r"|le \d{1,2}(?:er)? \w+)\b")
        """Words that put a counted trigger on one day."""
        self.period = regexes.lazy(r"\b(?:" + c("period_words") + r"|en (?:19|20)\d\d)\b")
        """Words that put a counted trigger over a period."""
        self.commemoration = regexes.lazy(
            r"\b(?:" + c("commemoration_words") + r"|il y a (?:un|deux|trois|\d+) ans\w*)")
        """Words of a commemoration in a sentence ("anniversaire", "il y a dix ans")."""
        self.commemoration_words = tuple(p.rstrip("*") for p in w["commemoration_words"])
        """Words one of which :attr:`commemoration` needs near the trigger."""


def _pairs(entries: Iterable[str]) -> dict[str, str]:
    """``"phrase = value"`` entries as a mapping (entries without ``=`` are left out)."""
    pairs: dict[str, str] = {}
    for entry in entries:
        phrase, sep, value = entry.partition("=")
        if sep and phrase.strip() and value.strip():
            pairs.setdefault(phrase.strip(), value.strip())
    return pairs


def _words_needed(*lists: Sequence[str]) -> tuple[str, ...]:
    """The phrases of *lists* (prefixes without their ``*``): a text holding none of them matches none."""
    return tuple(dict.fromkeys(p.rstrip("*") for words in lists for p in words))


_BUILTIN: list[Cues] = []


def builtin_cues() -> Cues:
    """The cues of the data file alone (no plugins), built once."""
    if not _BUILTIN:
        _BUILTIN.append(Cues())
    return _BUILTIN[0]
