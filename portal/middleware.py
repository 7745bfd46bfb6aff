import logging
import time

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.html import escape
from django.utils.translation import gettext as _


class ChosenLanguageMiddleware:
    """Dutch unless the visitor chose another language with the language switch.

    Unlike LocaleMiddleware this ignores the browser's Accept-Language: a Dutch government
    portal speaks Dutch by default, also to officials whose laptop is set to English.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


request_logger = logging.getLogger("portal.request")

# Path parts that are secrets (confirmation, unsubscribe, advice and feed links) stay out of logs.
SECRET_URL_KWARGS = {"token", "uidb64"}


class RequestLogMiddleware:
    """One log line per request: method, path, status, duration and the kind of user.

    Outermost in MIDDLEWARE, so the duration covers every other middleware and static files.
    The user is named only by kind (anonymous, member, staff), never by address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        path = logged_path(request)
        request_logger.info(
            "%s %s %s %.0f ms",
            request.method,
            path,
            response.status_code,
            duration_ms,
            extra={
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user": user_kind(request),
            },
        )
        return response


def logged_path(request) -> str:
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for name, value in match.kwargs.items():
            if name in SECRET_URL_KWARGS and isinstance(value, str) and value:
                path = path.replace(value, "…")
    return path


def user_kind(request) -> str:
    user = getattr(request, "user", None)  # absent for static files (whitenoise answers first)
    if user is None:
        return "anonymous"
    try:
        if not user.is_authenticated:
            return "anonymous"
        return "staff" if user.is_staff else "member"
    except Exception:  # e.g. the database is down; the line must still be written
        return "unknown"


class RejectNulMiddleware:
    """A NUL character anywhere in the request is refused with 400 before any view sees it.

    PostgreSQL text cannot hold NUL, so a `%00` in a path, parameter, form field, cookie or
    header would otherwise reach a query and end in a 500. No real client needs one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            return _refused(request)
        return self.get_response(request)


def _refused(request):
    # A page of its own, without the site's templates: those would echo the request back.
    message = _("Uw verzoek bevat een ongeldig teken (NUL). Controleer het adres en de invoer.")
    if "/api/" in request.path_info:
        return JsonResponse({"detail": message}, status=400)
    title = escape(_("Ongeldig verzoek"))
    html = (
        f'<!DOCTYPE html><html lang="{escape(settings.LANGUAGE_CODE)}"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><main><h1>{title}</h1><p>{escape(message)}</p>"
        f'<p><a href="/">{escape(_("Naar de startpagina"))}</a></p></main></body></html>'
    )
    return HttpResponseBadRequest(html)


def _has_nul(request) -> bool:
    query = request.META.get("QUERY_STRING", "")
    if "\x00" in request.path_info or "%00" in query or "\x00" in query:
        return True
    for key, value in request.COOKIES.items():
        if "\x00" in key or "\x00" in value:
            return True
    for key, value in request.META.items():
        if key.startswith("HTTP_") and isinstance(value, str) and "\x00" in value:
            return True
    if request.method in {"POST", "PUT", "PATCH"} and request.content_type == "application/json":
        body = request.body
        if b"\x00" in body or b"\\u0000" in body.lower():
            return True
    return False
