"""Named places: a gazetteer (``data/places.json``) and patterns for places it lacks.

The gazetteer gives each place its canonical French name, its aliases and
spellings, its kind (base, town, province, country, sea…) and its ISO country.
Places it does not know are still found through the words around them:
"la base de X", "près de X", "dans la province de X", "le village de X".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .. import engine
from ..normalize import fold
from ..ontology import Place, PlaceKind

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["SPECIFICITY", "Gazetteer", "PlaceMention", "original_text"]

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

# Keyword before a name the gazetteer lacks → the kind of place it names.
_PATTERN_KINDS: Mapping[str, PlaceKind] = {
    "base": PlaceKind.BASE, "base aerienne": PlaceKind.BASE, "base militaire": PlaceKind.BASE,
    "garnison": PlaceKind.BASE, "camp": PlaceKind.BASE, "camp militaire": PlaceKind.BASE,
    "avant-poste": PlaceKind.BASE, "poste militaire": PlaceKind.BASE, "aeroport": PlaceKind.AIRPORT,
    "aeroport international": PlaceKind.AIRPORT, "champ petrolifere": PlaceKind.SITE, "port": PlaceKind.SITE,
    "hopital": PlaceKind.SITE, "camp de refugies": PlaceKind.SITE, "centrale": PlaceKind.SITE,
    "village": PlaceKind.TOWN, "localite": PlaceKind.TOWN, "commune": PlaceKind.TOWN, "bourgade": PlaceKind.TOWN,
    "ville": PlaceKind.CITY, "quartier": PlaceKind.DISTRICT, "district": PlaceKind.DISTRICT,
    "cercle": PlaceKind.DISTRICT, "province": PlaceKind.PROVINCE,
    "gouvernorat": PlaceKind.PROVINCE, "oblast": PlaceKind.PROVINCE, "region": PlaceKind.REGION,
    "pres": PlaceKind.OTHER, "a proximite": PlaceKind.OTHER, "aux abords": PlaceKind.OTHER,
    "non loin": PlaceKind.OTHER, "au large": PlaceKind.OTHER,
}
_PATTERN = re.compile(
    r"(?<![^\W_])(?P<kw>" + "|".join(sorted((re.escape(k) for k in _PATTERN_KINDS), key=len, reverse=True)) + r")"
    r"(?: (?:americaine|militaire|aerienne|syrienne|irakienne|israelienne|russe|ukrainienne|de refugies))?"
    r" (?:de la |de l'|du |des |de |d')(?P<name>\w[\w'-]*(?: [\w'-]+){0,3})"
)
_KEYWORD = re.compile(r"(?<![^\W_])(?:" + "|".join(sorted((re.escape(k) for k in _PATTERN_KINDS), key=len, reverse=True))
                      + r")(?![^\W_])")
# Connectors allowed inside a multi-word name ("Deir ez-Zor", "Bint Jbeil", "Fada N'Gourma").
_NAME_CONNECTORS = frozenset({"al", "el", "ez", "ad", "as", "ar", "ash", "an", "de", "du", "des", "la", "le", "d", "bin", "ben", "abou", "abu"})
_SPEAKER_AFTER = re.compile(r"\s*(?:,|a |ont |accuse|affirme|dement|annonce|assure|menace|promet|repond|riposte|"
                            r"condamne|nie|reconnait|estime|exige|denonce|avertit|previent)")
# Capitalized words after "près de", "ville de"… that are institutions, not places.
_NOT_PLACE_NAMES = frozenset({"defense", "etat", "securite", "coalition", "l'onu", "onu", "otan", "reuters", "afp"})
# Words before a place that make it a launch site or a border, not where the incident happened.
_NOT_SCENE = re.compile(r"(?:(?:depuis|en provenance d[eu']?|lance(?:e|s|es)? d[eu']?|tire(?:e|s|es)? d[eu']?)\s*"
                        r"(?:(?:la|le|les|l')\s*)?(?:[\w-]+\s+(?:de |d'|du |des )?(?:la |le |l')?)?"
                        r"|(?:frontiere|frontaliere)(?:(?!\bvers\b)[^,;.]){0,40})$")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?]\s+|\n)\W*$")
_NOT_SCENE_WORDS = ("depuis", "en provenance d", "lance", "tire", "frontiere", "frontaliere")
"""Words one of which :data:`_NOT_SCENE` needs: without them, no search."""
_ACCUSED_BEFORE = re.compile(r"\baccus\w*\s+$")
_ACCUSED_AFTER = re.compile(r"\s+d'avoir\b")
_NAME_WORD = re.compile(r"[\w'-]+")
_WORD_PARTS = re.compile(r"[-']")
_COUNTRY_LOCATIVE = re.compile(
    r"(?:\ben|\bau|\baux|\bdans|\bsur|\bsur le sol d[e'u]|\b(?:nord|sud|est|ouest|centre|nord-est|nord-ouest|sud-est|"
    r"sud-ouest|centre-nord|centre-est|centre-ouest) d[e'u]|\bpartout en|\bterritoire d[e'u]|\bau large d[e'u]|"
    r"\bcotes? d[e'u]|\bfrontiere (?:avec|entre) (?:\w+ ){0,3}et)\s*(?:la |l'|les )?$"
)


def original_text(ctx: ExtractionContext, start: int, end: int) -> str:
    """The original text of a ``[start, end)`` range of the normalized copy: ``ctx.span(start, end).text``
    without building the span."""
    s, e = ctx.norm.to_original(start, end)
    return ctx.original[s:e]


@attrs.frozen
class PlaceMention:
    """A place named in the text, with where it stands (normalized offsets)."""

    start: int
    """Start of the place name in the normalized text."""
    end: int
    """End of the place name in the normalized text."""
    place: Place
    """The place: canonical name, kind, country and span."""
    rule: str
    """``gazetteer`` or the pattern keyword that found it ("base", "province", "pres"…)."""
    scene: bool = True
    """False when the words before make it a launch site or a border ("tirées depuis X")."""


class Gazetteer:
    """Finds the gazetteer's places and the pattern places in a normalized text."""

    def __init__(self, entries: Iterable[Mapping[str, Any]],
                 country_adjectives: Mapping[str, Iterable[str]] | None = None) -> None:
        adjectives = {fold(a): iso for iso, adjs in (country_adjectives or {}).items() for a in adjs}
        self._country_by_adjective = adjectives
        self._soil = re.compile(r"\b(?:sol|territoire|espace aerien) (" + "|".join(map(re.escape, sorted(adjectives, key=len, reverse=True)))
                                + r")\b") if adjectives else None
        self._by_alias: dict[str, tuple[Mapping[str, Any], str]] = {}
        self._fields: dict[int, tuple[str, PlaceKind, str | None]] = {}
        """By ``id()`` of an entry: the name, kind and country of its places."""
        for entry in entries:
            aliases = entry.get("aliases", ())
            for alias in [entry["name"], *([aliases] if isinstance(aliases, str) else aliases)]:
                key = fold(alias).strip()
                # the first entry wins for an alias shared by a city and its province
                self._by_alias.setdefault(key, (entry, alias))
            self._fields[id(entry)] = (str(entry["name"]), PlaceKind(entry.get("kind", "other")), entry.get("country") or None)
        self._regex = engine.words_regex(self._by_alias)

    def lookup(self, name: str) -> Place | None:
        """The gazetteer place of a name or alias, if known."""
        found = self._by_alias.get(fold(name).strip())
        if found is None:
            return None
        return self._place(found[0], None)

    def _place(self, entry: Mapping[str, Any], span: Any) -> Place:
        name, kind, country = self._fields[id(entry)]
        return Place(name=name, kind=kind, country=country, span=span)

    def find(self, ctx: ExtractionContext) -> list[PlaceMention]:
        """Every place of the text, gazetteer ones first, then pattern ones outside them."""
        text = ctx.text
        found: list[PlaceMention] = []
        taken: list[tuple[int, int]] = []
        for m in self._regex.finditer(text):
            entry, alias = self._by_alias[m.group().strip()]
            if alias[:1].isupper() and not original_text(ctx, m.start(), m.end())[:1].isupper():
                continue  # "est", "nord", "hit" as common words
            before = text[max(0, m.start() - 60) : m.start()]
            if entry.get("kind") == "country" and not _COUNTRY_LOCATIVE.search(before):
                continue  # "milices soutenues par l'Iran", "Israël a frappé": an actor, not a place
            # "Moscou, de son côté, a affirmé …", "Kiev accuse …": a capital speaking for its state
            speaker = bool(_SENTENCE_OPENING.search(text[max(0, m.start() - 3) : m.start()]) or m.start() == 0) \
                and bool(_SPEAKER_AFTER.match(text, m.end()))
            # "accuse Moscou d'avoir bombardé": the accused state
            speaker = speaker or ("accus" in before and bool(_ACCUSED_BEFORE.search(before))) \
                or bool(_ACCUSED_AFTER.match(text, m.end()))
            found.append(PlaceMention(m.start(), m.end(), self._place(entry, ctx.span(m.start(), m.end())), "gazetteer",
                                      scene=not _not_scene(before) and not speaker))
            taken.append((m.start(), m.end()))
        taken.sort()  # the pattern places must not overlap any: found by bisection (long texts stay linear)
        # the soil pattern needs one of its nouns: most texts are not searched
        soil = self._soil is not None and any(w in text for w in ("sol ", "territoire ", "espace aerien "))
        for m in (self._soil.finditer(text) if self._soil and soil else ()):
            iso = self._country_by_adjective[m.group(1)]
            span = ctx.span(m.start(), m.end())
            found.append(PlaceMention(m.start(), m.end(), Place(name=span.text, kind=PlaceKind.COUNTRY, country=iso, span=span),
                                      "soil_adjective"))
            bisect.insort(taken, (m.start(), m.end()))
        longest = max((e - s for s, e in taken), default=0)
        for kw in _KEYWORD.finditer(text):
            pm = _PATTERN.match(text, kw.start())  # one try per keyword: "près du village de X" tries both
            if pm is None:
                continue
            name = _capitalized_name(ctx, pm.start("name"), pm.end("name"))
            if name is None:
                continue
            folded = fold(original_text(ctx, *name))
            if folded in _NOT_PLACE_NAMES:
                continue
            if folded.strip() in self._by_alias:
                continue  # a known place the gazetteer pass kept or refused on purpose
            n_start, n_end = name
            if _overlaps(taken, longest, n_start, n_end):
                continue
            span = ctx.span(n_start, n_end)
            kind = _PATTERN_KINDS[pm.group("kw")]
            before = text[max(0, pm.start() - 60) : pm.start()]
            place = Place(name=span.text, kind=kind, country=None, span=span)
            found.append(PlaceMention(n_start, n_end, place, pm.group("kw"), scene=not _not_scene(before)))
            bisect.insort(taken, (n_start, n_end))
            longest = max(longest, n_end - n_start)
        found.sort(key=lambda p: p.start)
        return found


def _not_scene(before: str) -> bool:
    """Whether the words before a place make it a launch site or a border ("tirées depuis X")."""
    return any(w in before for w in _NOT_SCENE_WORDS) and bool(_NOT_SCENE.search(before))


def _overlaps(taken: list[tuple[int, int]], longest: int, start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the sorted ranges *taken*, none longer than *longest*."""
    # a range starting at or before start - longest ends at or before start
    k = bisect.bisect_right(taken, start - longest, key=lambda r: r[0])
    while k < len(taken) and taken[k][0] < end:
        if taken[k][1] > start:
            return True
        k += 1
    return False


def _capitalized_name(ctx: ExtractionContext, start: int, end: int) -> tuple[int, int] | None:
    """The longest run of capitalized words (with connectors) at *start*, as normalized offsets."""
    original = original_text(ctx, start, end)
    if not original[:1].isupper():
        return None
    last_end = 0
    pos = 0
    for m in _NAME_WORD.finditer(original):
        if m.start() != pos and original[pos : m.start()].strip():
            break
        word = m.group()
        head = _WORD_PARTS.split(word)[0].lower()
        if word[:1].isupper() or (head in _NAME_CONNECTORS and "-" in word):
            last_end = m.end()
        elif head not in _NAME_CONNECTORS:
            break
        pos = m.end()
    if last_end == 0:
        return None
    # offsets in the normalized copy: same length in practice
    return start, start + len(original[:last_end].rstrip())
