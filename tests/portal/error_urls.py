"""The site's URLs plus views that fail on purpose, for the error page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import connection
from django.urls import path

from portal.urls import urlpatterns as site_patterns

handler500 = "portal.errors.server_error"


def forbidden(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("kapotte invoer")


def crash(request):
    raise RuntimeError("opzettelijke fout voor de test")


def database_crash(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


urlpatterns = [
    path("test/403/", forbidden),
    path("test/400/", suspicious),
    path("test/500/", crash),
    path("test/500-database/", database_crash),
    *site_patterns,
]
