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
