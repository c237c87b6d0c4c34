"""Names of towns and villages, looked up from their codes in the boundaries data."""
from __future__ import annotations

import pandas as pd

from lib.i18n import Lang


def town_labels(towns: pd.DataFrame, lang: Lang) -> dict[str, str]:
    names = towns["town_zh" if lang == "zh" else "town_en"]
    return dict(zip(towns["town_code"].astype(str), names.astype(str)))


def village_labels(villages: pd.DataFrame, lang: Lang) -> dict[str, str]:
    names = villages["village_zh" if lang == "zh" else "village_en"]
    return dict(zip(villages["village_code"].astype(str), names.astype(str)))
