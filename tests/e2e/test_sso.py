"""Single sign-on end to end in the browser: a real OpenID Connect provider (oidc-provider-mock) started by the test,
Streamlit's st.login routes behind the access gate, and the provider's groups claim mapped to the three roles."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from oidc_provider_mock import User, run_server_in_thread
from playwright.sync_api import expect

from lib.i18n import t
from tests.e2e.conftest import free_port, wait_idle
from tests.e2e.test_access import audit_lines, fetch, refuses, websocket_status

pytestmark = pytest.mark.e2e

USERS = {  # e-mail -> groups claim
    "leader@dongpo.example": ["pingan-viewers"],
    "analyst@dongpo.example": ["staff", "pingan-analysts"],
    "admin@dongpo.example": ["pingan-admins"],
    "visitor@dongpo.example": ["staff"],
}


@pytest.fixture(scope="module")
def sso(start_app, tmp_path_factory):
    """(base URL of the app, its audit file): the app signs in through a provider that knows USERS."""
    users = [User(sub=email, claims={"email": email, "groups": groups}) for email, groups in USERS.items()]
    with run_server_in_thread(user_claims=users) as provider:
        port = free_port()
        audit = tmp_path_factory.mktemp("sso") / "audit.jsonl"
        base = start_app({
            "PINGAN_OIDC_METADATA_URL": f"http://localhost:{provider.server_port}/.well-known/openid-configuration",
            "PINGAN_OIDC_CLIENT_ID": "pingan-dashboard", "PINGAN_OIDC_CLIENT_SECRET": "test-client-secret",
            "PINGAN_OIDC_REDIRECT_URI": f"http://127.0.0.1:{port}/oauth2callback",
            "PINGAN_VIEWER_GROUPS": "pingan-viewers", "PINGAN_ANALYST_GROUPS": "pingan-analysts",
            "PINGAN_ADMIN_GROUPS": "pingan-admins", "PINGAN_AUDIT_LOG": str(audit), "PINGAN_PASSWORD": ""}, port=port)
        yield base, audit


def sign_in_with_provider(page, email: str) -> None:
    """On the app's sign-in page: single sign-on, then the provider's form, choosing the user `email`."""
    page.locator("a#sso").click()
    page.locator(f"button[name='sub'][value='{email}']").click()
    page.wait_for_url(lambda url: urlparse(url).port != urlparse(page.url).port or "/oauth2/" not in url)


def signed_in_caption(page, email: str, role: str, lang: str = "en"):
    text = t("auth.signed_in_as", lang, user=email, role=t(f"role.{role}", lang))
    return page.locator("[data-testid='stSidebar']").get_by_text(text)


def signed_in_tab(fresh_tab, url: str, email: str, role: str):
    """A new tab on `url`, signed in through the provider as `email`, idle, its sidebar naming `role`."""
    page = fresh_tab(url)
    sign_in_with_provider(page, email)
    wait_idle(page)
    expect(signed_in_caption(page, email, role)).to_be_visible()
    return page


def test_a_viewer_signs_in_through_the_provider_and_returns_to_the_shared_link(sso, fresh_tab):
    base, _ = sso
    page = fresh_tab(base + "/crime?lang=en&grain=month&town=511402003")
    expect(page.locator("a#sso")).to_have_text(t("auth.sso_submit", "en"))
    sign_in_with_provider(page, "leader@dongpo.example")
    wait_idle(page)
    assert urlparse(page.url).path == "/crime", page.url
    assert parse_qs(urlparse(page.url).query)["town"] == ["511402003"]
    expect(page.locator("[data-testid='stMain'] h1")).to_contain_text(t("page.crime", "en"))
    expect(signed_in_caption(page, "leader@dongpo.example", "viewer")).to_be_visible()
    expect(page.locator("[data-testid='stSidebarNav']")).not_to_contain_text(t("page.data", "en"))
    page.goto(base + "/data?lang=en")
    wait_idle(page)
    expect(page.locator("[data-testid='stMain']")).to_contain_text(t("access.not_offered_role", "en")[:40])
    assert page.locator("[data-testid='stFileUploader']").count() == 0
    assert refuses(*fetch(base + "/_stcore/upload_file/x/y", method="PUT", data=b"x",
                          cookie=_cookie_header(page)))  # and the server refuses a viewer's upload


def test_an_analyst_uploads_but_has_no_rollback_or_audit_trail(sso, fresh_tab):
    base, _ = sso
    page = signed_in_tab(fresh_tab, base + "/data?lang=en", "analyst@dongpo.example", "analyst")
    expect(page.locator("[data-testid='stFileUploader']")).to_have_count(1)
    expect(page.locator("[data-testid='stMain']")).not_to_contain_text(t("da.section_audit", "en"))


def test_an_administrator_reads_the_audit_trail_and_signing_out_ends_the_cookie(sso, fresh_tab):
    base, audit = sso
    page = signed_in_tab(fresh_tab, base + "/data?lang=en", "admin@dongpo.example", "administrator")
    main = page.locator("[data-testid='stMain']")
    expect(main.get_by_role("heading", name=t("da.section_audit", "en"))).to_be_visible()
    assert fetch(base + "/_stcore/metrics", cookie=_cookie_header(page))[0] == 200
    lines = audit_lines(audit)
    sign_ins = {(line["user"], line["role"], line["outcome"]) for line in lines if line["action"] == "sign-in"}
    assert ("admin@dongpo.example", "administrator", "ok") in sign_ins

    before = _cookie_header(page)
    page.locator("[data-testid='stSidebar']").get_by_role("button", name=t("auth.sign_out", "en")).click()
    page.wait_for_url(lambda url: "/data" not in url)
    page.goto(base + "/data?lang=en")
    expect(page.locator("a#sso")).to_be_visible()
    assert refuses(*fetch(base + "/data?lang=en", cookie=before))  # the copy taken before signing out is dead
    assert websocket_status(base, before) != 101
    lines = audit_lines(audit)
    assert any(line["action"] == "sign-out" and line["user"] == "admin@dongpo.example" for line in lines)


def test_a_user_whom_no_group_grants_a_role_sees_nothing(sso, fresh_tab):
    base, audit = sso
    page = fresh_tab(base + "/crime?lang=en")
    sign_in_with_provider(page, "visitor@dongpo.example")
    expect(page.locator("p.error")).to_have_text(t("auth.not_authorised", "en", user="visitor@dongpo.example"))
    assert page.locator("[data-testid='stApp']").count() == 0
    status, _, body = fetch(base + "/crime", cookie=_cookie_header(page))
    assert status == 403 and b"stApp" not in body and b"<script" not in body
    assert websocket_status(base, _cookie_header(page)) != 101
    lines = audit_lines(audit)
    assert any(line["action"] == "sign-in" and line["outcome"] == "refused" and line["user"] == "visitor@dongpo.example"
               for line in lines)


def _cookie_header(page) -> str:
    return "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
