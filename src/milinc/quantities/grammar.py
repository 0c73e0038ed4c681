"""The transformer of ``grammars/quantities.lark``: parse callbacks → :class:`RawQuantity` values.

The transformer runs inside the LALR parser (no tree). Each callback receives
the list of its rule's children (tokens and sub-values) and returns a small
value; ``quantity`` (the start rule) returns the list of :class:`RawQuantity` of the match, or
``None`` to reject it (the matcher then keeps a shorter prefix). Offsets are
relative to the start of the parsed window.

What needs the text *around* the match — dates, weapon names, durations,
money, articles, casualty roles — is decided later by the extractor.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
from lark import Token, Transformer

from ..normalize import fold
from ..ontology import CasualtyRole, Qualifier
from . import lexicon
from .numbers import decimal_value, digits_value, multiplier_value, words_value

__all__ = ["Figure", "NounPhrase", "QuantityTransformer", "RawQuantity"]

_APPROX_VALUES: dict[str, int] = {fold(k): v for k, v in lexicon.APPROXIMATE_NOUNS.items()}
_CASUALTY_NOUNS = {fold(k) for k in lexicon.CASUALTY_NOUNS}
_FUNCTION_WORDS = {fold(w) for w in lexicon.FUNCTION_WORDS}
_ZERO_VERBS = {"faire", "causer", "provoquer", "occasionner", "entrainer", "fait", "faisant", "avoir"}
_ELIDING = {fold(w) for w in lexicon.ELIDING_ADJECTIVES}
_RULE_OF_KIND = {"approx": "approximate", "multiplier": "count", "range": "range", "vague": "vague"}
"""The rule of a count by the kind of its figure (``count`` for the others)."""
_ORDINAL = re.compile(r"^(?:\w+iemes?|premiers?|premieres?|seconde?s?)$")


@attrs.frozen
class Figure:
    """A figure read by ``core``, ``amount`` or a vague determiner, before the noun."""

    start: int
    """Offset of the figure's first character (qualifier included), in the window."""
    end: int
    """Offset just past the figure."""
    qualifier: Qualifier
    """How the figure is stated."""
    value: int | None
    """The best single value, ``None`` when vague."""
    low: int | None = None
    """Lower bound, when one can be stated."""
    high: int | None = None
    """Upper bound, when one can be stated."""
    magnitude: int | None = None
    """For approximate nouns and multipliers: the order of magnitude named ("dizaines" → 10)."""
    kind: str = "number"
    """``number``, ``approx``, ``multiplier``, ``range``, ``vague`` or ``unknown``."""
    words: str = ""
    """The normalized words of the figure ("un", "2 500"), for the article and year checks."""
    qualified: bool = False
    """True when a qualifier phrase precedes the figure."""
    number_start: int = -1
    """Where the figure itself starts, after its qualifier (``start`` when it has none)."""

    def __attrs_post_init__(self) -> None:
        if self.number_start < 0:
            object.__setattr__(self, "number_start", self.start)


@attrs.frozen
class NounPhrase:
    """The counted noun: the head word's offsets, or none when elided ("900 autres")."""

    start: int
    """Offset of the noun phrase (after the figure), in the window."""
    end: int
    """Offset just past the noun phrase."""
    head_start: int | None = None
    """Offset of the head noun, ``None`` when elided."""
    head_end: int | None = None
    """Offset just past the head noun."""
    head: str | None = None
    """The normalized head noun."""
    adjectives: tuple[str, ...] = ()
    """Normalized adjectives around the head (skipped in the unit)."""
    partitive: str = ""
    """``of``, ``group``, ``total``, ``among`` or ``adverb`` when the noun comes after "de", "des",
    "d'entre"."""
    total: Figure | None = None
    """The whole a part is taken from ("22 des 25 drones": 25)."""


@attrs.frozen
class RawQuantity:
    """One count found by the grammar, before context checks (offsets relative to the window)."""

    start: int
    """Offset of the count's first character, in the window."""
    end: int
    """Offset just past the count."""
    qualifier: Qualifier
    """How the count is stated."""
    value: int | None
    """The best single value."""
    low: int | None
    """Lower bound."""
    high: int | None
    """Upper bound."""
    noun: NounPhrase | None
    """The counted noun, ``None`` when elided."""
    rule: str
    """The grammar rule that read the count."""
    figure: Figure | None = None
    """The figure the count was built from."""
    role: CasualtyRole | None = None
    """A role the phrase itself states ("dont un grièvement", "personne n'a été tué")."""
    subset: bool = False
    """Introduced by "dont": a part of a count stated just before."""
    whole: bool = False
    """The whole a part or a zero is taken from ("aucun des 40 passagers"): it gets no casualty role."""


def _tok(children: list[Any]) -> list[Token]:
    return [c for c in children if isinstance(c, Token)]


def _span_of(children: list[Any]) -> tuple[int, int]:
    starts: list[int] = []
    ends: list[int] = []
    for c in children:
        if isinstance(c, Token):
            if c.start_pos is not None and c.end_pos is not None:
                starts.append(c.start_pos)
                ends.append(c.end_pos)
        elif isinstance(c, (Figure, NounPhrase, RawQuantity)):
            starts.append(c.start)
            ends.append(c.end)
        elif isinstance(c, tuple) and len(c) == 3 and isinstance(c[0], int):
            starts.append(c[0])
            ends.append(c[1])
    return min(starts), max(ends)


def _pos(offset: int | None) -> int:
    assert offset is not None, "lark tokens always carry their position"
    return offset


def _is_plural(word: str) -> bool:
    return word.split()[0].endswith(("s", "x"))


class QuantityTransformer(Transformer[Token, Any]):
    """Builds :class:`RawQuantity` values while the LALR parser reduces the rules."""

    # --- the start rule ----------------------------------------------------------------

    def quantity(self, children: list[Any]) -> list[RawQuantity] | None:
        """The match's quantities (the start rule), or ``None`` when the phrase is not a count."""
        if len(children) != 1:
            return None  # an alternative without a callback of its own: not a count
        value = children[0]
        if value is None:
            return None
        if isinstance(value, RawQuantity):
            return [value]
        if isinstance(value, list) and all(isinstance(v, RawQuantity) for v in value):
            return value
        return None

    def age(self, children: list[Any]) -> list[RawQuantity]:
        """A list of ages ("de 15 et 16 ans"): no count, but the figures are taken (an empty match)."""
        return []

    # --- figures -----------------------------------------------------------------------

    def n_words(self, children: list[Any]) -> Figure | None:
        """A number in words ("deux mille cinq cents")."""
        tok = children[0]
        try:
            value = words_value(str(tok))
        except KeyError:
            return None
        words = fold(str(tok))
        last = words.replace("-", " ").split()[-1]
        if last in ("million", "millions", "milliard", "milliards"):
            # "deux millions de réfugiés": the multiplier takes "de" before the noun
            return Figure(tok.start_pos, tok.end_pos, Qualifier.EXACT, value, value, value,
                          magnitude=multiplier_value(last), kind="multiplier", words=words)
        return Figure(tok.start_pos, tok.end_pos, Qualifier.EXACT, value, value, value, words=words)

    def n_digits(self, children: list[Any]) -> Figure:
        """A number in digits, thousands separators allowed ("2 500")."""
        tok = children[0]
        value = digits_value(str(tok))
        return Figure(tok.start_pos, tok.end_pos, Qualifier.EXACT, value, value, value, words=str(tok))

    def n_mult(self, children: list[Any]) -> Figure | None:
        """A number times million/milliard ("3 millions", "deux milliards")."""
        num, mult = children
        base = words_value(str(num)) if num.type == "NUMBER_WORDS" else digits_value(str(num))
        value = base * multiplier_value(str(mult))
        return Figure(num.start_pos, mult.end_pos, Qualifier.EXACT, value, value, value,
                      magnitude=multiplier_value(str(mult)), kind="multiplier", words=str(num))

    def n_decimal(self, children: list[Any]) -> Figure:
        """A decimal number times million/milliard ("1,5 million")."""
        num, mult = children
        value = decimal_value(str(num), multiplier_value(str(mult)))
        return Figure(num.start_pos, mult.end_pos, Qualifier.EXACT, value, value, value,
                      magnitude=multiplier_value(str(mult)), kind="multiplier", words=str(num))

    def n_approx(self, children: list[Any]) -> Figure | None:
        """An approximate noun: "une dizaine" (about 10), "dizaines" (vague, 20..99)."""
        approx = children[-1]
        noun = fold(str(approx))
        magnitude = _magnitude(noun)
        if magnitude is None:
            return None
        plural = _is_plural(noun)
        if len(children) == 2:
            count = words_value(str(children[0]))
            if (count == 1 and plural) or (count > 1 and not plural):
                return None
            value = count * magnitude
            return Figure(children[0].start_pos, approx.end_pos, Qualifier.ABOUT, value,
                          magnitude=magnitude, kind="approx", words=fold(str(children[0])))
        if plural:
            return _vague_magnitude(approx.start_pos, approx.end_pos, magnitude)
        # a singular approximate noun without article only follows "une petite", "une bonne"…
        return Figure(approx.start_pos, approx.end_pos, Qualifier.ABOUT, magnitude, magnitude=magnitude,
                      kind="approx", words=noun)

    # --- qualifiers and amounts ------------------------------------------------------------

    def at_least(self, children: list[Any]) -> tuple[int, int, Qualifier]:
        """ "au moins", "pas moins de" … """
        return (*_span_of(children), Qualifier.AT_LEAST)

    def more_than(self, children: list[Any]) -> tuple[int, int, Qualifier]:
        """ "plus de", "plus d'une" … """
        return (*_span_of(children), Qualifier.MORE_THAN)

    def at_most(self, children: list[Any]) -> tuple[int, int, Qualifier]:
        """ "au plus", "jusqu'à" … """
        return (*_span_of(children), Qualifier.AT_MOST)

    def less_than(self, children: list[Any]) -> tuple[int, int, Qualifier]:
        """ "moins de" … """
        return (*_span_of(children), Qualifier.LESS_THAN)

    def about(self, children: list[Any]) -> tuple[int, int, Qualifier]:
        """ "environ", "près de", "quelque" … """
        return (*_span_of(children), Qualifier.ABOUT)

    def exact(self, children: list[Any]) -> tuple[int, int, Qualifier]:
        """ "exactement", "seulement" … """
        return (*_span_of(children), Qualifier.EXACT)

    def qualified(self, children: list[Any]) -> Figure | None:
        """A figure with its optional qualifier; bounds follow docs/policy/quantities.md."""
        figure: Figure | None = children[-1]
        if figure is None:
            return None
        if len(children) == 1:
            return figure
        start, _, qualifier = children[0]
        if figure.value is None:  # "plus de dizaines"? not a construction
            return None
        low, high = bounds(qualifier, figure.value)
        return attrs.evolve(figure, start=start, qualifier=qualifier, low=low, high=high, qualified=True)

    def range(self, children: list[Any]) -> Figure | None:
        """ "entre 10 et 15", "10 à 15", "deux ou trois", "10-15": the lower figure, at least."""
        figures = [c for c in children if isinstance(c, Figure)]
        if len(figures) != 2 or any(f is None or f.value is None for f in figures):
            return None
        lo, hi = figures
        assert lo.value is not None and hi.value is not None
        if not lo.value < hi.value:
            return None
        start, end = _span_of(children)
        return Figure(start, end, Qualifier.AT_LEAST, lo.value, lo.value, hi.value, kind="range",
                      magnitude=lo.magnitude, words=f"{lo.words} {hi.words}", qualified=True)

    # --- nouns -----------------------------------------------------------------------------

    def noun_head(self, children: list[Any]) -> tuple[int, int, str]:
        """The head noun's offsets and normalized text."""
        tok = children[0]
        return (tok.start_pos, tok.end_pos, fold(str(tok)))

    def adjectives(self, children: list[Any]) -> tuple[int, int, tuple[str, ...]]:
        """Prenominal adjectives ("autres", "nouveaux")."""
        toks = _tok(children)
        start, end = _span_of(toks)
        return (start, end, tuple(fold(str(t)) for t in toks))

    def quote_rest(self, children: list[Any]) -> tuple[int, int, None]:
        """The rest of a quoted noun phrase, up to the closing quote."""
        return (*_span_of(children), None)

    def noun(self, children: list[Any]) -> NounPhrase | None:
        """A noun, with its prenominal adjectives.

        The head token comes straight from the grammar, not through ``noun_head``: one
        parser reduction fewer for the commonest noun group.
        """
        tok = children[-1]
        head = fold(str(tok))
        if head in _FUNCTION_WORDS or _ORDINAL.match(head):
            return None  # "900 en Syrie", "un quatrième": no counted noun here
        adjs: tuple[str, ...] = children[0][2] if len(children) == 2 else ()
        start = children[0][0] if len(children) == 2 else tok.start_pos
        return NounPhrase(start, tok.end_pos, tok.start_pos, tok.end_pos, head, adjs)

    def elided(self, children: list[Any]) -> NounPhrase | None:
        """Adjectives standing for an elided noun ("900 autres")."""
        start, end, adjs = children[0]
        if adjs[-1] not in _ELIDING:
            return None
        return NounPhrase(start, end, adjectives=adjs)

    def quoted(self, children: list[Any]) -> NounPhrase | None:
        """A noun in quotes: deux « drones suicides »."""
        quote = children[0]
        head = next(c for c in children if isinstance(c, tuple) and isinstance(c[2], str))
        if head[2] in _FUNCTION_WORDS:
            return None
        adjs: tuple[str, ...] = next(
            (c[2] for c in children if isinstance(c, tuple) and isinstance(c[2], tuple)), ()
        )
        end = max(head[1], *(c[1] for c in children if isinstance(c, tuple)))
        return NounPhrase(quote.start_pos, end, head[0], head[1], head[2], adjs)

    # --- tails -------------------------------------------------------------------------------

    def of_noun(self, children: list[Any]) -> NounPhrase | None:
        """ "de" + noun, after an approximate noun or a multiplier ("une dizaine de soldats")."""
        noun: NounPhrase | None = children[-1]
        if noun is None:
            return None
        start, _ = _span_of(children)
        return attrs.evolve(noun, start=start, partitive="of")

    def of_group(self, children: list[Any]) -> NounPhrase | None:
        """ "un de ses membres", "deux des assaillants"."""
        noun: NounPhrase | None = children[-1]
        if noun is None or noun.head is None:
            return None
        start, _ = _span_of(children)
        return attrs.evolve(noun, start=start, partitive="group")

    def of_total(self, children: list[Any]) -> NounPhrase | None:
        """ "22 des 25 drones": a part of a whole that is counted too."""
        total: Figure | None = children[1]
        noun: NounPhrase | None = children[2]
        if total is None or noun is None or noun.head is None or total.value is None:
            return None
        start, _ = _span_of(children)
        return attrs.evolve(noun, start=start, partitive="total", total=total)

    def among(self, children: list[Any]) -> NounPhrase:
        """ "trois d'entre eux": elided noun."""
        start, end = _span_of(children)
        return NounPhrase(start, end, partitive="among")

    def adverb(self, children: list[Any]) -> NounPhrase:
        """ "dont un grièvement": the adverb stands for "blessé"."""
        tok = children[0]
        return NounPhrase(tok.start_pos, tok.end_pos, partitive="adverb", head=fold(str(tok)))

    def tail(self, children: list[Any]) -> NounPhrase | None:
        """Fallback for a tail alternative without alias."""
        noun: NounPhrase | None = children[0]
        return noun

    # --- counted -----------------------------------------------------------------------------

    def counted(self, children: list[Any]) -> RawQuantity | list[RawQuantity] | None:
        """A figure and its counted noun."""
        figure: Figure | None = children[0]
        if figure is None:
            return None
        noun: NounPhrase | None = children[1] if len(children) == 2 else None
        if len(children) == 2 and noun is None:
            return None
        if noun is not None and noun.partitive == "of" and figure.magnitude is None:
            return None  # "trois de soldats" is not French; the figure stands alone
        if noun is not None and noun.head is not None and noun.partitive != "adverb" and (
            noun.head in _APPROX_VALUES
        ):
            return None
        role = None
        if noun is not None and noun.partitive == "adverb":
            role = CasualtyRole.KILLED if noun.head == "mortellement" else CasualtyRole.INJURED
            noun = attrs.evolve(noun, head=None)
        end = noun.end if noun is not None else figure.end
        rule = _RULE_OF_KIND.get(figure.kind, "count")
        if noun is not None and noun.total is not None:
            # "22 des 25 drones": the part (span of its figure) and the whole, both of drones
            total = noun.total
            part_noun = attrs.evolve(noun, start=figure.end, end=figure.end, partitive="", total=None)
            whole_noun = attrs.evolve(noun, start=total.end, partitive="", total=None)
            return [
                RawQuantity(figure.start, figure.end, figure.qualifier, figure.value, figure.low, figure.high,
                            part_noun, rule, figure, role),
                RawQuantity(total.start, end, total.qualifier, total.value, total.low, total.high, whole_noun,
                            "count", total, whole=True),
            ]
        return RawQuantity(figure.start, end, figure.qualifier, figure.value, figure.low, figure.high, noun,
                           rule, figure, role)

    def subset(self, children: list[Any]) -> RawQuantity | list[RawQuantity] | None:
        """ "dont un grièvement": the part of a count; the span starts after "dont"."""
        inner: RawQuantity | list[RawQuantity] | None = children[-1]
        if inner is None:
            return None
        if isinstance(inner, list):
            return [attrs.evolve(inner[0], subset=True), *inner[1:]]
        return attrs.evolve(inner, subset=True)

    # --- vague and unknown ---------------------------------------------------------------------

    def vague_noun(self, children: list[Any]) -> RawQuantity | None:
        """ "plusieurs soldats", "de nombreux civils"."""
        det = children[0]
        noun = children[-1]
        if noun is None or noun.head is None:
            return None
        return RawQuantity(det.start_pos, noun.end, Qualifier.VAGUE, None, *vague_bounds(fold(str(det))),
                           noun, "vague")

    def vague_approx(self, children: list[Any]) -> RawQuantity | None:
        """ "des dizaines de soldats", "plusieurs centaines", "des millions de personnes"."""
        det = children[0]
        magnitude_tok = children[1]
        noun = children[-1] if isinstance(children[-1], NounPhrase) or children[-1] is None else None
        if len(children) > 2 and noun is None:
            return None
        word = fold(str(magnitude_tok))
        magnitude = _magnitude(word) if magnitude_tok.type == "APPROX" else multiplier_value(word)
        if magnitude is None or not _is_plural(word):
            return None
        fig = _vague_magnitude(det.start_pos, magnitude_tok.end_pos, magnitude)
        end = noun.end if noun is not None else magnitude_tok.end_pos
        return RawQuantity(det.start_pos, end, Qualifier.VAGUE, None, fig.low, fig.high, noun, "vague", fig)

    def unknown_noun(self, children: list[Any]) -> RawQuantity | None:
        """ "un nombre inconnu de morts"."""
        det = children[0]
        noun = children[-1]
        if noun is None or noun.head is None:
            return None
        return RawQuantity(det.start_pos, noun.end, Qualifier.UNKNOWN, None, None, None, noun, "unknown")

    # --- zero ----------------------------------------------------------------------------------

    def none_of(self, children: list[Any]) -> RawQuantity | None:
        """ "aucune victime", "aucun blessé" (which nouns count is checked by the extractor)."""
        det = children[0]
        noun = children[-1]
        if noun is None or noun.head is None:
            return None
        return RawQuantity(det.start_pos, noun.end, Qualifier.EXACT, 0, 0, 0, noun, "zero")

    def none_of_total(self, children: list[Any]) -> list[RawQuantity] | None:
        """ "aucun des 40 passagers": none of them (0), and the whole they belong to (40)."""
        det, _, total, noun = children
        if total is None or noun is None or noun.head is None or total.value is None:
            return None
        return [
            RawQuantity(det.start_pos, noun.end, Qualifier.EXACT, 0, 0, 0, noun, "zero"),
            RawQuantity(total.start, noun.end, total.qualifier, total.value, total.low, total.high, noun, "count",
                        total, whole=True),
        ]

    def without(self, children: list[Any]) -> RawQuantity | None:
        """ "sans faire de victimes"."""
        verb = children[1]
        noun = children[-1]
        if fold(str(verb)) not in _ZERO_VERBS or noun is None or noun.head not in _CASUALTY_NOUNS_SINGULAR_OR_PLURAL:
            return None
        return RawQuantity(children[0].start_pos, noun.end, Qualifier.EXACT, 0, 0, 0, noun, "zero")

    def neither(self, children: list[Any]) -> list[RawQuantity] | None:
        """ "ni mort ni blessé": one zero count per noun, each from its "ni"."""
        if children[0].type == "SANS" and fold(str(children[1])) not in _ZERO_VERBS:
            return None
        out: list[RawQuantity] = []
        ni: Token | None = None
        for child in children:
            if isinstance(child, Token):
                ni = child if child.type == "NI" else ni
                continue
            start, end, head = child
            if head not in _CASUALTY_NOUNS_SINGULAR_OR_PLURAL or ni is None:
                continue  # "ni victimes ni dégâts": damage is not a count
            noun = NounPhrase(start, end, start, end, head)
            out.append(RawQuantity(_pos(ni.start_pos), end, Qualifier.EXACT, 0, 0, 0, noun, "zero"))
        return out or None

    def no_noun(self, children: list[Any]) -> RawQuantity | None:
        """ "pas de victimes", "pas eu de blessés"."""
        noun = children[-1]
        if noun is None or noun.head not in _CASUALTY_NOUNS_SINGULAR_OR_PLURAL:
            return None
        if len(children) == 4 and fold(str(children[1])) not in ("eu", "fait", "faire", "causé", "cause"):
            return None
        return RawQuantity(children[0].start_pos, noun.end, Qualifier.EXACT, 0, 0, 0, noun, "zero")

    def nobody(self, children: list[Any]) -> RawQuantity | None:
        """ "personne n'a été blessé": zero people, with the role of the participle."""
        who = children[0]
        last = children[-1]
        role = lexicon_role(fold(str(last)))
        if role is None:
            return None
        noun = NounPhrase(who.start_pos, who.end_pos, who.start_pos, who.end_pos, "personne")
        return RawQuantity(who.start_pos, last.end_pos, Qualifier.EXACT, 0, 0, 0, noun, "zero", role=role)

    def verb_word(self, children: list[Any]) -> Token:
        """One word of the verb group after "personne n'"."""
        return children[0]  # type: ignore[no-any-return]

    def de(self, children: list[Any]) -> Token:
        """ "de", "d'", "du"."""
        return children[0]  # type: ignore[no-any-return]


_CASUALTY_NOUNS_SINGULAR_OR_PLURAL = _CASUALTY_NOUNS | {w + "s" for w in _CASUALTY_NOUNS} | {"deces"}
_PARTICIPLE_ROLES = {fold(k): v for k, v in lexicon.CASUALTY_PARTICIPLES.items()}


def lexicon_role(word: str) -> CasualtyRole | None:
    """The casualty role a participle states ("blessés" → injured), if any."""
    return _PARTICIPLE_ROLES.get(word)


def _magnitude(word: str) -> int | None:
    singular = " ".join([word.split()[0].rstrip("sx"), *word.split()[1:]]) if _is_plural(word) else word
    return _APPROX_VALUES.get(singular)


def _vague_magnitude(start: int, end: int, magnitude: int) -> Figure:
    """ "des dizaines": no figure; at least two of the magnitude, fewer than the next one."""
    return Figure(start, end, Qualifier.VAGUE, None, 2 * magnitude, 10 * _order(magnitude) - 1,
                  magnitude=magnitude, kind="vague")


def _order(magnitude: int) -> int:
    order = 1
    while order * 10 <= magnitude:
        order *= 10
    return order


def bounds(qualifier: Qualifier, value: int) -> tuple[int | None, int | None]:
    """Low and high bounds that a qualified figure states (docs/policy/quantities.md)."""
    if qualifier is Qualifier.EXACT:
        return value, value
    if qualifier is Qualifier.AT_LEAST:
        return value, None
    if qualifier is Qualifier.MORE_THAN:
        return value + 1, None
    if qualifier is Qualifier.AT_MOST:
        return None, value
    if qualifier is Qualifier.LESS_THAN:
        return None, max(value - 1, 0)
    return None, None


def vague_bounds(determiner: str) -> tuple[int | None, int | None]:
    """Bounds of a vague determiner: "plusieurs", "quelques" say at least two, no more."""
    return 2, None
