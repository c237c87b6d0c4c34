"""The access gate: ASGI middleware in front of every route of the server (app.py mounts it on streamlit.starlette.App).

When the deployment has access control (a password, or single sign-on), no URL answers with data to a request that
does not carry a valid sign-in cookie: not the page (its HTML, scripts and websocket), not a download (/media), not
an upload (/_stcore/upload_file), not the metrics or agent endpoints, not a component's files. Open to everyone are
only the health check, the sign-in page itself (/-/signin, /-/sso) and Streamlit's single sign-on routes. A browser
opening a page without a sign-in is sent to the sign-in page, which brings it back to the same link afterwards.

The gate also keeps the sign-in throttle (per client address, X-Forwarded-For believed only from trusted proxies),
records sign-ins, sign-outs and downloads in the audit trail, and checks roles for uploads and the metrics.
Without access control it only closes the metrics and agent endpoints, which no visitor needs.
"""
from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import quote, unquote

from starlette.requests import HTTPConnection, Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from lib import audit
from lib.access_control import LoginThrottle, client_address, password_matches
from lib.audit import AuditEvent, AuditLog
from lib.i18n import DEFAULT_LANG, t
from lib.roles import Identity, Role
from lib.server.identity import SSO_COOKIE, Identifier, Visitor, identifier_for
from lib.server.signin_page import lang_of, message_html, safe_next, signin_html
from lib.sessions import SESSION_COOKIE
from lib.settings import Settings, SettingsError, read_settings

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SIGNIN, SSO = "/-/signin", "/-/sso"
LOGIN, LOGOUT, CALLBACK = "/auth/login", "/auth/logout", "/oauth2callback"  # Streamlit's st.login / st.logout routes
HEALTH = "/_stcore/health"
NEXT_COOKIE = "pingan_next"  # where a single sign-on returns to (the provider's callback always lands on /)
ADMIN_ONLY = ("/_stcore/metrics", "/_stcore/agent")  # server internals: active sessions, cache functions, the agent API
UPLOADS = "/_stcore/upload_file"
MEDIA = "/media/"
NOT_PAGES = ("/_stcore/", "/media/", "/component/", "/static/", "/app/static/", "/-/", "/auth/")  # everything else is a page
MAX_FORM_BYTES = 8192


class AccessGate:
    def __init__(self, app: ASGIApp, settings: Callable[[], Settings] = read_settings):
        self.app = app
        try:
            self.settings: Settings | None = settings()
            self.error: SettingsError | None = None
        except SettingsError as err:  # fail closed: a deployment whose settings cannot be read serves no data
            self.settings, self.error = None, err
        if self.settings is not None and self.settings.access_control:
            self.identifier: Identifier = identifier_for(self.settings)
            self.audit = AuditLog(self.settings.audit_path)
            self.throttle = LoginThrottle()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or scope["path"] == HEALTH:
            return await self.app(scope, receive, send)
        path = scope["path"]
        if self.settings is None:
            return await self._refuse(scope, receive, send, 503, self._settings_message())
        if not self.settings.access_control:
            if path.startswith(ADMIN_ONLY):
                return await self._refuse(scope, receive, send, 404, "Not Found")
            return await self.app(scope, receive, send)

        connection = HTTPConnection(scope)
        if scope["type"] == "http":
            if path == SIGNIN:
                response = await (self._sign_in(Request(scope, receive)) if scope["method"] == "POST"
                                  else self._signin_page(Request(scope, receive)))
                return await response(scope, receive, send)
            if path == SSO and self.settings.oidc is not None:
                return await self._start_sso(Request(scope, receive))(scope, receive, send)
            if path == LOGOUT:
                return await self._sign_out(scope, receive, send)
            if self.settings.oidc is not None and path == LOGIN:
                return await self.app(scope, receive, send)
            if self.settings.oidc is not None and path == CALLBACK:
                return await self.app(scope, receive, self._watch_callback(connection, send))

        visitor = self.identifier.visitor(connection.cookies)
        if visitor.identity is None:
            return await self._turn_away(scope, receive, send, visitor)
        identity = visitor.identity
        if path.startswith(ADMIN_ONLY) and not identity.role.reads_audit:
            return await self._refuse(scope, receive, send, 403, "Forbidden")
        if path.startswith(UPLOADS) and not identity.role.uploads:
            self._record(connection, identity, audit.UPLOAD, audit.REFUSED, "upload without the analyst role")
            return await self._refuse(scope, receive, send, 403, "Forbidden")
        if path.startswith(MEDIA) and scope["type"] == "http":
            return await self.app(scope, receive, self._watch_download(connection, identity, send))
        return await self.app(scope, receive, send)

    # ------------------------------------------------------------------ answers

    def _settings_message(self) -> str:
        assert self.error is not None
        return f"{self.error.message('zh')}\n{self.error.message('en')}"

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, status: int, text: str) -> None:
        if scope["type"] == "websocket":
            return await send({"type": "websocket.close", "code": 1008})
        if status == 503 and _is_page(scope):
            response: Response = HTMLResponse(message_html(text, DEFAULT_LANG), status_code=503)
        else:
            response = PlainTextResponse(text, status_code=status)
        await response(scope, receive, send)

    async def _turn_away(self, scope: Scope, receive: Receive, send: Send, visitor: Visitor) -> None:
        """No valid sign-in: a page's address goes to the sign-in page; anything else is refused."""
        if scope["type"] == "websocket" or not _is_page(scope):
            return await self._refuse(scope, receive, send, 401, "Sign-in required")
        request = Request(scope, receive)
        link = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        lang = lang_of(link)
        if visitor.unauthorised_user:
            page = message_html(t("auth.not_authorised", lang, user=visitor.unauthorised_user), lang,
                                (LOGOUT, t("auth.sign_out", lang)))
            return await HTMLResponse(page, status_code=403)(scope, receive, send)
        await RedirectResponse(f"{SIGNIN}?next={quote(link, safe='')}", status_code=303)(scope, receive, send)

    async def _signin_page(self, request: Request, error: str = "", status: int = 200,
                           next_path: str | None = None) -> Response:
        assert self.settings is not None
        nxt = safe_next(next_path if next_path is not None else request.query_params.get("next"))
        lang = lang_of(nxt, request.query_params.get("lang"))
        page = signin_html(nxt, lang, sso=self.settings.oidc is not None, hours=self.settings.session_hours, error=error)
        return HTMLResponse(page, status_code=status, headers={"Cache-Control": "no-store"})

    async def _sign_in(self, request: Request) -> Response:
        """The password form's POST: the throttle, the check, the audit line, then the cookie and the way back."""
        assert self.settings is not None
        if self.settings.password is None:
            return PlainTextResponse("Not Found", status_code=404)
        body = await request.body()
        form = _form(body[:MAX_FORM_BYTES])
        nxt, lang = safe_next(form.get("next")), lang_of("", form.get("lang") or None)
        address = self._address(request)
        if address is None:
            self._record(request, None, audit.SIGN_IN, audit.REFUSED, "no client address")
            return await self._signin_page(request, t("auth.no_address", lang), 403, nxt)
        wait = self.throttle.wait_seconds(address)
        if wait:
            self._record(request, None, audit.SIGN_IN, audit.LOCKED, "too many wrong passwords")
            return await self._signin_page(request, t("auth.locked", lang, minutes=max(1, round(wait / 60))), 429, nxt)
        ok = password_matches(form.get("password", ""), self.settings.password)
        self.throttle.record(address, ok)
        if not ok:
            self._record(request, None, audit.SIGN_IN, audit.REFUSED, "wrong password")
            return await self._signin_page(request, t("auth.wrong", lang), 401, nxt)
        identity = Identity("password", Role.named(self.settings.password_role), "password")
        self._record(request, identity, audit.SIGN_IN, audit.OK, "password")
        response = RedirectResponse(nxt, status_code=303)
        response.set_cookie(SESSION_COOKIE, self.identifier.passwords.issue(identity),
                            max_age=int(self.settings.session_hours * 3600), path="/", httponly=True,
                            samesite="lax", secure=self._https(request))
        return response

    def _start_sso(self, request: Request) -> Response:
        """Into single sign-on: remember the link to come back to, then Streamlit's st.login route for the provider."""
        from streamlit.user_info import generate_login_redirect_url

        response = RedirectResponse(generate_login_redirect_url("default"), status_code=303)
        response.set_cookie(NEXT_COOKIE, quote(safe_next(request.query_params.get("next")), safe=""), max_age=900,
                            path="/", httponly=True, samesite="lax", secure=self._https(request))
        return response

    async def _sign_out(self, scope: Scope, receive: Receive, send: Send) -> None:
        """st.logout's route: the cookie is revoked here (a copy of it opens nothing either), then Streamlit's own
        logout (single sign-on) or the sign-in page (password)."""
        assert self.settings is not None
        connection = HTTPConnection(scope)
        visitor = self.identifier.visitor(connection.cookies)
        self.identifier.revoke(connection.cookies)
        if visitor.identity is not None:
            self._record(connection, visitor.identity, audit.SIGN_OUT, audit.OK)
        if self.settings.oidc is not None:
            return await self.app(scope, receive, send)
        response = RedirectResponse(SIGNIN, status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        await response(scope, receive, send)

    # ------------------------------------------------------------------ watching responses

    def _watch_callback(self, connection: HTTPConnection, send: Send) -> Send:
        """The provider's callback: record the sign-in (or its failure) and return to the link the visitor opened."""
        async def watched(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                set_cookies = SimpleCookie()
                for name, value in headers:
                    if name.lower() == b"set-cookie":
                        set_cookies.load(value.decode("latin-1"))
                given = {name: morsel.value for name, morsel in set_cookies.items() if morsel.value}
                visitor = self.identifier.visitor(given) if SSO_COOKIE in given else None
                if visitor is not None and visitor.identity is not None:
                    self._record(connection, visitor.identity, audit.SIGN_IN, audit.OK, "single sign-on")
                else:
                    user = visitor.unauthorised_user if visitor else ""
                    self._record(connection, None, audit.SIGN_IN, audit.REFUSED,
                                 "single sign-on: no role granted" if user else "single sign-on failed", user=user)
                nxt = connection.cookies.get(NEXT_COOKIE)
                if nxt and visitor is not None:
                    headers = [(k, v) for k, v in headers if k.lower() != b"location"]
                    headers.append((b"location", safe_next(unquote(nxt)).encode("latin-1", "replace")))
                    headers.append((b"set-cookie", f"{NEXT_COOKIE}=; Max-Age=0; Path=/".encode()))
                message = {**message, "headers": headers}
            await send(message)
        return watched

    def _watch_download(self, connection: HTTPConnection, identity: Identity, send: Send) -> Send:
        """A file served as a download (a table's CSV/XLSX, a chart's PNG, a briefing) goes into the audit trail."""
        async def watched(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start" and message.get("status") == 200:
                disposition = dict(message.get("headers", [])).get(b"content-disposition", b"").decode("latin-1")
                if disposition.startswith("attachment"):
                    self._record(connection, identity, audit.DOWNLOAD, audit.OK, _file_name(disposition))
            await send(message)
        return watched

    # ------------------------------------------------------------------ helpers

    def _address(self, connection: HTTPConnection) -> str | None:
        assert self.settings is not None
        peer = connection.client.host if connection.client else None
        return client_address(peer, connection.headers.getlist("x-forwarded-for"), self.settings.trusted_proxies)

    def _https(self, connection: HTTPConnection) -> bool:
        if connection.url.scheme in ("https", "wss"):
            return True
        assert self.settings is not None
        behind_proxy = self._address(connection) != (connection.client.host if connection.client else None)
        return behind_proxy and connection.headers.get("x-forwarded-proto", "").lower() == "https"

    def _record(self, connection: HTTPConnection, identity: Identity | None, action: str, outcome: str,
                detail: str = "", *, user: str = "") -> None:
        self.audit.append(AuditEvent(action, outcome, identity.user if identity else user,
                                     identity.role.name.lower() if identity else "", detail,
                                     self._address(connection) or ""))


def _is_page(scope: Scope) -> bool:
    return scope["type"] == "http" and scope["method"] in ("GET", "HEAD") and not scope["path"].startswith(NOT_PAGES)


def _form(body: bytes) -> dict[str, str]:
    from urllib.parse import parse_qs

    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=10)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {name: values[0] for name, values in parsed.items()}


_FILENAME_STAR = re.compile(r"filename\*=utf-8''([^;]+)", re.IGNORECASE)
_FILENAME = re.compile(r'filename="?([^";]+)"?', re.IGNORECASE)


def _file_name(disposition: str) -> str:
    if match := _FILENAME_STAR.search(disposition):
        return unquote(match.group(1))
    match = _FILENAME.search(disposition)
    return match.group(1) if match else ""
