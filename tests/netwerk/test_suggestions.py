"""Members propose corrections; editors review them in the admin before the register changes."""

import pytest
from django.urls import reverse

from netwerk.constants import SuggestionStatus
from netwerk.models import Collaboration, Membership, Suggestion
from tests.factories import municipality
from tests.netwerk.factories import HOUTEN, ZEIST

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_log_in(client, register):
    url = reverse("netwerk:suggest_change", args=[register["tax"].slug])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("netwerk:login"))
    client.post(url, {"explanation": "Houten doet ook mee."})
    assert not Suggestion.objects.exists()


def test_a_member_proposes_a_correction_which_waits_for_review(client, member, register):
    client.force_login(member)
    tax = register["tax"]
    url = reverse("netwerk:suggest_change", args=[tax.slug])
    assert "Correctie voorstellen: Belastingen Heuvelrug Proef" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "members_to_add": [municipality(HOUTEN).pk],
            "explanation": "Houten is in 2024 toegetreden.",
            "source_url": "https://example.org/besluit",
        },
        follow=True,
    )
    assert "De redactie bekijkt uw voorstel" in response.content.decode()
    suggestion = Suggestion.objects.get()
    assert (suggestion.collaboration, suggestion.submitted_by) == (tax, member)
    assert suggestion.status == SuggestionStatus.NEW
    # Nothing changed yet: editors decide.
    assert not tax.memberships.filter(municipality__code=HOUTEN).exists()


def test_a_proposal_without_explanation_is_refused_in_dutch(client, member, register):
    client.force_login(member)
    url = reverse("netwerk:suggest_change", args=[register["tax"].slug])
    response = client.post(url, {"explanation": ""})
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()


def test_a_new_collaboration_needs_a_name_and_two_municipalities(client, member):
    client.force_login(member)
    url = reverse("netwerk:suggest_new")
    html = client.post(
        url,
        {
            "name": "",
            "domain": "afval",
            "members_to_add": [municipality(ZEIST).pk],
            "explanation": "x",
        },
    ).content.decode()
    assert "Een samenwerkingsverband heeft ten minste twee gemeenten." in html
    assert not Suggestion.objects.exists()


def test_an_editor_accepts_a_proposal_and_the_register_changes_with_history(
    client, member, netwerk_editor_client, register
):
    tax = register["tax"]
    suggestion = Suggestion.objects.create(
        collaboration=tax, submitted_by=member, explanation="Houten doet mee.", ended=False
    )
    suggestion.members_to_add.set([municipality(HOUTEN)])
    suggestion.members_to_remove.set([municipality(ZEIST)])
    response = netwerk_editor_client.post(
        reverse("admin:netwerk_suggestion_changelist"),
        {"action": "accept", "_selected_action": [suggestion.pk]},
        follow=True,
    )
    assert "1 voorstel overgenomen." in response.content.decode()
    tax.refresh_from_db()
    codes = set(tax.memberships.values_list("municipality__code", flat=True))
    assert HOUTEN in codes and ZEIST not in codes
    assert tax.managed_by_editors  # a reload of the open data leaves it alone
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED
    assert Membership.history.filter(history_type="-", municipality__code=ZEIST).exists()


def test_an_editor_accepts_a_new_collaboration(member, netwerk_editor_client):
    suggestion = Suggestion.objects.create(
        submitted_by=member,
        name="Archief Kromme Rijn",
        domain="cultuur-en-erfgoed",
        explanation="Gezamenlijk archief sinds 2020.",
    )
    suggestion.members_to_add.set([municipality(ZEIST), municipality(HOUTEN)])
    netwerk_editor_client.post(
        reverse("admin:netwerk_suggestion_changelist"),
        {"action": "accept", "_selected_action": [suggestion.pk]},
    )
    created = Collaboration.objects.get(name="Archief Kromme Rijn")
    assert set(created.memberships.values_list("municipality__code", flat=True)) == {ZEIST, HOUTEN}
    assert created.data_source is None and created.managed_by_editors


def test_an_editor_edit_in_the_admin_marks_the_collaboration_as_managed(
    netwerk_editor_client, register
):
    waste = register["waste"]
    url = reverse("admin:netwerk_collaboration_change", args=[waste.pk])
    assert netwerk_editor_client.get(url).status_code == 200
    data = {
        "name": "Afvalconvenant Proef (bijgewerkt)",
        "slug": waste.slug,
        "domain": "afval",
        "task_type": "",
        "description": "",
        "form": waste.form_id,
        "form_basis": "redactie",
        "legal_form_text": "",
        "start_date": "",
        "end_date": "",
        "source_note": "Besluit 2024",
        "source_date": "2024-05-01",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "source_records-TOTAL_FORMS": "0",
        "source_records-INITIAL_FORMS": "0",
    }
    response = netwerk_editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    waste.refresh_from_db()
    assert waste.name == "Afvalconvenant Proef (bijgewerkt)" and waste.managed_by_editors
    assert waste.history.count() == 2


def test_a_kennisbank_editor_without_the_netwerk_group_cannot_change_the_register(
    editor_client, register
):
    url = reverse("admin:netwerk_collaboration_change", args=[register["waste"].pk])
    assert editor_client.get(url).status_code == 403
