"""Download buttons for a table, as CSV and XLSX."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.export import to_csv_bytes, to_xlsx_bytes
from lib.i18n import Lang, t
from lib.ui import briefing


def download_buttons(frame: pd.DataFrame, file_stem: str, lang: Lang, *, key: str) -> None:
    """Two buttons side by side; `frame` already has headers in the UI language. The table goes in the briefing too."""
    briefing.add_table(key, file_stem, frame)
    left, right = st.columns(2)
    # the files are built only when a button is clicked, not on every rerun
    left.download_button(t("download.csv", lang), lambda: to_csv_bytes(frame), f"{file_stem}.csv", "text/csv",
                         key=f"{key}-csv", icon=":material/download:", on_click="ignore")
    right.download_button(t("download.xlsx", lang), lambda: to_xlsx_bytes(frame), f"{file_stem}.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key=f"{key}-xlsx", icon=":material/download:", on_click="ignore")
