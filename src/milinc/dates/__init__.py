"""Dates and times: grammar ``grammars/dates.lark``, resolution against the reference date.

- :mod:`milinc.dates.transformer` turns grammar matches into partial dates
  (:class:`~milinc.dates.parts.DateParts`);
- :mod:`milinc.dates.resolver` resolves them (news style, past-preferring);
- :class:`DateExtractor` finds the matches, checks their context, resolves them
  in text order (anaphoric dates need the date the text last established) and
  finds the reference date in a dateline.

The policy is documented in ``docs/policy/dates.md``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from .. import engine
from ..extensions import Extensions
from ..ontology import Anchor, Granularity, TimeExpression
from .lexicon import ANCHOR_WORDS
from .parts import DateParts, Relation
from .resolver import Resolution, Resolver
from .transformer import DateTransformer

if TYPE_CHECKING:
    from ..pipeline import ExtractionContext

__all__ = ["DateExtractor", "DateParts", "Resolver"]

LOOKBACK = 6
"""Tokens tried before an anchor: "en fin d'apres-midi" puts six tokens before "midi"."""

DATELINE_LINES = 8
"""How many non-empty lines at the top of a text may hold the dateline."""

DATELINE_OTHER_LETTERS = 16
"""A dateline holds little besides the date: a city, a by-line, "UTC" ("Paris, le 13 mars 2024")."""

_EVENT_REFERENCE = re.compile(r"(?<![^\W_])(?:du|depuis|de|d'|des|avant|apres|jusqu'au)\s*$")
_QUANTITY_BEFORE = re.compile(
    r"(?:plus|moins|pres|environ|autour|hauteur|total|nombre|bilan|somme|montant|chiffre|rayon|distance"
    r"|portee|altitude|profondeur|longueur|dela|centaines?|milliers?|dizaines?|millions?|plusieurs|quelque)\s+$"
)
_YEAR_FOLLOWERS = frozenset(
    {
        "et", "ou", "a", "au", "aux", "par", "pour", "dans", "en", "contre", "avec", "sur", "sous", "lors",
        "quand", "qui", "que", "qu", "ont", "est", "etait", "avait", "sont", "furent", "fut", "puis", "mais",
        "ni", "selon", "apres", "avant", "depuis", "jusqu", "ainsi", "alors", "lorsque", "dont", "donc", "entre",
        "ne", "n", "se", "s", "y", "il", "elle", "ils", "elles", "on", "le", "la", "les", "l",
    }
)
"""Words that may follow "de 2003" when it is a year ("l'invasion de 2003 par…"); a noun makes it a count."""
_IL_Y_A = re.compile(r"(?<![^\W_])y\s+$")
_TRAVEL_TIME = re.compile(r"^\s*(?:de|d')\s*(?:route|marche|vol|voiture|avion|train|bateau|navigation)\b")
_AFTER_EVENT = re.compile(r"\s*(?:que\b|qu')")
_PUBLICATION = re.compile(
    r"publi|mis a jour|mise a jour|modifi|actualis|\((?:afp|reuters|ap|ats|belga)\)|\b(?:afp|reuters)\b"
)


RECENT_DAYS = 92
"""A clock time or part of day alone is not anchored on a date older than this (a background date)."""

_REPORTING_BEFORE = re.compile(
    r"(?:declare|annonce|indique|affirme|rapporte|appris|precise|confirme|assure|souligne|ajoute|explique"
    r"|reconnu|dementi|communique|fait savoir|estime|reagi)\w{0,4}(?:\s+(?:a|au|aux)\s+[\w-]+)?\s*(?:,\s*)?$"
)


@attrs.define
class _Anchors:
    """The dates the text has established so far, for anaphoric mentions."""

    reference_date: _dt.date | None
    last: _dt.date | None = None
    last_sentence: int = -1
    recent: _dt.date | None = None

    def update(self, day: _dt.date, sentence: int) -> None:
        self.last, self.last_sentence = day, sentence
        ref = self.reference_date
        if ref is None or (ref - day).days <= RECENT_DAYS:
            self.recent = day


@attrs.frozen
class _Found:
    """A mention found in the text, before resolution."""

    start: int
    end: int
    parts: DateParts


class DateExtractor:
    """Finds and resolves every date and time expression of a text."""

    def __init__(self, extensions: Extensions) -> None:
        self.extensions = extensions
        source = extensions.grammar_for("dates", engine.grammar_source("dates"))
        self.transformer = DateTransformer.with_callbacks(extensions.callbacks_for("dates"))
        anchors = extensions.lexicon("date_anchors", list(ANCHOR_WORDS))
        lark = engine.compile_grammar(source, transformer=self.transformer, lexicons={"date_anchors": anchors})
        pattern = re.compile(rf"\d+|(?<![^\W_]){engine.lexicon_regex(anchors)}")
        self.matcher = engine.GrammarMatcher(lark, pattern, lookback=LOOKBACK)

    # ------------------------------------------------------------ public
    def find_reference_date(self, ctx: ExtractionContext) -> _dt.date | None:
        """The publication date from a dateline near the top of the text, if there is one.

        A dateline is a full date (day, month and year) in one of the first
        lines, on a line that holds little else or that says it is a
        publication date ("Publié le", "Mis à jour", "(Reuters)"). A date
        without a year is not enough: nothing is invented.
        """
        text = ctx.text
        limit = _end_of_top_lines(text, DATELINE_LINES)
        for found in self._find(text, end=limit):
            p = found.parts
            if p.relation is not Relation.CALENDAR or p.year is None or p.month is None or p.day is None:
                continue
            line_start = text.rfind("\n", 0, found.start) + 1
            line_end = text.find("\n", found.end)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            rest = text[line_start : found.start] + text[found.end : line_end if line_end >= 0 else len(text)]
            leftover = re.sub(r"[^\w]+|\d", "", rest)
            if _EVENT_REFERENCE.search(text, line_start, found.start):
                continue  # "Attaque du 7 octobre 2023 : …" names an event, not the publication
            if len(leftover) <= DATELINE_OTHER_LETTERS or _PUBLICATION.search(line):
                try:
                    return _dt.date(p.year, p.month, p.day)
                except ValueError:
                    continue
        return None

    def extract(self, ctx: ExtractionContext) -> list[TimeExpression]:
        """Every date mention of the text, resolved in text order.

        Anaphoric mentions ("la veille", "un jour plus tôt") count from the
        date the text last established. Two refinements keep that anchor on
        the story: a date that only says when something was *reported*
        ("a déclaré mardi") does not become the anchor, and a clock time or a
        part of day alone ("vers 23h", "dans la soirée") ignores background
        dates more than :data:`RECENT_DAYS` days before the reference date.
        """
        resolver = Resolver(ctx.reference_date)
        out: list[TimeExpression] = []
        anchors = _Anchors(ctx.reference_date)
        for found in self._find(ctx.text):
            parts = found.parts
            sentence = ctx.sentence_at(found.start)
            if parts.rule == "anaphoric_shift" and _AFTER_EVENT.match(ctx.text, found.end):
                parts = _after_event(parts, anchors.last is not None and anchors.last_sentence == sentence)
            if _may_be_future(parts) and _future_context(ctx.text, found.start, found.end):
                parts = parts.but(future=True)
            weak = parts.rule in ("clock_alone", "part_of_day_alone")
            resolution = resolver.resolve(parts, anchors.recent if weak else anchors.last)
            out.append(_expression(ctx, found, resolution))
            # reporting dates ("a déclaré mardi") and interval bounds ("depuis le 12 janvier") are not the story's date
            if (
                resolution.day_date is not None
                and parts.interval_role is None
                and not _REPORTING_BEFORE.search(ctx.text, max(0, found.start - 40), found.start)
            ):
                anchors.update(resolution.day_date, sentence)
        return out

    # ------------------------------------------------------------ matching
    def parse_phrase(self, text: str) -> list[DateParts]:
        """The partial dates of a short normalized phrase (for tests and explanations)."""
        return [f.parts for f in self._find(text)]

    def _find(self, text: str, *, end: int | None = None) -> Iterator[_Found]:
        for match in self.matcher.finditer(text, end=end):
            mentions = match.value if isinstance(match.value, list) else [match.value]
            for parts in mentions:
                start, stop = match.start + parts.start, match.start + parts.end
                if stop <= start or not _plausible(text, start, stop, parts):
                    continue
                yield _Found(start, stop, parts)


def _after_event(parts: DateParts, previous_in_sentence: bool) -> DateParts:
    """"un jour après que …" dates the main clause, not the anchor event.

    The main clause is dated by the date already stated in the sentence, or,
    in a lede with no date before it, it is the news of the reference day.
    """
    if previous_in_sentence:
        return parts.but(offset=0)
    return parts.but(relation=Relation.REFERENCE, offset=0)


def _plausible(text: str, start: int, end: int, parts: DateParts) -> bool:
    """Context checks the grammar cannot make (it never sees the words around a match)."""
    before = text[max(0, start - 30) : start]
    after = text[end : end + 30]
    if (before.endswith("/") or after.startswith("/")) and _in_url(text, start):
        return False  # ".../2024/03/13/..." in a link
    if parts.rule == "year_de":
        if _QUANTITY_BEFORE.search(before):
            return False  # "plus de 2000 soldats"
        follower = re.match(r"\s*([^\W\d_]+|\d)", after)
        if follower and (follower.group(1).isdigit() or follower.group(1) not in _YEAR_FOLLOWERS):
            return False  # "de 2000 soldats"
    if parts.clock and text.startswith("a", start) and _IL_Y_A.search(before):
        return False  # "il y a 2 heures" is a duration
    return not (parts.clock and _TRAVEL_TIME.match(after))  # "à 2 heures de route"


_FUTURE_AUXILIARIES = frozenset({"doit", "doivent", "devrait", "devraient", "va", "vont", "prochainement"})
"""Words before a date that put it in the future ("doit s'exprimer vendredi")."""
_FUTURE_TENSE = re.compile(r"[^\W\d_]{2,}(?:[eidtu]ra|rra|[eidtu]ront|rront)")
"""A verb in the future tense ("attaquera", "se rendra", "reprendront", "pourra")."""
_NOT_FUTURE = frozenset(
    {"camera", "cameras", "opera", "operas", "chimera", "riviera", "extra", "ultra", "contra", "sierra", "samira",
     "amira", "tiara", "mitra", "intra", "guerra", "tora", "zaatra"}
)
_WORD = re.compile(r"[^\W\d_]+")


def _future_words(text: str, start: int, end: int, *, auxiliaries: bool) -> bool:
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        if auxiliaries and word in _FUTURE_AUXILIARIES:
            return True
        if word not in _NOT_FUTURE and _FUTURE_TENSE.fullmatch(word) and len(word) >= 5:
            return True
    return False


def _may_be_future(parts: DateParts) -> bool:
    """A date whose year (or week) the text leaves open, resolved past-preferring by default."""
    return (
        parts.relation is Relation.CALENDAR
        and parts.year is None
        and parts.direction == 0
        and not parts.this_week
        and (parts.weekday is not None or parts.month is not None)
    )


def _future_context(text: str, start: int, end: int) -> bool:
    """Whether the clause around a date says it is to come (a future tense before or after it, "doit" before it)."""
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 60)
    right_stops = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    right = min([*right_stops, end + 40])
    return _future_words(text, left + 1, start, auxiliaries=True) or _future_words(text, end, right, auxiliaries=False)


def _in_url(text: str, pos: int) -> bool:
    """Whether *pos* is inside a link ("www.", "http", "/2024/03/")."""
    left = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
    right_space = [i for i in (text.find(" ", pos), text.find("\n", pos)) if i >= 0]
    word = text[left : min(right_space) if right_space else len(text)]
    return "http" in word or "www." in word or word.count("/") >= 3 or ".fr/" in word or ".com/" in word


def _expression(ctx: ExtractionContext, found: _Found, r: Resolution) -> TimeExpression:
    p = found.parts
    relative = p.relation is not Relation.CALENDAR or (r.anchor is not Anchor.NONE and p.year is None)
    hour, minute = (p.hour, p.minute) if p.hour is not None else (None, None)
    return TimeExpression(
        span=ctx.span(found.start, found.end),
        value=r.value,
        granularity=r.granularity,
        year=r.year,
        month=r.month,
        day=r.day,
        hour=hour,
        minute=minute,
        weekday=p.weekday,
        part_of_day=p.part_of_day if r.granularity is Granularity.PART_OF_DAY else None,
        relative=relative,
        anchor=r.anchor,
        anchor_value=r.anchor_value,
        modifier=p.modifier,
        interval_role=p.interval_role,
        conflict=r.conflict,
        rule=p.rule or None,
    )


def _end_of_top_lines(text: str, lines: int) -> int:
    seen = 0
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        if text[pos:nl].strip():
            seen += 1
            if seen >= lines:
                return nl
        pos = nl + 1
    return min(len(text), 2000)
