"""The digests on a schedule, run by `manage.py crontask` (django-crontask): no cron lines.

Each run covers every member's window up to the moment it starts and claims it
(netwerk/community/services/digests.py), so a run that fires twice, or late, or next to a manual
`send_digests`, sends nothing twice; a run missed while the scheduler was down leaves the window
open for the next one.
"""

from crontask import cron
from django.tasks import task
from django.utils import timezone

from netwerk.community.services.digests import digests_send
from portal.constants import DigestFrequency

# Times in TIME_ZONE (Europe/Amsterdam).
DAILY_SCHEDULE = "0 7 * * *"
WEEKLY_SCHEDULE = "0 7 * * Mon"


@cron(DAILY_SCHEDULE)
@task
def send_daily_digests() -> int:
    return digests_send(frequency=DigestFrequency.DAILY, now=timezone.now()).sent


@cron(WEEKLY_SCHEDULE)
@task
def send_weekly_digests() -> int:
    return digests_send(frequency=DigestFrequency.WEEKLY, now=timezone.now()).sent
