"""Places named in French text: milinc's own gazetteer, GeoNames, and the words that introduce a place.

Three sources, one pass each, no overlap between their finds:

1. the curated gazetteer (``data/places.json`` and the plugins' ``places``): countries, regions,
   provinces, bases, airports, seas and French exonyms ("Fallouja", "Hodeïda"), found by their
   spellings; a country is a place only after a locative ("en Syrie", "le nord du Mali");
2. GeoNames (``data/geonames.sqlite``): every run of capitalized words is looked up by its
   :func:`~milinc.places.keys.place_key`, so transliteration variants meet; a name is kept when
   the evidence is enough for it (below);
3. cues ("le village de X", "la province d'X", "près de X", "au nord de X"): a capitalized name
   after a strong cue is a place even when no gazetteer knows it.

Disambiguation follows the country focus of the document first (Mordecai's observation: most
errors are a same-named place in the wrong country): the countries the text names, the
nationalities it uses and the places it names unambiguously are counted, then each GeoNames
name takes its candidate in the most-named country, else its most populous one. Evidence to
keep a GeoNames name: a strong cue; or its country is in focus (with a locative before it when
the name is also a common word, opens a sentence or is part of a longer capitalized run); or a
locative and 15 000 people; or 100 000 people. Everything is data: the cue words
(``data/place_cues.json``), the stop list (``data/place_stopwords.txt``), the gazetteer.
"""

from __future__ import annotations

import bisect
import collections
import datetime as _dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from .. import regexes
from ..normalize import fold
from ..ontology import Place, PlaceKind, Span
from . import geonames
from .cues import Cue, CuesReader
from .keys import ARTICLES, place_key

if TYPE_CHECKING:
    from ..context import ExtractionContext
    from ..extensions import Extensions

__all__ = ["SPECIFICITY", "PlaceMention", "PlaceRecognizer", "original_text"]

SPECIFICITY: Mapping[PlaceKind, int] = {
    PlaceKind.SITE: 0,
    PlaceKind.BASE: 0,
    PlaceKind.AIRPORT: 0,
    PlaceKind.TOWN: 1,
    PlaceKind.CITY: 2,
    PlaceKind.DISTRICT: 3,
    PlaceKind.PROVINCE: 4,
    PlaceKind.REGION: 5,
    PlaceKind.OTHER: 5,
    PlaceKind.SEA: 6,
    PlaceKind.COUNTRY: 7,
}
"""Rank of a place kind, most specific first (the incident's location is the lowest rank)."""

_PRECISION: Mapping[PlaceKind, int] = {
    PlaceKind.PROVINCE: 3, PlaceKind.REGION: 3, PlaceKind.COUNTRY: 3, PlaceKind.SEA: 3, PlaceKind.OTHER: 2,
}
"""ACLED geo_precision of a place named by itself (1 unless listed)."""

_BIG_CITY = 100_000
"""People for a GeoNames name to be a place without any other evidence."""
_TOWN_WITH_LOCATIVE = 15_000
"""People for a GeoNames name after a locative ("à X") when the document's countries are unknown."""
_WORLD_CITY = 1_000_000
"""People for a GeoNames name outside the document's countries."""
"""People for a GeoNames name after a locative ("à X") outside the document's countries."""


def _data(name: str) -> str:
    return resources.files("milinc").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def original_text(ctx: ExtractionContext, start: int, end: int) -> str:
    """The original text of a ``[start, end)`` range of the normalized copy."""
    s, e = ctx.norm.to_original(start, end)
    return ctx.original[s:e]


def _written(ctx: ExtractionContext, start: int, end: int) -> str:
    """A place's name as the text writes it, with one plain space between its words and a plain apostrophe
    ("Khan\u00a0Younès" and "N’Djamena" are "Khan Younès" and "N'Djamena"; the span keeps the original)."""
    text = original_text(ctx, start, end)
    if text.isascii() and "  " not in text and "\n" not in text:
        return text
    return " ".join(text.split()).translate(_APOSTROPHE_TABLE)


COUNTRY_GUESSED = 0
"""A place's country guessed from the document (a name no gazetteer has)."""
COUNTRY_FROM_GAZETTEER = 1
"""A place's country as the gazetteer knows the name (chosen by the document's focus among namesakes)."""
COUNTRY_SAID = 2
"""A place's country as the text says it next to the name."""


@attrs.frozen
class PlaceMention:
    """A place named in the text, with where it stands (normalized offsets)."""

    start: int
    """Start of the place name in the normalized text."""
    end: int
    """End of the place name in the normalized text."""
    place: Place
    """The place: the name as written, canonical name, kind, country, coordinates, span."""
    rule: str
    """How it was found and why it was kept (``gazetteer``, ``geonames:…``, ``cue:village``…), for ``--explain``."""
    scene: bool = True
    """False when the words before make it a launch site, a border or a speaking capital ("tirées depuis X")."""
    aimed: bool = False
    """A country an attack is aimed at ("des missiles vers Israël", "une offensive contre l'Ukraine"): the target's
    country, not where every part of the attack happened (a death it caused elsewhere is the same incident)."""
    evidence: int = COUNTRY_FROM_GAZETTEER
    """How its country is known: :data:`COUNTRY_GUESSED` (a name no gazetteer has, placed by the document),
    :data:`COUNTRY_FROM_GAZETTEER`, or :data:`COUNTRY_SAID` (an apposition or a border says it: "X, dans le sud du
    Liban", "Y, frontalière d'Israël")."""


# --- the words around a place ------------------------------------------------------------------

_SPEAKER_AFTER = regexes.lazy(r"\s*(?:,|a (?!nouveau\b|la |l'|le |les |\d|son |sa |ses |leur |leurs |un |une |quelques |"
                            r"environ |proximite|cote |travers |peine |feu |l'heure)|ont |accuse|affirme|dement|annonce|assure|menace|promet|repond|riposte|"
                            r"condamne|nie|reconnait|estime|exige|denonce|avertit|previent)")
_NOT_SCENE = regexes.lazy(r"(?:(?:depuis(?!\s+(?:le |la |l')?(?:\d|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
                        r"hier|debut|fin|mi-|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
                        r"novembre|decembre|plusieurs|quelques|des (?:jours|semaines|mois|annees|heures)))"
                        r"|en provenance d[eu']?|lance(?:e|s|es)? d[eu']?|tire(?:e|s|es)? d[eu']?)\s*"
                        r"(?:(?:la|le|les|l')\s*)?(?:(?:(?!(?:vers|sur|contre|en|a|au|aux|dans|visant|jusqu)\b)[\w-]+\s+){1,2}"
                        r"(?:de |d'|du |des )?(?:la |le |l')?)?"
                        r"|(?:frontiere|frontaliere)(?:(?!\bvers\b)[^,;.]){0,40})$")
_READY_TO_FIRE = regexes.lazy(r"\bpr[eê]te?s? a (?:etre )?(?:tire|lance)\w*\s+(?:depuis|de|du|d'|des)\s*(?:la |le |l'|les )?$")
"""'un missile prêt à être tiré depuis le Yémen': a weapon struck before its launch is where it would have been fired
from (that place is the scene of the strike, no launch site)."""
_NOT_SCENE_WORDS = ("depuis", "en provenance d", "lance", "tire", "frontiere", "frontaliere")
_LAUNCH_ZONE = regexes.lazy(r"\b(?:lance\w*|tire\w*|depuis)\s+(?:[\w'-]+\s+){0,5}?(?:des|les) (?:zones|territoires|positions|"
                          r"regions|secteurs) (?:qu'(?:ils|elles|il|elle) contr\w+ |contr\w+ par (?:[\w'-]+ ){1,4})"
                          r"(?:au|aux|en|a|dans)\s+(?:la |le |l'|les )?$")
"""'lancé un missile des zones qu'ils contrôlent au Yémen', 'depuis des zones contrôlées par les Houthis au Yémen'."""
_SEAT_ACTS = regexes.lazy(r"\s+(?:et ses allies\s+)?(?:a|ont|avait|avaient|aurait|auraient|va|vont)\s+(?!ete\b)[a-z]")
_AGENT_BEFORE = regexes.lazy(r"\bpar\s+$")
_DIVISIONS = frozenset({PlaceKind.PROVINCE, PlaceKind.REGION, PlaceKind.DISTRICT})
_DIVISION_JOINER = regexes.lazy(r"(?:,| et| ou|, et) (?:de |d'|du )?(?:la |le |l')?")
_LIST_JOINER = regexes.lazy(r"(?:,| et|, et)\s+(?:(?:notamment|dont|en particulier|surtout|ainsi que)\s+)?"
                          r"(?:(?:des|les|de la|du|de|d')\s*)?(?:(?:regions?|villes?|provinces?|oblasts?|localites?|zones?|"
                          r"districts?)\s+(?:de |d'|du |des )?)?(?:la |le |l')?")
_SENTENCE_OPENING = regexes.lazy(r"(?:^|[.!?:]\s+|\n)\W*$")
_ACCUSED_BEFORE = regexes.lazy(r"\baccus\w*\s+$")
_ACCUSED_AFTER = regexes.lazy(r"\s+d'avoir\b")
_REPORTED_BY = regexes.lazy(r"(?:\bselon|\b(?:a|ont|avait|avaient) (?:indique|annonce|affirme|declare|precise|assure|"
                          r"rapporte|fait savoir|confirme|dementi|ajoute|souligne|accuse|denonce|revendique)) $")
_BORDERING_AFTER = regexes.lazy(r",? (?:frontali\w+|limitrophe|a la frontiere|pres de la frontiere|proche de la frontiere)"
                              r" (?:de |d'|du |des |avec )(?:la |le |l'|les )?")
_LOCAL_AFTER = regexes.lazy(r"(?:,? (?:en|au|aux|dans|a l'|a la|au sein de)|,? dans (?:le|la|l'|les) (?:nord|sud|est|ouest|"
                          r"centre|nord-est|nord-ouest|sud-est|sud-ouest|centre-nord|centre-est|centre-ouest|centre-sud) "
                          r"(?:du|de la|de l'|des|d')|,? dans l'(?:est|ouest) (?:du|de la|de l'|d')| \() ?(?:la |le |l'|les )?")
_COUNTRY_LOCATIVE = regexes.lazy(
    r"(?:\ben|\bau|\baux|\bdans|\bsur|\bsur le sol d[e'u]|\bpartout en|\bterritoire d[e'u]|\bau large d[e'u]|"
    r"\bcotes? d[e'u]|\bfrontiere (?:avec|entre) (?:\w+ ){0,3}et|\bcontre|\bvers|\bde l'|\bdu|\bde la)\s*(?:la |l'|les )?$"
)
_COUNTRY_LOCATIVE_STRICT = regexes.lazy(
    r"(?:\ben|\bau|\baux|\bdans|\bsur|\bsur le sol d[e'u]|\bpartout en|\bterritoire d[e'u]|\bau large d[e'u]|"
    r"\bcotes? d[e'u]|\bfrontiere (?:avec|entre) (?:\w+ ){0,3}et"
    r"|\bdepuis(?: le)?|\ben provenance d[eu']?"  # a launch site: a place, no scene
    # what an attack is aimed at: "des missiles vers Israël", "une attaque contre l'Ukraine", "a attaqué l'Ukraine"
    r"|\bvers|\bcontre|\ben direction d[e'u]|\bvisant|\bciblant|\b(?:a|ont|avait|avaient) (?:attaque|bombarde|"
    r"frappe|envahi|pilonne))\s*(?:la |l'|les )?$"
    r"|\ba $"  # "à Chypre", "à Bahreïn": an island state without article
)
_AIMED_BEFORE = regexes.lazy(
    r"(?:\bvers|\bcontre|\ben direction d[e'u]|\bvisant|\bciblant|\b(?:a|ont|avait|avaient) (?:attaque|bombarde|"
    r"frappe|envahi|pilonne))\s*(?:la |l'|les )?$"
)
_ARTICLE_PREFIX = regexes.lazy(r"(?:^|(?<=[\s(\"']))(?:al|el|ad|ar|as|ash|at|az|an|ed|ez|er)-$")
_GAP = regexes.lazy(r"(?:[ -]|'|[ -](?:al|el|ez|ad|ed|as|ar|ash|an|at|az|er|es|de|du|des|la|le|ben|bin|ibn|abou|abu|"
                  r"ould|ag|bou|um|oum|umm)[ -]) ?")
_UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
# the capital first, then the look-behind over it and the letter before: a pattern that opens with a character
# set is scanned for that set, one with a look-behind is tried at every position (3x slower over a text)
_CAP_WORD = regexes.lazy(r"[" + re.escape(_UPPER) + r"](?<![^\W\d_].)[^\W_]*")
_WORD = regexes.lazy(r"(?<![^\W\d_])[^\W\d_][^\W_]*")
_APOSTROPHES = frozenset("'\u2019\u02bc")
_TOKEN = regexes.lazy(r"[^\W_]+")
_DATELINE_AFTER = regexes.lazy(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:[-,]|$)", re.MULTILINE)
_LEADING_ARTICLES = frozenset({"l", "la", "le", "les"})
_DE_ENDINGS = (" de ", " du ", " des ", " d'", "de la ", "de l'")
_COORDINATION = regexes.lazy(r"(?:,| et|, et| ou) (?:a |de |d'|l')?")
_APOSTROPHE_TABLE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_SEPARATOR = regexes.lazy(r"[ '\n-]{1,3}")
_NEXT_WORD = regexes.lazy(r"[ '\n-]{1,3}([^\W_]+)")
"""A separator as :data:`_SEPARATOR` reads it and the whole word after it."""
_SOIL = regexes.lazy(r"(?<![^\W_])(?:sol|territoire|espace aerien) ([^\W_]+)")
_MAX_WORDS = 4
"""Longest name looked up, in capitalized words ("Ras al-Ain", "Khan Younès", "Fada N'Gourma")."""


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class Places:
    """What the place stage found in one text."""

    __slots__ = ("country", "focus", "mentions")

    def __init__(self, mentions: tuple[PlaceMention, ...], focus: Mapping[str, int], country: str | None) -> None:
        self.mentions = mentions
        """Every place, in text order."""
        self.focus = focus
        """The document's countries (ISO alpha-2) with how often the text points at each: names, nationalities,
        unambiguous places."""
        self.country = country
        """The document's country when one clearly leads its focus (twice the next), else ``None``."""


class _Run:
    """A run of capitalized words in the text (normalized offsets of each word) and the keys of its n-grams."""

    __slots__ = ("keys", "opens_sentence", "words")

    def __init__(self, words: tuple[tuple[int, int], ...], opens_sentence: bool) -> None:
        self.words = words
        self.opens_sentence = opens_sentence
        self.keys: dict[tuple[int, int], str] = {}
        """(first word, last word) → place key, filled once per text."""


class PlaceRecognizer:
    """Finds the places of a text: the curated gazetteer, GeoNames, and the cues."""

    def __init__(self, extensions: Extensions | None = None, index: geonames.GeoNamesIndex | None = None) -> None:
        data = json.loads(_data("places.json"))
        entries = list(data["places"])
        if extensions is not None:
            entries = extensions.lexicon("places", entries)
        adjectives_data: Mapping[str, Iterable[str]] = data.get("country_adjectives") or {}
        self._country_by_adjective = {fold(a): iso for iso, adjs in adjectives_data.items() for a in adjs}
        # nationalities (plural forms too) tell the document's countries: "soldats maliens"
        self._nationality = {a + s: iso for a, iso in self._country_by_adjective.items() for s in ("", "s")}
        self._by_alias: dict[str, dict[str, Any]] = {}
        self._by_key: dict[str, dict[str, Any]] = {}
        # curated spellings by their first word: the text is read word by word, no regex is built from them
        self._by_first: dict[str, list[tuple[tuple[str, ...], int, str]]] = collections.defaultdict(list)
        for entry in entries:
            for alias in [entry["name"], *_aliases(entry)]:
                folded = fold(alias).strip()
                tokens = tuple(_TOKEN.findall(folded))
                while len(tokens) > 1 and tokens[0] in _LEADING_ARTICLES:  # "l'Irak" is found as "Irak"
                    tokens = tokens[1:]
                    folded = folded[folded.index(tokens[0]) :]
                if folded not in self._by_alias:
                    self._by_alias[folded] = entry
                    if tokens:
                        # found by its first word of three letters or more that is no article: "djamena" in
                        # "n'djamena", "tanf" in "al-tanf" (a short word is everywhere in a text)
                        anchor = next((k for k, t in enumerate(tokens) if len(t) > 2 and t not in ARTICLES), 0)
                        self._by_first[tokens[anchor]].append((tokens, anchor, folded))
                if alias[:1].isupper():
                    self._by_key.setdefault(place_key(alias), entry)
        # seas whose incidents take the country of a war from a date on ("mer Noire" → UA)
        self._war_country = {fold(str(e["name"])): (str(e["war_country"]["country"]),
                                                    _dt.date.fromisoformat(e["war_country"]["since"]))
                             for e in entries if e.get("war_country")}
        for spellings in self._by_first.values():
            spellings.sort(key=lambda s: -len(s[0]))  # the longest spelling first
        # a folded alias needs a capital in the text only when every spelling of it has one ("Est" the region)
        lower_initial = {fold(a).strip() for e in entries for a in [e["name"], *_aliases(e)] if a[:1].islower()}
        self._capitalized_only = frozenset(k for k in self._by_alias if k not in lower_initial)
        self._cues = CuesReader(json.loads(_data("place_cues.json")), extensions)
        stop_lines = _data("place_stopwords.txt").splitlines()
        stop = [w.strip() for w in stop_lines if w.strip() and not w.startswith("#")]
        if extensions is not None:
            stop = extensions.lexicon("place_stopwords", stop)
        self._stop_keys = frozenset(place_key(w) for w in stop)
        self._index = index if index is not None else geonames.default_index()

    # --- public ----------------------------------------------------------------------------

    def lookup(self, name: str) -> Place | None:
        """The curated gazetteer's place of a name or alias, if it has one."""
        entry = self._by_alias.get(fold(name).strip()) or self._by_key.get(place_key(name))
        return None if entry is None else _curated_place(entry, None, name)

    def find(self, ctx: ExtractionContext) -> list[PlaceMention]:
        """Every place of the text, in text order, none overlapping another."""
        return list(self.read(ctx).mentions)

    def read(self, ctx: ExtractionContext) -> Places:
        """The places of the text and the document's country focus."""
        focus: collections.Counter[str] = collections.Counter()
        named: set[str] = set()  # keys of names that follow "la télévision", "l'agence": no place in this text
        found, refused = self._curated_places(ctx, focus, named)
        # a curated name refused on purpose ("Israël a frappé", "Niger" as an actor) is no GeoNames name either
        taken = sorted([(p.start, p.end) for p in found] + refused)
        runs = self._runs(ctx)
        keys: set[str] = set()
        for run in runs:
            for i, j in _ngrams(run):
                keys.add(_key(ctx.text, run, i, j))
        candidates = self._index.lookup(keys) if keys and self._index.available else {}
        # unambiguous names of one country, each counted once, add to the focus before any choice
        own: dict[str, str] = {}
        for key in {k for k in keys if k in candidates and k not in self._stop_keys}:
            countries = {c.country for c in candidates[key] if not c.common_word}
            if len(countries) == 1 and max(c.population for c in candidates[key]) >= _TOWN_WITH_LOCATIVE:
                own[key] = next(iter(countries))
                focus[own[key]] += 1
        longest = max((e - s for s, e in taken), default=0)
        # the keys _read_run may take a name by (a stop word or a key of two letters never is one)
        usable = {k for k in keys if (k in self._by_key or candidates.get(k)) and k not in self._stop_keys and len(k) >= 3}
        unplaced: list[_Run] = []  # whole runs no source took
        for run in runs:
            if any(k in usable for k in run.keys.values()):
                mentions = self._read_run(ctx, run, candidates, focus, own, taken, longest, named)
            else:  # no gazetteer name in it: only a cue may make a part of it a place
                mentions = self._unknown_run(ctx, run, focus, taken, longest)
            if not mentions and not _overlaps(taken, longest, run.words[0][0], run.words[-1][1]):
                unplaced.append(run)
            for mention in mentions:
                found.append(mention)
                bisect.insort(taken, (mention.start, mention.end))
                longest = max(longest, mention.end - mention.start)
        found.sort(key=lambda p: p.start)
        if named:  # one name, one sense per text: "la télévision Al Mayadeen" … "Al Mayadeen a rapporté"
            found = [p for p in found if p.place.kind is PlaceKind.COUNTRY or place_key(p.place.name) not in named]
        if unplaced and found:
            unplaced, found = self._named_again(ctx, unplaced, found)
        if unplaced and found:
            found = self._coordinated(ctx, unplaced, found)
        found = _launch_lists(ctx.text, self._listed_divisions(ctx.text, found))
        if self._war_country and ctx.reference_date is not None:
            found = self._at_war(found, ctx.reference_date)
        found = _one_sense(found)
        return Places(tuple(_borrow_coordinates(ctx, found)), focus, _dominant(focus))

    # --- the curated gazetteer -------------------------------------------------------------------

    def _curated_places(self, ctx: ExtractionContext, focus: collections.Counter[str],
                        named: set[str] | None = None) -> tuple[list[PlaceMention], list[tuple[int, int]]]:
        text = ctx.text
        found: list[PlaceMention] = []
        refused: list[tuple[int, int]] = []
        soil_words = any(w in text for w in ("sol ", "territoire ", "espace aerien "))
        for m in self._curated_matches(text, focus, found if soil_words else None, ctx):
            entry = self._by_alias[m.group()]
            name_start = m.start() + self._cues.name_start(m.group())
            written = _written(ctx, name_start, m.end())
            if m.group() in self._capitalized_only and not written[:1].isupper():
                continue  # "est", "nord", "hit" as common words
            if self._not_place_before(text, m.start()):
                refused.append((m.start(), m.end()))
                if named is not None and entry.get("kind") != "country":  # nor elsewhere in the text
                    named.update(place_key(a) for a in [entry["name"], *_aliases(entry)])
                continue  # "l'agence Sana", "le général Tchad"
            country = entry.get("country") or None
            if country:
                focus[country] += 1
            before = text[max(0, m.start() - 60) : m.start()]
            start = m.start()
            rule = "gazetteer"
            kind = PlaceKind(entry.get("kind", "other"))
            if kind in (PlaceKind.COUNTRY, PlaceKind.SEA):
                direction = self._cues.direction_before(before)
                if direction is not None:  # "le nord du Mali", "le sud de la mer Rouge": a part of it
                    start = max(0, m.start() - len(before) + direction.start)
                    part = PlaceKind.REGION if kind is PlaceKind.COUNTRY else PlaceKind.SEA
                    place = _curated_place(entry, ctx.span(start, m.end()), _written(ctx, start, m.end()))
                    point = (place.latitude, place.longitude) if part is PlaceKind.SEA \
                        else self._direction_point(country, direction.word)
                    place = attrs.evolve(place, kind=part, precision=3, geonameid=None, admin1=None,
                                         canonical_name=f"{direction.word} {entry['name']}",
                                         latitude=point[0], longitude=point[1])
                    found.append(PlaceMention(start, m.end(), place, f"direction:{direction.word}",
                                              scene=not _not_scene(text, start)))
                    continue
                if kind is PlaceKind.COUNTRY and (not _COUNTRY_LOCATIVE_STRICT.search(before)
                                                  or self._cues.actor_after_sur(before)):
                    refused.append((m.start(), m.end()))
                    continue  # "milices soutenues par l'Iran", "alignées sur l'Iran": an actor, not a place
            scene = self._scene(text, m.start(), m.end())
            named_by_noun = name_start > start  # "la région de Gao": the region itself
            start = name_start  # "la base aérienne d'Aïn al-Asad": the place is written "Aïn al-Asad"
            place = _curated_place(entry, ctx.span(start, m.end()), written)
            # a region named after its town ("Gao"), not one the name only abbreviates ("Gaza": the strip)
            if kind in (PlaceKind.PROVINCE, PlaceKind.REGION) and country and not named_by_noun \
                    and fold(str(entry["name"])) == fold(written):
                city = self._namesake_city(place, before, country)
                if city is not None:  # "près de Gao": the town, not the region of Gao
                    place, rule = city, f"geonames:{city.geonameid} (town named like the region {entry['name']})"
            elif kind is not PlaceKind.COUNTRY and before.endswith(_DE_ENDINGS):
                # only a noun, proximity or direction cue changes a known place
                place = _with_cue(place, self._cues.before(before))
            aimed = kind is PlaceKind.COUNTRY and _AIMED_BEFORE.search(before) is not None
            found.append(PlaceMention(start, m.end(), place, rule, scene=scene, aimed=aimed))
        found.sort(key=lambda p: p.start)
        kept: list[PlaceMention] = []
        for p in found:  # a soil phrase may hold a curated name: the first, longest, wins
            if kept and p.start < kept[-1].end:
                continue
            kept.append(p)
        return kept, refused

    def _scene(self, text: str, start: int, end: int) -> bool:
        """Whether a place may be a scene: not a launch site or a border, not where someone speaks or files a
        dispatch, not a seat of power that acts for its state."""
        if _not_scene(text, start) or _speaker(text, start, end, text[max(0, start - 70) : start]):
            return False
        before = text[max(0, start - 60) : start]
        if self._cues.speaker_place_before(before) or self._cues.authority_place(text, start, end):
            return False  # "des sources concordantes à Niamey", "a déclaré mardi à Kiev", "le ministère … à Moscou a dit"
        # "Moscou a lancé", "Tel Aviv et ses alliés ont intercepté", "utilisés par Moscou": the state acts ("un raid
        # sur Beyrouth a tué": a locative makes it the scene)
        return not (text[end - 1 : end].isalpha() and text[start:end] in self._cues.seats and (
            _AGENT_BEFORE.search(before) or (_SEAT_ACTS.match(text, end) and self._cues.before(before) is None)))

    def _not_place_before(self, text: str, start: int) -> bool:
        """"l'agence Sana", "le général Gao", "le quotidien Le Monde": a name after such a noun is no place."""
        return self._cues.not_place_before(text[max(0, start - 50) : start])

    def _curated_matches(self, text: str, focus: collections.Counter[str], soil: list[PlaceMention] | None,
                         ctx: ExtractionContext) -> Iterator[_Match]:
        """The curated spellings in the text, leftmost-longest; on the way, the nationalities (to the focus) and
        "sur le sol irakien" places (to *soil*). The words of the text are listed and intersected with the first
        words of the spellings in C; only the few present are then looked for, by a small regex."""
        words = _TOKEN.findall(text)
        present = set(words)
        nationalities = present & self._nationality.keys()
        for word in nationalities:
            focus[self._nationality[word]] += words.count(word)
        if soil is not None and nationalities:
            for m in _SOIL.finditer(text):
                iso = self._country_by_adjective.get(m.group(1))
                if iso is not None:
                    span = ctx.span(m.start(), m.end())
                    soil.append(PlaceMention(m.start(), m.end(), Place(name=span.text, kind=PlaceKind.COUNTRY, country=iso,
                                                                       span=span, precision=3), "soil_adjective",
                                             scene=not _not_scene(text, m.start())))
        firsts = present & self._by_first.keys()
        if not firsts:
            return
        # where the few first words present stand, found by str.find (no regex to compile per text)
        hits: list[tuple[int, str]] = []
        size = len(text)
        for word in firsts:
            i = text.find(word)
            while i >= 0:
                j = i + len(word)
                if (i == 0 or not text[i - 1].isalnum()) and (j == size or not text[j].isalnum()):
                    hits.append((i, word))
                i = text.find(word, j)
        hits.sort()
        by_first = self._by_first
        last_end = 0
        for at, word in hits:
            if at < last_end:
                continue
            # the word after the anchor, read once: a spelling of more words is tried only when its next word is
            # that one (as _rest_matches reads it: a short separator, then the whole word)
            nxt = _NEXT_WORD.match(text, at + len(word))
            next_word = nxt.group(1) if nxt is not None else None
            for tokens, anchor, folded in by_first[word]:
                if len(tokens) > anchor + 1 and tokens[anchor + 1] != next_word:
                    continue
                start = _words_before(text, at, tokens[:anchor]) if anchor else at
                if start is None or start < last_end:
                    continue
                end = _rest_matches(text, at + len(word), tokens[anchor:])
                if end is not None:
                    last_end = end
                    yield _Match(start, end, folded)
                    break

    def _direction_point(self, country: str | None, direction: str) -> tuple[float | None, float | None]:
        """A point for "le nord du Mali": a third of the country's extent from its middle, towards the direction
        (an approximation, as its precision 3 says)."""
        extent = self._index.extent(country) if country and self._index.available else None
        if extent is None:
            return None, None
        south, north, west, east = extent
        words = direction.replace("-", " ").split()
        reach = 0.45 if "extreme" in words else 0.3
        dy = (1 if "nord" in words else 0) - (1 if "sud" in words else 0)
        dx = (1 if "est" in words else 0) - (1 if "ouest" in words else 0)
        lat = (south + north) / 2 + dy * reach * (north - south)
        lon = (west + east) / 2 + dx * reach * (east - west)
        return round(lat, 4), round(lon, 4)

    def _named_again(self, ctx: ExtractionContext, unplaced: list[_Run],
                     found: list[PlaceMention]) -> tuple[list[_Run], list[PlaceMention]]:
        """"la localité de Chamaa" … "une frappe à Chamaa": a name the text made a place is that place wherever it
        is written again (one sense per text), also where it alone would not be kept."""
        text = ctx.text
        known: dict[str, PlaceMention] = {}
        for p in found:
            if p.place.kind is not PlaceKind.COUNTRY:
                known.setdefault(place_key(p.place.name), p)
        left: list[_Run] = []
        added: list[PlaceMention] = []
        for run in unplaced:
            first = known.get(_key(text, run, 0, len(run.words) - 1))
            start, end = _with_article(text, run.words[0][0]), run.words[-1][1]
            if first is None or self._not_place_before(text, start):
                left.append(run)
                continue
            place = attrs.evolve(first.place, name=_written(ctx, start, end), span=ctx.span(start, end),
                                 precision=_PRECISION.get(first.place.kind, 1))
            added.append(PlaceMention(start, end, place, f"named before as a place ({first.rule})",
                                      scene=self._scene(text, start, end), evidence=first.evidence))
        if not added:
            return unplaced, found
        return left, sorted([*found, *added], key=lambda p: p.start)

    def _coordinated(self, ctx: ExtractionContext, unplaced: Sequence[_Run],
                     found: list[PlaceMention]) -> list[PlaceMention]:
        """"à Aïtaroun et Kfar Kila": a name after a locative, joined by "et" or a comma to a place, is a place of
        the same country (its coordinates are borrowed later)."""
        text = ctx.text
        starts = [p.start for p in found]
        added: list[PlaceMention] = []
        for run in unplaced:
            start, end = _with_article(text, run.words[0][0]), run.words[-1][1]
            if run.opens_sentence:
                continue
            k = bisect.bisect_left(starts, end)
            if k >= len(found) or not _COORDINATION.fullmatch(text, end, found[k].start):
                continue
            partner = found[k]
            if partner.place.kind in (PlaceKind.COUNTRY, PlaceKind.SEA, PlaceKind.REGION) or partner.place.country is None:
                continue
            before = text[max(0, start - 70) : start]
            cue = self._cues.before(before)
            if cue is None or self._not_place_before(text, start):
                continue
            written = _written(ctx, start, end)
            if fold(written) in self._cues.not_names or place_key(written) in self._stop_keys \
                    or self._first_word_stopped(text, run):
                continue
            place = Place(name=written, kind=PlaceKind.TOWN, country=partner.place.country, span=ctx.span(start, end),
                          precision=1)
            added.append(PlaceMention(start, end, place, f"coordinated with {partner.place.name}",
                                      scene=self._scene(text, start, end)))
        if not added:
            return found
        return sorted([*found, *added], key=lambda p: p.start)

    def _at_war(self, found: list[PlaceMention], published: _dt.date) -> list[PlaceMention]:
        """A sea of no country takes the country of the war fought on it when the text was published
        ("en mer Noire" in 2023 → UA, as ACLED codes it)."""
        out = list(found)
        for k, p in enumerate(found):
            if p.place.kind is PlaceKind.SEA and p.place.country is None and p.place.canonical_name:
                name = fold(p.place.canonical_name)  # "mer noire", or "sud mer noire" for a part of it
                war = next((w for sea, w in self._war_country.items() if name == sea or name.endswith(" " + sea)), None)
                if war is not None and published >= war[1]:
                    out[k] = attrs.evolve(p, place=attrs.evolve(p.place, country=war[0]),
                                          rule=f"{p.rule}, at war since {war[1].isoformat()} ({war[0]})")
        return out

    def _listed_divisions(self, text: str, found: list[PlaceMention]) -> list[PlaceMention]:
        """"les provinces de Paktia et de Ghazni": a town's name listed after a division that a cue noun names is
        that kind of division too."""
        out = list(found)
        for k in range(1, len(found)):
            p, q = out[k - 1], found[k]
            if p.place.kind not in _DIVISIONS or q.place.kind not in (PlaceKind.CITY, PlaceKind.TOWN) \
                    or _DIVISION_JOINER.fullmatch(text, p.end, q.start) is None:
                continue
            cue = self._cues.before(text[max(0, p.start - 70) : p.start])
            if cue is not None and cue.kind is p.place.kind:
                out[k] = attrs.evolve(q, place=_with_cue(q.place, cue), rule=f"{q.rule}, listed after {p.place.name}")
        return out

    def _runs(self, ctx: ExtractionContext) -> list[_Run]:
        """The capitalized runs of the text, without a capitalized function word opening them ("À Kramatorsk",
        "Selon Kiev", "Les Houthis"): the name after it is then not a sentence opener."""
        text = ctx.text
        out: list[_Run] = []
        for run in _capitalized_runs(ctx):
            k = 0
            while k < len(run.words) - 1:
                s, e = run.words[k]
                # a stop word is capitalized by the sentence it opens ("Selon Kiev", "Les Houthis"); inside a
                # sentence it is a first name or a title ("a déclaré Mohamed Adan"): the run stays whole
                if e - s > 2 and (place_key(text[s:e]) not in self._stop_keys or not (k == 0 and run.opens_sentence)):
                    break
                k += 1
            out.append(run if k == 0 else _Run(run.words[k:], False))
        return out

    def _first_word_stopped(self, text: str, run: _Run) -> bool:
        """"Emmanuel Macron": a run that opens with a stop word (a first name, a title) is no unknown place."""
        s, e = run.words[0]
        return place_key(text[s:e]) in self._stop_keys

    def _bordered_country(self, text: str, end: int) -> str | None:
        """The country an apposition says a place borders: "Taybeh, frontalière d'Israël", "X, à la frontière avec
        le Niger"."""
        m = _BORDERING_AFTER.match(text, end)
        if m is None:
            return None
        words = _TOKEN.findall(text, m.end(), m.end() + 30)[:3]
        for n in range(len(words), 0, -1):
            entry = self._by_alias.get(" ".join(words[:n]))
            if entry is not None and entry.get("kind") == "country" and entry.get("country"):
                return str(entry["country"])
        return None

    def _local_country(self, text: str, end: int) -> str | None:
        """The country an apposition after a name gives it: "Jéricho, en Cisjordanie", "Chamaa, dans le sud du
        Liban", "Tiloua (Niger)"."""
        m = _LOCAL_AFTER.match(text, end)
        if m is None:
            return None
        words = _TOKEN.findall(text, m.end(), m.end() + 40)[:4]
        for n in range(len(words), 0, -1):
            entry = self._by_alias.get(" ".join(words[:n]))
            if entry is not None and entry.get("country"):
                return str(entry["country"])
        return None

    def _namesake_city(self, place: Place, before: str, country: str) -> Place | None:
        """The GeoNames town of a region's bare name ("Gao", "Tombouctou"), unless a cue names the region."""
        written = place.name
        if " " in written.strip() or not self._index.available:
            return None  # "région de Gao", "oblast de Kharkiv": the division itself
        cue = self._cues.before(before) if before.endswith(_DE_ENDINGS) else None
        if cue is not None and cue.kind in (PlaceKind.PROVINCE, PlaceKind.REGION):
            return None
        found = self._index.lookup([place_key(written)]).get(place_key(written), ())
        towns = [c for c in found if c.country == country and c.kind in ("city", "town")]
        if not towns:
            return None
        best = max(towns, key=lambda c: c.population)
        return attrs.evolve(_geonames_place(best, place.span, written) if place.span else place,
                            precision=cue.precision if cue is not None and cue.precision else 1)

    # --- GeoNames and the cues ---------------------------------------------------------------

    def _read_run(self, ctx: ExtractionContext, run: _Run, candidates: Mapping[str, Sequence[geonames.GeoCandidate]],
                  focus: collections.Counter[str], own: Mapping[str, str], taken: list[tuple[int, int]],
                  longest: int, named: set[str] | None = None) -> list[PlaceMention]:
        text = ctx.text
        words = run.words
        out: list[PlaceMention] = []
        i = 0
        while i < len(words):
            match: tuple[int, str, Sequence[geonames.GeoCandidate] | None, dict[str, Any] | None] | None = None
            for j in range(min(len(words), i + _MAX_WORDS) - 1, i - 1, -1):
                key = _key(text, run, i, j)
                if key in self._stop_keys or len(key) < 3:
                    continue
                entry = self._by_key.get(key)
                found = candidates.get(key)
                if entry is not None or found:
                    match = (j, key, found, entry)
                    break
            start = _with_article(text, words[i][0])
            if match is None:
                # a name no gazetteer has: a place only after a strong cue ("le village de Tabatol")
                mention = self._unknown(ctx, run, i, start, focus, taken, longest)
                if mention is not None:
                    out.append(mention)
                    break  # the rest of the run is its name
                i += 1
                continue
            j, key, found, entry = match
            end = words[j][1]
            if _overlaps(taken, longest, start, end):
                i = j + 1
                continue
            mention = self._resolve(ctx, run, i, j, start, end, found, entry, focus, own, named)
            if mention is not None:
                out.append(mention)
                while j + 1 < len(words) and words[j + 1][0] < mention.end:  # it took the whole run
                    j += 1
            i = j + 1
        return out

    def _unknown_run(self, ctx: ExtractionContext, run: _Run, focus: collections.Counter[str],
                     taken: list[tuple[int, int]], longest: int) -> list[PlaceMention]:
        """What :meth:`_read_run` finds in a run none of whose keys is a gazetteer's: each word is tried by
        :meth:`_unknown`, which takes none without a cue ending in "de" before it or an apposition after the run."""
        text = ctx.text
        apposition = text.startswith((", ", '" ,', '", ', ' ",'), run.words[-1][1])
        for i, (s, _) in enumerate(run.words):
            start = _with_article(text, s)
            if apposition or text.endswith(_DE_ENDINGS, max(0, start - 6), start):
                mention = self._unknown(ctx, run, i, start, focus, taken, longest)
                if mention is not None:
                    return [mention]  # the rest of the run is its name
        return []

    def _resolve(self, ctx: ExtractionContext, run: _Run, i: int, j: int, start: int, end: int,
                 found: Sequence[geonames.GeoCandidate] | None, entry: Mapping[str, Any] | None,
                 focus: collections.Counter[str], own: Mapping[str, str],
                 named: set[str] | None = None) -> PlaceMention | None:
        text = ctx.text
        before = text[max(0, start - 70) : start]
        cue = self._cues.before(before)
        written = _written(ctx, start, end)
        if fold(written) in self._cues.not_names:
            return None
        span = ctx.span(start, end)
        scene = self._scene(text, start, end)
        # a name the text also uses as a word, at a sentence's start, or inside a longer name needs more evidence
        if len(run.words) > j - i + 1 and not (cue is not None and cue.strong):
            # "la Hach al-Chaabi", "Kharkiv Oblast Council": a part of a longer name; the whole run is a place
            # only with an apposition ("à Wadi Salah, dans la région de Ménaka")
            return self._unknown(ctx, run, i, start, focus, [], 0, country=self._local_country(text, run.words[-1][1])) \
                if i == 0 and j < len(run.words) - 1 else None
        if i == 0 and j < len(run.words) - 1 and cue is not None and cue.strong and entry is None:
            # "la localité de Beit Lif": the cue names the whole run, not its first word ("Beit")
            return self._unknown(ctx, run, i, start, focus, [], 0, country=self._local_country(text, run.words[-1][1]),
                                 cue=cue)
        weak_shape = i == 0 and run.opens_sentence
        if self._not_place_before(text, start):
            if named is not None:
                named.add(_key(text, run, i, j))
            return None
        if cue is None and text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            return None  # "(Qods)", "(EI)": a gloss or an acronym after a name
        key = _key(text, run, i, j)
        local = self._local_country(text, end)

        def weight(country: str | None) -> int:  # the name's own count does not put its country in focus
            return focus.get(country, 0) - (1 if country and own.get(key) == country else 0) if country else 0

        if entry is not None:
            # a spelling variant of a curated place ("Kharkov", "Zaporizhzhia"): kept with a cue or its country
            country = entry.get("country") or None
            if entry.get("kind") == "country":
                if not _COUNTRY_LOCATIVE_STRICT.search(before[-60:]) or self._cues.actor_after_sur(before):
                    return None
            elif cue is None and weight(country) <= 0 and not (found and max(c.population for c in found) >= _BIG_CITY):
                return None
            place = _curated_place(entry, span, written)
            return PlaceMention(start, end, _with_cue(place, cue), "gazetteer:variant", scene=scene)
        assert found is not None
        beyond = self._bordered_country(text, end)
        if beyond is not None:
            # "la localité de Taybeh, frontalière d'Israël": a place on the border of a country is not in it
            found = [c for c in found if c.country != beyond]
            focus = collections.Counter({iso: n for iso, n in focus.items() if iso != beyond})
            if not found:
                if cue is None or not cue.strong:
                    return None
                return self._unknown(ctx, run, i, start, focus, [], 0, end=end, country=local, cue=cue, bordered=True)
        if local is not None and not any(c.country == local for c in found):
            # "Chamaa, dans le sud du Liban" and GeoNames has only a Syrian Chamaa: a place of its own
            return self._unknown(ctx, run, i, start, focus, [], 0, end=end, country=local, cue=cue or _LOCAL)
        best = max(found, key=lambda c: (c.country == local, weight(c.country) > 0, weight(c.country),
                                         _kind_fit(c, cue), not c.common_word, c.population,
                                         bool(c.flags & geonames.FLAG_MAIN)))
        # in focus: a country the document names at least a third as often as its leading one
        top = max((weight(c) for c in focus), default=0)
        in_focus = (weight(best.country) > 0 and 3 * weight(best.country) >= top) or best.country == local
        focused = top > 0
        common = best.common_word or weak_shape
        if in_focus and (not weak_shape or cue is not None):
            reason = f"country focus {best.country}"
        elif focused and not in_focus:
            # the document is about other countries: only a world city, or a strong cue naming a place of its own
            if not common and best.population >= _WORLD_CITY:
                reason = f"{best.population} people"
            elif cue is not None and cue.strong:
                return self._unknown(ctx, run, i, start, focus, [], 0, end=end)
            else:
                return None
        elif cue is not None and cue.strong:
            reason = f"cue '{cue.word}'"
        elif cue is not None and not common and best.population >= _TOWN_WITH_LOCATIVE:
            reason = f"after '{cue.word}', {best.population} people"
        elif not common and best.population >= _BIG_CITY:
            reason = f"{best.population} people"
        else:
            return None
        if best.kind == "province" and cue is None and not in_focus:
            return None  # an admin1 name alone, outside the document's countries
        place = _geonames_place(best, span, written)
        rule = f"geonames:{best.geonameid or best.name} ({reason})"
        evidence = COUNTRY_SAID if beyond is not None or best.country == local else COUNTRY_FROM_GAZETTEER
        return PlaceMention(start, end, _with_cue(place, cue), rule, scene=scene, evidence=evidence)

    def _unknown(self, ctx: ExtractionContext, run: _Run, i: int, start: int, focus: collections.Counter[str],
                 taken: list[tuple[int, int]], longest: int, end: int | None = None, country: str | None = None,
                 cue: Cue | None = None, bordered: bool = False) -> PlaceMention | None:
        text = ctx.text
        end = run.words[-1][1] if end is None else end
        # every strong cue ends with "de", "du", "des", "d'"; every apposition starts with ", " or " ": most names
        # have neither, and are no place of their own
        if cue is None and not text.endswith(_DE_ENDINGS, max(0, start - 6), start) \
                and not text.startswith((", ", '" ,', '", ', ' ",'), end):
            return None
        before = text[max(0, start - 70) : start]
        cue = cue or self._cues.before(before)
        country = country or self._local_country(text, end)
        if cue is None or not cue.strong or (cue.kind is None and cue.precision is None):
            # "à Dmeir, une ville située à 40 km de Damas": the apposition says what the name is
            after = self._cues.apposition_after(text, end)
            if after is None:
                return None
            cue = after
        if i == 0 and run.opens_sentence:
            return None
        written = _written(ctx, start, end)
        if self._not_place_before(text, start):
            return None
        if fold(written) in self._cues.not_names or place_key(written) in self._stop_keys \
                or (i == 0 and self._first_word_stopped(text, run)):
            return None
        if _overlaps(taken, longest, start, end):
            return None
        evidence = COUNTRY_SAID if country is not None or bordered else COUNTRY_GUESSED
        country = country or self._guessed_country(ctx, start, focus)
        kind = cue.kind or PlaceKind.TOWN
        span = ctx.span(start, end)
        place = Place(name=written, kind=kind, country=country, span=span, canonical_name=None,
                      precision=cue.precision or _PRECISION.get(kind, 1))
        scene = self._scene(text, start, end)
        rule = f"cue:{cue.word}" + (f" (country focus {country})" if country else "")
        return PlaceMention(start, end, place, rule, scene=scene, evidence=evidence)


    def _guessed_country(self, ctx: ExtractionContext, start: int, focus: collections.Counter[str]) -> str | None:
        """The country of a name no gazetteer has: the document's leading one, unless the document names two sides
        alike and its sentence names the nationality of who acts there ("une frappe israélienne ayant visé X",
        "l'aviation israélienne a frappé … X"): forces strike the other side's land, so the other country leads."""
        leading = _leading(focus)
        if leading is None or _dominant(focus) is not None:
            return leading
        text = ctx.text
        sentence = ctx.sentences[ctx.sentence_at(start)] if ctx.sentences else None
        lo = max(sentence.start if sentence is not None else 0, start - _ACTING_REACH)
        tokens = _TOKEN.findall(text, lo, start)
        acting = self._cues.acting_nouns
        if not any(self._nationality.get(w) == leading and (tokens[k - 1] in acting or (k > 1 and tokens[k - 2] in acting))
                   for k, w in enumerate(tokens) if k > 0):
            return leading
        return _leading(collections.Counter({iso: n for iso, n in focus.items() if iso != leading})) or leading


# --- helpers ----------------------------------------------------------------------------------


_LOCAL = Cue(PlaceKind.TOWN, True, "apposition")
"""The cue of a name whose apposition gives its country ("X, dans le sud du Liban")."""


def _aliases(entry: Mapping[str, Any]) -> list[str]:
    aliases = entry.get("aliases", ())
    return [aliases] if isinstance(aliases, str) else list(aliases)


def _curated_place(entry: Mapping[str, Any], span: Span | None, written: str) -> Place:
    kind = PlaceKind(entry.get("kind", "other"))
    lat, lon = entry.get("latitude"), entry.get("longitude")
    return Place(
        name=written, kind=kind, country=entry.get("country") or None, span=span,
        canonical_name=str(entry["name"]), geonameid=entry.get("geonameid"),
        latitude=float(lat) if lat is not None else None, longitude=float(lon) if lon is not None else None,
        admin1=entry.get("admin1"), admin2=entry.get("admin2"), precision=_PRECISION.get(kind, 1),
    )


def _geonames_place(c: geonames.GeoCandidate, span: Span, written: str) -> Place:
    kind = {"city": PlaceKind.CITY, "town": PlaceKind.TOWN, "province": PlaceKind.PROVINCE}.get(c.kind, PlaceKind.OTHER)
    return Place(name=written, kind=kind, country=c.country, span=span, canonical_name=c.name, geonameid=c.geonameid,
                 latitude=c.latitude, longitude=c.longitude, admin1=c.admin1, admin2=c.admin2,
                 precision=_PRECISION.get(kind, 1))


def _with_cue(place: Place, cue: Cue | None) -> Place:
    """The place as the cue reads it: "la province de Kandahar" is the province, "près de Gao" is near Gao."""
    if cue is None:
        return place
    if cue.kind in (PlaceKind.PROVINCE, PlaceKind.REGION) and place.kind in (PlaceKind.CITY, PlaceKind.TOWN):
        return attrs.evolve(place, kind=cue.kind, canonical_name=place.admin1 or place.canonical_name, precision=3)
    if cue.precision is not None and (place.precision or 1) < cue.precision:
        return attrs.evolve(place, precision=cue.precision)
    return place


def _kind_fit(c: geonames.GeoCandidate, cue: Cue | None) -> bool:
    if cue is None or cue.kind is None:
        return c.kind != "province"
    return (c.kind == "province") == (cue.kind in (PlaceKind.PROVINCE, PlaceKind.REGION))


def _dominant(focus: collections.Counter[str]) -> str | None:
    """The document's country when one clearly leads its count (twice the next)."""
    top = focus.most_common(2)
    if not top:
        return None
    if len(top) == 1 or top[0][1] >= 2 * top[1][1]:
        return top[0][0]
    return None


def _leading(focus: collections.Counter[str]) -> str | None:
    """The country the document names most, when no other is named as often."""
    top = focus.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def _borrow_coordinates(ctx: ExtractionContext, found: list[PlaceMention]) -> list[PlaceMention]:
    """A place without coordinates takes those of the nearest place of its sentence that has some, in the same
    country (ACLED's geo_precision 2: "the coder takes the closest town"; 3 when that place is a province or a
    region), else of the nearest province, region or city of its paragraph, else of the text (precision 3)."""
    if not any(p.place.latitude is None and p.place.kind not in _NO_BORROWING for p in found):
        return found
    # a point for "le nord du Mali" is too rough for a village; a dateline's or a speaking capital's is elsewhere
    located = [q for q in found if q.place.latitude is not None and q.place.kind is not PlaceKind.COUNTRY
               and q.scene and not q.rule.startswith("direction:")]
    starts = [q.start for q in located]
    out = list(found)
    for k, p in enumerate(found):
        if p.place.latitude is not None or p.place.kind in _NO_BORROWING:
            continue
        if p.place.kind is PlaceKind.REGION and (p.place.country is None or p.rule.startswith("direction:")):
            continue  # "le Moyen-Orient": no one place stands for it
        sentence = ctx.sentences[ctx.sentence_at(p.start)] if ctx.sentences else None
        best: PlaceMention | None = None
        precision = 2
        for scope in ("sentence", "paragraph", "document"):
            if sentence is None or (scope == "document" and p.place.country is None):
                break
            if scope == "sentence":
                lo, hi = sentence.start, sentence.end
            elif scope == "paragraph":
                lo = ctx.text.rfind("\n", 0, p.start) + 1
                hi = ctx.text.find("\n", p.end)
                hi = len(ctx.text) if hi < 0 else hi
            else:  # the text's nearest city, province or region of the same country (ACLED's precision 3)
                lo, hi = 0, len(ctx.text)
            k0, k1 = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
            if scope == "document":  # the nearest ones, not the first 50 of the text
                at = bisect.bisect_left(starts, p.start)
                k0, k1 = max(k0, at - 25), min(k1, at + 25)
            window = located[k0:k1][:50]
            near = [q for q in window if (p.place.country is None or q.place.country == p.place.country)
                    and (scope == "sentence" or q.place.kind in _SEATS)]
            if near:
                best = min(near, key=lambda q: abs(q.start - p.start))
                coarse = scope != "sentence" or best.place.kind in (PlaceKind.PROVINCE, PlaceKind.REGION)
                precision = 3 if coarse else 2
                break
        if best is None:
            continue
        place = attrs.evolve(p.place, latitude=best.place.latitude, longitude=best.place.longitude,
                             country=p.place.country or best.place.country, admin1=p.place.admin1 or best.place.admin1,
                             precision=max(precision, p.place.precision or 1))
        out[k] = attrs.evolve(p, place=place, rule=f"{p.rule}, coordinates of {best.place.name}")
    return out


def _one_sense(found: list[PlaceMention]) -> list[PlaceMention]:
    """One name, one place per text: "la localité de Taybeh, frontalière d'Israël" … "dans la région de Taybeh" is
    the same Taybeh. The mention whose country the text says wins, else the first; a mention whose own apposition
    says its country keeps it."""
    groups: dict[str, list[int]] = {}
    for k, p in enumerate(found):
        if p.place.kind is not PlaceKind.COUNTRY:
            groups.setdefault(place_key(p.place.name), []).append(k)
    out = found
    for members in groups.values():
        if len(members) < 2 or len({found[k].place.country for k in members}) < 2:
            continue
        sense = found[max(members, key=lambda k: (found[k].evidence == COUNTRY_SAID, -k))]
        for k in members:
            p = found[k]
            if p.evidence == COUNTRY_SAID or p.place.country == sense.place.country:
                continue
            if out is found:
                out = list(found)
            s = sense.place
            place = attrs.evolve(p.place, country=s.country, canonical_name=s.canonical_name, geonameid=s.geonameid,
                                 latitude=s.latitude, longitude=s.longitude, admin1=s.admin1, admin2=s.admin2)
            out[k] = attrs.evolve(p, place=place, evidence=sense.evidence,
                                  rule=f"{p.rule}, one sense with {s.name} ({s.country})")
    return out


_ACTING_REACH = 200
"""How far before a name no gazetteer has the nationality of who acts there is looked for (in its sentence)."""
_NO_BORROWING = frozenset({PlaceKind.COUNTRY, PlaceKind.SEA})
_SEATS = frozenset({PlaceKind.PROVINCE, PlaceKind.REGION, PlaceKind.CITY, PlaceKind.DISTRICT})


class _Match:
    """A curated spelling found in the normalized text (shaped like a regex match: group, start, end)."""

    __slots__ = ("begin", "finish", "folded")

    def __init__(self, begin: int, finish: int, folded: str) -> None:
        self.begin, self.finish, self.folded = begin, finish, folded

    def group(self) -> str:
        return self.folded

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


def _words_before(text: str, pos: int, tokens: tuple[str, ...]) -> int | None:
    """The start of *tokens* written just before *pos* (each followed by a short run of spaces, hyphens,
    apostrophes or a line break), or None."""
    for token in reversed(tokens):
        k = pos
        while k > 0 and pos - k < 3 and text[k - 1] in " '-\n":
            k -= 1
        if k == pos or not text.endswith(token, 0, k):
            return None
        pos = k - len(token)
        if pos > 0 and text[pos - 1].isalnum():
            return None
    return pos


def _rest_matches(text: str, pos: int, tokens: tuple[str, ...]) -> int | None:
    """The end of *tokens[1:]* read at *pos* (any short run of spaces, hyphens, apostrophes or a line break
    between words: "la base  d'Aïn al-Asad" with two spaces is the base), or None."""
    for token in tokens[1:]:
        sep = _SEPARATOR.match(text, pos)
        if sep is None or not text.startswith(token, sep.end()):
            return None
        pos = sep.end() + len(token)
        if pos < len(text) and (text[pos].isalnum()):
            return None
    return pos


def _key(text: str, run: _Run, i: int, j: int) -> str:
    key = run.keys.get((i, j))
    if key is None:
        key = run.keys[(i, j)] = place_key(text[run.words[i][0] : run.words[j][1]])
    return key


def _ngrams(run: _Run) -> Iterable[tuple[int, int]]:
    n = len(run.words)
    for i in range(n):
        for j in range(i, min(n, i + _MAX_WORDS)):
            yield i, j


def _with_article(text: str, start: int) -> int:
    """The start of a name with its Arabic article written before it in lowercase ("al-Tanf")."""
    if start < 3 or text[start - 1] != "-":  # the article's hyphen ends right before the name
        return start
    m = _ARTICLE_PREFIX.search(text, max(0, start - 4), start)
    return m.start() if m is not None and m.end() == start else start


def _capitalized_runs(ctx: ExtractionContext) -> list[_Run]:
    """The runs of capitalized words (joined by a space, a hyphen, an apostrophe or a connector)."""
    text, original = ctx.text, ctx.original
    if ctx.norm.is_identity:
        words = [(m.start(), m.end()) for m in _CAP_WORD.finditer(original)
                 if not (m.end() - m.start() <= 2 and original[m.end() : m.end() + 1] in _APOSTROPHES
                         and original[m.start()] != "N")]
    else:
        words = []
        for m in _WORD.finditer(text):
            s, _ = ctx.norm.to_original(m.start(), m.start() + 1)
            if original[s : s + 1].isupper() and not (m.end() - m.start() <= 2 and text[m.end() : m.end() + 1] == "'"
                                                         and text[m.start()] != "n"):
                words.append((m.start(), m.end()))
    runs: list[_Run] = []
    current: list[tuple[int, int]] = []
    for w in words:
        if current and _GAP.fullmatch(text, current[-1][1], w[0]) is not None and w[0] - current[-1][1] <= 6:
            current.append(w)
            continue
        if current:
            runs.append(_run(text, current))
        current = [w]
    if current:
        runs.append(_run(text, current))
    return runs


def _run(text: str, words: list[tuple[int, int]]) -> _Run:
    start = words[0][0]
    if start > 4:  # most runs follow a plain word: no sentence end in the four characters before
        window = text[start - 4 : start]
        if "." not in window and "\n" not in window and "!" not in window and "?" not in window and ":" not in window:
            return _Run(tuple(words), False)
    return _Run(tuple(words), start == 0 or bool(_SENTENCE_OPENING.search(text, max(0, start - 4), start)))


def _speaker(text: str, start: int, end: int, before: str) -> bool:
    """"Moscou, de son côté, a affirmé …", "accuse Moscou d'avoir …": a capital speaking for its state; "GAO (AFP) -"
    opening a dispatch: where it was filed."""
    if (start == 0 or text[start - 1] == "\n") and _DATELINE_AFTER.match(text, end):
        return True
    if text[start - 1 : start] == "(" and (start == 1 or text[start - 2] == "\n") and text.startswith(")", end):
        return True  # "(Beyrouth) Le Hezbollah a annoncé …": where the dispatch was filed
    opens = start == 0 or bool(_SENTENCE_OPENING.search(text, max(0, start - 3), start))
    if opens and _SPEAKER_AFTER.match(text, end):
        return True
    if _REPORTED_BY.search(before[-40:]):
        return True  # "a indiqué Londres", "selon Kiev"
    return ("accus" in before and bool(_ACCUSED_BEFORE.search(before))) or bool(_ACCUSED_AFTER.match(text, end))


def _not_scene(text: str, start: int) -> bool:
    """Whether the words before a place make it a launch site or a border ("tirées depuis X", "lancés depuis des
    zones contrôlées par les Houthis au Yémen")."""
    before = text[max(0, start - 100) : start]
    if not any(w in before for w in _NOT_SCENE_WORDS):
        return False
    if "pret" in before and _READY_TO_FIRE.search(before):
        return False
    return bool(_NOT_SCENE.search(before, max(0, len(before) - 70)) or _LAUNCH_ZONE.search(before))


def _launch_lists(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """Places listed after a launch site are launch sites too ("lancés depuis le territoire russe, notamment des
    régions de Koursk, Belgorod et Briansk")."""
    out = list(found)
    launch = False  # whether the place before is a launch site
    for k, q in enumerate(found):
        listed = k > 0 and launch and _LIST_JOINER.fullmatch(text, found[k - 1].end, q.start) is not None
        if listed and q.scene:
            out[k] = attrs.evolve(q, scene=False)
        launch = listed or (not q.scene and _not_scene(text, q.start))
    return out


def _overlaps(taken: list[tuple[int, int]], longest: int, start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the sorted ranges *taken*, none longer than *longest*."""
    k = bisect.bisect_right(taken, start - longest, key=lambda r: r[0])
    while k < len(taken) and taken[k][0] < end:
        if taken[k][1] > start:
            return True
        k += 1
    return False
