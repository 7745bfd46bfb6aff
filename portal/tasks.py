"""Scheduled work of the foundation, run by `manage.py crontask` (django-crontask)."""

from crontask import cron
from django.core.management import call_command
from django.tasks import task

from .mail import mails_deliver_due

# Finished task rows are kept this long for a look back; the outbox keeps every mail.
TASK_RESULTS_KEPT_DAYS = 14


# Every minute: retries whose wait is over, and any mail a dead worker left pending.
@cron("* * * * *")
@task
def deliver_due_mails() -> int:
    return mails_deliver_due()


# Every night: the sweep alone leaves a finished task row a minute in the queue's table.
@cron("30 3 * * *")
@task
def prune_task_results() -> None:
    call_command(
        "prune_db_task_results", "--min-age-days", str(TASK_RESULTS_KEPT_DAYS), verbosity=0
    )
