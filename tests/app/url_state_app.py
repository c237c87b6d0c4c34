"""A tiny app that uses the URL-bound filters, for tests/app/test_url_state.py."""
from datetime import date

import streamlit as st

from lib.ui.url_state import code_multiselect, code_select, period_input

towns = code_multiselect("镇", ["511402001", "511402002", "511402100"],
                         {"511402001": "通惠街道", "511402002": "大石桥街道", "511402100": "太和镇"}, "town", "zh")
mode = code_select("方式", ["vehicle", "foot"], {"vehicle": "车巡", "foot": "步巡"}, "mode", "zh", "vehicle")
period = period_input("时段", date(2016, 1, 1), date(2021, 3, 11), (date(2020, 1, 1), date(2020, 12, 31)), "zh")
st.write(f"towns={towns} mode={mode} period={period[0]}~{period[1]}")
