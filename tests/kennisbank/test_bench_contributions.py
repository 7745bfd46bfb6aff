"""manage.py bench_contributions: the benchmark logic runs end to end on a tiny volume."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from devtools.bench import contributions as bench
from tests.reference import ensure_reference_data


@pytest.mark.django_db(transaction=True)
def test_the_benchmark_measures_every_scenario_on_a_tiny_volume():
    # Transactional (the registrations run in threads): start from the reference data.
    ensure_reference_data()
    volume = bench.TINY

    results = bench.run(volume=volume, runs=2, log=str)

    *pages, digest, concurrency = results
    assert len(pages) == 5
    assert all(r.timing.p50 > 0 and r.queries > 0 for r in pages)
    assert digest.note.startswith(f"{volume.members} e-mails")
    assert concurrency.note.startswith(f"precies {volume.places} geplaatst")
    lines = bench.table(results)
    assert len(lines) == 2 + 7
    assert "p95 ms" in lines[0]


@pytest.mark.django_db
def test_the_command_refuses_the_configured_database_it_would_empty():
    with pytest.raises(CommandError, match="eigen database"):
        call_command("bench_contributions", database_name=connection.settings_dict["NAME"])
