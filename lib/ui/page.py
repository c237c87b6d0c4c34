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
from lib.ui.data import bundle_at
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
    source: DataSource  # the data folder and version: the key of every cached figure
    home: HomeDistrict
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


def open_page() -> PageContext:
    """The context of the page being run. When the data cannot be read, or the home district setting does not
    name a county of the data, the page says what is wrong and stops (no traceback)."""
    shell = current_shell()
    lang = shell.lang
    source = data_source(shell.settings)
    try:
        data = bundle_at(source)
        home = home_district(data, shell.settings.home_district)
    except DataLoadError as err:
        lines = "\n".join(f"- {escape_markdown(p.message(lang))}" for p in err.problems)
        st.error(t("shell.data_error", lang) + "\n\n" + lines)
        st.stop()
    except SettingsError as err:
        st.error(err.message(lang), icon=":material/settings:")
        st.stop()
    page = PageContext(shell.page, shell.settings, shell.audience, shell.presentation, data, source, home,
                       briefing.content(), shell.identity or NOBODY)
    st.sidebar.caption(t("shell.as_of", lang, date=data.as_of.isoformat()))
    page.briefing.as_of, page.briefing.demo, page.briefing.public = data.as_of, page.demo, page.public
    return page
