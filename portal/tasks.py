"""Scheduled work of the foundation, run by `manage.py crontask` (django-crontask)."""

from crontask import cron
from django.tasks import task

from .mail import mails_deliver_due


# Every minute: retries whose wait is over, and any mail a dead worker left pending.
@cron("* * * * *")
@task
def deliver_due_mails() -> int:
    return mails_deliver_due()
