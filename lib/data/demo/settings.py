"""The demo's fixed choices: its seed, its period and the published figures it must reproduce."""
from __future__ import annotations

import zlib
from datetime import date

import numpy as np

SEED = 20210311
DEMO_START = date(2016, 1, 1)
AS_OF = date(2021, 3, 11)  # the day the seed report was published: the data ends here
SURVEY_YEARS = (2016, 2017, 2018, 2019, 2020)
DISTRICT_ADCODE = "511402"
DISTRICT_POPULATION = 904_412  # 2020 census
DEFAULT_INCIDENTS = 30_000  # the committed demo has at least this many, 2016-01-01 to the as-of date

# Published 2020 results (seed-facts.md), reproduced exactly by the generated records.
PUBLISHED_2020 = {
    "patrol_stops": 123,
    "patrol_fugitives": 14,
    "disputes": 2780,
    "disputes_prior_year": 3278,  # 2780 is 15.2% below 3278 (-15.19%, published rounded)
    "gang_cases_judged": 2,
    "gang_suspects": 32,
    "gang_arrests_approved": 12,
    "gang_assets_yuan": 12_600_000,
    "property_gangs": 28,
    "property_suspects": 470,
    "card_trafficking_suspects": 6,
    "cold_case_fugitives": 2,
    "recovered_yuan": 70_000_000,
    "vice_cases_solved": 216,
    "vice_gangs": 21,
    "vice_suspects": 810,
    "admin_transfers": 25,
}
# channel: (received, settled) in 2020. Settled and the rounded success rate are published:
# 576 at 61% (576/944 = 61.02%), 595 at 94.15% (595/632), 49 at 75% (49/65 = 75.38%).
PUBLISHED_2020_CHANNELS = {
    "pretrial_delegated": (944, 576),
    "police_mediation": (632, 595),
    "individual_room": (65, 49),
}
ASSISTANTS_BY_AS_OF = 97
ASSISTANTS_ALL_BY = date(2021, 5, 31)


def rng_for(part: str, size_tag: int = 0) -> np.random.Generator:
    """An independent, reproducible random stream for one part of the demo."""
    return np.random.default_rng([SEED, zlib.crc32(part.encode()), size_tag])
