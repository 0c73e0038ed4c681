"""Counts and quantities: grammar ``grammars/quantities.lark``, policy ``docs/policy/quantities.md``.

The grammar finds count phrases ("au moins huit missiles", "des dizaines de
soldats", "aucune victime"); this module then keeps those that are counts in
their context and gives each its unit and casualty role:

- not counts: numbers inside dates or weapon names (``ctx.dates``,
  ``ctx.weapons``), numbers glued to a word ("AC-130", "14e", "10h30"),
  durations ("trois jours"), money and percentages, bare numbers that are
  references ("résolution 2334") and the articles "un"/"une" outside
  casualty phrases;
- the unit is the counted noun of the ORIGINAL text, lowercase and singular
  (:mod:`milinc.quantities.lemma`);
- the role (killed, injured, captured, missing) comes from the noun ("trois
  morts"), the words after it ("auraient été blessés") or a verb before it
  ("tuant huit personnes").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from .. import regexes
from ..engine import GrammarMatcher, compile_for_matching, grammar_source, lexicon_regex
from ..extensions import Extensions
from ..lexicon_pattern import lexicon_pattern
from ..normalize import fold
from ..ontology import CasualtyRole, Qualifier, Quantity, Span
from . import lexicon
from .grammar import QuantityTransformer, RawQuantity, bounds
from .lemma import unit_lemma
from .spelling import spell

if TYPE_CHECKING:
    from ..context import ExtractionContext

__all__ = ["MAX_COUNT", "QuantityExtractor", "base_lexicons", "spell"]

MAX_COUNT = 10_000_000_000
"""The largest plausible count (ten billion: more than the people on Earth). A figure above it, or a
range or an order of magnitude reaching beyond it, is not a count ("100000000000000000000 soldats" is a
typo or a hoax, and no table column could hold it): it is left out. See docs/policy/quantities.md."""


def _folded(words: object) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in words)  # type: ignore[attr-defined]


_TIME_UNITS = _folded(lexicon.TIME_UNITS)
_FIXED = regexes.lazy(lexicon_regex(lexicon.FIXED_EXPRESSIONS))
_CURRENCY = _folded(lexicon.CURRENCY_UNITS)
_DESIGNATORS = _folded(lexicon.DESIGNATORS)
_BARE_PREFIXES = _folded(lexicon.BARE_NUMBER_PREFIXES)
_AUXILIARIES = _folded(lexicon.AUXILIARIES)
_CASUALTY_NOUN_ROLES = {fold(k): v for k, v in lexicon.CASUALTY_NOUNS.items()}
_PARTICIPLES = {fold(k): v for k, v in lexicon.CASUALTY_PARTICIPLES.items()}
_VERBS_BEFORE = {fold(k): v for k, v in lexicon.CASUALTY_VERBS_BEFORE.items()}
_NOUNS_BEFORE = {"mort", "deces", "enlevement", "capture", "arrestation", "interpellation", "disparition",
                 "liberation", "vie", "execution", "assassinat", "massacre"}
_STOP_AFTER = {"et", "ou", "mais", "qui", "que", "qu", "dont", "dans", "en", "par", "pour", "selon", "lors",
               "contre", "avec", "sur", "apres", "avant", "depuis", "vers", "pendant", "au", "aux", "si", "car",
               "lorsque", "quand", "parmi", "tandis", "alors"}
_STOP_BEFORE = {"avec", "par", "dans", "en", "sur", "contre", "vers", "depuis", "pendant", "selon", "lors",
                "pour", "chez", "parmi", "sans", "sous"}
_SEUL = {"seul", "seule"}
_NOT_COUNTED = _folded(lexicon.NOT_COUNTED_NOUNS)
_COLLECTIVE = _folded(lexicon.COLLECTIVE_NOUNS)
_TRANSITIVE = _folded(lexicon.TRANSITIVE_PARTICIPLES)
_AVOIR = _folded(lexicon.AVOIR_FORMS)
_SKIPPED_AFTER = {"de", "du", "des", "d", "la", "le", "l", "les", "un", "une"}
_ETRE = {"est", "sont", "etait", "etaient", "serait", "seraient", "sera", "seront", "fut", "furent", "ete",
         "etant", "etre"}

_WORD = regexes.lazy(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_WORD_OR_NUMBER = regexes.lazy(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+")
_APPOSED = regexes.lazy(r"\s*,\s*(?:(?:grievement|gravement|legerement|mortellement|serieusement)\s+)?([^\W\d_]+)")
_PARENTHETICAL = regexes.lazy(r"\s*,\s*dont\b[^,.;:!?]*,")
# an age after the counted people ("deux adolescents de 15 et 16 ans ont été tués"): skipped to the verb
_AGE_AFTER = regexes.lazy(
    r"\s*,?\s*(?:(?:" + lexicon_regex(lexicon.AGE_WORDS) + r")\s+)?(?:de\s+|d')?\d+(?:\s*(?:,|et|ou|a|-)\s*\d+)*\s+"
    r"(?:" + lexicon_regex(lexicon.AGE_UNITS) + r")\s*,?"
)
_CHANGE_VERBS = {"passe", "passee", "passes", "passant", "grimpe", "monte", "augmente", "porte", "evolue",
                 "alourdi", "revu", "revise"}
_CLAUSE_END = regexes.lazy(r"[.;:!?()\[\]\n]")
_UP_TO_LAST_CLAUSE_END = regexes.lazy(r".*[.;:!?()\[\]\n]", re.DOTALL)  # greedy: ends after the last one
_PERCENT_OR_MONEY_AFTER = regexes.lazy(r"\s*(?:%|pour\s*cents?\b|pourcents?\b|p\.\s*100\b|[$€£])")
_MONEY_BEFORE = regexes.lazy(r"[$€£]\s*$|\b(?:us|usd|eur)\s*\$?\s*$")
_YEAR = regexes.lazy(r"^(?:19|20)\d\d$")
_TRAILING = {"au moins": Qualifier.AT_LEAST, "au minimum": Qualifier.AT_LEAST, "environ": Qualifier.ABOUT,
             "au plus": Qualifier.AT_MOST, "au maximum": Qualifier.AT_MOST, "tout au plus": Qualifier.AT_MOST}
_TRAILING_QUALIFIER = regexes.lazy(r"\s*,?\s*(au moins|au minimum|environ|tout au plus|au plus|au maximum)(?![^\W\d_])")
_COMPARATIVE_AFTER = regexes.lazy(r"\s*(?:plus|moins|autant|superieur|inferieur|mieux|davantage)(?![^\W\d_])")
_SIDE_AFTER = regexes.lazy(r"\s*(?:parmi|dans\s+les\s+rangs|du\s+cote|cote|chez\s+les|au\s+sein)(?![^\W\d_])")
_REPORTED_MISSING = regexes.lazy(r"porte(?:e|s|es)?\s+disparu(?:e|s|es)?(?![^\W\d_])")
"""A count's head that says the people counted were reported missing ("six portés disparus")."""
_INCLUSIVE_AFTER = regexes.lazy(r"\s*(?:en\s+comptant|en\s+incluant|si\s+l'on\s+compte|y\s+compris)\s+(?:les|l'|le|la)(?![^\W\d_])")
"""What follows a bare figure that gives a toll with another group counted in ("16 en comptant les kamikazes")."""
_ELLIPSIS_GAP = regexes.lazy(
    r"\s*(?:(?:dans|parmi|du\s+cote|cote|chez|au\s+sein)(?![^\W\d_])[^,.;:]{0,40}?)?\s*(?:,\s*(?:et\s+)?|et\s+)$")
"""Between a casualty count and a bare figure that takes its role ("cinq morts dans ses rangs et trois …")."""
_TOLL_BEFORE = regexes.lazy(r"(?:eleve|elevait|elevent|porte|portant|passe|grimpe|monte|alourdi)(?:\s+[^\W\d_]+)?\s+a\s*$")
_MONTH_AFTER = regexes.lazy(
    r"\s*(?:janv|fev|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec)[a-z]*\.?(?![^\W\d_])|\s*/\s*\d"
)
_ANCHOR_WORDS = [
    "zero", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts", "trente", "quarante", "cinquante",
    "soixante", "septante", "huitante", "octante", "nonante", "cent", "cents", "mille", "million",
    "millions", "milliard", "milliards", "plusieurs", "quelques", "nombreux", "nombreuses", "innombrables",
    "maints", "maintes", "poignee", "beaucoup", "nombre", "multitude", "multiples", "foule", "aucun",
    "aucune", "aucuns", "aucunes", "personne", "ni", "sans", "pas",
]


def base_lexicons() -> dict[str, list[str]]:
    """The built-in phrases of the grammar's lexicons (before plugins add theirs)."""
    lexicons: dict[str, list[str]] = {
        name: list(lexicon.QUALIFIER_PHRASES[qualifier]) for name, qualifier in lexicon.LEXICON_QUALIFIERS.items()
    }
    lexicons["vague_quantifiers"] = list(lexicon.VAGUE_QUANTIFIERS)
    lexicons["unknown_quantifiers"] = list(lexicon.UNKNOWN_QUANTIFIERS)
    lexicons["approximate_nouns"] = list(lexicon.APPROXIMATE_PHRASES)
    lexicons["prenominal_adjectives"] = list(lexicon.PRENOMINAL_ADJECTIVES)
    lexicons["injury_adverbs"] = list(lexicon.INJURY_ADVERBS)
    lexicons["age_units"] = list(lexicon.AGE_UNITS)
    return lexicons


def _anchors(extensions: Extensions) -> re.Pattern[str]:
    """Where a count may be: digits, number words, quantifiers — and what plugins add.

    A plugin's grammar fragments anchor on their quoted keywords, its lexicon entries on
    their words, so that an added construction is tried where it can match.
    """
    words = [*_ANCHOR_WORDS, *lexicon.APPROXIMATE_PHRASES]
    for fragment in extensions.grammar.get("quantities", ()):
        words.extend(w for w in re.findall(r'"([^"\\]+)"', fragment) if any(c.isalpha() for c in w))
    for name in base_lexicons():
        for entry in extensions.lexicons.get(name, ()):
            if isinstance(entry, str):
                words.extend(fold(entry).split())
    # the digit branch tests the digit before looking behind it: at the many letters of a text it
    # then fails in one step (the same matches as "(?<!\d)\d", a third faster scan)
    return lexicon_pattern(words, after=r"|\d(?<!\d\d)")


class QuantityExtractor:
    """Finds every count the text states, with qualifier, bounds, unit and casualty role."""

    def __init__(self, extensions: Extensions) -> None:
        self.extensions = extensions
        """The plugins' additions this extractor was built with."""
        self._matcher: GrammarMatcher = extensions.memo("quantities.matcher", self._build_matcher)

    def _build_matcher(self) -> GrammarMatcher:
        source = self.extensions.grammar_for("quantities", grammar_source("quantities"))
        lexicons = {name: self.extensions.lexicon(name, base) for name, base in base_lexicons().items()}
        transformer = self.extensions.attach_callbacks("quantities", QuantityTransformer())
        lark = compile_for_matching(source, transformer=transformer, lexicons=lexicons, start="quantity")
        return GrammarMatcher(lark, _anchors(self.extensions), lookback=6)

    def extract(self, ctx: ExtractionContext) -> list[Quantity]:
        """Every count of the text (dates and weapon names excluded)."""
        text = ctx.text
        taken = _Taken(ctx)
        found: list[tuple[Quantity, int, int]] = []  # with their normalized offsets
        for match in self._matcher.finditer(text):
            for raw in match.value:
                previous = found[-1] if found else None
                q = self._quantity(ctx, match.start, raw, taken, previous)
                if q is not None:
                    found.append((q, match.start + raw.start, match.start + raw.end))
        return _share_roles(text, found)

    # --- one candidate --------------------------------------------------------------------

    def _quantity(
        self,
        ctx: ExtractionContext,
        base: int,
        raw: RawQuantity,
        taken: _Taken,
        previous: tuple[Quantity, int, int] | None,
    ) -> Quantity | None:
        text = ctx.text
        start, end = base + raw.start, base + raw.end
        fig = raw.figure
        num_start = base + (fig.number_start if fig is not None else raw.start)
        num_end = base + (fig.end if fig is not None else raw.end)
        qualifier, value, low, high = raw.qualifier, raw.value, raw.low, raw.high
        noun = raw.noun
        head = noun.head if noun is not None else None

        # "en plus de 900 autres" is "in addition to", not "more than"
        if qualifier is Qualifier.MORE_THAN and _word_before(text, start) == "en" and value is not None:
            qualifier, low, high, start = Qualifier.EXACT, value, value, num_start

        if fig is not None and (taken.in_date(num_start, num_end) or taken.in_name(num_start, num_end)):
            return None
        if fig is not None and _glued(text, num_start, num_end):
            return None
        if _FIXED.match(text, num_start):
            return None  # "la zone des trois frontières"
        unit = None
        if noun is not None and noun.head_start is not None and noun.head_end is not None:
            head_text = _original_text(ctx, base + noun.head_start, base + noun.head_end)
            if head_text.isupper() and any(
                w.isupper() for w in _WORD.findall(_original_text(ctx, start, base + noun.head_start))
            ):
                head_text = head_text.lower()  # a heading in capitals ("DEUX SOLDATS TUÉS"), not an acronym
            unit = unit_lemma(head_text)
            reported = _REPORTED_MISSING.match(text, base + noun.head_start)
            if reported:  # "six portés disparus": the missing are counted, "portés" says they were reported
                unit, end = "disparu", base + noun.head_start + reported.end() - reported.start()
        if noun is not None and noun.head_end is not None and text.startswith("/", base + noun.head_end):
            return None  # "700 km/h": a speed
        folded_unit = fold(unit) if unit else None
        if folded_unit in _TIME_UNITS or folded_unit in _CURRENCY:
            return None
        if folded_unit == "fois" and _COMPARATIVE_AFTER.match(text, end):
            return None  # "deux fois plus de drones": a ratio
        if fig is not None and (
            _PERCENT_OR_MONEY_AFTER.match(text, num_end) or _MONEY_BEFORE.search(text, max(0, num_start - 6),
                                                                                    num_start)
        ):
            return None

        role = raw.role or (_CASUALTY_NOUN_ROLES.get(folded_unit) if folded_unit else None)
        is_weapon = noun is not None and noun.head_start is not None and noun.head_end is not None and (
            taken.is_weapon(base + noun.head_start, base + noun.head_end)
        )
        if not is_weapon and not raw.whole:
            role = role or _role_after(text, end) or _role_before(text, start)
        if role is None and raw.subset and previous is not None and _same_clause(text, previous[2], start):
            role = previous[0].role
        # the last rejections, before the adjustments below (which only a kept count needs)
        if raw.rule == "zero" and role is None and folded_unit not in _CASUALTY_NOUN_ROLES:
            return None  # "aucun intérêt", "aucune information": not a count of anything reported
        if fig is not None and not self._figure_is_count(text, raw, num_start, head, role, folded_unit):
            return None
        if fig is not None and fig.words in ("un", "une") and noun is not None and _SEUL & set(noun.adjectives) and (
            _word_before(text, start) == "pas"
        ):
            value = low = high = 0  # "pas un seul soldat": none
        trailing = _TRAILING_QUALIFIER.match(text, end)
        if trailing and qualifier is Qualifier.EXACT and value and fig is not None and not fig.qualified:
            # "12 morts au moins", "30 soldats environ"
            qualifier = _TRAILING[trailing.group(1).replace("  ", " ")]
            low, high = bounds(qualifier, value)
        if fig is not None and fig.kind == "range" and _word_before(text, start) in _CHANGE_VERBS:
            # "le bilan est passé de 12 à 17 morts": a change, the count is the last figure
            qualifier, value, low = Qualifier.EXACT, high, high

        if any(bound is not None and bound > MAX_COUNT for bound in (value, low, high)):
            return None  # beyond any real count: see MAX_COUNT

        rule = "subset" if raw.subset else raw.rule
        return Quantity(
            span=ctx.span(start, end),
            qualifier=qualifier,
            value=value,
            low=low,
            high=high,
            unit=unit,
            role=role,
            rule=rule,
        )

    def _figure_is_count(
        self,
        text: str,
        raw: RawQuantity,
        num_start: int,
        head: str | None,
        role: CasualtyRole | None,
        folded_unit: str | None,
    ) -> bool:
        """Whether a figure is a count here (articles, years, references and bare numbers are not)."""
        fig = raw.figure
        assert fig is not None
        noun = raw.noun
        qualified = fig.qualified or fig.kind in ("range", "approx", "vague", "multiplier")
        before = _word_before(text, num_start)
        words = fig.words.split()
        if fig.kind == "range" and all(_YEAR.match(w) for w in words) and head is None:
            return False
        if before in ("tous", "toutes") and not fig.qualified:
            return False  # "tous deux", "toutes les trois": a pronoun, not a count
        if before == "pour" and words == ["cent"]:
            return False  # "30 pour cent"
        if head in _NOT_COUNTED or folded_unit in _NOT_COUNTED:
            return False  # "dont une majorité de femmes", "un tiers des habitants"
        if not qualified and words in (["un"], ["une"]):
            if head in _COLLECTIVE or folded_unit in _COLLECTIVE:
                return False  # "tuant une famille de six personnes": the six are counted, not the family
            # the article: a count only in casualty phrases ("un soldat a été tué", "dont un grièvement")
            seul = noun is not None and bool(_SEUL & set(noun.adjectives))
            elided_part = raw.subset and (noun is None or noun.head is None)  # "dont un grièvement"
            return role is not None or elided_part or seul or folded_unit in _CASUALTY_NOUN_ROLES
        lead = text[max(0, num_start - 40) : num_start]
        opens_line = "\n" in lead[len(lead.rstrip()) :]  # "le secteur\n2 soldats": no "secteur 2" across lines
        if not qualified and before in _DESIGNATORS and fig.words[:1].isdigit() and not opens_line:
            return False
        has_noun = noun is not None and (noun.head is not None or noun.adjectives or noun.partitive)
        if has_noun:
            return True
        if fig.kind == "range" and "-" in text[num_start : num_start + 40].split(" ", 2)[0]:
            return False  # "1-2", "2014-2017" without a noun: a score or a period
        # a bare figure: its noun is elided
        if not qualified and _YEAR.match(fig.words):
            return False
        if _MONTH_AFTER.match(text, num_start + len(fig.words)):
            return False  # "les 7 et 8 octobre": a day the dates stage did not take
        if qualified or raw.subset or role is not None:
            return True
        after = num_start + len(fig.words)
        if _INCLUSIVE_AFTER.match(text, after):
            return True  # "12 morts, 16 en comptant les kamikazes": the toll with the attackers
        if not fig.words[:1].isdigit():
            # "cinq morts dans ses rangs et trois du côté des jihadistes": a number word and its side
            return before == "et" and _SIDE_AFTER.match(text, after) is not None
        if before in _BARE_PREFIXES or _SIDE_AFTER.match(text, num_start + len(fig.words)):
            return True  # "et de 2 500 en Irak", "30 dans les rangs du régime"
        return before == "a" and _TOLL_BEFORE.search(text, max(0, num_start - 40), num_start) is not None


class _Taken:
    """The date and weapon-name spans found before, in normalized offsets, sorted for lookups."""

    def __init__(self, ctx: ExtractionContext) -> None:
        spans = [d.span for d in ctx.dates] + [w.span for w in ctx.weapons]
        to_norm = _Offsets(ctx) if spans and not ctx.norm.is_identity else None
        self._dates = sorted(_range(to_norm, d.span) for d in ctx.dates)
        self._names = sorted(_range(to_norm, w.span) for w in ctx.weapons)
        self._date_starts = [s for s, _ in self._dates]
        self._date_ends = [e for _, e in self._dates]
        self._name_starts = [s for s, _ in self._names]
        self._name_ends = [e for _, e in self._names]

    # Only the three spans that start last before a position are looked at: earlier ones end
    # before it (mentions of one kind do not nest). max() over their ends, not any(<generator>):
    # these run for every candidate count.

    def in_date(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a date or time expression."""
        i = bisect.bisect_left(self._date_starts, end)
        return i > 0 and max(self._date_ends[max(0, i - 3) : i]) > start

    def is_weapon(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a weapon mention (a counted weapon has no casualty role)."""
        i = bisect.bisect_left(self._name_starts, end)
        return i > 0 and max(self._name_ends[max(0, i - 3) : i]) > start

    def in_name(self, start: int, end: int) -> bool:
        """Whether the figure is part of a weapon name that starts before it ("Shahed-136", "S-400")."""
        starts = self._name_starts
        i = bisect.bisect_left(starts, start + 1)  # the three names starting at or before *start*…
        lo = max(0, i - 3)
        j = bisect.bisect_left(starts, start, lo, i)  # …of which those starting strictly before
        return j > lo and max(self._name_ends[lo:j]) > start


class _Offsets:
    """Original offsets → normalized offsets, for texts whose normalized copy is not the same length.

    A binary search over the original start of each normalized offset, computed only at the
    offsets the search visits (a list of them all cost one call per character of the text).
    """

    def __init__(self, ctx: ExtractionContext) -> None:
        n = len(ctx.text)
        to_original = ctx.norm.to_original
        original_end = len(ctx.original)
        self._offsets = range(n + 1)
        self._original_start: Callable[[int], int] = lambda i: to_original(i, i)[0] if i < n else original_end

    def range(self, span: Span) -> tuple[int, int]:
        """The normalized ``[start, end)`` covering an original span."""
        offsets, key = self._offsets, self._original_start
        return bisect.bisect_left(offsets, span.start, key=key), bisect.bisect_left(offsets, span.end, key=key)


def _range(offsets: _Offsets | None, span: Span) -> tuple[int, int]:
    return offsets.range(span) if offsets is not None else (span.start, span.end)


def _glued(text: str, start: int, end: int) -> bool:
    """Whether the figure is glued to a word or number: "AC-130", "10:30", "2,5", "Shahed-136-B"."""
    before = text[start - 1] if start > 0 else " "
    if before.isalnum():
        return True
    if before in "-/.,:_+" and start > 1 and text[start - 2].isalnum():
        return True
    after = text[end] if end < len(text) else " "
    if after.isalnum():
        return True
    return after in "-/.,:_+" and end + 1 < len(text) and text[end + 1].isalnum()


def _original_text(ctx: ExtractionContext, start: int, end: int) -> str:
    """The original text of a normalized ``[start, end)`` range (``ctx.span(...).text`` without the Span)."""
    s, e = ctx.norm.to_original(start, end)
    return ctx.original[s:e]


def _is_letter(ch: str) -> bool:
    """Whether *ch* is in the regex class ``[^\\W\\d_]`` (a word character that is not a digit)."""
    return ch.isalpha() or (ch.isnumeric() and not ch.isdecimal())


def _word_before(text: str, pos: int) -> str:
    """The word just before *pos*, apostrophes and spaces skipped, within 40 characters ("" if none).

    What ``re.search(r"([^\\W\\d_]+)['\\s]*$", text[pos - 40 : pos])`` finds, read backwards
    from *pos* instead of trying every start of the window.
    """
    floor = max(0, pos - 40)
    end = pos
    while end > floor and (text[end - 1] == "'" or text[end - 1].isspace()):
        end -= 1
    start = end
    while start > floor and _is_letter(text[start - 1]):
        start -= 1
    return text[start:end]


def _role_after(text: str, end: int) -> CasualtyRole | None:
    """The role stated by the words after a count ("auraient été grièvement blessés")."""
    skip = _PARENTHETICAL.match(text, end)  # "Plus de 50 personnes, dont 20 enfants, ont été tuées"
    if skip:
        end = skip.end()
    age = _AGE_AFTER.match(text, end)  # "trois enfants âgés de 5 à 9 ans ont été tués"
    if age:
        end = age.end()
    window = text[end : end + 90]
    cut = _CLAUSE_END.search(window)
    window = window[: cut.start()] if cut else window
    apposed = _APPOSED.match(window)
    if apposed and apposed.group(1) in _PARTICIPLES:  # "plus de 12 personnes, blessées par balles"
        return _PARTICIPLES[apposed.group(1)]
    comma = window.find(",")
    if comma >= 0:
        window = window[:comma]
    unknown = 0
    active = False  # "ont tué": the count is the agent of the verb, not its victim
    verb_seen = False  # after an auxiliary, the next word must be the participle
    for tok in _WORD_OR_NUMBER.findall(window)[:10]:
        if tok[0].isdigit():
            return None  # another count: what follows is about it
        if tok in _PARTICIPLES:
            return None if active and tok in _TRANSITIVE else _PARTICIPLES[tok]
        if tok == "vie":  # "ont perdu la vie"
            return CasualtyRole.KILLED
        if tok in _STOP_AFTER:
            return None
        if tok in _AVOIR:
            active = True
        elif tok == "ete":
            active = False
        if tok in _AUXILIARIES:
            verb_seen = verb_seen or tok in _AVOIR or tok in _ETRE
            continue
        if verb_seen:
            return None  # "ont échangé 200 prisonniers": another verb
        if tok not in _SKIPPED_AFTER:
            unknown += 1
            if unknown > 3:
                return None
    return None


def _role_before(text: str, start: int) -> CasualtyRole | None:
    """The role stated by a verb shortly before a count ("tuant huit personnes", "la mort de trois")."""
    window = text[max(0, start - 70) : start]
    cut = _UP_TO_LAST_CLAUSE_END.match(window)
    if cut:
        window = window[cut.end() :]
    comma = window.rfind(",")
    if comma >= 0:
        window = window[comma + 1 :]
    toks = _WORD_OR_NUMBER.findall(window)
    for i in range(len(toks) - 1, -1, -1):
        if toks[i][0].isdigit():  # another count stands between: its verb is not ours
            toks = toks[i + 1 :]
            break
    if len(toks) >= 2 and toks[-1] in ("de", "d", "des") and toks[-2] in _NOUNS_BEFORE:
        return CasualtyRole.KILLED if toks[-2] in ("mort", "deces", "vie", "execution", "assassinat",
                                                    "massacre") else _VERBS_BEFORE.get(toks[-2])
    if len(toks) >= 3 and toks[-1] == "a" and toks[-2] == "vie":  # "a coûté la vie à"
        return CasualtyRole.KILLED
    for tok in reversed(toks[-6:]):
        if tok in _STOP_BEFORE:
            return None
        if tok in _VERBS_BEFORE and tok not in _NOUNS_BEFORE:
            return _VERBS_BEFORE[tok]
    return None


def _same_clause(text: str, previous_end: int, start: int) -> bool:
    """Whether a count ending at *previous_end* stands shortly before *start* in the same sentence."""
    if previous_end > start or start - previous_end > 80:
        return False
    return _SENTENCE_END.search(text, previous_end, start) is None


_SENTENCE_END = regexes.lazy(r"[.;!?\n]")
_COORDINATION = regexes.lazy(r"\s*(?:,|et|ou|ainsi\s+que)\s*$")
# "tuant un commandant [du Hezbollah] et au moins trois civils": a short complement may stand before "et"
_COORDINATION_AFTER_COMPLEMENT = regexes.lazy(
    r"\s*(?:(?:du|des|de\s+la|de\s+l'|d')\s*[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,3}\s*)?(?:,\s*)?(?:et|ainsi\s+que)\s*$"
)


def _share_roles(text: str, found: list[tuple[Quantity, int, int]]) -> list[Quantity]:
    """Give coordinated counts the role the verb after the last one states.

    "Au moins 7 soldats et une vingtaine de jihadistes ont été tués": both were killed.
    """
    out = [q for q, _, _ in found]
    for i in range(len(found) - 2, -1, -1):
        q, _, end = found[i]
        nxt, nxt_start, nxt_end = found[i + 1]
        governed = _role_after(text, nxt_end) is not None or out[i + 1] is not nxt
        if q.role is None and out[i + 1].role is not None and governed and _COORDINATION.match(text[end:nxt_start]):
            out[i] = attrs.evolve(q, role=out[i + 1].role)
    for i in range(1, len(found)):
        q, start, _ = found[i]
        gap = text[found[i - 1][2] : start]
        if out[i - 1].rule == "subset" and q.rule == "count" and _COORDINATION.match(gap):
            q = out[i] = attrs.evolve(q, rule="subset")  # "dont 14 enfants et 9 femmes"
        if q.rule == "subset" and q.role is None and out[i - 1].role is not None and (
            _same_clause(text, found[i - 1][2], start)
        ):
            out[i] = attrs.evolve(q, role=out[i - 1].role)
    for i in range(1, len(found)):
        q, start, end = found[i]
        prev = out[i - 1]
        # a bare figure after a casualty count: "cinq morts dans ses rangs et trois du côté des jihadistes",
        # "12 personnes sont mortes, 16 en comptant les kamikazes"
        if q.role is None and q.unit is None and prev.role is not None and _ELLIPSIS_GAP.match(text[found[i - 1][2] : start]):
            out[i] = q = attrs.evolve(q, role=prev.role)
        elif q.role is None and q.unit is None and _INCLUSIVE_AFTER.match(text, end):
            counted = next((out[j] for j in range(i - 1, max(-1, i - 4), -1)
                            if out[j].role is not None and _same_clause(text, found[j][2], start)), None)
            if counted is not None:
                out[i] = q = attrs.evolve(q, role=counted.role)
        # a verb before the first count governs the coordinated ones: "tuant X et au moins trois civils"
        if (
            out[i].role is None
            and prev.role is not None
            and _role_before(text, found[i - 1][1]) is prev.role
            and _COORDINATION_AFTER_COMPLEMENT.match(text[found[i - 1][2] : start])
        ):
            out[i] = attrs.evolve(out[i], role=prev.role)
    return out
