"""What each trigger mention's clause says: date, places, country, weapons, casualties, actors, modality, source.

Every date, place, weapon and count of a sentence goes to the *nearest* predicate
of its clause — a trigger (even a generic one, which then keeps it to itself) or
a reporting verb ("a déclaré mardi"). A trigger keeps what it received; what a
sentence says before its first predicate ("Lundi soir, …", "Le 15 août, …")
frames every trigger of the sentence; a date said of a reporting verb is only an
upper bound (the incident happened by then); a trigger whose sentence has no
date takes the one the previous sentences established, unless its sentence
places it elsewhere in time ("quelques jours après").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ..engine import words_regex
from ..normalize import fold
from ..ontology import (
    Actor,
    ActorType,
    CasualtyRole,
    Granularity,
    Modality,
    Qualifier,
    Source,
    Span,
    TimeExpression,
    WeaponCategory,
)
from .lexicon import load_data
from .places import SPECIFICITY, PlaceMention, original_text
from .triggers import Mention

T = TypeVar("T")

if TYPE_CHECKING:
    from ..pipeline import ExtractionContext

__all__ = [
    "ActorLexicon",
    "CasualtyCandidate",
    "DatedCandidate",
    "DocumentLayout",
    "MentionSlots",
    "SentenceClauses",
    "SlotFiller",
]

# ranks of a date for an incident: said of the trigger or framing its sentence, said of a
# reporting verb (an upper bound), carried over from previous sentences
OWN, FRAME, REPORTED, CARRIED = 0, 1, 2, 3
_GRAIN_ORDER = {
    Granularity.YEAR: 0, Granularity.MONTH: 1, Granularity.WEEK: 2, Granularity.DAY: 3,
    Granularity.PART_OF_DAY: 4, Granularity.HOUR: 5, Granularity.MINUTE: 6,
}
_REPORTING = re.compile(
    r"\b(?:(?:a|ont|avait|avaient|aurait|auraient|a-t-il|a-t-elle)\s+(?:\w+\s+)?"
    r"(?:declare|annonce|indique|affirme|confirme|precise|rapporte|allegue|dit|assure|souligne|ajoute|"
    r"explique|revendique|reconnu|signale|estime|accuse|nie|dementi|condamne|publie|fait etat|informe|"
    r"decrit|communique|rappele|rappelle|averti|insiste)"
    r"|(?:declare|annonce|indique|affirme|precise|rapporte|souligne|ajoute|explique|signale|assure)(?:nt)?"
    r"(?=\s*(?:,|mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche|hier|ce|dans|lors|que))"
    r"|lors d'(?:un|une) (?:briefing|conference de presse|point de presse|appel(?: telephonique)?|"
    r"entretien|interview|reunion)|conference de presse|point de presse|dans un communique|appel telephonique)\b"
)
# the lookaheads on the first character only let the regex engine skip most positions quickly
_CLAUSE_BREAK = re.compile(r"(?=[;:\s,.])(?:;|:\s|\s-\s|,\s+(?:et|mais|alors que|tandis que|puis)\s|\.\s+et\s)|"
                           r"\b(?=[ades])(?:(?:apres|avant|depuis) (?:que|qu'|la|le|les|l'|une|un|des)\b|"
                           r"en (?:represailles|reponse|riposte)\b|suite a\b)")
_BACKGROUND_NOUNS = re.compile(r"\b(?:guerre|conflit|escalade|tensions?|invasion|occupation|agression|crise|contexte|"
                               r"offensive|cessez-le-feu|treve|mission|presence|retrait|deploiement)\b")
_SEQUENCE = re.compile(r"(?:\b(?:apres|avant) (?:que|qu'|la|le|les|l'|une|un|des)|\ben (?:represailles|reponse|riposte)|"
                       r"\bsuite a)\s*$")
_TIME_WORD = re.compile(r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|soir|matin|nuit|aujourd'hui|"
                        r"dernier|derniere|tot|jeudi|recemment", re.IGNORECASE)
_INSTRUMENT = re.compile(r"\b(?:avec|au moyen d[eu']?|a l'aide d[eu']?|grace a|par)\s+(?:un |une |des |deux |trois |\d+ |le |la |les |l')?\s*$")
_CONTEXT = 240
"""How far around a trigger its sentence is read (characters), so that long sentences stay linear."""
_THAT = re.compile(r"\b(?:que|qu')")
_BLOCK_CARRY = re.compile(r"\b(?:une|un|quelques|plusieurs|deux|trois|\d+) (?:jours?|semaines?|mois|heures?|ans?|annees?) "
                          r"(?:apres|avant|plus tot|"
                          r"auparavant|plus tard)|\bauparavant\b|\bprecedemment\b|\bla semaine (?:derniere|passee)\b|"
                          r"\bil y a\b|\ble mois dernier\b|\bl'an dernier\b|\ben (?:19|20)\d\d\b")
_BLOCK_CARRY_WORDS = ("apres", "avant", "plus tot", "plus tard", "precedemment", "la semaine ", "il y a",
                      "le mois dernier", "l'an dernier", "en 19", "en 20")
"""Words one of which :data:`_BLOCK_CARRY` needs ("auparavant" holds "avant"): without them, no search."""
_PEOPLE_UNITS: frozenset[str] = frozenset(load_data("actors")["people_units"])
_KILLED_UNITS = frozenset({"mort", "tue", "deces", "decede", "cadavre", "corps", "victime", "perte", "martyr"})
_INJURED_UNITS = frozenset({"blesse", "blessure"})
_KILLED_AFTER = re.compile(r"^\s*(?:[\w'-]+\s+){0,4}?(?:(?:ont|a|auraient|aurait|avaient|avait|sont|ont tous)\s+(?:ete\s+)?)?"
                           r"(?:tues?|tuees?|morts?|decedes?|abattus?|peri|succombe|executes?|massacres?|neutralises?)\b")
_INJURED_AFTER = re.compile(r"^\s*(?:[\w'-]+\s+){0,4}?(?:(?:ont|a|auraient|aurait|avaient|avait|sont)\s+(?:ete\s+)?)?"
                            r"(?:blesses?|blessees?)\b")
_KILLED_BEFORE = re.compile(r"(?:tuant|tue|tuer|ont tue|a tue|fait|faisant|causant|cause|coute la vie a|"
                            r"bilan de|bilan|execute|executant|ont execute|a execute|"
                            r"executions? (?:sommaires?|extrajudiciaires?) de|massacre de|neutralise|neutralisant|avoir neutralise)\s+(?:[\w']+\s+){0,2}?(?:au moins |plus de |pres de |environ )?$")
_INJURED_BEFORE = re.compile(r"(?:blessant|blesse|ont blesse|a blesse|blesser)\s+(?:au moins |plus de |pres de |environ )?$")
_VAGUE_CASUALTY = re.compile(r"\b(?P<verb>tuant|blessant|tue|blesse)\s+(?:certains|plusieurs|quelques-uns|d'autres|"
                             r"de nombreux|nombre)\b")
_SUBSET = re.compile(r"\b(?:dont|parmi lesquels|parmi lesquelles|parmi eux|parmi elles|y compris|notamment)\s*,?\s*$")


def _is_subset(text: str, q: Any) -> bool:
    """Whether a count only states part of another ("cinq blessés, dont un grièvement"): never added to a total."""
    return getattr(q, "rule", None) == "subset" or bool(_SUBSET.search(text, max(0, q.span.start - 24), q.span.start))
_PARENS = re.compile(r"\([^()]*\)")
_LOADED_WITH = re.compile(r"(?:charges?|chargees?|bourres?|bourrees?|equipes?|equipees?|arme|armes|remplis?)\s+(?:d'|de |avec )$")
_AGENT = re.compile(r"^\s*(?:,\s*)?(?:[\w'-]+\s+){0,2}?(?:par|de la part d[eu'])\s*(?:des |les |le |la |l'|un |une |du |de |ses |leurs )?"
                    r"(?P<np>[\w'\"-]+(?: [\w'\"-]+){0,5})")
_TARGET_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:contre|visant|ciblant|sur|a l'encontre)\s+"
                           r"(?:des |les |le |la |l'|un |une |du |de |leurs |nos |ses )?(?P<np>[\w'\"-]+(?: [\w'\"-]+){0,5})")
_OBJECT_AFTER = re.compile(r"^\s*(?:\w+\s+)?(?:des |les |le |la |l'|un |une |du |de |leurs |nos |ses |trois |deux |\d+ )"
                           r"(?P<np>[\w'\"-]+(?: [\w'\"-]+){0,5})")
_NP_STOP = re.compile(r"\b(?:qui|que|dont|a|au|aux|en|dans|pres|selon|lors|apres|avant|pendant|depuis|et|,)\b")
_ALLEGED = re.compile(r"\b(?:presumes?|presumees?|pretendument|presumement|soupconnes?|soupconnees?|accuses? d'avoir|"
                      r"accusees? d'avoir|aurait ete commis)\b")
_DENIED = re.compile(r"\b(?:nie|nient|dementi|dement|dementent|a rejete|rejette|conteste)\b")
_SOURCE = re.compile(r"\b(?:selon|d'apres)\s+(?P<src>(?:[\w'-]+\s*){1,8})")
_SOURCE_WORDS = re.compile(r"\b(?:pentagone|armee|ministere|porte-parole|responsables?|etat-major|agence|sources?|"
                           r"medias|television|temoins|habitants|autorites|gouvernement|police|ong|observatoire)\b")
_SOURCE_INVERTED = re.compile(r",\s+(?:a|ont)\s+(?:declare|annonce|indique|affirme|confirme|precise|rapporte|fait savoir|"
                              r"assure|ajoute|explique)\s+(?P<src>(?:le |la |les |l'|un |une |des )[\w'-]+(?: [\w'-]+){0,4})")
_SOURCE_SUBJECT = re.compile(r"(?:^|[,.] )(?!(?:dans|en|a|au|aux|sur|pres|selon|vers|depuis|lors|apres|avant|pour|par)\b)"
                             r"(?P<src>(?:le |la |les |l')?[\w'-]+(?: [\w'-]+){0,4})\s*,?\s+(?:a|ont)\s+"
                             r"(?:declare|annonce|indique|affirme|confirme|precise|rapporte|fait etat)\b")

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FULL_STOP_END = re.compile(r"[.!?]\W*$")
_HEADING_END = re.compile(r"[.!?:\"]\s*$")
_NOUN_ATTACHED = re.compile(r"(?:\bde|\bdu|\bd')\s*(?:le\s+|la\s+)?$")
_CAPITAL = re.compile(r"\b[A-ZÉ]")
_CONDITIONAL = re.compile(r"\b(?:aurai(?:en)?t|serai(?:en)?t)\b")
_ANY_CUE = re.compile("|".join(f"(?:{rx.pattern})" for rx in (_DENIED, _ALLEGED, _CONDITIONAL)))
"""Whether any modality cue is in a window: most windows have none, then one search instead of three."""
_CUE_WORDS = ("nie", "dement", "rejet", "conteste", "presum", "pretendument", "soupconn", "accuse", "aurai", "serai")
"""Words one of which a modality cue needs: without them, no search."""
_SOURCE_CUT = re.compile(r"\s(?:qui|que|a|ont|en|dans|lors|,)\s|[,.;:]")
_DIGIT = re.compile(r"\d")
_UPPER = re.compile(r"[A-Z]")
_WORD = re.compile(r"[\w'-]+")
_NP_CUT = re.compile(r"[,.;:()\"]")
_SUBJECT_CUT = re.compile(r"[,;:()\"]|\b(?:que|qu'|et|mais)\b")
_SUBJECT_REPORTING = re.compile(r"\b(?:a|ont|aurait|auraient)\s+(?:\w+\s+)?(?:affirme|declare|annonce|indique|assure|revendique|"
                                r"dit|reconnu|confirme|precise|nie|dementi)\b")
_SUBJECT_TAIL = re.compile(r"\b(?:qui|ne|n'|se|s'|y)\s*$")
_BACKGROUND_BEFORE = re.compile(r"(?:depuis|a partir d[ue']|jusqu'(?:au|a)|d'ici)\s*(?:le |la |l')?$")
_NONE_COUNT = re.compile(r"(?:aucune?|sans|zero|0)\b")

_SOURCE_PATTERNS = (
    (_SOURCE, ("selon", "d'apres")),
    (_SOURCE_INVERTED, ("declare", "annonce", "indique", "affirme", "confirme", "precise", "rapporte", "fait savoir",
                        "assure", "ajoute", "explique")),
    (_SOURCE_SUBJECT, ("declare", "annonce", "indique", "affirme", "confirme", "precise", "rapporte", "fait etat")),
)
"""The source patterns, each with the words one of which it needs (a sentence without any is not searched)."""


@attrs.frozen
class DatedCandidate:
    """A date for a mention, with how it reached it."""

    time: TimeExpression
    """The date, as the dates stage resolved it (reduced to its day for a reporting verb)."""
    rank: int
    """How it reached the mention: 0 its clause, 1 the sentence's opening, 2 a reporting verb, 3 the discourse."""
    rule: str
    """The rule, for explanations (``clause``, ``sentence_frame``, ``reporting_verb``, ``previous_sentence``…)."""

    @property
    def day(self) -> str | None:
        """The ``YYYY-MM-DD`` day of the date, when it names one."""
        v = self.time.value
        return v[:10] if _ISO_DAY.match(v) else None


@attrs.frozen
class CasualtyCandidate:
    """A count of killed or injured people found near a mention."""

    role: CasualtyRole
    """Killed or injured."""
    qualifier: Qualifier
    """How the count is stated."""
    value: int | None
    """The figure, ``None`` when vague or unknown."""
    low: int | None
    """Lower bound, when the count gives one."""
    high: int | None
    """Upper bound, when the count gives one."""
    span: Span | None
    """The count in the original text."""
    sentence: int
    """Index of its sentence (parts of one sentence add up)."""
    rule: str
    """Where it came from (``quantity``, ``vague_casualty``, ``next_sentence``)."""


@attrs.define
class MentionSlots:
    """The slot candidates one mention gets from its clause and its discourse.

    Most mentions get few candidates: the sequences start as the shared empty tuple
    and become lists when something is added (:func:`_appended`), which keeps a long
    text's thousands of mentions light.
    """

    dates: Sequence[DatedCandidate] = ()
    """Dates for the mention, with their rank."""
    places: Sequence[PlaceMention] = ()
    """Places of the mention's clause."""
    countries: Sequence[tuple[str, Span | None, str]] = ()
    """Countries of the discourse, when the clause names none: ``(ISO code, span, rule)``."""
    weapons: Sequence[tuple[WeaponCategory, Span | None, str]] = ()
    """Weapons of the clause: ``(category, span, rule)``."""
    casualties: Sequence[CasualtyCandidate] = ()
    """Counts of killed and injured people."""
    clause_weapons: frozenset[WeaponCategory] = frozenset()
    """Every weapon category named in the mention's clause (whichever trigger it went to)."""
    clause_weapon_roles: Sequence[tuple[WeaponCategory, int, bool]] = ()
    """The clause's weapons with their start and whether an instrument word introduces them ("avec un drone")."""
    attacker: Actor | None = None
    """Who attacked, when the clause names an actor."""
    target: Actor | None = None
    """Who or what was targeted, when the clause names an actor."""
    attacker_sides: frozenset[str] = frozenset()
    """Sides of the attacker (``us``, ``israel``, ``russia``…), from modifiers and actor words."""
    target_sides: frozenset[str] = frozenset()
    """Sides of the target."""
    modality: Modality = Modality.ASSERTED
    """How the text commits to the incident."""
    modality_rule: str = "asserted"
    """Why the modality: ``denial``, ``allegation``, ``conditional``, ``source`` or ``asserted``."""
    modality_span: Span | None = None
    """The words that give the modality ("dément", "présumés", "aurait", "selon Reuters")."""
    source: Source | None = None
    """Who reports it."""

    def best_place(self) -> PlaceMention | None:
        """The most specific scene place, the first among equals."""
        scene = [p for p in self.places if p.scene]
        return min(scene, key=lambda p: SPECIFICITY[p.place.kind]) if scene else None

    def event_dates(self) -> list[DatedCandidate]:
        """Dates said of the incident itself (own or framing)."""
        return [d for d in self.dates if d.rank <= FRAME]


def _appended(items: Sequence[T], item: T) -> list[T]:
    """*items* with *item* added: in place once it is a list, a new list the first time."""
    if type(items) is list:
        items.append(item)
        return items
    return [*items, item]


def _extended(items: Sequence[T], more: Sequence[T]) -> Sequence[T]:
    """*items* with *more* added (unchanged, possibly the shared empty tuple, when *more* is empty)."""
    if not more:
        return items
    if type(items) is list:
        items.extend(more)
        return items
    return [*items, *more]


class ActorLexicon:
    """Actor phrases → coarse actor type and side (``data/actors.json``)."""

    def __init__(self, entries: Iterable[Mapping[str, Any]]) -> None:
        self._by_phrase: dict[str, tuple[ActorType, str | None]] = {}
        for entry in entries:
            # data file entries list "phrases"; plugin entries have a "name" and "aliases"
            aliases = entry.get("aliases", [])
            phrases = entry.get("phrases") or [entry["name"], *([aliases] if isinstance(aliases, str) else aliases)]
            for phrase in phrases:
                self._by_phrase.setdefault(fold(phrase), (ActorType(entry["type"]), entry.get("side")))
        self._regex = words_regex(self._by_phrase)

    def classify(self, phrase: str) -> tuple[ActorType, set[str]]:
        """The type of the first actor word of a normalized phrase and every side it names."""
        kind = ActorType.UNKNOWN
        sides: set[str] = set()
        for m in self._regex.finditer(phrase):
            found_kind, side = self._by_phrase[m.group()]
            if kind is ActorType.UNKNOWN:
                kind = found_kind
            if side:
                sides.add(side)
        return kind, sides


class SentenceClauses:
    """Per sentence: the ``(start, end)`` of its clauses, or whether each starts with a connector of sequence.

    Found the first time a sentence's are asked for: only the sentences with a trigger need them.
    """

    def __init__(self, text: str, bounds: Sequence[tuple[int, int]], *, clauses: SentenceClauses | None = None) -> None:
        """The clauses of the sentences *bounds* of *text*; with *clauses*, the sequence flags of these."""
        self._text = text
        self._bounds = bounds
        self._clauses = clauses
        self._found: dict[int, tuple[Any, ...]] = {}

    def __len__(self) -> int:
        return len(self._bounds)

    def __getitem__(self, sentence: int) -> tuple[Any, ...]:
        found = self._found.get(sentence)
        if found is None:
            text = self._text
            s, e = self._bounds[sentence]
            if self._clauses is not None:  # the sequence flags of the clauses
                found = tuple(bool(_SEQUENCE.match(text, a)) or bool(_SEQUENCE.search(text[max(s, a - 16) : a]))
                              for a, _ in self._clauses[sentence])
            else:
                cuts = [s] + [m.end() for m in _CLAUSE_BREAK.finditer(text, s, e)] + [e]
                found = tuple((a, b) for a, b in itertools.pairwise(cuts) if b > a)
            self._found[sentence] = found
        return found


@attrs.frozen
class DocumentLayout:
    """Sentences with their clauses, and which lines are headlines or headings."""

    sentence_bounds: tuple[tuple[int, int], ...]
    """``(start, end)`` of each sentence."""
    paragraphs: tuple[int, ...]
    """Paragraph number of each sentence."""
    title: tuple[bool, ...]
    """Per sentence: whether it is in the headline."""
    heading: tuple[bool, ...]
    """Per sentence: whether it is a heading inside the body (a short line without a full stop)."""
    clauses: SentenceClauses | tuple[tuple[tuple[int, int], ...], ...]
    """Per sentence: the ``(start, end)`` of its clauses."""
    sequence: SentenceClauses | tuple[tuple[bool, ...], ...] = ()
    """Per clause: whether it starts with a connector of sequence ("après que", "en représailles")."""

    @classmethod
    def of(cls, ctx: ExtractionContext, title_lines: int) -> DocumentLayout:
        """The layout of a parsed text."""
        text = ctx.text
        bounds = tuple((s.start, s.end) for s in ctx.sentences)
        # line bounds from the newline offsets: searching the text per sentence is quadratic on one long line
        newlines = [m.start() for m in re.finditer("\n", text)]
        line_of: list[tuple[int, int]] = []
        for s, _ in bounds:
            k = bisect.bisect_left(newlines, s)
            line_of.append((newlines[k - 1] + 1 if k else 0, newlines[k] if k < len(newlines) else len(text)))
        per_line: dict[tuple[int, int], int] = {}
        for line in line_of:
            per_line[line] = per_line.get(line, 0) + 1
        title: list[bool] = []
        heading: list[bool] = []
        seen_lines: set[tuple[int, int]] = set()  # a set: texts of many lines stay linear
        titles: set[str] = set()
        in_title_zone = True
        for line in line_of:
            seen_lines.add(line)
            single = per_line[line] == 1
            # a line of many sentences in the body is not read (one long line stays linear)
            line_text = text[line[0] : line[1]].strip() if in_title_zone or single else ""
            # the headline is the first line, with the lines right after it that end without a full stop
            # (a repeated headline, a byline, a caption); the first sentence-like line starts the body
            if in_title_zone and len(seen_lines) == 1 and (not single or len(line_text) > 250):
                in_title_zone = False  # a text that opens with a paragraph has no headline
            if in_title_zone and len(seen_lines) > 1 and (
                len(seen_lines) > title_lines or len(line_text) > 250
                or (_FULL_STOP_END.search(line_text) and not any(line_text in t or t in line_text for t in titles))
            ):
                in_title_zone = False
            if in_title_zone:
                titles.add(line_text)
            title.append(in_title_zone)
            heading.append(not in_title_zone and single and len(line_text) <= 120
                           and not _HEADING_END.search(line_text))
        if all(title):  # a text of one short paragraph is all body
            title = [False] * len(title)
        clauses = SentenceClauses(text, bounds)
        sequence = SentenceClauses(text, bounds, clauses=clauses)
        return cls(bounds, tuple(x.paragraph for x in ctx.sentences), tuple(title), tuple(heading), clauses, sequence)

    def clause_of(self, sentence: int, pos: int) -> int:
        """Index of the clause of *sentence* holding *pos*."""
        for i, (s, e) in enumerate(self.clauses[sentence]):
            if s <= pos < e:
                return i
        return max(0, len(self.clauses[sentence]) - 1)


@attrs.frozen
class _Sink:
    start: int
    end: int
    mention: int | None
    """Index of the mention, ``None`` for a reporting verb or a background noun."""
    clause: int
    background: bool = False
    """A noun of the story's background ("la guerre entre Israël et le Hamas à Gaza") that keeps what is near it."""


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


class SlotFiller:
    """Gives each mention its slot candidates, from its clause and its discourse."""

    def __init__(self, actors: ActorLexicon) -> None:
        self.actors = actors
        """Actor words → actor type and side."""
        self.orphans: dict[int, list[CasualtyCandidate]] = {}
        """Casualty counts of sentences without a trigger, by sentence (set by :meth:`fill`)."""
        self._counts_in: dict[int, list[Any]] = {}
        self._by_sentence: dict[int, list[int]] = {}
        """The mentions of each sentence (indices), as :func:`mentions_by_sentence` (set by :meth:`fill`)."""
        self._starts_cache: dict[int, list[int]] = {}
        self._places_cache: dict[int, list[PlaceMention]] = {}
        self._source_cache: dict[int, list[Sequence[re.Match[str]]]] = {}
        self._block_cache: dict[int, list[tuple[int, int]]] = {}

    @property
    def mentions_by_sentence(self) -> dict[int, list[int]]:
        """The mentions of each sentence of the text :meth:`fill` last read (indices into its mentions)."""
        return self._by_sentence

    def fill(
        self,
        ctx: ExtractionContext,
        layout: DocumentLayout,
        mentions: Sequence[Mention],
        places: Sequence[PlaceMention],
        datelines: Sequence[tuple[int, int]] = (),
    ) -> list[MentionSlots]:
        """One :class:`MentionSlots` per mention, in the same order (dates inside *datelines* are left out)."""
        text = ctx.text
        self.orphans = {}
        slots = [MentionSlots() for _ in mentions]
        by_sentence = mentions_by_sentence(mentions)
        # a dateline's date says when the dispatch was filed, not when the incident happened
        own_dates = [d for d in ctx.dates if not any(s <= d.span.start < e for s, e in datelines)]
        dates_in = _by_sentence(ctx, own_dates, lambda d: d.span.start)
        places_in = _by_sentence(ctx, places, lambda p: p.start)
        weapons_in = _by_sentence(ctx, ctx.weapons, lambda w: w.span.start)
        counts_in = _by_sentence(ctx, ctx.quantities, lambda q: q.span.start)
        self._counts_in = counts_in
        self._by_sentence = by_sentence
        self._starts_cache = {}
        self._places_cache = {}
        reported_days: dict[int, list[DatedCandidate]] = {}
        frame_dates: dict[int, list[TimeExpression]] = {}
        for si, (s_start, s_end) in enumerate(layout.sentence_bounds):
            idxs = by_sentence.get(si, [])
            if not idxs:
                # no trigger: nothing here gets a slot, but its counts may go to the incident before
                self._orphan_casualties(ctx, si, s_start, s_end)
                continue
            sinks = [_Sink(mentions[i].start, mentions[i].end, i, mentions[i].clause) for i in idxs]
            for rm in _REPORTING.finditer(text, s_start, s_end):
                if not any(_distance((rm.start(), rm.end()), (k.start, k.end)) == 0 for k in sinks):
                    sinks.append(_Sink(rm.start(), rm.end(), None, layout.clause_of(si, rm.start())))
            for bm in _BACKGROUND_NOUNS.finditer(text, s_start, s_end):
                if not any(_distance((bm.start(), bm.end()), (k.start, k.end)) == 0 for k in sinks):
                    sinks.append(_Sink(bm.start(), bm.end(), None, layout.clause_of(si, bm.start()), background=True))
            # a sentence that only counts ("Aucun blessé n'a été signalé."): its counts may belong to the
            # incident of the sentence before; not when a casualty verb of its own takes them
            if not any(mentions[i].role in ("event", "impact", "casualty") for i in idxs):
                self._orphan_casualties(ctx, si, s_start, s_end)
            if not sinks:
                continue
            # the first trigger that states an incident: what comes before it frames the sentence
            first_strong = min((mentions[i].start for i in idxs
                                if mentions[i].role in ("event", "impact") and not mentions[i].generic), default=s_end)

            sinks.sort(key=lambda k: k.start)
            idx_starts = [mentions[i].start for i in idxs]
            sink_starts = [k.start for k in sinks]

            def nearest(start: int, end: int, *, sentence: int = si, sinks: list[_Sink] = sinks,
                        sink_starts: list[int] = sink_starts, reporting: bool = False) -> _Sink:
                # the predicates around the item (a window keeps long sentences linear)
                lo = bisect.bisect_left(sink_starts, start - _CONTEXT)
                hi = bisect.bisect_right(sink_starts, end + _CONTEXT)
                around = sinks[lo:hi] or sinks[max(0, lo - 1) : lo + 1]
                # only dates can belong to a reporting verb; places, weapons and counts go to triggers
                # (or stay with a background noun)
                pool = around if reporting else [k for k in around if k.mention is not None or k.background] or around
                clause = layout.clause_of(sentence, start)
                same = [k for k in pool if k.clause == clause] or pool

                def cost(k: _Sink) -> tuple[int, bool]:
                    gap = _distance((start, end), (k.start, k.end))
                    # "a déclaré que lundi …": what follows "que" is said of the reported clause
                    if k.mention is None and k.end <= start and _THAT.search(text, k.end, start):
                        gap += 10_000
                    if k.background and start < k.start:  # "la guerre … à Gaza" keeps what follows it only
                        gap += 10_000
                    return gap, k.start < start

                return min(same, key=cost)

            # dates
            for d in dates_in.get(si, ()):
                background = _background_date(text, d)
                k = nearest(d.span.start, d.span.end, reporting=True)
                if d.span.end <= sink_starts[0] and first_strong < s_end and not background:
                    frame_dates.setdefault(si, []).append(d)  # "Lundi soir, des sources ont fait état d'une attaque"
                    continue
                if k.mention is None:
                    if not background and not k.background:
                        reported_days.setdefault(si, []).append(DatedCandidate(_as_day(d), REPORTED, "reporting_verb"))
                    continue
                if mentions[k.mention].generic:
                    continue
                # "l'incident de mardi" dates its noun; "Lundi soir, …" or "… distincts mardi, …" frame the sentence
                noun_attached = bool(_NOUN_ATTACHED.search(text[max(0, d.span.start - 6) : d.span.start]))
                if background:
                    continue  # "depuis novembre", "en 2014": not the incident's day
                if d.span.end <= first_strong < s_end and not noun_attached:
                    frame_dates.setdefault(si, []).append(d)
                else:
                    slots[k.mention].dates = _appended(slots[k.mention].dates, DatedCandidate(d, OWN, "clause"))
            # places
            for p in places_in.get(si, ()):
                k = nearest(p.start, p.end)
                if k.mention is not None:
                    slots[k.mention].places = _appended(slots[k.mention].places, p)
            # weapons (not inside parentheses, not the explosives a drone is loaded with)
            parens = [(m.start(), m.end()) for m in _PARENS.finditer(text, s_start, s_end)]
            for w in weapons_in.get(si, ()):
                if w.category is WeaponCategory.GENERIC:
                    # "touché par un projectile": an unnamed weapon says an impact verb is an incident, no more
                    g_clause = layout.clause_of(si, w.span.start)
                    for i in _around(idxs, idx_starts, w.span.start, w.span.end):
                        if mentions[i].clause == g_clause:
                            slots[i].clause_weapons |= {w.category}
                    continue
                if any(a <= w.span.start < b for a, b in parens):
                    continue
                if w.category is WeaponCategory.EXPLOSIVE and _LOADED_WITH.search(text[max(0, w.span.start - 20) : w.span.start]):
                    continue
                w_clause = layout.clause_of(si, w.span.start)
                instrument = bool(_INSTRUMENT.search(text[max(0, w.span.start - 24) : w.span.start]))
                for i in _around(idxs, idx_starts, w.span.start, w.span.end):
                    if mentions[i].clause == w_clause:
                        slots[i].clause_weapons |= {w.category}
                        slots[i].clause_weapon_roles = _appended(
                            slots[i].clause_weapon_roles, (w.category, w.span.start, instrument))
                k = nearest(w.span.start, w.span.end)
                if k.mention is not None:
                    m = mentions[k.mention]
                    # a vehicle or ship after the trigger is what was hit, not what hit
                    if w.category in (WeaponCategory.ARMORED_VEHICLE, WeaponCategory.WARSHIP) and w.span.start >= m.end:
                        continue
                    slots[k.mention].weapons = _appended(slots[k.mention].weapons, (w.category, w.span, "clause"))
            # casualties
            for q in counts_in.get(si, ()):
                role = _casualty_role(text, q.span.start, q.span.end, q.role, q.unit)
                if role is None or _is_subset(text, q):
                    continue
                k = nearest(q.span.start, q.span.end)
                if k.mention is None:
                    others = [x for x in sinks if x.mention is not None]
                    if not others:
                        continue
                    k = min(others, key=lambda x: _distance((q.span.start, q.span.end), (x.start, x.end)))
                assert k.mention is not None
                for r in ([CasualtyRole.KILLED, CasualtyRole.INJURED] if role == "both" else [role]):
                    assert isinstance(r, CasualtyRole)
                    slots[k.mention].casualties = _appended(slots[k.mention].casualties, CasualtyCandidate(
                        r, q.qualifier, q.value, q.low, q.high, q.span, si, "quantity"))
            vague = any(text.find(w, s_start, s_end) >= 0 for w in ("tu", "blesse"))  # words it needs
            for vm in _VAGUE_CASUALTY.finditer(text, s_start, s_end) if vague else ():
                k = nearest(vm.start(), vm.end())
                if k.mention is None:
                    continue
                role = CasualtyRole.KILLED if vm.group("verb").startswith("tu") else CasualtyRole.INJURED
                if not any(c.role is role and c.sentence == si for c in slots[k.mention].casualties):
                    slots[k.mention].casualties = _appended(slots[k.mention].casualties, CasualtyCandidate(
                        role, Qualifier.VAGUE, None, None, None, ctx.span(vm.start(), vm.end()), si, "vague_casualty"))
            # frame dates and reported days for every trigger of the sentence
            for i in idxs:
                near = (mentions[i].start - _CONTEXT, mentions[i].end + _CONTEXT)
                if mentions[i].start >= first_strong:
                    for d in frame_dates.get(si, []):
                        if d.span.end >= near[0]:
                            slots[i].dates = _appended(slots[i].dates, DatedCandidate(d, FRAME, "sentence_frame"))
                slots[i].dates = _extended(
                    slots[i].dates, [r for r in reported_days.get(si, ()) if near[0] <= r.time.span.start <= near[1]])
        # discourse: dates and countries of the previous sentences
        for i, m in enumerate(mentions):
            self._discourse(ctx, layout, m, slots[i], slots, mentions, frame_dates, reported_days)
            self._actors_and_modality(ctx, layout, m, slots[i])
        return slots

    def _starts_of(self, sentence: int, mentions: Sequence[Mention]) -> list[int]:
        """The starts of a sentence's mentions (cached: long sentences stay linear)."""
        found = self._starts_cache.get(sentence)
        if found is None:
            found = self._starts_cache[sentence] = [mentions[j].start for j in self._by_sentence.get(sentence, [])]
        return found

    def _places_of(self, sentence: int, slots: Sequence[MentionSlots]) -> list[PlaceMention]:
        """The places the triggers of a sentence received, most specific first (cached)."""
        found = self._places_cache.get(sentence)
        if found is None:
            found = self._places_cache[sentence] = _sentence_places(self._by_sentence.get(sentence, ()), slots)
        return found

    def _orphan_casualties(self, ctx: ExtractionContext, si: int, s_start: int, s_end: int) -> None:
        """Counts of a sentence without trigger ("Aucun blessé n'a été signalé."), for the previous incident."""
        for q in self._counts_in.get(si, ()):
            if s_start <= q.span.start < s_end:
                role = _casualty_role(ctx.text, q.span.start, q.span.end, q.role, q.unit)
                if role is None or _is_subset(ctx.text, q):
                    continue
                for r in ([CasualtyRole.KILLED, CasualtyRole.INJURED] if role == "both" else [role]):
                    assert isinstance(r, CasualtyRole)
                    self.orphans.setdefault(si, []).append(CasualtyCandidate(
                        r, q.qualifier, q.value, q.low, q.high, q.span, si, "next_sentence"))

    def _discourse(
        self,
        ctx: ExtractionContext,
        layout: DocumentLayout,
        m: Mention,
        own: MentionSlots,
        slots: Sequence[MentionSlots],
        mentions: Sequence[Mention],
        frame_dates: Mapping[int, list[TimeExpression]],
        reported_days: Mapping[int, list[DatedCandidate]],
    ) -> None:
        text = ctx.text
        s_start, s_end = layout.sentence_bounds[m.sentence]
        if layout.title[m.sentence] or layout.heading[m.sentence]:
            # a headline keeps to itself, but its own line may name the country ("… en Syrie après que …")
            if not any(p.place.country for p in own.places):
                for p in self._places_of(m.sentence, slots):
                    if p.place.country and p.scene:
                        own.countries = _appended(own.countries, (p.place.country, p.place.span, "same_sentence"))
                        break
            return
        # the sentence's blocking phrases are found once; a mention looks for one within its window
        blocks = self._block_cache.get(m.sentence)
        if blocks is None:
            carried = any(text.find(w, s_start, s_end) >= 0 for w in _BLOCK_CARRY_WORDS)
            blocks = self._block_cache[m.sentence] = [(x.start(), x.end()) for x in _BLOCK_CARRY.finditer(text, s_start, s_end)] \
                if carried else []
        lo, hi = max(s_start, m.start - _CONTEXT), min(s_end, m.end + _CONTEXT)
        k = bisect.bisect_left(blocks, (lo, -1))
        blocked = k < len(blocks) and blocks[k][1] <= hi  # matches do not overlap: the first one decides
        need_date = not own.dates and not blocked
        if need_date:  # "ont fait irruption jeudi soir …, et ont ouvert le feu": the sentence's other trigger
            flags = layout.sequence[m.sentence] if layout.sequence else ()

            def apart(other: Mention) -> bool:  # told one after the other ("après que", "en représailles")
                lo, hi = sorted((other.clause, m.clause))
                return any(flags[c] for c in range(lo + 1, hi + 1) if c < len(flags))

            same = self._by_sentence.get(m.sentence, [])
            near = [(abs(mentions[j].start - m.start), d)
                    for j in _around(same, self._starts_of(m.sentence, mentions), m.start, m.end)
                    if slots[j].dates and mentions[j] is not m and not mentions[j].generic and not apart(mentions[j])
                    for d in slots[j].dates if d.rank <= FRAME]
            if near:
                own.dates = _appended(
                    own.dates, DatedCandidate(min(near, key=lambda x: x[0])[1].time, CARRIED, "same_sentence"))
                need_date = False
        need_country = not any(p.place.country for p in own.places)
        if need_country:
            for p in self._places_of(m.sentence, slots):
                if p.place.country and p.scene:
                    own.countries = _appended(own.countries, (p.place.country, p.place.span, "same_sentence"))
                    need_country = False
                    break
        for back in (1, 2):
            si = m.sentence - back
            if si < 0 or layout.title[si] or layout.heading[si] or not (need_date or need_country):
                break
            stating = any(not mentions[j].generic and mentions[j].role in ("event", "impact", "casualty")
                          for j in self._by_sentence.get(si, ()))
            if need_date and stating:
                found: list[DatedCandidate] = []
                for j in self._by_sentence.get(si, ()):
                    if not mentions[j].generic:
                        found.extend(d for d in slots[j].dates if d.rank <= REPORTED)
                found.extend(DatedCandidate(d, FRAME, "sentence_frame") for d in frame_dates.get(si, []))
                found.extend(reported_days.get(si, []))
                if found:
                    best = max(found, key=lambda d: (d.rank <= FRAME, d.time.span.start))
                    time = best.time if best.rank <= FRAME else _as_day(best.time)
                    own.dates = _appended(own.dates, DatedCandidate(time, CARRIED, "previous_sentence"))
                    need_date = False
            if need_country:
                for p in self._places_of(si, slots):
                    if p.place.country and p.scene:
                        own.countries = _appended(own.countries, (p.place.country, p.place.span, "previous_sentence"))
                        need_country = False
                        break

    def _actor(self, ctx: ExtractionContext, bounds: tuple[int, int] | None) -> tuple[Actor, set[str]] | None:
        """The actor a noun phrase names, when it names one (an actor word or a proper name)."""
        if bounds is None:
            return None
        start, end = _trim_np(ctx.text, bounds)
        if end <= start:
            return None
        kind, sides = self.actors.classify(ctx.text[start:end])
        if kind is ActorType.UNKNOWN and not sides and not _CAPITAL.search(original_text(ctx, start, end)[1:]):
            return None  # "une frappe de drone", "le missile": not an actor
        return Actor(ctx.span(start, end), kind), sides

    def _actors_and_modality(self, ctx: ExtractionContext, layout: DocumentLayout, m: Mention, own: MentionSlots) -> None:
        text = ctx.text
        s_start, s_end = layout.sentence_bounds[m.sentence]
        c_start, c_end = layout.clauses[m.sentence][m.clause] if layout.clauses[m.sentence] else (s_start, s_end)
        after = text[m.end : min(c_end, m.end + 90)]
        before = text[max(c_start, m.start - 90) : m.start]
        attacker_np: tuple[int, int] | None = None
        target_np: tuple[int, int] | None = None
        agent = _AGENT.match(after)
        if (agent and m.rule != "nominal") or (agent and m.pos == "noun"):
            attacker_np = _np_bounds(m.end + agent.start("np"), after[agent.start("np") :])
        tgt = _TARGET_AFTER.match(after)
        if tgt:
            target_np = _np_bounds(m.end + tgt.start("np"), after[tgt.start("np") :])
        if m.rule == "verbal" or m.pos == "present":
            subject = _subject_bounds(before, m.start)
            if m.passive or m.subject_is_target:
                target_np = target_np or subject
            else:
                attacker_np = attacker_np or subject
                if target_np is None:
                    obj = _OBJECT_AFTER.match(after)
                    if obj:
                        target_np = _np_bounds(m.end + obj.start("np"), after[obj.start("np") :])
        elif m.rule in ("target_passive", "undergone"):
            target_np = _subject_bounds(before, m.start)
        elif m.pos == "noun" and any(v in before for v in _LIGHT_VERB_STEMS) and (light := _LIGHT_VERB_BEFORE.search(before)):
            # "des jihadistes ont mené une attaque": the light verb's subject is the attacker
            verb_start = m.start - len(before) + light.start()
            attacker_np = attacker_np or _subject_bounds(text[max(c_start, verb_start - 90) : verb_start], verb_start)
            if target_np is None and (obj := _OBJECT_AFTER.match(after)) and not agent:
                target_np = _np_bounds(m.end + obj.start("np"), after[obj.start("np") :])
        # sides are shared immutable sets (most are empty): grown by reassignment, never in place
        if m.rule == "nominal" and m.sides:
            own.attacker_sides |= m.sides
        attacker = self._actor(ctx, attacker_np)
        if attacker is not None:
            own.attacker, sides = attacker
            if sides:
                own.attacker_sides |= sides
        target = self._actor(ctx, target_np)
        if target is not None:
            own.target, sides = target
            if sides := sides - own.attacker_sides:
                own.target_sides |= sides
        # a window of the sentence around the trigger: long sentences stay linear
        w_start = max(s_start, m.start - _CONTEXT)
        sentence = text[w_start : min(s_end, m.end + _CONTEXT)]
        n_start = max(s_start, m.start - 80)
        nearby = text[n_start : min(s_end, m.end + 60)]
        cue: re.Match[str] | None = None
        if any(w in nearby for w in _CUE_WORDS) and _ANY_CUE.search(nearby):
            if cue := _DENIED.search(nearby):
                own.modality, own.modality_rule = Modality.DENIED, "denial"
            elif cue := _ALLEGED.search(nearby):
                own.modality, own.modality_rule = Modality.ALLEGED, "allegation"
            elif cue := _CONDITIONAL.search(nearby):
                own.modality, own.modality_rule = Modality.REPORTED, "conditional"
        if cue:
            own.modality_span = ctx.span(n_start + cue.start(), n_start + cue.end())
        # the source phrases of the sentence are found once; a mention takes the first one (in the order of
        # the patterns) that lies in its window, as a search of the window would find it
        lo, hi = w_start - s_start, w_start - s_start + len(sentence)  # the window, in sentence offsets
        found = self._source_cache.get(m.sentence)
        if found is None:
            body = text[s_start:s_end]
            # kept for the whole text: a pattern's absent words give a shared empty tuple, not a new list
            found = self._source_cache[m.sentence] = [
                (list(rx.finditer(body)) or ()) if any(w in body for w in words) else () for rx, words in _SOURCE_PATTERNS
            ]
        src: re.Match[str] | None = None
        for matches in found:
            k = bisect.bisect_left(matches, lo, key=lambda x: x.start())
            while k < len(matches) and matches[k].start() < hi:
                if matches[k].end() <= hi:
                    src = matches[k]
                    break
                k += 1
            if src is not None:
                break
        if src:
            raw = src.group("src")
            cut = _SOURCE_CUT.split(raw)[0].strip()
            a = s_start + src.start("src")
            original = original_text(ctx, a, a + len(cut)) if cut else ""
            if cut and not _DIGIT.search(cut) and (_UPPER.search(original) or _SOURCE_WORDS.search(cut)):
                span = ctx.span(a, a + len(cut))
                own.source = Source(span, span.text)
                if own.modality is Modality.ASSERTED:
                    own.modality, own.modality_rule, own.modality_span = Modality.REPORTED, "source", own.source.span


def _trim_np(text: str, bounds: tuple[int, int]) -> tuple[int, int]:
    """A noun phrase without the time words that follow it ("combattants dimanche")."""
    start, end = bounds
    words = list(_WORD.finditer(text[start:end]))
    while words and _TIME_WORD.fullmatch(words[-1].group()):
        words.pop()
    return (start, start + words[-1].end()) if words else (start, start)


def _around(idxs: Sequence[int], starts: Sequence[int], start: int, end: int) -> Sequence[int]:
    """The mentions among *idxs* (in text order, starting at *starts*) within reach of ``[start, end)``."""
    lo = bisect.bisect_left(starts, start - _CONTEXT)
    hi = bisect.bisect_right(starts, end + _CONTEXT)
    return idxs[lo:hi]


def _sentence_places(indices: Iterable[int], slots: Sequence[MentionSlots]) -> list[PlaceMention]:
    found = [p for j in indices for p in slots[j].places]
    return sorted(found, key=lambda p: SPECIFICITY[p.place.kind])


def mentions_by_sentence(mentions: Sequence[Mention]) -> dict[int, list[int]]:
    """The indices of the mentions of each sentence (built once per text and shared: a long text has many)."""
    out: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        out.setdefault(m.sentence, []).append(i)
    return out


def _by_sentence(ctx: ExtractionContext, items: Iterable[Any], start: Callable[[Any], int]) -> dict[int, list[Any]]:
    """Items grouped by the sentence their start falls in."""
    groups: dict[int, list[Any]] = {}
    starts = [s.start for s in ctx.sentences]
    for item in items:
        pos = start(item)
        si = max(0, bisect.bisect_right(starts, pos) - 1)
        if ctx.sentences and ctx.sentences[si].start <= pos < ctx.sentences[si].end:
            groups.setdefault(si, []).append(item)
    return groups


def _np_bounds(start: int, tail: str) -> tuple[int, int] | None:
    stop = _NP_STOP.search(tail)
    np = tail[: stop.start()] if stop else tail
    np = _NP_CUT.split(np)[0].rstrip()
    return (start, start + len(np)) if np else None


def _subject_bounds(before: str, end: int) -> tuple[int, int] | None:
    """The noun phrase just before a verbal trigger (its subject), skipping relative pronouns."""
    chunk = _SUBJECT_CUT.split(before)[-1]
    # "la défense antiaérienne a affirmé avoir abattu": the subject ends before the reporting verb
    chunk = _SUBJECT_REPORTING.split(chunk)[0]
    chunk = _SUBJECT_TAIL.sub("", chunk.rstrip()).rstrip()
    words = chunk.split()
    if not words or len(words) > 9:
        words = words[-6:]
    np = " ".join(words)
    if not np or np in ("qui", "il", "ils", "elle", "elles", "on"):
        return None
    start = end - len(before) + before.rfind(np) if np in before else None
    return (start, start + len(np)) if start is not None else None


def _background_date(text: str, d: TimeExpression) -> bool:
    if d.granularity in (Granularity.YEAR,) or d.interval_role is not None:
        return True
    left = text[max(0, d.span.start - 14) : d.span.start]
    return bool(_BACKGROUND_BEFORE.search(left))


def _as_day(d: TimeExpression) -> TimeExpression:
    """A date reduced to its day: what a reporting verb's date says of the incident."""
    if not _ISO_DAY.match(d.value) or _GRAIN_ORDER[d.granularity] <= _GRAIN_ORDER[Granularity.DAY]:
        return d
    return attrs.evolve(d, value=d.value[:10], granularity=Granularity.DAY, part_of_day=None, hour=None, minute=None)


_LIGHT_VERB_BEFORE = re.compile(
    r"\b(?:(?:a|ont|avait|avaient|aurait|auraient)\s+(?:\w+\s+){0,2}?)?"
    r"(?:lance|mene|perpetre|conduit|commis|effectue|realise|mene)e?s?\s+(?:\w+\s+)?"
    r"(?:une?|des|de|d'|la|le|les|l'|cette|ces)\s*(?:\w+\s+)?$")
"""A light verb before a trigger noun ("ont mené des frappes", "a perpétré un attentat", "a lancé lundi une attaque")."""
_LIGHT_VERB_STEMS = ("lance", "mene", "perpetre", "conduit", "commis", "effectue", "realise")
"""Words one of which :data:`_LIGHT_VERB_BEFORE` needs: without them, no search."""
_OBJECT_UNITS = frozenset({
    "immeuble", "batiment", "maison", "habitation", "appartement", "tour", "hopital", "ecole", "mosquee", "eglise",
    "depot", "entrepot", "usine", "centrale", "pont", "route", "marche", "vehicule", "voiture", "camion", "bu",
    "convoi", "navire", "bateau", "cargo", "petrolier", "char", "blinde", "avion", "helicoptere", "drone", "missile",
    "roquette", "obus", "bombe", "mine", "engin", "site", "position", "poste", "base", "camp", "village", "quartier",
    "localite", "ville", "infrastructure", "installation", "cible", "objectif"})
"""Counted nouns that name things, never casualties, whatever role a neighbouring verb suggests."""


def _casualty_role(text: str, start: int, end: int, role: CasualtyRole | None, unit: str | None) -> Any:
    """``KILLED``, ``INJURED``, ``"both"`` (for "aucune victime") or ``None`` for a count of people."""
    u = fold(unit or "").strip()
    u = u[:-1] if len(u) > 3 and u[-1] in "sx" else u
    head = u.split()[0] if u else ""
    if head in _OBJECT_UNITS:
        return None  # "a visé un immeuble, tuant trois personnes": a thing hit is not a casualty
    if role in (CasualtyRole.KILLED, CasualtyRole.INJURED):
        return role
    if role is not None:
        # "ont exécuté cinq otages": hostages, and killed
        return CasualtyRole.KILLED if _KILLED_BEFORE.search(text, max(0, start - 30), start) else None
    mention = text[start:end]
    if head in ("victime", "perte") and _NONE_COUNT.match(mention):
        return "both"
    if head in _KILLED_UNITS:
        return CasualtyRole.KILLED
    if head in _INJURED_UNITS:
        return CasualtyRole.INJURED
    if head and head not in _PEOPLE_UNITS:
        return None
    after = text[end : end + 60]
    before = text[max(0, start - 30) : start]
    if _KILLED_AFTER.match(after) or _KILLED_BEFORE.search(before):
        return CasualtyRole.KILLED
    if _INJURED_AFTER.match(after) or _INJURED_BEFORE.search(before):
        return CasualtyRole.INJURED
    return None
