"""The demo's case results year by year: 2020 as published, the years before calibrated to lead up to it.

Every year moves plausibly on the one before (within about ±40%), except where a named event in events.csv explains
it: the anti-gang campaign (January 2018) and the "3.20" mafia-type case (March 2019) lift the gang figures;
figures of a few cases move by chance (2 cold cases after 1). The year the data end in (2021, to 11 March) has no
targets of its own: each figure follows 2020's rate per case (lib/data/demo/incidents.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from lib.data.demo.settings import PUBLISHED_2020 as P

FULL_YEARS = (2016, 2017, 2018, 2019, 2020)


def _years(*before_2020: int, published: str) -> dict[int, int]:
    return dict(zip(FULL_YEARS, (*before_2020, P[published])))


# figure: {year: exact total}. Patrol results and transfers count by the year reported; the rest by the year solved.
RESULTS: dict[str, dict[int, int]] = {
    "patrol_stops": _years(96, 98, 104, 102, published="patrol_stops"),  # 123 in 2020: +21%
    "patrol_fugitives": _years(10, 9, 11, 11, published="patrol_fugitives"),
    "admin_transfers": _years(24, 26, 29, 27, published="admin_transfers"),
    "property_gangs": _years(20, 22, 24, 25, published="property_gangs"),
    "property_suspects": _years(560, 545, 525, 505, published="property_suspects"),
    "vice_gangs": _years(16, 17, 19, 18, published="vice_gangs"),
    "vice_suspects": _years(700, 735, 860, 830, published="vice_suspects"),
    "gang_cases_judged": _years(1, 1, 2, 3, published="gang_cases_judged"),
    "gang_suspects": _years(4, 5, 12, 22, published="gang_suspects"),  # the campaign, then the "3.20" case
    "gang_arrests_approved": _years(2, 2, 5, 8, published="gang_arrests_approved"),
    "gang_assets_yuan": _years(600_000, 700_000, 5_200_000, 9_800_000, published="gang_assets_yuan"),
    "card_trafficking_suspects": _years(0, 0, 0, 2, published="card_trafficking_suspects"),
    "cold_case_fugitives": _years(0, 1, 1, 1, published="cold_case_fugitives"),
    "recovered_yuan": _years(30_000_000, 36_000_000, 43_000_000, 53_000_000, published="recovered_yuan"),
}

# Each year one telecom-fraud network with victims across the country is broken up here: its loss, and how much of
# it is recovered (the year's other recoveries come from the year's other solved cases). 2020's is the "5.15" case.
BIG_FRAUD: dict[int, tuple[int, int]] = {
    2016: (40_000_000, 27_000_000),
    2017: (48_000_000, 32_700_000),
    2018: (56_000_000, 39_400_000),
    2019: (65_000_000, 49_100_000),
    2020: (68_000_000, 65_800_000),
}

# Murders solved a year or more after they were reported (命案积案): (year reported, day solved), one row each.
COLD_CASES: tuple[tuple[int, str], ...] = (
    (2016, "2017-09-14"),
    (2016, "2018-05-03"),
    (2017, "2019-11-21"),
    (2016, "2020-06-18"),
    (2017, "2020-10-09"),
)


# Figures of the few gang and card-trafficking cases, whose numbers are the same in every county (incidents.py
# FIXED_PER_YEAR): their earlier years are not scaled, so every case keeps at least one suspect.
FIXED_CASE_FIGURES = frozenset({"gang_cases_judged", "gang_suspects", "gang_arrests_approved", "card_trafficking_suspects"})


@dataclass(frozen=True)
class History:
    """One county's results year by year: the tables above, scaled to the county's 2020 results."""
    results: dict[str, dict[int, int]]
    big_fraud: dict[int, tuple[int, int]]
    cold_cases: tuple[tuple[int, str], ...]


def history_of(results_2020: dict[str, int]) -> History:
    """The history of a county whose 2020 results are `results_2020` (keys as PUBLISHED_2020): each figure's earlier
    years scaled by its 2020 ratio to Dongpo's, 2020 itself exact. Dongpo's own is the tables above, unchanged."""
    def scaled(figure: str, years: dict[int, int]) -> dict[int, int]:
        published = results_2020[figure]
        ratio = 1.0 if figure in FIXED_CASE_FIGURES else published / max(years[2020], 1)
        return {year: published if year == 2020 else round(n * ratio) for year, n in years.items()}

    results = {figure: scaled(figure, years) for figure, years in RESULTS.items()}
    fraud_ratio = results["recovered_yuan"][2020] / RESULTS["recovered_yuan"][2020]
    big_fraud = {year: (round(loss * fraud_ratio), round(recovered * fraud_ratio)) for year, (loss, recovered) in BIG_FRAUD.items()}
    return History(results, big_fraud, COLD_CASES)
