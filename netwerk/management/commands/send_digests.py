"""Send the digest e-mails of one frequency; run by cron (daily, and weekly)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from netwerk.community.services import digests
from portal.constants import DigestFrequency

FREQUENCIES = {"daily": DigestFrequency.DAILY, "weekly": DigestFrequency.WEEKLY}


class Command(BaseCommand):
    help = (
        "Verstuurt de e-mail met nieuws aan leden die deze frequentie kozen: alleen wat nieuw "
        "is sinds hun vorige, nooit een lege."
    )

    def add_arguments(self, parser):
        parser.add_argument("--frequency", choices=sorted(FREQUENCIES), required=True)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Toon wat verstuurd zou worden; verstuur en wijzig niets.",
        )

    def handle(self, *args, **options):
        now = timezone.now()  # the end of every member's window: the moment the run starts
        run = digests.digests_send(
            frequency=FREQUENCIES[options["frequency"]], now=now, dry_run=options["dry_run"]
        )
        if options["dry_run"]:
            for line in digests.describe(run.digests):
                self.stdout.write(line)
            self.stdout.write(
                f"Proefdraai: {len(run.digests)} van {run.members} leden zouden e-mail krijgen."
            )
            return
        self.stdout.write(
            f"{run.sent} e-mails verstuurd, {run.empty} leden zonder nieuws, "
            f"{run.skipped} al door een andere run behandeld, {run.failed} mislukt "
            f"({run.members} leden)."
        )
        if run.failed:
            self.stderr.write(f"{run.failed} e-mails konden niet worden verstuurd; zie het log.")
