"""Weapons: taxonomy ``data/weapons.json``, grammar ``grammars/weapons.lark``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..extensions import Extensions
from ..ontology import Weapon

if TYPE_CHECKING:
    from ..pipeline import ExtractionContext

__all__ = ["WeaponExtractor"]


class WeaponExtractor:
    """Finds every weapon, munition and weapon-platform mention."""

    def __init__(self, extensions: Extensions) -> None:
        self.extensions = extensions

    def extract(self, ctx: ExtractionContext) -> list[Weapon]:
        """Every weapon mention of the text."""
        return []
