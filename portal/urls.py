from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.views.generic import TemplateView

from kennisbank.sitemaps import ItemSitemap, PageSitemap
from kennisbank.views.pages import home, sitemap_page
from modellentool.sitemaps import ModellentoolSitemap
from netwerk.register import sitemaps as netwerk_sitemaps
from portal import developers
from portal.forms import AdminLoginForm
from portal.health import health
from portal.routers import replica_reads

admin.site.site_header = "Kennisplatform IGS – redactie"
admin.site.site_title = "Kennisplatform IGS"
admin.site.index_title = "Redactie"
admin.site.login_form = AdminLoginForm

# 400, 403 and 404 are Django's views with our templates; 500 must not need the database.
handler500 = "portal.errors.server_error"


def _page(template: str):
    """A page of fixed text about the site itself (footer links)."""
    return TemplateView.as_view(
        template_name=template, extra_context={"editors_email": settings.EDITORS_EMAIL}
    )


SITEMAPS = {
    "paginas": PageSitemap,
    "kennisbank": ItemSitemap,
    "netwerk": netwerk_sitemaps.NetwerkPageSitemap,
    "gemeenten": netwerk_sitemaps.MunicipalitySitemap,
    "samenwerkingen": netwerk_sitemaps.CollaborationSitemap,
    "regios": netwerk_sitemaps.RegionSitemap,
    "modellentool": ModellentoolSitemap,
}
SECTION = {"sitemap_url_name": "sitemap_section"}

urlpatterns = [
    path("", replica_reads(home), name="home"),
    path("contact/", _page("pages/contact.html"), name="contact"),
    path("privacyverklaring/", _page("pages/privacy.html"), name="privacy"),
    path("toegankelijkheidsverklaring/", _page("pages/accessibility.html"), name="accessibility"),
    path("overzicht/", replica_reads(sitemap_page), name="sitemap_page"),
    path("ontwikkelaars/", developers.index, name="developers"),
    *(
        path(f"ontwikkelaars/{key}/", developers.api_docs, {"key": key}, name="developers_api")
        for key in developers.APIS_BY_KEY
    ),
    path("healthz", health, name="health"),
    path("kennisbank/", include("kennisbank.urls")),
    path("netwerk/", include("netwerk.urls")),
    path("modellentool/", include("modellentool.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # An index of sections (each split in pages of 50,000 addresses), as search engines want.
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS, **SECTION}, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
