"""What a page opens with: one call, `open_page()`, gives the page its context.

A view reads as "open the page, read the filters, call lib, show":

    page = open_page()
    year = year_select(page, ...)                   # lib/ui/filters.py
    fig = overview_figures(page.source, year, ...)  # lib/ui/cached/<page>.py -> lib/metrics
    show_kpis(page, [...])                          # lib/ui/show.py

Everything below the page takes this context, or its pure `Audience` (language and public copy), never loose flags.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from lib.audience import Audience
from lib.audit import AuditEvent
from lib.briefing.content import PageContent
from lib.data.home import HomeDistrict, home_district
from lib.data.location import DataSource, data_source
from lib.data.problems import DataLoadError
from lib.data.store import DataBundle
from lib.i18n import Lang, t
from lib.page_registry import PageSpec
from lib.roles import NOBODY, Identity
from lib.settings import Settings, SettingsError
from lib.ui import auth, briefing
from lib.ui.data import bundle_at, prepare
from lib.ui.filters import code_select, settled_code
from lib.ui.notices import escape_markdown
from lib.ui.present import Presentation
from lib.ui.shell import current_shell


@dataclass(frozen=True)
class PageContext:
    spec: PageSpec
    settings: Settings
    audience: Audience
    presentation: Presentation
    data: DataBundle
    source: DataSource  # where the data is (folder or database, and county) and its version: the key of every cached figure
    home: HomeDistrict  # the county the page is about
    briefing: PageContent  # what this run of the page shows, for its briefing
    identity: Identity = NOBODY  # who is signed in, in which role (lib/roles.py)

    @property
    def lang(self) -> Lang:
        return self.audience.lang

    @property
    def public(self) -> bool:
        return self.audience.public

    @property
    def as_of(self) -> date:
        return self.data.as_of

    @property
    def demo(self) -> bool:
        """Whether any dataset the page's figures come from is demo data."""
        return any(self.data.manifest.is_demo(name) for name in self.spec.datasets)

    def t(self, key: str, **fmt: object) -> str:
        return t(key, self.lang, **fmt)

    def record(self, action: str, outcome: str, detail: str = "") -> None:
        """A line of the audit trail for an action taken on this page (lib/audit.py names the actions)."""
        auth.record(self.settings, self.identity, action, outcome, detail)

    def audit_event(self, action: str, outcome: str, detail: str = "") -> AuditEvent:
        """The audit line of an action on this page, for a store that writes it with the change itself."""
        return auth.audit_event(self.settings, self.identity, action, outcome, detail)


def open_page() -> PageContext:
    """The context of the page being run. When the data cannot be read, or the home district setting does not
    name a county of the data, the page says what is wrong and stops (no traceback)."""
    shell = current_shell()
    lang = shell.lang
    try:
        source = data_source(shell.settings, chosen_county(shell.settings))
        prepare(source, lang)
        data = bundle_at(source)
        home = home_district(data, source.county or shell.settings.home_district)
    except DataLoadError as err:
        lines = "\n".join(f"- {escape_markdown(p.message(lang))}" for p in err.problems)
        st.error(t("shell.data_error", lang) + "\n\n" + lines)
        st.stop()
    except SettingsError as err:
        st.error(err.message(lang), icon=":material/settings:")
        st.stop()
    page = PageContext(shell.page, shell.settings, shell.audience, shell.presentation, data, source, home,
                       briefing.content(), shell.identity or NOBODY)
    st.set_page_config(page_title=t("app.title_of", lang, district=home.name))
    county_switch(page)
    st.sidebar.caption(escape_markdown(t("shell.as_of", lang, district=home.name, date=data.as_of.isoformat())))
    page.briefing.as_of, page.briefing.demo, page.briefing.public = data.as_of, page.demo, page.public
    page.briefing.district = home.name
    return page


COUNTY_PARAM = "county"


def chosen_county(settings: Settings) -> str | None:
    """The county a city deployment shows on this run (?county=, one of PINGAN_DISTRICTS); None: one county only.
    Read before the data is loaded, as `county_switch` will settle it."""
    if len(settings.districts) < 2:
        return None
    return settled_code(COUNTY_PARAM, settings.districts, settings.default_district)


def county_switch(page: PageContext) -> None:
    """In a city deployment, the choice of county in the sidebar, bound to the URL as ?county=<adcode>."""
    districts = page.settings.districts
    if len(districts) < 2:
        return
    counties = page.data["counties"]
    names = dict(zip(counties["adcode"].astype(str), counties["county_zh"].astype(str)))
    code_select(page, page.t("shell.county"), districts, names, COUNTY_PARAM, page.settings.default_district)
