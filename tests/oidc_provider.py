"""A small OpenID Connect provider for the tests, served over real HTTP on 127.0.0.1.

It follows OpenID Connect Core's authorization code flow as a council's identity
provider would: a discovery document, a sign-in page with a session cookie, single-use
codes bound to the client and redirect URI, PKCE (S256), RS256-signed ID tokens with the
nonce, a JWKS, userinfo, `prompt=none` (answering `login_required` when the person has no
session or is switched off) and RP-initiated logout. People can be switched off while
signed in, as an administrator does in Entra ID.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "scrutiny-tracker"
CLIENT_SECRET = "a-client-secret-for-the-tests"
SESSION_COOKIE = "op_session"


@dataclass
class Person:
    username: str
    password: str
    email: str
    given_name: str = ""
    family_name: str = ""
    groups: list[str] = field(default_factory=list)
    enabled: bool = True


@dataclass
class Grant:
    username: str
    redirect_uri: str
    nonce: str | None
    code_challenge: str | None


class Provider:
    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.sessions: dict[str, str] = {}  # session id -> username
        self.codes: dict[str, Grant] = {}
        self.access_tokens: dict[str, str] = {}
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = secrets.token_hex(8)
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # --- running ----------------------------------------------------------------------

    def start(self) -> Provider:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def add_person(self, **kwargs) -> Person:
        person = Person(**kwargs)
        self.people[person.username] = person
        return person

    def settings(self) -> dict:
        """Django settings that point the service at this provider."""
        return {
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_ISSUER": self.issuer,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.issuer}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.issuer}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.issuer}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.issuer}/jwks",
            "OIDC_OP_LOGOUT_ENDPOINT": f"{self.issuer}/logout",
            "OIDC_RP_SCOPES": "openid email profile groups",
        }

    # --- protocol ---------------------------------------------------------------------

    def discovery(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "end_session_endpoint": f"{self.issuer}/logout",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "scopes_supported": ["openid", "email", "profile", "groups"],
        }

    def jwks(self) -> dict:
        jwk = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def claims(self, person: Person) -> dict:
        return {
            "sub": person.username,
            "email": person.email,
            "email_verified": True,
            "given_name": person.given_name,
            "family_name": person.family_name,
            "name": f"{person.given_name} {person.family_name}".strip(),
            "groups": person.groups,
        }

    def issue_code(self, person: Person, query: dict) -> str:
        code = secrets.token_urlsafe(24)
        with self.lock:
            self.codes[code] = Grant(
                username=person.username,
                redirect_uri=query["redirect_uri"],
                nonce=query.get("nonce"),
                code_challenge=query.get("code_challenge"),
            )
        return code

    def exchange(self, form: dict, authorization: str | None) -> tuple[int, dict]:
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        if authorization and authorization.startswith("Basic "):
            decoded = base64.b64decode(authorization[6:]).decode()
            client_id, _, client_secret = decoded.partition(":")
        if client_id != CLIENT_ID or client_secret != CLIENT_SECRET:
            return 401, {"error": "invalid_client"}
        if form.get("grant_type") != "authorization_code":
            return 400, {"error": "unsupported_grant_type"}
        with self.lock:
            grant = self.codes.pop(form.get("code", ""), None)  # single use
        if grant is None or grant.redirect_uri != form.get("redirect_uri"):
            return 400, {"error": "invalid_grant"}
        if grant.code_challenge:
            verifier = form.get("code_verifier", "")
            digest = hashlib.sha256(verifier.encode()).digest()
            challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
            if challenge != grant.code_challenge:
                return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        person = self.people[grant.username]
        if not person.enabled:
            return 400, {"error": "invalid_grant", "error_description": "account disabled"}
        now = int(time.time())
        id_token = jwt.encode(
            {
                "iss": self.issuer,
                "aud": CLIENT_ID,
                "sub": person.username,
                "iat": now,
                "exp": now + 300,
                "nonce": grant.nonce,
                "email": person.email,
                "groups": person.groups,
            },
            self.key,
            algorithm="RS256",
            headers={"kid": self.kid},
        )
        access_token = secrets.token_urlsafe(24)
        with self.lock:
            self.access_tokens[access_token] = person.username
        return 200, {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": id_token,
        }

    # --- HTTP -------------------------------------------------------------------------

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format, *args):  # quiet in test output
                pass

            def _send(self, status: int, body: bytes, content_type: str, headers=()) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def _json(self, status: int, data: dict) -> None:
                self._send(status, json.dumps(data).encode(), "application/json")

            def _redirect(self, location: str, headers=()) -> None:
                self._send(302, b"", "text/plain", [("Location", location), *headers])

            def _session_user(self) -> Person | None:
                cookie = SimpleCookie(self.headers.get("Cookie", ""))
                morsel = cookie.get(SESSION_COOKIE)
                username = provider.sessions.get(morsel.value) if morsel else None
                return provider.people.get(username) if username else None

            def _back_to_client(self, query: dict, **params) -> None:
                params["state"] = query.get("state", "")
                self._redirect(f"{query['redirect_uri']}?{urlencode(params)}")

            def _form(self, query: dict, error: str = "") -> None:
                hidden = "".join(
                    f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                    for k, v in query.items()
                )
                message = f'<p role="alert">{html.escape(error)}</p>' if error else ""
                page = (
                    "<!doctype html><html lang='en'><head><title>Council sign-in</title></head>"
                    "<body><main><h1>Sign in to your council account</h1>"
                    f"{message}<form method='post' action='/authorize'>{hidden}"
                    "<label for='username'>Username</label><input id='username' name='username'>"
                    "<label for='password'>Password</label>"
                    "<input id='password' name='password' type='password'>"
                    "<button type='submit'>Sign in</button></form></main></body></html>"
                )
                self._send(200, page.encode(), "text/html; charset=utf-8")

            def _valid_request(self, query: dict) -> bool:
                if query.get("client_id") != CLIENT_ID or not query.get("redirect_uri"):
                    self._send(400, b"unknown client", "text/plain")
                    return False
                return True

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/.well-known/openid-configuration":
                    self._json(200, provider.discovery())
                elif url.path == "/jwks":
                    self._json(200, provider.jwks())
                elif url.path == "/authorize":
                    if not self._valid_request(query):
                        return
                    person = self._session_user()
                    if query.get("prompt") == "none":
                        if person is None or not person.enabled:
                            self._back_to_client(query, error="login_required")
                        else:
                            self._back_to_client(query, code=provider.issue_code(person, query))
                    elif person is not None and person.enabled:
                        self._back_to_client(query, code=provider.issue_code(person, query))
                    else:
                        self._form(query)
                elif url.path == "/userinfo":
                    token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                    username = provider.access_tokens.get(token)
                    if username is None:
                        self._json(401, {"error": "invalid_token"})
                    else:
                        self._json(200, provider.claims(provider.people[username]))
                elif url.path == "/logout":
                    cookie = SimpleCookie(self.headers.get("Cookie", ""))
                    if SESSION_COOKIE in cookie:
                        provider.sessions.pop(cookie[SESSION_COOKIE].value, None)
                    target = query.get("post_logout_redirect_uri")
                    expire = (("Set-Cookie", f"{SESSION_COOKIE}=; Path=/; Max-Age=0"),)
                    if target:
                        self._redirect(target, expire)
                    else:
                        self._send(200, b"Signed out", "text/plain", expire)
                else:
                    self._send(404, b"not found", "text/plain")

            def do_POST(self) -> None:
                url = urlsplit(self.path)
                length = int(self.headers.get("Content-Length", "0"))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if url.path == "/token":
                    status, body = provider.exchange(form, self.headers.get("Authorization"))
                    self._json(status, body)
                    return
                if url.path != "/authorize":
                    self._send(404, b"not found", "text/plain")
                    return
                query = {k: v for k, v in form.items() if k not in {"username", "password"}}
                if not self._valid_request(query):
                    return
                person = provider.people.get(form.get("username", ""))
                if person is None or person.password != form.get("password"):
                    self._form(query, "The username or password is wrong.")
                    return
                if not person.enabled:
                    # As Entra ID does for a blocked account: the client is told no.
                    self._back_to_client(
                        query, error="access_denied", error_description="Account disabled"
                    )
                    return
                session = secrets.token_urlsafe(16)
                provider.sessions[session] = person.username
                cookie = ("Set-Cookie", f"{SESSION_COOKIE}={session}; Path=/; HttpOnly")
                params = {"code": provider.issue_code(person, query), "state": query["state"]}
                self._redirect(f"{query['redirect_uri']}?{urlencode(params)}", [cookie])

        return Handler
