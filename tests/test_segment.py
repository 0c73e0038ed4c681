"""Sentence splitting."""

from __future__ import annotations

import pytest

from milinc.segment import ABBREVIATIONS, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_splits_on_final_punctuation_before_a_capital() -> None:
    assert sentences("Une attaque a eu lieu. Deux soldats ont été blessés! Qui? Personne.") == [
        "Une attaque a eu lieu.",
        "Deux soldats ont été blessés!",
        "Qui?",
        "Personne.",
    ]


def test_line_breaks_end_sentences_and_count_paragraphs() -> None:
    parts = split_sentences("Titre sans point\n\nPremier paragraphe. Suite.\nSecond")
    assert [p.paragraph for p in parts] == [0, 1, 1, 2]


def test_abbreviations_and_decimals_do_not_split() -> None:
    assert sentences("Selon M. Kirby, 1.5 million de dollars. Fin.") == [
        "Selon M. Kirby, 1.5 million de dollars.",
        "Fin.",
    ]


def test_quotes_after_the_period_stay_with_the_sentence() -> None:
    assert sentences("« Nous évaluons. » Il a ajouté.") == ["« Nous évaluons. »", "Il a ajouté."]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n \n") == []


def test_month_abbreviations_do_not_end_a_sentence() -> None:
    assert sentences("Le 1er janv. 2021, deux roquettes ont frappé Bagdad. Fin.") == [
        "Le 1er janv. 2021, deux roquettes ont frappé Bagdad.",
        "Fin.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Le lt-col. Marc Vidal commande le bataillon depuis mars. Il a été blessé.",
        "Selon le Gal. Koné, la colonne a été prise à partie. Il a été blessé.",
        "Le Col. Sidibé a confirmé l'embuscade de la veille. Il a été blessé.",
        "Le Cne. Ouédraogo et ses hommes ont riposté sous le feu. Il a été blessé.",
        "Le porte-parole J.-P. Lemaire a démenti toute frappe sur le camp. Il a été blessé.",
        "Le reporter A. Traoré a vu les deux blindés détruits au matin. Il a été blessé.",
        "Le Sgt-chef. Bamba et le Lcl. Ndiaye étaient à bord du convoi. Il a été blessé.",
    ],
)
def test_ranks_titles_and_initials_do_not_end_a_sentence(text: str) -> None:
    assert sentences(text) == [text[: text.index(" Il a été blessé.")], "Il a été blessé."]


def test_a_single_capital_before_a_sentence_opener_still_ends_the_sentence() -> None:
    assert sentences("Le message a paru sur le réseau social X. En outre, deux drones ont été abattus.") == [
        "Le message a paru sur le réseau social X.",
        "En outre, deux drones ont été abattus.",
    ]


def test_the_abbreviations_are_data() -> None:
    import json
    from importlib import resources

    data = json.loads(resources.files("milinc").joinpath("data/abbreviations.json").read_text(encoding="utf-8"))
    listed = {word for words in data["groups"].values() for word in words}
    assert {"lt-col", "gal", "col", "cne", "m", "janv"} <= listed == ABBREVIATIONS
