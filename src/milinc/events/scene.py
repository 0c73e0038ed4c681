"""Which place is an incident's scene, and which country.

The scene is chosen among the places of the incident's own clauses (:mod:`.slots` gives each trigger
the places of its clause), scene places only (not a launch site, a border, a dateline, the seat of a
speaker), the most specific first, the first among equals. A reference point ("à 80 km au sud-ouest du
port de X") yields to a place that holds the incident ("dans le détroit de Bab al-Mandab"); a region of
no country ("le Sahel") to a place of a country; a finer place of another country than the country the
incident is aimed at ("plus de 180 missiles vers Israël … un Palestinien tué à Jéricho") is set aside.

A scene coarser than a town (a country, a region, a province) is refined, and a missing one found, from:

1. an anaphor of the incident's sentences ("la ville", "à proximité de la base") → the last place of
   that kind named before it;
2. a facility the incident names without its name ("une base de l'ouest de l'Irak") → the facility of
   that kind the text names, in the same country;
3. the one or two sentences before, in the same paragraph, unless the incident's sentence announces
   another scene ("par ailleurs", "dans un autre incident").

An incident that no place of its own locates, whose country the discourse carried from a place of its own
sentence finer than a country ("a frappé un dépôt à Rafah, après des frappes nocturnes visant des sites"), is at
that place. A country is the location only when nothing finer is known. The incident's country is its scene's;
else a scene place's of its clauses; else the one the discourse carried (:mod:`.discourse`); else the
document's theatre: the one country its scene places name, twice as often as any other.
"""

from __future__ import annotations

import bisect
import collections
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from .. import regexes
from ..extensions import NO_EXTENSIONS, Extensions
from ..normalize import fold
from ..ontology import PlaceKind, Span
from .candidates import MentionSlots
from .layout import CONTEXT, DocumentLayout
from .lexicon import load_data
from .places import SPECIFICITY, PlaceMention, Places
from .triggers import Mention

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["Scene", "SceneLexicon", "SceneReader"]

_COARSE = frozenset({PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.PROVINCE, PlaceKind.OTHER})
"""Kinds of place an anaphor, a named facility or the sentences before may refine."""
_COARSE_OR_SEA = _COARSE | {PlaceKind.SEA}
"""Kinds of place too wide to locate an incident that only shares a sentence with it."""
_NAMED_AFTER = 14
"""An anaphor noun followed this close by a place is that place's noun ("la ville de Kiev"), not an anaphor."""
_RELATIVE_AFTER = regexes.lazy(r"\s*,?\s*(?:qui|ou)\b")
"""A relative pronoun right after a place ("Dnipro, qui", "Gao, où")."""
_RELATIVE_REACH = 40
"""At most this many characters between the relative pronoun and the trigger it introduces."""
_TOWN_TIER = SPECIFICITY[PlaceKind.TOWN]
"""Towns and cities rank alike before a relative clause's antecedent is preferred."""
_TRIED = 12
"""Places of a kind tried before giving up on finding the referent of an anaphor or a facility."""


def _phrases(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted({fold(w).strip() for w in words if w.strip()}, key=len, reverse=True))


@attrs.frozen
class SceneLexicon:
    """The words that decide a scene (``data/scene.json`` and the plugins' ``scene_*`` lexicons)."""

    anaphors: Mapping[str, frozenset[PlaceKind]]
    """A noun that refers back to a place ("ville") → the kinds it may refer to."""
    facilities: Mapping[str, frozenset[PlaceKind]]
    """A facility noun an incident names without its name ("une base") → the kinds of its named form."""
    anaphor: re.Pattern[str]
    """A definite anaphor noun ("la ville", "cette localité"), its noun in group ``noun``."""
    facility: re.Pattern[str]
    """An indefinite facility noun ("une base militaire"), its noun in group ``noun``."""
    new_scene: re.Pattern[str]
    """Words that announce an incident somewhere else ("par ailleurs")."""
    reference: re.Pattern[str]
    """The end of a distance before a place ("à 80 km au sud-ouest du port de ")."""
    aimed: re.Pattern[str]
    """The end of the words that aim an attack at a country ("vers ", "contre l'", "visant le territoire ")."""
    aimed_directly: re.Pattern[str]
    """The end of the words that aim an attack at a country named at once ("des roquettes sur Israël")."""
    holding: re.Pattern[str]
    """The end of a preposition that puts the incident inside a place ("dans le ", "en ")."""

    @classmethod
    def load(cls, extensions: Extensions = NO_EXTENSIONS) -> SceneLexicon:
        """The lexicon of a plugin set."""
        data = load_data("scene")

        def table(name: str) -> dict[str, frozenset[PlaceKind]]:
            entries = [{"name": k, "kinds": v} for k, v in data[name].items()]
            out: dict[str, frozenset[PlaceKind]] = {}
            for entry in extensions.lexicon(f"scene_{name}", entries):
                if isinstance(entry, str):  # a plugin's bare noun: a town or a city
                    out[fold(entry).strip()] = frozenset({PlaceKind.TOWN, PlaceKind.CITY})
                else:
                    out[fold(str(entry["name"])).strip()] = frozenset(PlaceKind(k) for k in entry["kinds"])
            return out

        def words(name: str) -> list[str]:
            return list(extensions.lexicon(f"scene_{name}", list(data[name])))

        anaphors, facilities = table("anaphors"), table("facility_nouns")
        determiners = _phrases(words("anaphor_determiners")).replace("l\\'", "l'")
        return cls(
            anaphors=anaphors,
            facilities=facilities,
            anaphor=re.compile(r"\b(?:" + determiners + r")\s*(?P<noun>" + _phrases(list(anaphors)) + r")\b(?!-)"),
            facility=re.compile(r"\b(?:une|un)\s+(?P<noun>" + _phrases(list(facilities)) + r")\b(?!-)"),
            new_scene=re.compile(r"\b(?:" + _phrases(words("new_scene_cues")) + r")\b"),
            reference=re.compile(r"(?:\d+(?:[.,]\d+)?|\b[a-z]+)\s*(?:" + _phrases(words("reference_before"))
                                 + r")\b[^.;,\n]{0,40}?\s(?:de |d'|du |des )(?:la |le |l')?$"),
            aimed=re.compile(r"\b(?:" + _phrases(words("aimed_before")) + r")\s*(?:la |le |l'|les )?(?:sol |territoire )?$"),
            aimed_directly=re.compile(r"\b(?:" + _phrases(words("aimed_directly")) + r")\s*(?:la |le |l'|les )?$"),
            holding=re.compile(r"\b(?:" + _phrases(words("holding_prepositions")) + r")\s+(?:la |le |l'|les )?$"),
        )


@attrs.frozen
class Scene:
    """An incident's place and country, with the rules and the words that give them (for ``--explain``)."""

    location: PlaceMention | None
    """The scene, or None when nothing places the incident finer than a country it is not aimed at."""
    location_rule: str
    """Why this place (the rule of ``--explain``)."""
    country: str | None
    """The ISO 3166 alpha-2 country of the incident."""
    country_rule: str
    """Why this country."""
    country_span: Span | None
    """The words that give the country, when some do."""


class SceneReader:
    """Decides the scene and the country of the incidents of one text."""

    def __init__(self, lexicon: SceneLexicon, ctx: ExtractionContext, layout: DocumentLayout, places: Places,
                 scene_places: Sequence[PlaceMention], mentions: Sequence[Mention],
                 slots: Sequence[MentionSlots]) -> None:
        self.lexicon = lexicon
        """The scene words."""
        self.text = ctx.text
        """The normalized text."""
        self.layout = layout
        """Sentences, paragraphs, headlines."""
        self.places = scene_places
        """Every place of the text in text order, with its scene flag as the events stage set it."""
        self.starts = [p.start for p in scene_places]
        """The start of each place (for bisection)."""
        self.mentions = mentions
        """The trigger mentions of the text."""
        self.slots = slots
        """Each mention's slots (its clause's places and countries)."""
        self._focus = places
        self._theatre: tuple[str | None, bool] | None = None
        self._anaphors: dict[int, list[tuple[int, PlaceMention, str]]] = {}
        self._by_kind: dict[PlaceKind, list[int]] | None = None
        self._by_span: dict[int, PlaceMention] | None = None
        self._headline: tuple[PlaceMention | None] | None = None
        self._sentence_starts = [b[0] for b in layout.sentence_bounds]

    # --- the incident ------------------------------------------------------------------------

    def read(self, contributors: Sequence[int], founder: int) -> Scene:
        """The scene and the country of the incident of these mentions (indices), founded by *founder*."""
        location, rule = self.location(contributors, founder)
        country, country_rule, span = self.country(location, contributors)
        return Scene(location, rule, country, country_rule, span)

    def location(self, contributors: Sequence[int], founder: int) -> tuple[PlaceMention | None, str]:
        """The incident's scene and why."""
        own = [p for i in contributors for p in self.slots[i].places if p.scene]
        # the country an attack is aimed at counts from the sentence that tells it first ("des missiles vers Israël"),
        # not from a later one that joined it ("leurs attaques contre les Etats-Unis doivent cesser")
        first = min(self.mentions[i].sentence for i in contributors)
        lead = [p for i in contributors if self.mentions[i].sentence == first for p in self.slots[i].places if p.scene]
        best = self._best(own, lead, [self.mentions[i].start for i in contributors])
        if best is None or best.place.kind in _COARSE:
            finer = self._refined(contributors, founder, best)
            if finer is not None:
                return finer
        if best is not None and best.place.kind is PlaceKind.COUNTRY and not self._aimed(best):
            return None, ""  # "en Syrie" says where, not which place; "vers Israël" names the target
        if best is None:
            shared = self._sentence_place(contributors)
            if shared is not None:
                return shared, f"same_sentence:{shared.place.name} ({shared.rule})"
        if best is not None and self._reference(best):
            # "à 13 km d'al-Qaem": ACLED's geo_precision 2, a place near the scene
            best = attrs.evolve(best, place=attrs.evolve(best.place, precision=max(2, best.place.precision or 1)))
            return best, f"near:{best.rule}"
        return best, best.rule if best is not None else ""

    def country(self, location: PlaceMention | None,
                contributors: Sequence[int]) -> tuple[str | None, str, Span | None]:
        """The incident's country, the rule and the words that give it."""
        if location is not None and location.place.country:
            return location.place.country, "location", location.place.span
        for i in contributors:
            for p in self.slots[i].places:
                if p.scene and p.place.country:
                    return p.place.country, "clause_place", p.place.span
        for i in contributors:
            for iso, span, rule in self.slots[i].countries:
                return iso, rule, span
        theatre = self.theatre()
        if theatre is not None:
            return theatre, "document_theatre", None
        return None, "", None

    def theatre(self) -> str | None:
        """The document's one theatre: the country its scene places name at least twice as often as any other."""
        if self._theatre is None:
            counts: collections.Counter[str] = collections.Counter(
                p.place.country for p in self.places if p.scene and p.place.country)
            top = counts.most_common(2)
            leader = top[0][0] if top and (len(top) == 1 or top[0][1] >= 2 * top[1][1]) else None
            self._theatre = (leader, True)
        return self._theatre[0]

    def _sentence_place(self, contributors: Sequence[int]) -> PlaceMention | None:
        """"a frappé un bureau près du centre de la ville de X, après des frappes nocturnes visant des sites": an
        incident that no place of its own locates, whose country the discourse carried from a place of its own
        sentence finer than a country, is at that place."""
        for i in contributors:
            for _, span, rule in self.slots[i].countries:
                if rule != "same_sentence" or span is None:
                    continue
                if self._by_span is None:
                    self._by_span = {p.place.span.start: p for p in self.places if p.place.span is not None}
                p = self._by_span.get(span.start)
                if p is not None and p.scene and p.place.kind not in _COARSE_OR_SEA:
                    return p
        return None

    def focus_country(self) -> str | None:
        """The country the document's names and nationalities point at most (the place stage's focus), when one
        clearly leads: the last resort for an incident nothing else places."""
        return self._focus.country

    # --- choosing among the clause's places --------------------------------------------------

    def _best(self, own: Sequence[PlaceMention], lead: Sequence[PlaceMention] = (),
              triggers: Sequence[int] = ()) -> PlaceMention | None:
        if not own:
            return None
        # aimed at a country ("vers Israël", "contre l'Ukraine") in the *lead* places: a finer place of another
        # country is an aside
        aimed = {p.place.country for p in lead if p.place.kind is PlaceKind.COUNTRY and p.place.country and self._aimed(p)}
        if aimed:
            own = [p for p in own if p.place.kind is PlaceKind.COUNTRY or not p.place.country
                   or p.place.country in aimed] or own
        # "la force française au Sahel": a region of no country yields to a place of a country
        if any(p.place.country for p in own):
            own = [p for p in own if p.place.country or p.place.kind not in (PlaceKind.REGION, PlaceKind.OTHER)]

        # "à 83 km au sud-ouest du port de X" yields to "dans le détroit de Y": the place that holds the incident
        holding = any(p.place.kind not in _COARSE and self.lexicon.holding.search(self.text, max(0, p.start - 12), p.start)
                      for p in own)

        def rank(x: tuple[int, PlaceMention]) -> tuple[bool, int, bool, int, int]:
            k, p = x
            specificity = SPECIFICITY[p.place.kind]
            # a relative clause's antecedent beats a town or city only ("à Kidal et à Gao, où … ont attaqué")
            tier = _TOWN_TIER if p.place.kind in (PlaceKind.TOWN, PlaceKind.CITY) else specificity
            return holding and self._reference(p), tier, not self._antecedent(p, triggers), specificity, k

        return min(enumerate(own), key=rank)[1]

    def _antecedent(self, p: PlaceMention, triggers: Sequence[int]) -> bool:
        """"la ville de Dnipro, qui a été frappée", "à Gao, où des hommes armés ont attaqué": the place a relative
        clause holding the incident's trigger is said of (among places as specific, the one in a list)."""
        m = _RELATIVE_AFTER.match(self.text, p.end)
        return m is not None and any(0 <= t - m.end() <= _RELATIVE_REACH for t in triggers)

    def _aimed(self, p: PlaceMention) -> bool:
        """"des missiles vers Israël", "visant le territoire israélien", "au large du Yémen": the country is the target
        ("sur Israël" too, not "sur le sol irakien")."""
        if self.lexicon.aimed.search(self.text, max(0, p.start - 40), p.start):
            return True
        bare = not self.text.startswith(("sol ", "territoire "), p.start)
        return bare and bool(self.lexicon.aimed_directly.search(self.text, max(0, p.start - 12), p.start))

    def _reference(self, p: PlaceMention) -> bool:
        """"à 83 km au sud-ouest du port de X": X only locates the scene (a place that holds it is better)."""
        return bool(self.lexicon.reference.search(self.text, max(0, p.start - 80), p.start))

    # --- refining a coarse scene -------------------------------------------------------------

    def _refined(self, contributors: Sequence[int], founder: int,
                 best: PlaceMention | None) -> tuple[PlaceMention, str] | None:
        # the country the clause or the discourse gives: a place found elsewhere must be in it
        country = best.place.country if best is not None else \
            next((iso for i in contributors for iso, _, _ in self.slots[i].countries), None)
        rank = SPECIFICITY[best.place.kind] if best is not None else len(SPECIFICITY)

        def finer(p: PlaceMention) -> bool:
            return SPECIFICITY[p.place.kind] < rank and (country is None or p.place.country in (None, country))

        sentences = sorted({self.mentions[i].sentence for i in contributors})
        for si in sentences:  # 1. "la ville", "à proximité de la base"
            for pos, referent, words in self._anaphors_of(si):
                if finer(referent) and any(abs(pos - self.mentions[i].start) <= CONTEXT
                                           for i in contributors if self.mentions[i].sentence == si):
                    return referent, f"anaphor:'{words}' → {referent.place.name} ({referent.rule})"
        for si in sentences:  # 2. "une base de l'ouest de l'Irak" … "la base d'Aïn al-Asad"
            s, e = self.layout.sentence_bounds[si]
            for m in self.lexicon.facility.finditer(self.text, s, e):
                kinds = self.lexicon.facilities[m.group("noun")]
                if self._named_after(m.end(), kinds):
                    continue  # "une base de Conoco": named there
                named = self._nearest(kinds, m.end(), finer, forward=True) \
                    or self._nearest(kinds, m.start(), finer, forward=False)
                if named is not None:
                    return named, f"named_facility:'{m.group()}' → {named.place.name} ({named.rule})"
        # 3. nothing finer than a country: a town or a base of the one or two sentences before, in the paragraph
        if best is not None and best.place.kind is not PlaceKind.COUNTRY:
            return None
        f = self.mentions[founder].sentence
        layout = self.layout
        s, e = layout.sentence_bounds[f]
        if layout.title[f] or self.lexicon.new_scene.search(self.text, s, e):
            return None
        for back in (1, 2):
            si = f - back
            if si < 0 or layout.title[si] or layout.heading[si] or layout.paragraphs[si] != layout.paragraphs[f]:
                break
            s, e = layout.sentence_bounds[si]
            lo, hi = bisect.bisect_left(self.starts, s), bisect.bisect_left(self.starts, e)
            # with no place at all, the sentence just before may give a province or a region ("ses frappes sur
            # Gaza. Mardi, une frappe a tué …"); a town or a base may come from two sentences before
            coarse_ok = best is None and back == 1
            there = [p for p in self.places[lo:hi]
                     if p.scene and finer(p) and p.place.country
                     and (p.place.kind not in _COARSE or (coarse_ok and p.place.kind is not PlaceKind.COUNTRY))]
            if there:
                carried = self._best(there)
                assert carried is not None
                return carried, f"previous_sentence:{carried.place.name} ({carried.rule})"
        # 4. the one town or base of the headline, for an incident of the lede ("Kharkiv à nouveau sous le feu" …
        # "La deuxième ville du pays a été visée")
        headline = self._headline_place()
        if headline is not None and finer(headline) and self._in_lede(f):
            return headline, f"headline:{headline.place.name} ({headline.rule})"
        return None

    def _headline_place(self) -> PlaceMention | None:
        """The one town, city, base or site the headline names (None when it names none or several)."""
        if self._headline is None:
            layout = self.layout
            # a headline is no sentence: a first line ending with a full stop opens the story instead
            title = [t and not self.text[s:e].rstrip().endswith(".") for t, (s, e) in
                     zip(layout.title, layout.sentence_bounds)] if any(layout.title) else []
            named = [p for p in self.places if p.scene and p.place.kind not in _COARSE and p.place.country
                     and title[self._sentence_of(p.start)]] if any(title) else []
            names = {p.place.canonical_name or p.place.name for p in named}
            self._headline = (named[0] if len(names) == 1 else None,)
        return self._headline[0]

    def _in_lede(self, sentence: int) -> bool:
        """Whether a sentence is in the first paragraph after the headline."""
        layout = self.layout
        first = next((i for i, t in enumerate(layout.title) if not t), None)
        return first is not None and not layout.title[sentence] and layout.paragraphs[sentence] == layout.paragraphs[first]

    def _sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)

    def _anaphors_of(self, sentence: int) -> list[tuple[int, PlaceMention, str]]:
        """The anaphors of a sentence with the place each refers to (cached)."""
        found = self._anaphors.get(sentence)
        if found is None:
            found = self._anaphors[sentence] = []
            s, e = self.layout.sentence_bounds[sentence]
            for m in self.lexicon.anaphor.finditer(self.text, s, e):
                kinds = self.lexicon.anaphors[m.group("noun")]
                if self._named_after(m.end(), kinds):
                    continue  # "la ville de Kiev": the name is there
                # "dans la région" after "le Moyen-Orient": a place of no country locates nothing
                referent = self._nearest(kinds, m.start(), lambda p: p.place.country is not None, forward=False)
                if referent is not None:
                    found.append((m.start(), referent, m.group()))
        return found

    def _named_after(self, end: int, kinds: frozenset[PlaceKind]) -> bool:
        """Whether a place of one of *kinds* is named right after *end* ("la ville de Kiev", not "une base du nord de
        la Syrie")."""
        k = bisect.bisect_left(self.starts, end)
        return k < len(self.places) and self.places[k].start - end <= _NAMED_AFTER \
            and (self.places[k].place.kind in kinds or self.places[k].place.kind is PlaceKind.TOWN)

    def _nearest(self, kinds: frozenset[PlaceKind], pos: int, fits: Callable[[PlaceMention], bool], *,
                 forward: bool) -> PlaceMention | None:
        """The scene place of one of *kinds* that *fits*, nearest after (or before) *pos* (a few are tried)."""
        if self._by_kind is None:
            self._by_kind = collections.defaultdict(list)
            for k, p in enumerate(self.places):
                if p.scene:
                    self._by_kind[p.place.kind].append(k)
        best: PlaceMention | None = None
        for kind in kinds:
            indices = self._by_kind.get(kind, [])
            at = bisect.bisect_left(indices, bisect.bisect_left(self.starts, pos))
            tried = indices[at : at + _TRIED] if forward else indices[max(0, at - _TRIED) : at][::-1]
            for k in tried:
                p = self.places[k]
                if (p.start >= pos if forward else p.end <= pos) and fits(p):
                    if best is None or (p.start < best.start if forward else p.start > best.start):
                        best = p
                    break
        return best
