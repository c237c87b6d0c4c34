"""Every deployment setting, read in one place: the environment first, then `.streamlit/secrets.toml`.

Settings are typed here and checked by one rule: a value that is set but cannot be read as its type stops the
app with a message naming the setting, the value and what it accepts (`SettingsError`). An unset or empty value
means the default. No setting ever comes from a URL, a widget or session state, and nothing writes them back.
"""
from __future__ import annotations

import ipaddress
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SECRETS_FILES = (PROJECT_ROOT / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml")

# the names of the settings tests and tools set
PASSWORD_SETTING, PUBLIC_SETTING, UPLOADS_SETTING = "PINGAN_PASSWORD", "PINGAN_PUBLIC", "PINGAN_UPLOADS"
DATA_DIR_SETTING, WORK_DIR_SETTING, CACHE_DIR_SETTING = "PINGAN_DATA_DIR", "PINGAN_WORK_DIR", "PINGAN_CACHE_DIR"
HOME_DISTRICT_SETTING, DISTRICTS_SETTING = "PINGAN_HOME_DISTRICT", "PINGAN_DISTRICTS"
DATABASE_URL_SETTING = "PINGAN_DATABASE_URL"
TRUSTED_PROXIES_SETTING, SESSION_SECRET_SETTING = "PINGAN_TRUSTED_PROXIES", "PINGAN_SESSION_SECRET"
SESSION_HOURS_SETTING, PASSWORD_ROLE_SETTING, AUDIT_LOG_SETTING = (
    "PINGAN_SESSION_HOURS", "PINGAN_PASSWORD_ROLE", "PINGAN_AUDIT_LOG")
OIDC_SETTINGS = {  # OidcSettings field -> setting name
    "metadata_url": "PINGAN_OIDC_METADATA_URL", "client_id": "PINGAN_OIDC_CLIENT_ID",
    "client_secret": "PINGAN_OIDC_CLIENT_SECRET", "redirect_uri": "PINGAN_OIDC_REDIRECT_URI",
}
ROLE_CLAIM_SETTING = "PINGAN_ROLE_CLAIM"
ROLE_GROUP_SETTINGS = {  # role name (lib.roles.Role) -> the setting listing the claim values that grant it
    "viewer": "PINGAN_VIEWER_GROUPS", "analyst": "PINGAN_ANALYST_GROUPS", "administrator": "PINGAN_ADMIN_GROUPS",
}
ROLE_NAMES = tuple(ROLE_GROUP_SETTINGS)

TRUE_WORDS = frozenset({"1", "on", "true", "yes"})
FALSE_WORDS = frozenset({"0", "off", "false", "no"})


class SettingsError(ValueError):
    """A setting holds a value that cannot be read as its type."""

    def __init__(self, name: str, value: str, expected_zh: str, expected_en: str):
        super().__init__(f"{name}={value!r}: {expected_en}")
        self.name, self.value = name, value
        self.expected = {"zh": expected_zh, "en": expected_en}

    def message(self, lang: str) -> str:
        shown = self.value if len(self.value) <= 40 else self.value[:39] + "…"
        if lang == "zh":
            return f"部署设置 {self.name} 的值 “{shown}” 无法使用:{self.expected['zh']}"
        return f"The deployment setting {self.name} has the value '{shown}', which cannot be used: {self.expected['en']}"


@dataclass(frozen=True)
class TileSettings:
    url: str | None  # a tile URL template; None draws no base map (the offline default)
    attribution: str
    crs: str  # "wgs84", "gcj02" or "" (guessed from the URL)


@dataclass(frozen=True)
class OidcSettings:
    """Single sign-on through an OpenID Connect provider (st.login), and how its claims map to roles."""
    metadata_url: str  # the provider's /.well-known/openid-configuration
    client_id: str
    client_secret: str
    redirect_uri: str  # the dashboard's own address + /oauth2callback
    role_claim: str  # the claim that lists the user's groups or roles
    role_groups: tuple[tuple[str, tuple[str, ...]], ...]  # (role name, claim values that grant it)


@dataclass(frozen=True)
class Settings:
    password: str | None  # PINGAN_PASSWORD: the shared access password; None means no password gate
    public: bool  # PINGAN_PUBLIC: the public copy (small counts withheld, areas only)
    uploads: bool  # PINGAN_UPLOADS: uploads and rollbacks on the data page (where the page is offered)
    data_dir: Path | None  # PINGAN_DATA_DIR: the data folder; None means the work copy if any, else the bundled data
    work_dir: Path  # PINGAN_WORK_DIR: where the first upload copies the bundled data to
    cache_dir: Path  # PINGAN_CACHE_DIR: checked-data snapshots
    home_district: str | None  # PINGAN_HOME_DISTRICT: the county adcode the dashboard is about; None: the data's outline
    districts: tuple[str, ...]  # PINGAN_DISTRICTS: the counties a city deployment switches between (empty: one county)
    database_url: str | None  # PINGAN_DATABASE_URL: read the data from this database instead of files
    tiles: TileSettings  # PINGAN_TILES, PINGAN_TILES_ATTR, PINGAN_TILES_CRS: base map tiles
    chromium: str | None  # CHROMIUM: the browser binary that draws PNGs and PDFs; None: `chromium` on PATH
    oidc: OidcSettings | None = None  # PINGAN_OIDC_*: single sign-on; None: the password (if any) is the sign-in
    password_role: str = "administrator"  # PINGAN_PASSWORD_ROLE: the role of whoever gives the shared password
    session_secret: str | None = None  # PINGAN_SESSION_SECRET: signs sign-in cookies; None: one kept in work_dir
    session_hours: float = 12.0  # PINGAN_SESSION_HOURS: a sign-in expires this long after it was given
    trusted_proxies: tuple[str, ...] = ()  # PINGAN_TRUSTED_PROXIES: addresses whose X-Forwarded-For is believed
    audit_log: Path | None = None  # PINGAN_AUDIT_LOG: the audit trail file; None: work_dir / "audit.jsonl"

    @property
    def access_control(self) -> bool:
        """Whether a sign-in stands before every page: a password, or single sign-on."""
        return self.password is not None or self.oidc is not None

    @property
    def audit_path(self) -> Path:
        return self.audit_log or self.work_dir / "audit.jsonl"

    @property
    def default_district(self) -> str | None:
        """The county shown when a link names none: the home district, else the first of the deployment's counties."""
        return self.home_district or (self.districts[0] if self.districts else None)

    @property
    def data_management(self) -> bool:
        """Uploads and rollbacks exist only behind a sign-in, and never in the public copy."""
        return self.access_control and not self.public


def _secrets() -> dict[str, Any]:
    """The first secrets file found (the project's, then the user's), as Streamlit reads them."""
    for path in SECRETS_FILES:
        if path.is_file():
            try:
                return tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
                raise SettingsError(str(path), "…", "secrets.toml 不是有效的 TOML 文件", f"not a valid TOML file ({err})") from err
    return {}


def _as_text(value: object) -> str:
    """A secrets-file value as the environment would hold it (TOML may give booleans and numbers)."""
    if value is True or value is False:
        return "1" if value else "0"
    return "" if value is None else str(value)


def _flag(name: str, value: str, default: bool) -> bool:
    word = value.strip().lower()
    if not word:
        return default
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise SettingsError(name, value, "应为 1/on/true/yes 或 0/off/false/no", "expected 1/on/true/yes or 0/off/false/no")


def _text(value: str) -> str | None:
    return value if value.strip() else None


def _folder(value: str, default: Path) -> Path:
    return Path(value.strip()).expanduser() if value.strip() else default


def _adcode(name: str, value: str) -> str | None:
    code = value.strip()
    if not code:
        return None
    if not (len(code) == 6 and code.isascii() and code.isdigit()):
        raise SettingsError(name, value, "应为 6 位区县代码,如 511402", "expected a 6-digit county adcode such as 511402")
    return code


def _adcodes(name: str, value: str, home: str | None) -> tuple[str, ...]:
    """A comma-separated list of county adcodes, each once, including the home district when one is set."""
    codes = tuple(dict.fromkeys(code for part in value.split(",") if (code := _adcode(name, part)) is not None))
    if codes and home is not None and home not in codes:
        raise SettingsError(name, value, f"应包含本区县 {home}(PINGAN_HOME_DISTRICT)",
                            f"expected to include the home district {home} (PINGAN_HOME_DISTRICT)")
    return codes


DATABASE_DRIVERS = ("postgresql", "postgresql+psycopg")


def _database_url(name: str, value: str) -> str | None:
    """A SQLAlchemy URL of a PostgreSQL-compatible database, such as postgresql+psycopg://user@host/db."""
    text = value.strip()
    if not text:
        return None
    from sqlalchemy.engine import make_url  # only deployments that name a database pay for the import
    from sqlalchemy.exc import ArgumentError

    expected = ("应为 PostgreSQL 兼容数据库的地址,如 postgresql+psycopg://用户@主机/库名",
                "expected a PostgreSQL-compatible database URL such as postgresql+psycopg://user@host/db")
    try:
        url = make_url(text)
    except ArgumentError as err:
        raise SettingsError(name, "…", *expected) from err  # the text may hold a password: not shown
    if url.drivername not in DATABASE_DRIVERS or not url.database:
        raise SettingsError(name, url.render_as_string(hide_password=True), *expected)
    return text


def _crs(name: str, value: str) -> str:
    crs = value.strip().lower()
    if crs not in ("", "wgs84", "gcj02"):
        raise SettingsError(name, value, "应为 wgs84 或 gcj02", "expected wgs84 or gcj02")
    return crs


def _choice(name: str, value: str, choices: tuple[str, ...], default: str) -> str:
    word = value.strip().lower()
    if not word:
        return default
    if word not in choices:
        listed = " / ".join(choices)
        raise SettingsError(name, value, f"应为 {listed} 之一", f"expected one of {listed}")
    return word


def _hours(name: str, value: str, default: float) -> float:
    try:
        hours = float(value) if value.strip() else default
    except ValueError:
        hours = -1.0
    if not 0 < hours <= 24 * 90:
        raise SettingsError(name, value, "应为 0 到 2160 之间的小时数", "expected a number of hours between 0 and 2160")
    return hours


def _words(value: str) -> tuple[str, ...]:
    """A comma- or space-separated list."""
    return tuple(word for word in value.replace(",", " ").split() if word)


def _networks(name: str, value: str) -> tuple[str, ...]:
    words = _words(value)
    for word in words:
        try:
            ipaddress.ip_network(word, strict=False)
        except ValueError:
            raise SettingsError(name, value, "应为以逗号分隔的 IP 地址或网段,如 127.0.0.1, 10.0.0.0/8",
                                "expected IP addresses or networks separated by commas, e.g. 127.0.0.1, 10.0.0.0/8") from None
    return words


def _oidc(value: Callable[[str], str]) -> OidcSettings | None:
    given = {field: value(name).strip() for field, name in OIDC_SETTINGS.items()}
    if not any(given.values()):
        return None
    for field, name in OIDC_SETTINGS.items():
        if not given[field]:
            raise SettingsError(name, "", "单点登录(OIDC)的四项设置须全部填写",
                                "single sign-on (OIDC) needs all four PINGAN_OIDC_* settings")
    groups = {role: _words(value(name)) for role, name in ROLE_GROUP_SETTINGS.items()}
    return OidcSettings(**given, role_claim=value(ROLE_CLAIM_SETTING).strip() or "groups",
                        role_groups=tuple((role, found or (role,)) for role, found in groups.items()))


def read_settings(environ: Mapping[str, str] | None = None,
                  secrets: Callable[[], Mapping[str, Any]] = _secrets) -> Settings:
    """The deployment's settings: each from the environment when it is set there, else from the secrets file."""
    environ = os.environ if environ is None else environ
    from_file: Mapping[str, Any] | None = None

    def value(name: str) -> str:
        nonlocal from_file
        if name in environ:
            return environ[name]
        if from_file is None:
            from_file = secrets()
        return _as_text(from_file.get(name))

    home = Path.home()
    data_dir = value(DATA_DIR_SETTING).strip()
    if _text(value(PASSWORD_SETTING)) and value(OIDC_SETTINGS["metadata_url"]).strip():
        raise SettingsError(PASSWORD_SETTING, "…", "已设置单点登录(PINGAN_OIDC_*)时不能再设访问密码,请只保留一种",
                            "cannot be set together with single sign-on (PINGAN_OIDC_*): keep one of the two")
    home_district = _adcode(HOME_DISTRICT_SETTING, value(HOME_DISTRICT_SETTING))
    return Settings(
        password=_text(value(PASSWORD_SETTING)),
        public=_flag(PUBLIC_SETTING, value(PUBLIC_SETTING), False),
        uploads=_flag(UPLOADS_SETTING, value(UPLOADS_SETTING), True),
        data_dir=Path(data_dir).expanduser() if data_dir else None,
        work_dir=_folder(value(WORK_DIR_SETTING), home / ".local" / "share" / "pingan-dashboard"),
        cache_dir=_folder(value(CACHE_DIR_SETTING), home / ".cache" / "pingan-dashboard"),
        home_district=home_district,
        districts=_adcodes(DISTRICTS_SETTING, value(DISTRICTS_SETTING), home_district),
        database_url=_database_url(DATABASE_URL_SETTING, value(DATABASE_URL_SETTING)),
        tiles=TileSettings(_text(value("PINGAN_TILES")), value("PINGAN_TILES_ATTR"),
                           _crs("PINGAN_TILES_CRS", value("PINGAN_TILES_CRS"))),
        chromium=_text(value("CHROMIUM")),
        oidc=_oidc(value),
        password_role=_choice(PASSWORD_ROLE_SETTING, value(PASSWORD_ROLE_SETTING), ROLE_NAMES, "administrator"),
        session_secret=_text(value(SESSION_SECRET_SETTING)),
        session_hours=_hours(SESSION_HOURS_SETTING, value(SESSION_HOURS_SETTING), 12.0),
        trusted_proxies=_networks(TRUSTED_PROXIES_SETTING, value(TRUSTED_PROXIES_SETTING)),
        audit_log=Path(value(AUDIT_LOG_SETTING).strip()).expanduser() if value(AUDIT_LOG_SETTING).strip() else None,
    )
