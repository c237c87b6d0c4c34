"""The counties the generator can draw: Dongpo, the bundled demo with the published 2020 figures, and Pengshan,
a second Meishan county for trying a city deployment (`python -m lib.data.demo --county 511403`).

Pengshan's outline is real (from the province boundaries); its towns, villages, populations and every figure are
illustrative, its 2020 results are demo values of about its size, and it has no context indicators or named cases
(those came from the report on Dongpo).
"""
from __future__ import annotations

from dataclasses import dataclass

from lib.data.demo.geography import CITY_CENTRE, DONGPO_ISLAND, TOWNS, TownSeed
from lib.data.demo.settings import (ASSISTANTS_BY_AS_OF, DEFAULT_INCIDENTS, DISTRICT_ADCODE, DISTRICT_POPULATION,
                                    PUBLISHED_2020, PUBLISHED_2020_CHANNELS)


@dataclass(frozen=True)
class CountyProfile:
    adcode: str
    towns: tuple[TownSeed, ...]  # the first three are the urban subdistricts around the centre
    population: int
    centre: tuple[float, float]  # WGS84: the urban core, where the government posts stand
    night_spot: tuple[float, float]  # WGS84: the night-time hot spot that gets night patrols
    night_post: tuple[str, str]  # the quick-reaction point there: zh, en
    results_2020: dict[str, int]  # the 2020 results the records reproduce exactly (keys as PUBLISHED_2020)
    channels_2020: dict[str, tuple[int, int]]  # mediation channel: (received, settled) in 2020
    disputes_by_year: dict[int, int]  # disputes received in each full year
    assistants_by_as_of: int  # villages with a police assistant on the as-of date
    own_report: bool  # whether the report's context indicators and named cases are about this county
    default_incidents: int = DEFAULT_INCIDENTS


DONGPO = CountyProfile(
    DISTRICT_ADCODE, TOWNS, DISTRICT_POPULATION, CITY_CENTRE, DONGPO_ISLAND,
    ("东坡岛快反屯警点", "Dongpo Island quick-reaction point"), PUBLISHED_2020, PUBLISHED_2020_CHANNELS,
    {2016: 3610, 2017: 3540, 2018: 3405, 2019: PUBLISHED_2020["disputes_prior_year"], 2020: PUBLISHED_2020["disputes"]},
    ASSISTANTS_BY_AS_OF, own_report=True,
)

PENGSHAN = CountyProfile(
    "511403",
    (
        TownSeed("511403001", "凤鸣街道", "Fengming Subdistrict", "subdistrict", 0.22, 1.8, 10),
        TownSeed("511403002", "彭溪街道", "Pengxi Subdistrict", "subdistrict", 0.14, 1.6, 8),
        TownSeed("511403003", "观音街道", "Guanyin Subdistrict", "subdistrict", 0.10, 1.4, 8),
        TownSeed("511403004", "青龙街道", "Qinglong Subdistrict", "subdistrict", 0.11, 1.1, 9),
        TownSeed("511403005", "谢家街道", "Xiejia Subdistrict", "subdistrict", 0.09, 1.0, 8),
        TownSeed("511403100", "黄丰镇", "Huangfeng Town", "town", 0.08, 0.8, 10),
        TownSeed("511403101", "公义镇", "Gongyi Town", "town", 0.08, 0.8, 10),
        TownSeed("511403102", "锦江镇", "Jinjiang Town", "town", 0.07, 0.7, 9),
        TownSeed("511403103", "保胜镇", "Baosheng Town", "town", 0.06, 0.7, 8),
        TownSeed("511403104", "江口镇", "Jiangkou Town", "town", 0.05, 0.9, 7),
    ),
    population=340_000,
    centre=(103.872, 30.193),
    night_spot=(103.860, 30.200),
    night_post=("滨江夜市快反屯警点", "Riverside night market quick-reaction point"),
    results_2020={
        "patrol_stops": 47, "patrol_fugitives": 5, "disputes": 1060, "disputes_prior_year": 1190,
        "gang_cases_judged": 1, "gang_suspects": 12, "gang_arrests_approved": 5, "gang_assets_yuan": 3_400_000,
        "property_gangs": 11, "property_suspects": 182, "card_trafficking_suspects": 4, "cold_case_fugitives": 2,
        "recovered_yuan": 26_000_000, "vice_cases_solved": 83, "vice_gangs": 8, "vice_suspects": 305,
        "admin_transfers": 9,
    },
    channels_2020={"pretrial_delegated": (360, 214), "police_mediation": (240, 221), "individual_room": (25, 18)},
    disputes_by_year={2016: 1370, 2017: 1340, 2018: 1290, 2019: 1190, 2020: 1060},
    assistants_by_as_of=40,
    own_report=False,
    default_incidents=12_000,
)

PROFILES: dict[str, CountyProfile] = {profile.adcode: profile for profile in (DONGPO, PENGSHAN)}
