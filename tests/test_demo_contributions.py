import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from kennisbank.constants import RegistrationStatus, Status
from kennisbank.models import AdoptionMark, Comment, Registration, Submission
from kennisbank.permissions import ORGANISER_GROUP
from netwerk.models import Follow

pytestmark = pytest.mark.django_db


def test_demo_contributions_load_once_with_a_member_who_can_log_in(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo_content")
    call_command("load_demo_members")
    call_command("load_demo_contributions")

    member = get_user_model().objects.get(username="lid@example.org")
    assert member.check_password("demo-lid-2026")
    assert member.groups.filter(name=ORGANISER_GROUP).exists()
    assert Comment.objects.filter(parent__isnull=False).exists()
    assert AdoptionMark.objects.count() == 2
    assert Registration.objects.filter(status=RegistrationStatus.REGISTERED).count() == 7
    submission = Submission.objects.get(submitter=member)
    assert submission.item.status == Status.IN_REVIEW
    assert str(submission) == submission.item.title  # "Mijn inzendingen" shows the title
    assert Follow.objects.filter(user=member).count() == 2

    counts = (Comment.objects.count(), Registration.objects.count())
    call_command("load_demo_contributions")
    assert "niets veranderd" in capsys.readouterr().out
    assert (Comment.objects.count(), Registration.objects.count()) == counts


def test_demo_contributions_are_refused_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo_contributions")
    assert not Comment.objects.exists()
