from django.urls import path

from . import views
from .api import api

app_name = "modellentool"

urlpatterns = [
    path("", views.start, name="start"),
    path("stap/<int:number>/", views.step, name="step"),
    path("advies/<str:token>/", views.result, name="result"),
    path("advies/<str:token>/vergelijken/", views.compare, name="compare"),
    path("advies/<str:token>/pdf/", views.result_pdf, name="pdf"),
    path("advies/<str:token>/aanpassen/", views.amend, name="amend"),
    path("advies/<str:token>/bewaren/", views.save, name="save"),
    path("mijn-adviezen/", views.mine, name="mine"),
    path("api/", api.urls),
]
