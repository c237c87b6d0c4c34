"""The county the dashboard is about: a deployment setting, else the district outline in the data (pure)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lib.data.store import DataBundle
from lib.settings import HOME_DISTRICT_SETTING, SettingsError


@dataclass(frozen=True)
class HomeDistrict:
    adcode: str
    name: str  # as the boundaries name it (东坡区)
    city_adcode: str
    city_name: str


def home_district(bundle: DataBundle, setting: str | None) -> HomeDistrict:
    """The county named by `setting` (PINGAN_HOME_DISTRICT), checked against the province's boundaries;
    without a setting, the county whose outline the data carries."""
    adcode = setting or str(bundle["district_outline"]["adcode"].iloc[0])
    counties = bundle["counties"]
    at = np.flatnonzero(counties["adcode"].astype(str).to_numpy() == adcode)  # columns, not rows: no geometry copied
    if not len(at):
        raise SettingsError(HOME_DISTRICT_SETTING, adcode, "不是边界数据中的区县代码", "not the adcode of a county in the boundaries")
    first = {column: str(counties[column].iloc[at[0]]) for column in ("county_zh", "city_adcode", "city_zh")}
    return HomeDistrict(adcode, first["county_zh"], first["city_adcode"], first["city_zh"])
