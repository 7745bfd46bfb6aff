"""Sixty demo specialists for the members' network (development only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from devtools.demo import members_data as demo_members
from devtools.demo.members import demo_members_load


class Command(BaseCommand):
    help = "Laadt zestig demo-deskundigen voor het netwerk van leden (alleen met DEBUG=1)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo-leden zijn alleen voor ontwikkeling (DEBUG=1).")
        created = demo_members_load()
        total = len(demo_members.SPECIALISMS) * 5
        if created:
            self.stdout.write(f"Demo-leden geladen: {created} van {total}.")
        else:
            self.stdout.write("Demo-leden staan er al; niets veranderd.")
