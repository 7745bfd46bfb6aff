"""What every JSON API of the portal shares (netwerk, modellentool, kennisbank; django-ninja).

- The OpenAPI document names the mount path as its `servers` entry and lists the paths relative
  to it, so a client that joins base URL and path lands on /netwerk/api/gemeenten and not on
  /netwerk/api/netwerk/api/gemeenten.
- A method the path does not support answers 405 in JSON with a Dutch `detail` and the `Allow`
  header, like every other error of the APIs (django-ninja's own answer is plain text).
- Answers carry ETag and Last-Modified where the endpoint gives them (`conditional`), and a
  matching If-None-Match / If-Modified-Since gets 304 without a body.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json

from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from ninja import NinjaAPI
from ninja.errors import ValidationError

# Answered before any endpoint runs (portal middleware: a NUL character; Django: too many
# parameters), so every operation can give it.
BAD_REQUEST = {
    "description": "Ongeldige vraag, zoals een NUL-teken of te veel parameters",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"detail": {"type": "string"}},
                "required": ["detail"],
            }
        }
    },
}


class PortalAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        root = self.get_root_path(path_params or {}).rstrip("/")
        schema = super().get_openapi_schema(path_prefix="", path_params=path_params)
        schema["servers"] = [{"url": root}]
        for operations in schema["paths"].values():
            for operation in operations.values():
                operation["responses"].setdefault(400, BAD_REQUEST)
        return schema

    def _get_urls(self):
        patterns = super()._get_urls()
        for pattern in patterns:
            pattern.callback = _json_not_allowed(pattern.callback)
        return patterns


def _json_not_allowed(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code != 405:
            return response
        allowed = response.get("Allow", "")
        detail = f"Methode {request.method[:10]} is hier niet toegestaan; wel {allowed}."
        answer = HttpResponse(
            json.dumps({"detail": detail}),
            status=405,
            content_type="application/json; charset=utf-8",
        )
        answer["Allow"] = allowed
        return answer

    return wrapper


def etag_for(*parts: object) -> str:
    """A strong ETag from whatever the answer depends on (content version, URL, language)."""
    return quote_etag(hashlib.sha256(repr(parts).encode()).hexdigest()[:32])


def not_modified(
    request: HttpRequest, *, etag: str, last_modified: dt.datetime | None = None
) -> HttpResponse | None:
    """A 304 (with the validators) when the client's copy is current; None otherwise."""
    timestamp = int(last_modified.timestamp()) if last_modified else None
    answer = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if answer is None or answer.status_code != 304:
        return None  # 412 only applies to writes, which these read-only endpoints do not do
    set_validators(answer, etag=etag, last_modified=last_modified)
    return answer


def set_validators(
    response: HttpResponse, *, etag: str, last_modified: dt.datetime | None = None
) -> None:
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())


def parameter_errors_in_dutch(api: NinjaAPI) -> None:
    """Invalid parameters answer 422 naming the fields, too many parameters 400, both as JSON
    with a Dutch `detail` (the read APIs; the modellentool explains per answer instead)."""

    def validation_error(request: HttpRequest, exc: ValidationError):
        fields = sorted({".".join(str(p) for p in e.get("loc", [])[1:]) for e in exc.errors})
        detail = "Ongeldige parameter: " + (", ".join(f for f in fields if f) or "invoer")
        return api.create_response(request, {"detail": detail}, status=422)

    def too_many_parameters(request: HttpRequest, exc: TooManyFieldsSent):
        detail = "De vraag bevat te veel parameters om te verwerken."
        return api.create_response(request, {"detail": detail}, status=400)

    api.add_exception_handler(ValidationError, validation_error)
    api.add_exception_handler(TooManyFieldsSent, too_many_parameters)
