"""The data sources behind the register."""

from __future__ import annotations

from portal.models import DataSource


def data_sources() -> list[DataSource]:
    return list(DataSource.objects.order_by("order"))
