"""The outbox in one process: back-off, giving up visibly, the editors' view, the schedule.

The fault tests with real worker processes and a real SMTP server are in test_background.py.
"""

import datetime as dt
import smtplib

import pytest
from crontask import scheduler
from django.core import mail as django_mail
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from netwerk import tasks as digest_tasks
from portal import mail
from portal.constants import DigestFrequency
from portal.models import OutgoingMail
from portal.tasks import deliver_due_mails, prune_task_results
from tests.factories import ItemFactory, theme
from tests.netwerk.follow_factories import digest_member, follow, published

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_down(monkeypatch):
    def refuse(self, fail_silently=False):
        raise smtplib.SMTPConnectError(421, "Service not available")

    monkeypatch.setattr(EmailMessage, "send", refuse)


def make_due(row: OutgoingMail) -> None:
    OutgoingMail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())


def test_retry_delays_double_and_stop_at_the_cap(settings):
    settings.MAIL_RETRY_MAX_DELAY = 3600
    minutes = [mail.retry_delay(n) / dt.timedelta(minutes=1) for n in range(1, 9)]
    assert minutes == [1, 2, 4, 8, 16, 32, 60, 60]


def test_every_mail_carries_one_message_id_that_stays_over_retries(smtp_down, monkeypatch):
    row = mail.send_portal_mail(subject="Welkom", body="Hallo", to="anna@example.org")
    monkeypatch.undo()
    make_due(row)
    deliver_due_mails.call()
    [sent] = django_mail.outbox
    assert sent.message()["Message-ID"] == row.message_id
    assert row.message_id.startswith("<") and row.message_id.endswith("@example.org>")
    assert OutgoingMail.objects.values_list("message_id", flat=True).distinct().count() == 1


def test_a_failing_mail_waits_longer_each_time_then_stays_failed_for_the_editors(
    smtp_down, settings
):
    settings.MAIL_MAX_ATTEMPTS = 4
    before = timezone.now()
    row = mail.send_portal_mail(subject="Welkom", body="Hallo", to="anna@example.org")
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("pending", 1)
    assert "SMTPConnectError" in row.last_error
    waits = [row.next_attempt_at - before]
    for _ in range(3):
        # Not due yet: the sweep leaves it alone.
        assert deliver_due_mails.call() == 0
        assert OutgoingMail.objects.get(pk=row.pk).attempts == len(waits)
        make_due(row)
        before = timezone.now()
        deliver_due_mails.call()
        row.refresh_from_db()
        if row.status == "pending":
            waits.append(row.next_attempt_at - before)
    assert [round(w / dt.timedelta(minutes=1)) for w in waits] == [1, 2, 4]
    assert (row.status, row.attempts) == ("failed", 4)
    assert django_mail.outbox == []
    # Failed is final for the machine: sweeps do not touch it; an editor can retry.
    make_due(row)
    deliver_due_mails.call()
    assert OutgoingMail.objects.get(pk=row.pk).attempts == 4


def test_smtp_down_in_the_request_itself_still_lets_the_user_register(client, smtp_down):
    response = client.post(
        reverse("netwerk:register"),
        {
            "name": "Anna de Vries",
            "email": "anna@example.org",
            "province": "utrecht",
            "password1": "Zeer-geheim-wachtwoord-42",
            "password2": "Zeer-geheim-wachtwoord-42",
        },
    )
    assert response.status_code == 302
    row = OutgoingMail.objects.get()
    assert (row.status, row.to) == ("pending", "anna@example.org")


def outbox_url(name="changelist", *args):
    return reverse(f"admin:portal_outgoingmail_{name}", args=args)


def test_editors_see_failed_mail_read_only_in_dutch_and_can_retry_it(
    editor_client, smtp_down, monkeypatch, settings
):
    settings.MAIL_MAX_ATTEMPTS = 1
    row = mail.send_portal_mail(subject="Uw aanmelding", body="Hallo", to="anna@example.org")
    sent = mail.send_portal_mail(subject="Al verstuurd", body="Hallo", to="bert@example.org")
    OutgoingMail.objects.filter(pk=sent.pk).update(status="sent")
    page = editor_client.get(outbox_url(), {"status__exact": "failed"}).content.decode()
    assert "Uw aanmelding" in page and "Al verstuurd" not in page
    assert "Mislukt" in page and "Opnieuw proberen" in page
    detail = editor_client.get(outbox_url("change", row.pk)).content.decode()
    assert "SMTPConnectError" in detail  # the last error, for the operator
    assert 'name="_save"' not in detail  # read-only
    assert editor_client.get(outbox_url("add")).status_code == 403
    assert editor_client.get(outbox_url("delete", row.pk)).status_code == 403

    monkeypatch.undo()  # the server is back
    response = editor_client.post(
        outbox_url(),
        {"action": "retry", "_selected_action": [row.pk, sent.pk]},
        follow=True,
    )
    assert "1 e-mail staat weer klaar om te verzenden." in response.content.decode()
    row.refresh_from_db()
    assert row.status == "sent"
    assert [m.to for m in django_mail.outbox] == [["anna@example.org"]]  # the sent one not again


def test_members_do_not_see_the_outbox(client, member):
    client.force_login(member)
    response = client.get(outbox_url())
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_digests_and_the_sweep_are_scheduled_without_cron_lines():
    jobs = {job.name: str(job.trigger) for job in scheduler.get_jobs()}
    assert jobs["send_daily_digests"] == (
        "cron[month='*', day='*', day_of_week='*', hour='7', minute='0']"
    )
    assert jobs["send_weekly_digests"] == (
        "cron[month='*', day='*', day_of_week='mon', hour='7', minute='0']"
    )
    assert jobs["deliver_due_mails"] == (
        "cron[month='*', day='*', day_of_week='*', hour='*', minute='*']"
    )
    assert jobs["prune_task_results"] == (
        "cron[month='*', day='*', day_of_week='*', hour='3', minute='30']"
    )
    job = next(job for job in scheduler.get_jobs() if job.name == "send_daily_digests")
    assert str(job.trigger.timezone) == "Europe/Amsterdam"


def test_a_scheduled_digest_run_that_fires_twice_sends_each_mail_once(mailoutbox):
    now = timezone.now()
    member = digest_member(
        frequency=DigestFrequency.DAILY, covered_until=now - dt.timedelta(days=1)
    )
    follow(member.user, now - dt.timedelta(days=30), theme=theme("jeugd"))
    published(ItemFactory(title="Vers van de pers", themes=[theme("jeugd")]), now)
    assert digest_tasks.send_daily_digests.call() == 1
    assert digest_tasks.send_daily_digests.call() == 0
    assert digest_tasks.send_weekly_digests.call() == 0
    assert len(mailoutbox) == 1
    assert OutgoingMail.objects.get().status == "sent"


def test_finished_queue_rows_are_pruned_after_two_weeks_the_outbox_stays(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    old, recent = (deliver_due_mails.enqueue().id for _ in range(2))
    waiting = deliver_due_mails.enqueue().id
    row = mail.send_portal_mail(subject="Welkom", body="Hallo", to="anna@example.org")
    finished = {"status": "SUCCESSFUL", "started_at": timezone.now()}
    DBTaskResult.objects.filter(pk=old).update(
        **finished, finished_at=timezone.now() - dt.timedelta(days=15)
    )
    DBTaskResult.objects.filter(pk=recent).update(
        **finished, finished_at=timezone.now() - dt.timedelta(days=13)
    )
    prune_task_results.call()
    left = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert str(old) not in {str(pk) for pk in left}
    assert {str(recent), str(waiting)} <= {str(pk) for pk in left}
    assert OutgoingMail.objects.filter(pk=row.pk).exists()
