"""Every headline measure of the dashboard, declared once: how its value reads and which way is good news.

A page's card of a measure takes its colour from this declaration, so one figure never reads as good on one card
and bad on another. Labels are the page's own (a measure can be named differently on two pages).

Incidents are bad news when they rise, except the kinds the police find by their own work (vice, gang, drug and
card-trafficking cases): there a rise means more enforcement as much as more crime, and the same 216 vice cases are
the crackdown's result on another card. Counts of those kinds are declared "neither": no colour anywhere.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lib.audience import Audience
from lib.headline import Good, Measure, ValueKind


@dataclass(frozen=True)
class MeasureSpec:
    kind: ValueKind
    good: Good
    unit_key: str | None = None  # the unit after a count ('起', '件'), an i18n key


MEASURES: dict[str, MeasureSpec] = {
    # incidents: fewer is better
    "incidents": MeasureSpec("count", "down", "unit.case"),
    "incidents_found": MeasureSpec("count", "neither", "unit.case"),  # found by police work: see FOUND_BY_POLICE
    "incident_rate": MeasureSpec("rate", "down"),
    "loss_yuan": MeasureSpec("money", "down"),
    # results of police work: more is better
    "solved_rate": MeasureSpec("percent", "up"),
    "recovered_yuan": MeasureSpec("money", "up"),
    "property_gangs": MeasureSpec("count", "up", "unit.gang"),
    "property_suspects": MeasureSpec("count", "up", "unit.person"),
    "vice_cases": MeasureSpec("count", "up", "unit.case"),
    "vice_gangs": MeasureSpec("count", "up", "unit.gang"),
    "vice_suspects": MeasureSpec("count", "up", "unit.person"),
    "gang_cases_judged": MeasureSpec("count", "up", "unit.item"),
    "gang_suspects": MeasureSpec("count", "up", "unit.person"),
    "gang_arrests_approved": MeasureSpec("count", "up", "unit.person"),
    "gang_assets_yuan": MeasureSpec("money", "up"),
    "card_trafficking_suspects": MeasureSpec("count", "up", "unit.person"),
    "cold_case_fugitives": MeasureSpec("count", "up", "unit.fugitive"),
    "admin_transfers": MeasureSpec("count", "up", "unit.item"),
    "patrol_stops": MeasureSpec("count", "up", "unit.case"),
    "patrol_fugitives": MeasureSpec("count", "up", "unit.fugitive"),
    # disputes: fewer arising is better; more settled, sooner, is better
    "disputes": MeasureSpec("count", "down", "unit.item"),
    "settled": MeasureSpec("count", "up", "unit.item"),
    "settled_rate": MeasureSpec("percent", "up"),
    "close_days": MeasureSpec("days", "down"),
    "backlog": MeasureSpec("count", "down", "unit.item"),
    "overdue": MeasureSpec("count", "down", "unit.item"),
}


FOUND_BY_POLICE = frozenset({"vice", "gang", "drugs", "card_trafficking"})  # crime types counted when police find them


def incidents_key(types: Iterable[str]) -> str:
    """The measure of an incident count over `types` (crime type codes): "incidents_found" when every one of them is
    found by police work, else "incidents" (fewer is better)."""
    chosen = set(types)
    return "incidents_found" if chosen and chosen <= FOUND_BY_POLICE else "incidents"


def good_of(key: str) -> Good:
    """Which way measure `key` is good news."""
    return MEASURES[key].good


def measure(key: str, label: str, audience: Audience, *, help: str | None = None, decimals: int = 1) -> Measure:
    """The declared measure `key`, labelled for the page."""
    spec = MEASURES[key]
    unit = audience.t(spec.unit_key) if spec.unit_key else ""
    return Measure(label, spec.kind, spec.good, unit, help, decimals)
