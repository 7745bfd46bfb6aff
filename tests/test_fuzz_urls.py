"""Bad input to every URL pattern never gives a 5xx (issue 11).

The URL patterns are read from the resolver, so a new URL is crawled without touching this file.
Path parameters get a valid value (taken from real objects' URLs) and invalid ones (huge
integers, over-long strings, a NUL). Every page then gets NUL bytes, huge integers, over-long
strings, repeated parameters (arrays) and wrong types in every GET parameter it knows: the
names of its own form fields (read from the page), the parameters the code reads from
request.GET, and the query parameters of the OpenAPI descriptions. Pages with a POST form, and
the JSON APIs, get the same values posted, as form fields or as JSON fields. All of it as an
anonymous visitor and as a logged-in member.
"""

from __future__ import annotations

import json
import re
import secrets
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from modellentool.models import AdviceResult
from modellentool.services import version_published
from netwerk.models import Collaboration
from tests.factories import EventFactory, ItemFactory
from tests.netwerk.member_factories import MemberFactory, QuestionFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
HUGE = "9223372036854775808"  # one more than PostgreSQL's bigint holds
LONG = "x" * 5000
# Each variant sets every known parameter at once: one request per variant, not per parameter.
VALUES: dict[str, object] = {
    "nul": "a\x00b",
    "huge": HUGE,
    "long": LONG,
    # Repeated parameters, with wrong types among them.
    "array": ["-" + HUGE + "0", "abc", "{}", "1.5", LONG[:300]],
}
JSON_VALUES: dict[str, object] = {
    "nul": "a\x00b",
    "huge": 10**30,
    "long": LONG,
    "array": [HUGE, 1, None],
    "wrong type": {"a": [1]},
}
PATH_INVALID = {
    "int": [HUGE],
    "slug": ["a" * 300],
    "str": ["x" * 1000, "%00"],
    "path": ["a/" * 60],
}
SKIP_PREFIXES = ("static/", "media/")
GET_NAME = re.compile(r"""GET(?:\.get|\.getlist)?\(\s*["']([\w-]+)["']""")
FIELD_NAME = re.compile(r"""<(?:input|select|textarea)\b[^>]*\bname="([^"]+)\"""")
POST_FORM = re.compile(r"""<form\b[^>]*\bmethod="post\"""", re.IGNORECASE)
LOGIN = re.compile(r"^/(admin/login|netwerk/leden/inloggen)/")
ROUTE_PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")


def code_get_names() -> set[str]:
    """The GET parameters the portal's code reads directly."""
    names: set[str] = set()
    for app in ("portal", "kennisbank", "netwerk", "modellentool"):
        for file in (ROOT / app).rglob("*.py"):
            names |= set(GET_NAME.findall(file.read_text(encoding="utf-8")))
    return names


def patterns(resolver=None, prefix: str = ""):
    """(route, {param: converter}) for every URL pattern, nested includes resolved."""
    for entry in (resolver or get_resolver()).url_patterns:
        pattern = entry.pattern
        if isinstance(entry, URLResolver):
            yield from patterns(entry, prefix + _route(pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + _route(pattern)


def _route(pattern) -> str:
    """A route string; a regex pattern (the admin has a few) becomes <str:name> placeholders."""
    text = str(pattern)
    if not hasattr(pattern, "regex") or not text.startswith("^"):
        return text
    text = text.removeprefix("^").removesuffix("$").removesuffix("\\Z")
    out, i = "", 0
    while i < len(text):
        if text.startswith("(?P<", i):
            name = text[i + 4 : text.index(">", i)]
            depth, j = 0, i
            while True:
                depth += {"(": 1, ")": -1}.get(text[j], 0)
                j += 1
                if depth == 0:
                    break
            out += f"<str:{name}>"
            i = j
        else:
            out += text[i] if text[i] != "\\" else ""
            i += 1
    return out


def fill(route: str, valid: dict[str, str], override: tuple[str, str] | None = None) -> str:
    def value(match):
        converter, name = match.group(1) or "str", match.group(2)
        if override and override[0] == name:
            return override[1]
        return quote(str(valid.get(name, "1" if converter == "int" else "onbekend")), safe="/")

    return "/" + ROUTE_PARAM.sub(value, route)


def urls_for(route: str, valid: dict[str, str]) -> list[str]:
    """The route with valid parameters, then with each parameter made invalid in turn."""
    urls = [fill(route, valid)]
    for match in ROUTE_PARAM.finditer(route):
        converter, name = match.group(1) or "str", match.group(2)
        for bad in PATH_INVALID.get(converter, PATH_INVALID["str"]):
            urls.append(fill(route, valid, (name, bad)))
    return urls


def openapi(client: Client) -> dict[str, tuple[set[str], set[str]]]:
    """Per API path (as served): its query parameter names and JSON body field names."""
    found: dict[str, tuple[set[str], set[str]]] = {}
    for base in ("/netwerk/api/", "/modellentool/api/"):
        schema = client.get(base + "openapi.json").json()
        for path, operations in schema["paths"].items():
            query, body = set(), set()
            for operation in operations.values():
                query |= {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
                content = operation.get("requestBody", {}).get("content", {})
                ref = content.get("application/json", {}).get("schema", {})
                props = _resolve(schema, ref).get("properties", {})
                body |= set(props) or {"x"}
            found[base.rstrip("/") + re.sub(r"\{\w+\}", "{}", path)] = (query, body)
    return found


def _resolve(schema: dict, ref: dict) -> dict:
    if "$ref" in ref:
        node = schema
        for part in ref["$ref"].lstrip("#/").split("/"):
            node = node[part]
        return node
    return ref


@pytest.fixture
def objects(db):
    """Real objects whose URLs give valid path parameters."""
    item = ItemFactory()
    event = EventFactory(capacity=10)
    asker = MemberFactory()
    question = QuestionFactory(asker=asker.user)
    result = AdviceResult.objects.create(
        token=secrets.token_urlsafe(24), version=version_published(), answers={}
    )
    urls = [
        item.get_absolute_url(),
        event.get_absolute_url(),
        question.get_absolute_url(),
        asker.get_absolute_url(),
        result.get_absolute_url(),
    ]
    collaboration = Collaboration.objects.first()
    if collaboration is not None:
        urls.append(collaboration.get_absolute_url())
    valid: dict[str, str] = {"item_pk": str(item.pk), "number": "1", "code": "GM0546"}
    for url in urls:
        valid.update({k: str(v) for k, v in resolve(url).kwargs.items() if k not in valid})
    return valid


def crawl(client: Client, login=None) -> tuple[int, list[str]]:
    """Sends the whole crawl; returns (requests sent, the ones answered with a 5xx)."""
    sent, failures = 0, []
    if login is not None:
        client.force_login(login)
    api = openapi(client)
    global_names = code_get_names()

    def send(method: str, url: str, **kwargs):
        nonlocal sent
        sent += 1
        response = getattr(client, method)(url, **kwargs)
        if login is not None and method == "post":
            client.force_login(login)  # a fuzzed logout must not end the member's part
        if response.status_code >= 500:
            failures.append(f"{method.upper()} {url[:160]} {str(kwargs)[:160]}")
        return response

    routes = [r for r in patterns() if not r.startswith(SKIP_PREFIXES)]
    for route in routes:
        api_key = "/" + re.sub(r"<[^>]+>", "{}", route)
        query_names, body_names = api.get(api_key, (set(), set()))
        url, *invalid = urls_for(route, client.valid)
        response = send("get", url)
        if response.status_code == 302 and LOGIN.search(response["Location"]):
            # This role is sent to a login page before the view runs (most of the admin):
            # its parameters are never read, so one request says all there is to say.
            continue
        for bad in invalid:
            send("get", bad)
        html = response.content.decode(errors="replace") if response.status_code == 200 else ""
        names = set(FIELD_NAME.findall(html)) | global_names | query_names
        names.discard("csrfmiddlewaretoken")
        for value in VALUES.values():
            send("get", url + "?" + urlencode(dict.fromkeys(names, value), doseq=True))
        if api_key in api and body_names:
            for value in JSON_VALUES.values():
                body = json.dumps(dict.fromkeys(body_names, value))
                send("post", url, data=body, content_type="application/json")
            send("post", url, data="[1, 2", content_type="application/json")
        elif POST_FORM.search(html) or response.status_code == 405:
            fields = (set(FIELD_NAME.findall(html)) or {"x"}) - {"csrfmiddlewaretoken"}
            for value in VALUES.values():
                send("post", url, data=dict.fromkeys(fields, value))
    return sent, failures


@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_no_url_answers_bad_input_with_a_server_error(objects, role, capsys):
    client = Client(raise_request_exception=False)
    client.valid = objects
    user = MemberFactory().user if role == "member" else None
    sent, failures = crawl(client, login=user)
    with capsys.disabled():
        print(f"\nfuzz crawl as {role}: {sent} requests, {len(failures)} with a 5xx")
    assert not failures, "\n".join(failures)
    assert sent > 400


def test_the_crawl_finds_every_url_pattern():
    routes = list(patterns())
    assert "netwerk/api/samenwerkingen" in routes
    assert "modellentool/advies/<str:token>/pdf/" in routes
    assert any(r.startswith("admin/") for r in routes)
