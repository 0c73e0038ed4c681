"""Pipeline stages that join dimensions."""

from __future__ import annotations

from milinc.ontology import Qualifier, Quantity, Span, Weapon, WeaponCategory
from milinc.pipeline import link_counts

TEXT = "deux roquettes de type Katyusha et des drones, puis trois soldats"


def span(phrase: str) -> Span:
    i = TEXT.index(phrase)
    return Span(i, i + len(phrase), phrase)


def test_a_quantity_whose_noun_is_the_weapon_gives_its_count() -> None:
    rockets = Weapon(span=span("roquettes de type Katyusha"), category=WeaponCategory.ROCKET, name="Katyusha")
    drones = Weapon(span=span("drones"), category=WeaponCategory.DRONE)
    counts = [
        Quantity(span=span("deux roquettes"), qualifier=Qualifier.EXACT, value=2, unit="roquette"),
        Quantity(span=span("trois soldats"), qualifier=Qualifier.EXACT, value=3, unit="soldat"),
    ]
    linked = link_counts([rockets, drones], counts)
    assert [w.count for w in linked] == [2, None]


def test_vague_quantities_give_no_count() -> None:
    drones = Weapon(span=span("drones"), category=WeaponCategory.DRONE)
    vague = Quantity(span=span("des drones"), qualifier=Qualifier.VAGUE, value=None)
    assert link_counts([drones], [vague])[0].count is None
