"""A data-driven CHS-DRG grouper: rule tables in `tixi/hospitals/data/<scheme>/`, applied in bulk with numpy."""

from .grouping import REASONS, STATUSES, Cases, Grouping, group
from .rules import DEFAULT_SCHEME, RuleSet, load_rules

__all__ = ["DEFAULT_SCHEME", "REASONS", "STATUSES", "Cases", "Grouping", "RuleSet", "group", "load_rules"]
