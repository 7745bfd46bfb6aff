from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.css_prune import build


class Command(BaseCommand):
    help = "Schrijft de ingekorte NL Design System-CSS naar static/vendor/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Alleen controleren of de bestanden actueel zijn."
        )

    def handle(self, *args, check=False, **options):
        try:
            files = build(settings.BASE_DIR)
        except FileNotFoundError as exc:
            raise CommandError(f"{exc.filename} ontbreekt: draai eerst npm ci") from exc
        stale = [p for p, text in files.items() if not p.exists() or p.read_text() != text]
        if check:
            if stale:
                names = ", ".join(str(p.relative_to(settings.BASE_DIR)) for p in stale)
                raise CommandError(f"Verouderd: {names}. Draai manage.py prune_css.")
            self.stdout.write("De ingekorte CSS is actueel.")
            return
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            name = path.relative_to(settings.BASE_DIR)
            self.stdout.write(f"{name}: {len(text.encode()):,} bytes")
