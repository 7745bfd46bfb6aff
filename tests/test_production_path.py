"""The README's production path, run as documented, on a fresh copy of this checkout.

scripts/deploy.sh (the same script the README's "Deploying (gunicorn)" shows) installs into its
own .venv, runs `npm ci --omit=dev` (which would strip the test tools from this checkout, hence
the copy), `check --deploy`, `migrate` and `collectstatic`, and starts gunicorn with DEBUG=0 on
a free port and its own database. Then demo content is loaded and every public page shape is
crawled the way a TLS proxy forwards it (X-Forwarded-Proto: https): no 5xx, no broken internal
link, every stylesheet and script served under a hashed name, the error pages and the health
endpoint in place, one JSON log line per request.
"""

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import psycopg
import pytest
from django.conf import settings
from django.urls import Resolver404, resolve
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
# One xdist worker deploys (the group keeps the module fixture to one worker).
pytestmark = [pytest.mark.production, pytest.mark.xdist_group("deploy")]

HASHED_ASSET = re.compile(r"^/static/.+\.[0-9a-f]{12}\.(css|js)$")
MAX_PAGES = 160

# Start points; the crawl follows the links from there, one page per shape (route + query keys).
SEEDS = [
    "/",
    "/kennisbank/",
    "/kennisbank/?q=samenwerking",
    "/kennisbank/?q=%22inkoop+van+jeugdzorg%22&soort=praktijkvoorbeeld&thema=schuldhulpverlening",
    "/kennisbank/?q=samenwerking&soort=onzin&gemeente=GM9999&page=abc",  # bad input: no 500
    "/kennisbank/dossiers/",
    "/kennisbank/bijeenkomsten/",
    "/kennisbank/meest-overgenomen/",
    "/kennisbank/feed/",
    "/kennisbank/huisregels/",
    "/sitemap.xml",
    "/robots.txt",
    "/netwerk/",
    "/netwerk/kaart/",
    "/netwerk/partners/",
    "/netwerk/regio/nederland/",
    "/netwerk/samenwerkingen/",
    "/netwerk/bronnen/",
    "/netwerk/api/",
    "/netwerk/api/openapi.json",
    "/netwerk/api/gemeenten",
    "/netwerk/api/gemeenten/GM0546",
    "/netwerk/api/samenwerkingen?limit=5",
    "/netwerk/vragen/",
    "/netwerk/leden/inloggen/",
    "/netwerk/leden/aanmelden/",
    "/modellentool/",
    "/modellentool/api/openapi.json",
    "/admin/login/",
]
# Shapes the crawl must have reached (URL names; item details per type path).
REQUIRED_SHAPES = {
    "home",
    "kennisbank:search",
    "kennisbank:dossiers",
    "kennisbank:events",
    "kennisbank:most_adopted",
    "kennisbank:feed",
    "kennisbank:theme_feed",
    "sitemap",
    "robots",
    "netwerk:index",
    "netwerk:municipality",
    *(f"netwerk:region/{kind}" for kind in ("provincie", "corop", "veiligheidsregio")),
    "netwerk:country/nederland",
    "netwerk:map",
    "netwerk:partners",
    "netwerk:collaborations",
    "netwerk:collaboration",
    "netwerk:sources",
    "modellentool:start",
    "modellentool:step",
    "modellentool:result",
    "modellentool:compare",
    "modellentool:pdf",
    *(f"kennisbank:detail/{p}" for p in ("onderzoek", "praktijkvoorbeelden", "praktijklessen")),
    *(f"kennisbank:detail/{p}" for p in ("dossiers", "bijeenkomsten")),
}
SKIP_PREFIXES = ("/static/", "/media/", "/admin/", "/i18n/")


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def is_html(self) -> bool:
        return self.headers.get("Content-Type", "").startswith("text/html")


@dataclass
class Visitor:
    """A browser behind a TLS proxy: sends X-Forwarded-Proto and keeps (secure) cookies."""

    port: int
    proxied: bool = True
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, body: str | None = None, **headers) -> Response:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Accept-Language": "en", **headers}  # the portal must still answer in Dutch
        if self.proxied:
            sent["X-Forwarded-Proto"] = "https"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            conn.request(method, path, body=body, headers=sent)
            raw = conn.getresponse()
            response = Response(raw.status, raw.headers, raw.read())
        finally:
            conn.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response

    def get(self, path: str, **headers) -> Response:
        return self.request("GET", path, **headers)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.pages: list[str] = []
        self.assets: list[str] = []
        self.csrf_token = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.pages.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") == "stylesheet":
            self.assets.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") == "alternate" and attrs.get("href"):
            self.pages.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.assets.append(attrs["src"])
        elif tag == "input" and attrs.get("name") == "csrfmiddlewaretoken":
            self.csrf_token = attrs.get("value", "")


def parse(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


def shape(url: str) -> tuple[str, str] | None:
    """(URL name, query keys) of an internal URL; None for an address no route serves."""
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    name = match.view_name
    for kwarg in ("type_path", "kind"):  # item types and region kinds are shapes of their own
        if kwarg in match.kwargs:
            name += "/" + match.kwargs[kwarg]
    return name, ",".join(sorted({key for key, _ in parse_qsl(parts.query)}))


def internal(href: str, port: int) -> str | None:
    parts = urlsplit(href)
    if parts.scheme not in {"", "http", "https"} or parts.netloc not in {"", f"127.0.0.1:{port}"}:
        return None
    if not parts.path.startswith("/") or parts.path.startswith(SKIP_PREFIXES):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_checkout(target: Path) -> None:
    """Tracked and new (not ignored) files as they are on disk: what `git clone` plus the
    uncommitted work would give."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (entry.decode() for entry in listed)):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


class DeployDatabase:
    def __init__(self):
        db = settings.DATABASES["default"]
        self.name = f"{db['NAME']}_deploy"
        self.conninfo = {
            "host": db["HOST"] or "127.0.0.1",
            "port": db["PORT"] or 5432,
            "user": db["USER"],
            "password": db["PASSWORD"] or None,
        }
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        self.url = f"postgres://{auth}@{self.conninfo['host']}:{self.conninfo['port']}/{self.name}"

    def _admin(self, statement: str) -> None:
        with psycopg.connect(dbname="postgres", autocommit=True, **self.conninfo) as conn:
            conn.execute(sql.SQL(statement).format(sql.Identifier(self.name)))

    def create(self) -> None:
        self.drop()
        self._admin("CREATE DATABASE {}")

    def drop(self) -> None:
        self._admin("DROP DATABASE IF EXISTS {} WITH (FORCE)")


def clean_env(**overrides) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE"}
        and not k.startswith(("EMAIL_", "PYTEST_"))
    }
    env.update(overrides)
    return env


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    """Runs scripts/deploy.sh in a copy of the checkout; yields (port, site folder, log)."""
    for tool in ("git", "npm"):
        assert shutil.which(tool), f"{tool} ontbreekt"
    site = tmp_path_factory.mktemp("site")
    copy_checkout(site)
    database = DeployDatabase()
    database.create()
    port = free_port()
    log_path = site / "deploy.log"
    env = clean_env(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database.url,
        BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
        SITE_URL=f"http://127.0.0.1:{port}",
    )
    started = time.monotonic()
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            ["bash", "scripts/deploy.sh"],
            cwd=site,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        probe = Visitor(port, proxied=False)
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"deploy.sh stopte (code {process.returncode}):\n{log_path.read_text()}"
                )
            if time.monotonic() - started > 420:
                pytest.fail(f"gunicorn antwoordde niet binnen 7 minuten:\n{log_path.read_text()}")
            try:
                if probe.get("/healthz").status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        print(f"\ndeploy.sh tot gunicorn antwoordt: {time.monotonic() - started:.0f} s")
        # Content, loaded with this checkout's development tools (the loaders refuse DEBUG=0)
        # into the database the deployed site serves.
        loaded = time.monotonic()
        for command in ("load_reference_data", "load_demo_content", "load_demo_contributions"):
            result = subprocess.run(
                [sys.executable, "manage.py", command],
                cwd=site,
                env=clean_env(DEBUG="1", DATABASE_URL=database.url),
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
        print(f"demo-inhoud geladen: {time.monotonic() - loaded:.0f} s")
        yield port, site, log_path
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        database.drop()


def advice_token(visitor: Visitor) -> str:
    """Answers the modellentool's first step and asks for the advice: a real form post through
    the proxy (secure cookies, CSRF with the https Referer)."""
    step = visitor.get("/modellentool/stap/1/")
    assert step.status == 200, step.text[:2000]
    origin = f"https://127.0.0.1:{visitor.port}"
    answer = visitor.request(
        "POST",
        "/modellentool/stap/1/",
        body=urlencode({"csrfmiddlewaretoken": parse(step.text).csrf_token, "richting": "advies"}),
        **{
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"{origin}/modellentool/stap/1/",
            "Origin": origin,
        },
    )
    assert answer.status == 302, answer.text[:3000]
    location = urlsplit(answer.headers["Location"]).path
    assert shape(location)[0] == "modellentool:result", location
    return location


def test_the_documented_deployment_serves_every_public_page(deployed):
    port, site, log_path = deployed
    started = time.monotonic()
    visitor = Visitor(port)

    # Collected static files: hashed names only, and the vendor CSS of the NL Design System.
    manifest = json.loads((site / "staticfiles/staticfiles.json").read_text())["paths"]
    assert "vendor/utrecht-tokens/theme.css" in manifest
    assert not any(name.startswith("vendor/utrecht-tokens/background") for name in manifest)

    result = advice_token(visitor)
    compare = result + "vergelijken/?vorm=centrumgemeente&vorm=bedrijfsvoeringsorganisatie"
    queue = deque([*SEEDS, result, compare])
    visited: dict[str, int] = {}
    shapes_seen: set = set()
    assets: dict[str, int] = {}
    broken_links: dict[str, str] = {}
    seeds = set(queue)
    referrer: dict[str, str] = {}
    while queue and len(visited) < MAX_PAGES:
        url = queue.popleft()
        key = shape(url)
        if url in visited or (url not in seeds and key in shapes_seen):
            continue
        shapes_seen.add(key)
        response = visitor.get(url)
        visited[url] = response.status
        if key is None or response.status == 404:
            broken_links[url] = referrer.get(url, "(startpunt)")
        if not response.is_html:
            continue
        links = parse(response.text)
        for href in links.assets:
            if href not in assets:
                asset = visitor.get(href)
                assert HASHED_ASSET.match(href), f"{href} op {url} heeft geen gehashte naam"
                assert "immutable" in asset.headers.get("Cache-Control", ""), href
                assets[href] = asset.status
        for href in links.pages:
            target = internal(href, port)
            if target and target not in visited:
                referrer.setdefault(target, url)
                queue.append(target)

    errors = {url: status for url, status in visited.items() if status >= 500}
    assert errors == {}, errors
    assert broken_links == {}, broken_links
    assert {href: s for href, s in assets.items() if s != 200} == {}
    assert {"css", "js"} <= {href.rsplit(".", 1)[1] for href in assets}
    reached = {key[0] for url in visited if visited[url] < 400 and (key := shape(url))}
    assert REQUIRED_SHAPES - reached == set()
    assert any(
        "thema=" in url or "type=" in url for url in visited if url.startswith("/kennisbank/?")
    )
    took = time.monotonic() - started
    print(f"\ncrawl: {len(visited)} pagina's, {len(assets)} css/js, {took:.0f} s")
    print("\n".join(f"  {status} {url}" for url, status in visited.items()))

    # A wrong address: the styled Dutch 404 page, in English once chosen.
    missing = visitor.get("/bestaat-niet/")
    assert missing.status == 404
    assert "Pagina niet gevonden" in missing.text and 'id="error-search-q"' in missing.text
    assert all(HASHED_ASSET.match(href) for href in parse(missing.text).assets)
    english = Visitor(port, cookies={"django_language": "en"}).get("/bestaat-niet/")
    assert english.status == 404 and "Page not found" in english.text

    # Behind the proxy: Dutch whatever the browser prefers, HSTS, secure cookies only.
    home = visitor.get("/")
    assert '<html lang="nl">' in home.text
    assert home.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    login = Visitor(port).get("/netwerk/leden/inloggen/")
    cookies = login.headers.get_all("Set-Cookie") or []
    assert cookies and all("; Secure" in cookie for cookie in cookies), cookies

    # Plain http is sent to https; the health probe answers on plain http without a cookie.
    plain = Visitor(port, proxied=False)
    assert plain.get("/").status == 301
    health = plain.get("/healthz")
    assert health.status == 200 and json.loads(health.body)["status"] == "ok"
    assert health.headers.get("Set-Cookie") is None

    # One JSON line per request, with the kind of user and never a token from the path.
    lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")]
    requests = [line for line in lines if line.get("logger") == "portal.request"]
    home = next(line for line in requests if line["path"] == "/")
    assert home["method"] == "GET" and home["status"] == 200 and home["user"] == "anonymous"
    assert isinstance(home["duration_ms"], float)
    token = result.rstrip("/").rsplit("/", 1)[1]
    assert not any(token in line["path"] for line in requests)
