from django.contrib.auth.models import Group

from kennisbank.permissions import ORGANISER_GROUP, ORGANISER_PERMISSIONS


def test_the_organiser_group_may_exactly_propose_events(db):
    group = Group.objects.get(name=ORGANISER_GROUP)
    granted = {
        (p.content_type.app_label, p.codename)
        for p in group.permissions.select_related("content_type")
    }
    assert granted == {
        (app, code) for app, codes in ORGANISER_PERMISSIONS.items() for code in codes
    }
