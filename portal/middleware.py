from django.conf import settings
from django.core.exceptions import BadRequest
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
            raise BadRequest("NUL-teken in het verzoek")
        return self.get_response(request)


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
    if request.method == "POST" and request.content_type in {
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    }:
        # Parse errors (too many fields, too big) surface here as Django's own 400, as they
        # would in the view. Only form fields are checked: an uploaded file may hold NUL bytes.
        for key, values in request.POST.lists():
            if "\x00" in key or any("\x00" in v for v in values):
                return True
    elif request.content_type == "application/json":
        body = request.body
        if b"\x00" in body or b"\\u0000" in body.lower():
            return True
    return False
