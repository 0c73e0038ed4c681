"""Not-events: generic, aggregated, habitual, future, hypothetical and background mentions.

A trigger names an incident only when it refers to one specific, past or
ongoing occurrence. "plus de 60 attaques depuis le 17 octobre", "une série
d'attaques", "des frappes iraniennes potentielles", "répondre à toute attaque",
"lancer des attaques", "ces types d'attaques", "l'invasion de 2003" do not. Each
test returns the reason (kept on the mention, for explanations and for the
typed list of non-event mentions) or ``None``.
"""

from __future__ import annotations

import re

from .cues import Cues
from .triggers import Mention

__all__ = ["generic_reason"]

_WINDOW = 48
_FRAME_WINDOW = 120
"""How far before a plural trigger noun a period that frames it is looked for (within its sentence)."""

# "ont ete attaquees plus de 60 fois": counts repeated occurrences, after nouns and verbs alike.
_TIMES = re.compile(r"^\s*(?:\w+\s+){0,2}(?:plus de |pres de |au moins |environ )?\d+ fois\b")


def _one_day(text: str, mention: Mention, sentence_start: int, sentence_end: int, cues: Cues) -> bool:
    """Whether the words around a counted trigger put it on one day, not over a period."""
    around = text[max(sentence_start, mention.start - 80) : min(sentence_end, mention.end + 80)]
    if cues.period.search(around):
        return False
    # "L'armée a annoncé mercredi une série d'opérations": the day of a statement does not put them on one day
    return any(not cues.reporting_before.search(around, max(0, day.start() - 30), day.start()) for day in cues.one_day.finditer(around))


def _has_frame(text: str, start: int, end: int, cues: Cues) -> bool:
    """Whether a period frame ("ces derniers mois") stands in ``text[start:end]`` (a search only when one of
    the frames' words is there: most windows have none)."""
    return any(text.find(word, start, end) >= 0 for word in cues.period_frame_words) and bool(
        cues.period_frame.search(text, start, end))


def generic_reason(mention: Mention, text: str, sentence_start: int, sentence_end: int, cues: Cues) -> str | None:
    """Why *mention* does not name one specific incident, or ``None`` if it may.

    Args:
        mention: the trigger mention.
        text: the normalized text.
        sentence_start: start of the mention's sentence (context does not cross it).
        sentence_end: end of the mention's sentence.
        cues: the cue words (``data/cues.json`` and the plugins').
    """
    if mention.future:
        return "future"
    if mention.hypothetical:
        return "hypothetical"
    left = text[max(sentence_start, mention.start - _WINDOW) : mention.start]
    right = text[mention.end : min(sentence_end, mention.end + _WINDOW)]
    head_only_noun = mention.rule == "nominal" and mention.pos == "noun"
    if (head_only_noun or mention.rule == "undergone") and cues.any_left_rule.search(left):
        for reason, rule in cues.left_rules:
            if rule.search(left):
                if reason == "aggregate" and _one_day(text, mention, sentence_start, sentence_end, cues):
                    continue  # "des dizaines de frappes … dans la nuit de jeudi à vendredi": one raid
                if reason == "aggregate" and cues.small_count_before.search(left):
                    continue  # "au moins deux frappes ont visé Buhais": the munitions of one incident
                return reason
    if _TIMES.match(right):  # anchored at the start ("^"): a match is a search
        return "aggregate"
    if head_only_noun:
        for reason, rule in cues.right_rules:
            if rule.match(right):
                return reason
    sentence = text[max(sentence_start, mention.start - 200) : min(sentence_end, mention.end + 200)]
    habit = None if head_only_noun else cues.habitual.search(text, mention.end, min(sentence_end, mention.end + 60))
    # "touchée par de multiples missiles": the munitions of one attack, not a habit
    if habit is not None and habit.group().rsplit(maxsplit=1)[-1] not in cues.munition_nouns:
        return "habitual"
    if mention.rule == "verbal" and cues.since_period.search(text, mention.end, min(sentence_end, mention.end + 60)):
        return "aggregate"  # "plus de 2 000 roquettes ont été tirées sur le pays depuis lundi": a period's sum
    # "De manière générale, ces derniers mois, des tirs de roquettes ont visé …", "ont ciblé, au cours de l'année
    # écoulée, …": what a period frames is its habit, not one incident
    if head_only_noun and mention.plural and _has_frame(text, max(sentence_start, mention.start - _FRAME_WINDOW),
                                                         mention.start, cues):
        return "campaign"
    if mention.rule == "verbal" and _has_frame(text, mention.end, min(sentence_end, mention.end + _WINDOW), cues):
        return "campaign"
    if head_only_noun and mention.plural and cues.campaign.search(text, max(sentence_start, mention.start - 40),
                                                              min(sentence_end, mention.end + 90)):
        return "campaign"
    if mention.role == "casualty" and cues.toll_period.search(text, max(sentence_start, mention.start - 60),
                                                   min(sentence_end, mention.end + 60)):
        return "aggregate"  # "depuis le début de la guerre, plus de 30 000 personnes ont été tuées"
    if mention.role == "casualty" and cues.toll_sum.search(text, max(sentence_start, mention.start - 60),
                                                           min(sentence_end, mention.end + 60)):
        # "au total, 12 personnes sont mortes dans ces quatre attentats": the incident's toll, summed
        takeup = cues.toll_takeup.search(text, mention.end, min(sentence_end, mention.end + 60))
        if takeup is None or cues.background_nouns.fullmatch(takeup.group("noun")):
            return "aggregate"
    if head_only_noun and any(w in left + right for w in cues.commemoration_words) and cues.commemoration.search(sentence):
        return "background"
    if mention.rule == "nominal" and mention.pos == "present" and not mention.title:
        return "habitual"
    if mention.present_passive and not mention.title:
        return "habitual"  # "Kharkiv est la cible de bombardements", "la ville est bombardée chaque jour"
    return None
