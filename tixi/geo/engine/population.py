"""Resident population of a division, as the figures of every app read it. No Django."""

from dataclasses import dataclass


@dataclass
class PopulationSummary:
    total: int | None
    under_3: int | None = None
    aged_65_plus: int | None = None
