"""A tiny app that uses the URL-bound filters, for tests/app/test_url_state.py."""
from dataclasses import dataclass, field
from datetime import date

import streamlit as st

from lib.briefing.content import PageContent
from lib.ui.filters import code_multiselect, code_select, period_input


@dataclass
class Host:
    lang: str = "zh"
    briefing: PageContent = field(default_factory=PageContent)


page = Host()
towns = code_multiselect(page, "镇", ["511402001", "511402002", "511402100"],
                         {"511402001": "通惠街道", "511402002": "大石桥街道", "511402100": "太和镇"}, "town")
mode = code_select(page, "方式", ["vehicle", "foot"], {"vehicle": "车巡", "foot": "步巡"}, "mode", "vehicle")
last = st.session_state.get("test_last_day", date(2021, 3, 11))  # a test moves the data's last day
period = period_input(page, "时段", date(2016, 1, 1), last, (date(2020, 1, 1), date(2020, 12, 31)))
st.write(f"towns={towns} mode={mode} period={period[0]}~{period[1]}")
