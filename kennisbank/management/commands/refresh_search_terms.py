from django.core.management.base import BaseCommand

from kennisbank.services.items import search_terms_refresh


class Command(BaseCommand):
    help = "Bouwt de woordenlijst voor zoeksuggesties ('Bedoelde u …?') opnieuw op."

    def handle(self, *args, **options):
        count = search_terms_refresh()
        self.stdout.write(self.style.SUCCESS(f"{count} zoekwoorden opgeslagen."))
