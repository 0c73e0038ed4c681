"""Finding incident triggers with the events grammar and reading them with the trigger lexicon.

The grammar (``grammars/events.lark``) only says *where* a trigger is and how it
is built (a noun with its modifiers, auxiliaries and a participle…). This module
decides what it means: which lemma, which reading of an ambiguous form ("frappe"
is a noun, a participle and a present), which action, which weapons and which
side its modifiers imply, and whether it is passive, conditional, negated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs
from lark import Token, Transformer

from .. import engine
from ..extensions import Extensions
from ..normalize import fold
from ..ontology import Action, WeaponCategory
from .lexicon import load_data

__all__ = ["FUNCTION_WORDS", "FormInfo", "Mention", "RawTrigger", "TriggerFinder", "TriggerLexicon"]

FUNCTION_WORDS: frozenset[str] = frozenset(load_data("triggers")["function_words"])
"""Words after which an ambiguous trigger form ("attaque", "frappe") is read as a noun."""

T = TypeVar("T")


def frozen(items: Iterable[T]) -> frozenset[T]:
    """An immutable set of *items*; every empty one is the same object.

    A document holds several of these per trigger mention, mostly empty or one of a
    few small sets (weapon categories, sides), and any set costs 216 bytes: sharing
    them keeps a 10 MB document's peak memory down.
    """
    found = frozenset(items)
    if not found:
        return _EMPTY
    if len(found) > 4:
        return found
    # keyed with the element types too: a str enum member equals its string, but is not it
    key = (found, frozenset(map(type, found)))
    shared: frozenset[T] | None = _SHARED.get(key)
    if shared is None:
        if len(_SHARED) >= 4096:  # bounded: day values vary from text to text
            _SHARED.clear()
        shared = _SHARED[key] = found
    return shared


_EMPTY: frozenset[Any] = frozenset()
_SHARED: dict[tuple[frozenset[Any], frozenset[type]], frozenset[Any]] = {}
_CONDITIONAL_AUX = frozenset({"aurait", "auraient", "serait", "seraient"})
_FUTURE_AUX = frozenset({"aura", "auront", "sera", "seront"})
_HYPOTHETICAL_AUX = frozenset({"soit", "soient"})
_ETRE_AUX = frozenset({"est", "sont", "etait", "etaient", "serait", "seraient", "sera", "seront", "soit", "soient",
                       "sommes"})
# Verbs conjugated with "etre" in the active voice ("sont tombes"): no passive reading.
_SPACES = re.compile(r"\s+")
_ACCENTED_PARTICIPLE = re.compile(r"ée?s?$")
_SUCCEEDED = frozenset({"reussi a", "parvenu a", "parvenus a", "parvenue a", "parvenues a"})
"""What the grammar's SUCCEED reads: an infinitive follows ("ont réussi à détruire")."""
_INTRANSITIVE = frozenset({"tomber", "atterrir", "s'abattre", "exploser", "sauter"})


@attrs.frozen
class FormInfo:
    """One reading of a trigger form: which lemma, which part of speech."""

    lemma: str
    """The lemma (normalized)."""
    pos: str
    """``noun``, ``participle``, ``present`` or ``gerund``."""
    plural: bool
    """Whether the form is plural."""
    entry: Mapping[str, Any] = attrs.field(eq=False, repr=False)
    """The lexicon entry of the lemma."""


@attrs.frozen
class RawTrigger:
    """What the grammar found: the construction, its head word and its modifiers."""

    rule: str
    """The construction: ``nominal``, ``verbal``, ``target_passive``, ``taken_as_target``, ``undergone``."""
    head: str
    """The head word or fixed phrase, normalized."""
    head_start: int
    """Offset of the head word, relative to the match start."""
    head_end: int
    """End of the head, relative to the match start."""
    aux: tuple[str, ...] = ()
    """The auxiliaries before a participle."""
    negated: bool = False
    """Whether the verb group is negated."""
    modifiers: tuple[str, ...] = ()
    """Modifier phrases after a trigger noun, normalized."""


@attrs.define
class Mention:
    """One trigger mention, read: its span in the normalized text and what it says.

    ``role`` drives the incident building: ``event`` mentions may found an incident;
    ``impact`` ones too when a weapon is in their clause; ``casualty``, ``anaphor``
    and ``weak`` ones only attach to an incident.
    """

    start: int
    """Start in the normalized text."""
    end: int
    """End in the normalized text."""
    rule: str
    """The grammar construction."""
    head: str
    """The head word, normalized."""
    lemma: str
    """Its lemma."""
    pos: str
    """Its reading: ``noun``, ``participle``, ``present`` or ``gerund``."""
    plural: bool
    """Whether the head is plural."""
    action: Action
    """What was done, from the lexicon."""
    role: str
    """``event``, ``impact``, ``casualty``, ``anaphor`` or ``weak``."""
    implied_weapons: frozenset[WeaponCategory] = frozenset()
    """Weapons the trigger itself implies ("frappe aérienne" → aircraft)."""
    sides: frozenset[str] = frozenset()
    """Sides its modifiers name ("frappe américaine" → us)."""
    suicide: bool = False
    """A suicide attack ("attentat-suicide", "s'est fait exploser")."""
    grenade: bool = False
    """A grenade attack."""
    targeted_killing: bool = False
    """A targeted killing ("assassinat"): an attack on a person, whatever the victim's side."""
    passive: bool = False
    """Whether the verb is passive (its subject is the target)."""
    negated: bool = False
    """Whether the verb group is negated."""
    conditional: bool = False
    """A conditional of reported speech ("aurait frappé")."""
    future: bool = False
    """A future tense."""
    hypothetical: bool = False
    """A subjunctive of purpose or hypothesis ("ne soit tué")."""
    aux: tuple[str, ...] = ()
    """The auxiliaries, normalized."""
    subject_is_target: bool = False
    """The subject undergoes the incident though the verb is active ("est tombé dans une embuscade")."""
    present_passive: bool = False
    """A passive in the present tense ("est visée", "sont la cible"): habitual outside a headline."""
    after_en: bool = False
    """A gerund after "en" ("en tirant"): the manner of the main verb."""
    interception_if_projectile: bool = False
    """Shot down or destroyed: an interception when a projectile is what is hit."""
    without_projectile: Mapping[str, str] | None = None
    """Action and role when no projectile is hit ("abattu" a person is a killing)."""
    sentence: int = 0
    """Index of its sentence."""
    clause: int = 0
    """Index of its clause within the sentence."""
    title: bool = False
    """Whether it stands in the headline."""
    heading: bool = False
    """Whether it stands in a heading of the body."""
    generic: str | None = None
    """Why the mention is not an incident (aggregate, future…), or ``None``."""
    since: bool = False
    """A trigger noun after "depuis" ("depuis l'assassinat de son chef"): the start of a period, an earlier
    incident than the one its sentence tells."""
    taken_up_weapons: frozenset[WeaponCategory] = frozenset()
    """A bare strike noun's weapons, those of the strike noun with a modifier told before it ("des frappes
    aériennes …" then "Quatre autres frappes …" → aircraft): they count when its clause names no weapon."""


class TriggerLexicon:
    """The trigger lexicon: every form of every trigger, and the modifiers after trigger nouns."""

    def __init__(self, data: Mapping[str, Any], extra_verbs: Iterable[Mapping[str, Any]] = (),
                 extra_nouns: Iterable[Mapping[str, Any]] = (),
                 extra_modifiers: Iterable[Mapping[str, Any]] = ()) -> None:
        self.forms: dict[str, list[FormInfo]] = {}
        """Every trigger form → its readings."""
        for verb in [*data["verbs"], *extra_verbs]:
            self._add_verb(verb)
        for noun in [*data["nouns"], *extra_nouns]:
            lemma = fold(noun["lemma"])
            if not noun.get("plural_only"):
                self._add(lemma, FormInfo(lemma, "noun", False, noun))
            self._add(fold(noun.get("plural", lemma + "s")), FormInfo(lemma, "noun", True, noun))
        self.phrases: dict[str, Mapping[str, Any]] = {
            _squash(fold(entry["phrase"])): entry for entry in data.get("verbal_phrases", [])
        }
        """Fixed verbal phrases after auxiliaries ("ouvert le feu", "fait exploser"), by normalized phrase."""
        self.modifiers: dict[str, Mapping[str, Any]] = {}
        """Modifier phrase → what it implies (weapons, side, flags)."""
        for mod in [*data["modifiers"], *extra_modifiers]:
            for phrase in mod["phrases"]:
                self.modifiers[_squash(fold(phrase))] = mod

    def _add(self, form: str, info: FormInfo) -> None:
        self.forms.setdefault(form, []).append(info)

    def _add_verb(self, verb: Mapping[str, Any]) -> None:
        lemma = fold(verb["lemma"])
        forms: Mapping[str, list[str]] = verb.get("forms", {})
        stem = lemma[:-2]
        participles = forms.get("participle") or [stem + "e", stem + "ee", stem + "es", stem + "ees"]
        presents = forms.get("present") or [stem + "e", stem + "ent"]
        gerunds = forms.get("gerund") or [stem + "ant"]
        for p in participles:
            self._add(fold(p), FormInfo(lemma, "participle", p.endswith("s"), verb))
        # the infinitive, read only after "réussi à" ("ont réussi à détruire"); "s'abattre" is "abattre" there
        infinitive = lemma[2:] if lemma.startswith("s'") else lemma
        if " " not in infinitive and not verb.get("no_infinitive"):
            self._add(infinitive, FormInfo(lemma, "infinitive", False, verb))
        if not verb.get("no_present"):
            for p in presents:
                self._add(fold(p), FormInfo(lemma, "present", p.endswith("nt"), verb))
        if not verb.get("no_gerund"):
            for g in gerunds:
                self._add(fold(g), FormInfo(lemma, "gerund", False, verb))

    def all_forms(self) -> list[str]:
        """Every trigger form (for the grammar's ``TW`` terminal and the anchors)."""
        return sorted(self.forms)

    def reading(self, form: str, wanted: tuple[str, ...]) -> FormInfo | None:
        """The first reading of *form* whose part of speech is in *wanted*, in that order."""
        infos = self.forms.get(_squash(form), [])
        for pos in wanted:
            for info in infos:
                if info.pos == pos:
                    return info
        return None


def _squash(s: str) -> str:
    return _SPACES.sub(" ", s.strip())


class TriggerTransformer(Transformer[Token, Any]):
    """Builds a :class:`RawTrigger` for each construction of the events grammar."""

    def start(self, children: list[Any]) -> Any:
        return children[0]

    def nominal_tail(self, children: list[Any]) -> str:
        return _squash(str(children[-1]))

    def neg(self, children: list[Any]) -> str:
        return "neg"

    def aux_chain(self, children: list[Any]) -> tuple[tuple[str, ...], bool]:
        # "les a abattus": the auxiliary without its object pronoun; "ont réussi à": SUCCEED, kept as said
        aux = tuple(str(c).split("'")[-1].split(" ")[-1] if c.type == "CLITIC_AUX" else _squash(str(c))
                    for c in children if isinstance(c, Token) and c.type in ("AUX", "CLITIC_AUX", "SUCCEED"))
        negated = any(c == "neg" or (isinstance(c, Token) and c.type == "NEGW") for c in children)
        return aux, negated

    @staticmethod
    def _head(children: list[Any]) -> Token:
        return next(c for c in children if isinstance(c, Token) and c.type in ("TW", "VP"))

    def _raw(self, rule: str, children: list[Any]) -> RawTrigger:
        head = self._head(children)
        chain = next((c for c in children if isinstance(c, tuple)), ((), False))
        mods = tuple(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        assert head.start_pos is not None and head.end_pos is not None
        return RawTrigger(rule, _squash(str(head)), head.start_pos, head.end_pos, chain[0], chain[1], mods)

    def nominal(self, children: list[Any]) -> RawTrigger:
        return self._raw("nominal", children)

    def verbal(self, children: list[Any]) -> RawTrigger:
        return self._raw("verbal", children)

    def undergone(self, children: list[Any]) -> RawTrigger:
        return self._raw("undergone", children)

    def target_passive(self, children: list[Any]) -> RawTrigger | None:
        raw = self._raw("target_passive", children)
        return raw if raw.head == "cible" else None

    def taken_as_target(self, children: list[Any]) -> RawTrigger | None:
        raw = self._raw("taken_as_target", children)
        return raw if raw.head == "cible" else None


class TriggerFinder:
    """Finds the trigger mentions of a normalized text (grammar compiled once per instance)."""

    def __init__(self, extensions: Extensions) -> None:
        data = load_data("triggers")
        # plugin entries: records {"name", "aliases", "action"} in "triggers" are nouns (aliases: other
        # forms); plain phrases in "trigger_forms" are attack nouns, in "trigger_modifiers" neutral modifiers
        extra_nouns: list[Mapping[str, Any]] = []
        for entry in extensions.lexicon("triggers", []):
            forms = [entry["name"], *([entry["aliases"]] if isinstance(entry.get("aliases"), str) else entry.get("aliases", []))]
            for form in forms:
                extra_nouns.append({"lemma": form, "plural": form, "action": entry.get("action", "attack"),
                                    "role": entry.get("role", "event")})
        for phrase in extensions.lexicon("trigger_forms", []):
            extra_nouns.append({"lemma": phrase, "plural": phrase, "action": "attack", "role": "event"})
        extra_mods = [{"phrases": [p]} for p in extensions.lexicon("trigger_modifiers", [])]
        self.lexicon = TriggerLexicon(data, extra_nouns=extra_nouns, extra_modifiers=extra_mods)
        """The trigger lexicon, with the plugins' entries."""
        callbacks = dict(extensions.callbacks_for("events"))
        transformer_cls = type("EventsTransformer", (TriggerTransformer,), callbacks) if callbacks else TriggerTransformer
        source = extensions.grammar_for("events", engine.grammar_source("events"))
        forms = self.lexicon.all_forms()
        lark = engine.compile_for_matching(
            source,
            transformer=transformer_cls(),
            lexicons={"trigger_forms": forms, "trigger_modifiers": list(self.lexicon.modifiers),
                      "trigger_phrases": list(self.lexicon.phrases)},
        )
        # keywords of plugin fragments anchor matches too ("%extend trigger: … "rezzou"")
        keywords = [k for fragment in extensions.grammar.get("events", ()) for k in re.findall(r'"([^"\\]+)"', fragment)
                    if re.search(r"[^\W\d_]", k)]
        anchors = engine.words_regex([*forms, *self.lexicon.phrases, *keywords])
        self.matcher = engine.GrammarMatcher(lark, anchors, lookback=7, window=160)
        """The compiled grammar and its anchors."""

    def raw_triggers(self, text: str) -> Iterator[tuple[int, int, RawTrigger]]:
        """Every grammar match as ``(start, end, raw trigger)`` in the normalized text."""
        for m in self.matcher.finditer(text):
            if isinstance(m.value, RawTrigger):
                yield m.start, m.end, m.value

    def read(self, start: int, end: int, raw: RawTrigger, *, title: bool, previous_word: str = "",
             original_head: str = "") -> Mention | None:
        """The mention a raw trigger states, or ``None`` when its form cannot be read there.

        Args:
            start: start of the match in the normalized text.
            end: end of the match.
            raw: what the grammar found.
            title: whether the mention stands in the headline (present tenses are read there).
            previous_word: the normalized word before the match; after a noun, an ambiguous form is a
                participle or a verb ("un cargo attaqué", "Israël frappe"), after a determiner a noun.
            original_head: the head word as written, whose accent tells "attaqué" from "attaque".
        """
        if raw.rule == "nominal":
            after_noun = bool(previous_word) and previous_word not in FUNCTION_WORDS
            accented = _ACCENTED_PARTICIPLE.search(original_head.lower()) if original_head else None
            if accented:  # "attaqué", "frappées": the accent says participle
                order: tuple[str, ...] = ("participle", "gerund", "noun")
            elif after_noun:
                order = ("present", "participle", "gerund", "noun") if title else ("participle", "gerund", "noun")
            else:
                order = ("noun", "gerund", "present", "participle") if title else ("noun", "gerund", "participle")
            info = self.lexicon.reading(raw.head, order)
            if info is None:
                return None
            # a present tense outside a headline is habitual or generic ("des groupes qui ciblent")
            if info.pos == "present" and not info.entry.get("title_present"):
                return None
        elif raw.rule in ("target_passive", "taken_as_target"):
            info = FormInfo("cibler", "participle", False, {"action": "attack", "role": "event"})
        elif raw.head in self.lexicon.phrases:
            phrase = self.lexicon.phrases[raw.head]
            info = FormInfo(str(phrase["lemma"]), "participle", False, phrase)
        else:
            succeeded = any(a in _SUCCEEDED for a in raw.aux)  # "ont réussi à détruire": the infinitive
            wanted = ("participle", "noun") if raw.rule == "undergone" else (
                ("infinitive",) if succeeded else ("participle",))
            info = self.lexicon.reading(raw.head, wanted)
            if info is None:
                return None
        entry = info.entry
        role = str(entry.get("role", "event"))
        if info.pos in ("gerund", "participle") and raw.rule == "nominal":
            role = "weak"  # "ciblant les troupes", "les sites cibles": only within their sentence
        weapons: set[WeaponCategory] = set()
        sides: set[str] = set()
        suicide = grenade = False
        for mod in raw.modifiers:
            spec = self.lexicon.modifiers.get(mod, {})
            weapons.update(WeaponCategory(w) for w in spec.get("weapons", ()))
            if spec.get("side"):
                sides.add(str(spec["side"]))
            suicide = suicide or bool(spec.get("suicide"))
            grenade = grenade or bool(spec.get("grenade"))
        aux = set(raw.aux)
        fixed_phrase = raw.head in self.lexicon.phrases  # "est tombé dans une embuscade" is active
        passive = raw.rule in ("target_passive", "undergone") or (
            raw.rule == "verbal" and ("ete" in aux or (bool(aux & _ETRE_AUX) and info.lemma not in _INTRANSITIVE
                                                       and not fixed_phrase))
        )
        return Mention(
            start=start,
            end=end,
            rule=raw.rule,
            head=raw.head,
            lemma=info.lemma,
            pos=info.pos if raw.rule == "nominal" else ("noun" if info.pos == "noun" else "participle"),
            plural=info.plural,
            action=Action(entry.get("action", "attack")),
            role=role if not raw.negated else "weak",
            implied_weapons=frozen(weapons),
            sides=frozen(sides),
            # "s'est fait exploser": the attacker blew himself up
            suicide=suicide or entry.get("action") == "suicide_attack"
            or (info.lemma == "faire exploser" and bool(aux & _ETRE_AUX)),
            grenade=grenade,
            targeted_killing=bool(entry.get("targeted_killing")),
            passive=passive,
            negated=raw.negated,
            conditional=bool(aux & _CONDITIONAL_AUX),
            future=bool(aux & _FUTURE_AUX),
            hypothetical=bool(aux & _HYPOTHETICAL_AUX),
            aux=raw.aux,
            subject_is_target=entry.get("subject") == "target",
            present_passive=passive and bool(raw.aux) and set(raw.aux) <= {"est", "sont"}
            and info.lemma not in _INTRANSITIVE,
            interception_if_projectile=bool(entry.get("interception")),
            without_projectile=entry.get("without_projectile"),
            title=title,
        )
