"""Editors of the netwerkregie link members to kennisbank items and look at questions."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from netwerk.models import ItemContact
from netwerk.permissions import NETWERK_EDITOR_PERMISSIONS
from portal.models import MemberProfile
from tests.factories import ItemFactory
from tests.netwerk.member_factories import ExpertFactory, QuestionFactory, private_details

pytestmark = pytest.mark.django_db


def test_editors_link_a_member_to_an_item_and_see_questions_without_contact_details(
    client, netwerk_editor
):
    expert = ExpertFactory(name="Bea Belasting")
    item = ItemFactory()
    question = QuestionFactory(title="Een vraag voor de desk")
    client.force_login(netwerk_editor)
    response = client.post(
        reverse("admin:netwerk_itemcontact_add"), {"member": expert.pk, "item": item.pk}
    )
    assert response.status_code == 302
    assert ItemContact.objects.filter(member=expert, item=item).exists()
    html = client.get(reverse("admin:netwerk_question_change", args=[question.pk])).content
    assert b"Een vraag voor de desk" in html
    # Member profiles are not in the admin at all.
    assert client.get("/admin/portal/memberprofile/").status_code == 404
    for detail in private_details(expert):
        assert detail.encode() not in html


def test_the_desk_permissions_are_in_the_editor_list():
    assert {"change_question", "view_question", "add_itemcontact"} <= set(
        NETWERK_EDITOR_PERMISSIONS
    )
    assert not any("memberprofile" in p for p in NETWERK_EDITOR_PERMISSIONS)


def test_demo_members_load_once(settings):
    settings.DEBUG = True
    call_command("load_demo_members")
    assert MemberProfile.objects.experts().count() == 60
    assert MemberProfile.objects.filter(themes__slug="belastingen-en-woz").count() == 4
    call_command("load_demo_members")
    assert MemberProfile.objects.count() == 60
