"""Every page of the app, with the URL path that links to it. URL paths are part of the URL contract."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    script: str  # path of the page script, relative to the project root
    url_path: str  # "" is the default page, answering at "/"
    title_key: str  # i18n key of the page title
    icon: str

    @property
    def url(self) -> str:
        return "/" + self.url_path


PAGES: tuple[PageSpec, ...] = (
    PageSpec("views/overview.py", "", "page.overview", ":material/dashboard:"),
    PageSpec("views/satisfaction.py", "satisfaction", "page.satisfaction", ":material/leaderboard:"),
    PageSpec("views/mediation.py", "mediation", "page.mediation", ":material/handshake:"),
    PageSpec("views/crime.py", "crime", "page.crime", ":material/trending_up:"),
    PageSpec("views/patrol.py", "patrol", "page.patrol", ":material/local_police:"),
    PageSpec("views/data_admin.py", "data", "page.data", ":material/upload_file:"),
)
