import pytest

from tests.catalogue import make_catalogue
from tests.html import validate_html

pytestmark = pytest.mark.django_db


def test_every_public_page_type_is_valid_html(client):
    pages = make_catalogue()
    documents = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, f"{name}: {url} gaf {response.status_code}"
        documents[name] = response.content.decode()
    assert validate_html(documents) == {}
