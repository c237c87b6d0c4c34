"""Every page of the app: its URL path (part of the URL contract), its title, and what it can do."""
from __future__ import annotations

from dataclasses import dataclass

from lib.roles import Role


@dataclass(frozen=True)
class PageSpec:
    script: str  # path of the page script, relative to the project root
    url_path: str  # "" is the default page, answering at "/"
    title_key: str  # i18n key of the page title
    icon: str
    datasets: tuple[str, ...] = ()  # the datasets its figures come from: the demo badge shows when any is demo data
    playable: bool = True  # a presentation playlist may show it
    briefed: bool = True  # the sidebar offers its briefing document
    manages_data: bool = False  # uploads and rollbacks: offered only where the deployment allows data management
    needs: Role = Role.VIEWER  # the least role that is offered the page (lib/roles.py says what each role may do)

    @property
    def url(self) -> str:
        return "/" + self.url_path

    @property
    def playlist_name(self) -> str:
        """How a playlist link names the page: its URL path, or `overview` for the default page."""
        return self.url_path or "overview"


PAGES: tuple[PageSpec, ...] = (
    PageSpec("views/overview.py", "", "page.overview", ":material/dashboard:",
             ("incidents", "county_survey", "disputes", "police_assistants")),
    PageSpec("views/satisfaction.py", "satisfaction", "page.satisfaction", ":material/leaderboard:",
             ("county_survey", "town_survey", "incidents", "disputes")),
    PageSpec("views/mediation.py", "mediation", "page.mediation", ":material/handshake:", ("disputes", "towns")),
    PageSpec("views/crime.py", "crime", "page.crime", ":material/trending_up:", ("incidents", "towns", "events")),
    PageSpec("views/patrol.py", "patrol", "page.patrol", ":material/local_police:",
             ("patrol_sessions", "posts", "police_assistants", "incidents", "towns", "villages")),
    PageSpec("views/data_admin.py", "data", "page.data", ":material/upload_file:",
             playable=False, briefed=False, manages_data=True, needs=Role.ANALYST),
)
PAGES_BY_PATH: dict[str, PageSpec] = {spec.url_path: spec for spec in PAGES}
