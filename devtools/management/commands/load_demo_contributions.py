from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from devtools.demo.contributions import DEMO_MEMBER, DEMO_MEMBER_PASSWORD, demo_contributions_load


class Command(BaseCommand):
    help = (
        "Laadt voorbeeldbijdragen van leden (discussie, overnames, aanmeldingen, een inzending) "
        "en een demo-lid (alleen met DEBUG=1)."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo-bijdragen zijn alleen voor ontwikkeling (DEBUG=1).")
        if demo_contributions_load():
            self.stdout.write("Demo-bijdragen van leden geladen.")
        else:
            self.stdout.write(
                "Demo-bijdragen staan er al (of demo-inhoud ontbreekt); niets veranderd."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo-lid: http://127.0.0.1:8000/netwerk/leden/inloggen/  e-mail '{DEMO_MEMBER}', "
                f"wachtwoord '{DEMO_MEMBER_PASSWORD}'"
            )
        )
