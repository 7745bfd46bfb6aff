"""Writing the plan of netwerk/register/opendata/plan.py to the database: idempotent, and editors'
work is kept.

reference_data_load() compares the plan with what is stored and writes only the differences, so
a second run with the same files changes nothing (not even the edit history). Collaborations are
found again through their source records (source + key in that source). A collaboration an
editor changed in the admin is marked "door de redactie beheerd" and left alone; memberships an
editor added (no data source) are never removed by a reload.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from netwerk.models import Collaboration, Membership, Organisation, SourceRecord
from netwerk.register.opendata.plan import CollabSpec, FileReport, Plan, build_plan
from netwerk.register.opendata.reference import (
    load_municipalities,
    municipality_values,
    read_municipalities,
)
from netwerk.register.opendata.sources import SOURCES, checksum
from portal.models import CollaborationModel, DataSource, FormerMunicipality, Municipality
from portal.slugs import unique_slug

CHANGE_REASON = "Geladen uit open data (load_reference_data)"
COLLABORATION_FIELDS = [
    "name",
    "aliases",
    "domain",
    "task_type",
    "form_id",
    "form_basis",
    "legal_form_text",
    "start_date",
    "end_date",
    "ended",
    "data_source_id",
    "source_date",
]


@dataclass
class LoadResult:
    unchanged: bool = False
    reports: list[FileReport] = field(default_factory=list)
    changes: Counter = field(default_factory=Counter)

    @property
    def changed(self) -> int:
        return sum(self.changes.values())


def reference_data_load(*, force: bool = False) -> LoadResult:
    """Loads or refreshes the whole register; skips the work when no source file changed."""
    checksums = {spec.key: checksum(spec) for spec in SOURCES}
    stored = dict(DataSource.objects.values_list("key", "checksum"))
    if not force and stored == checksums:
        return LoadResult(unchanged=True)
    plan = build_plan()
    result = LoadResult(reports=plan.reports)
    with transaction.atomic():
        if force or stored.get("cbs-gemeenten-2025") != checksums["cbs-gemeenten-2025"]:
            plan.reports.insert(0, _refresh_municipalities(result))
        sources = _sync_sources(checksums, plan, result)
        _sync_former(plan, sources, result)
        organisations = _sync_organisations(plan, result)
        _sync_collaborations(plan, sources, organisations, result)
    return result


def _refresh_municipalities(result: LoadResult) -> FileReport:
    """The 342 municipalities (loaded by migration 0002): update only what differs."""
    rows = read_municipalities()
    existing = {m.code: m for m in Municipality.objects.all()}
    missing = [row for row in rows if row["gemeentecode"] not in existing]
    if missing:
        # A new municipality (a merger): the full loader creates it and its neighbours.
        load_municipalities(Municipality)
        result.changes["gemeenten"] += len(missing)
        existing = {m.code: m for m in Municipality.objects.all()}
    changed = []
    for row in rows:
        municipality = existing[row["gemeentecode"]]
        values = municipality_values(row)
        if any(getattr(municipality, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(municipality, k, v)
            changed.append(municipality)
    if changed:
        Municipality.objects.bulk_update(changed, list(municipality_values(rows[0])))
    through = Municipality.neighbours.through
    ids = {code: m.pk for code, m in existing.items()}
    wanted = {
        (ids[row["gemeentecode"]], ids[code])
        for row in rows
        for code in row["buurgemeenten"].split(";")
        if code
    }
    wanted |= {(b, a) for a, b in wanted}
    stored = set(through.objects.values_list("from_municipality_id", "to_municipality_id"))
    if stored != wanted:
        through.objects.filter(
            pk__in=[
                pk
                for pk, a, b in through.objects.values_list(
                    "pk", "from_municipality_id", "to_municipality_id"
                )
                if (a, b) not in wanted
            ]
        ).delete()
        through.objects.bulk_create(
            through(from_municipality_id=a, to_municipality_id=b) for a, b in wanted - stored
        )
    result.changes["gemeenten"] += len(changed) + (stored != wanted)
    report = FileReport("cbs-gemeenten-2025", "gemeenten_2025_merged.csv")
    report.rows = report.loaded = len(rows)
    return report


def _sync_sources(checksums: dict[str, str], plan: Plan, result: LoadResult) -> dict[str, int]:
    now = timezone.now()
    ids = {}
    for order, spec in enumerate(SOURCES):
        values = {
            "title": spec.title,
            "publisher": spec.publisher,
            "licence": spec.licence,
            "url": spec.url,
            "reference_date": spec.reference_date,
            "reference_note": spec.reference_note,
            "files": list(spec.files),
            "order": order,
        }
        reports = [r.as_dict() for r in plan.reports_for(spec.key)]
        source, created = DataSource.objects.get_or_create(key=spec.key, defaults=values)
        changed = created or any(getattr(source, k) != v for k, v in values.items())
        if (
            changed
            or source.checksum != checksums[spec.key]
            or source.report.get("files") != reports
        ):
            for key, value in values.items():
                setattr(source, key, value)
            source.checksum = checksums[spec.key]
            source.report = {"files": reports}
            source.loaded_at = now
            source.save()
            result.changes["gegevensbronnen"] += 1
        ids[spec.key] = source.pk
    return ids


def _sync_former(plan: Plan, sources: dict[str, int], result: LoadResult) -> None:
    existing = {(f.name, f.ended_on): f for f in FormerMunicipality.objects.all()}
    through = FormerMunicipality.successors.through
    successors_now: dict[int, set[int]] = {}
    for former_id, municipality_id in through.objects.values_list(
        "formermunicipality_id", "municipality_id"
    ):
        successors_now.setdefault(former_id, set()).add(municipality_id)
    ids = dict(Municipality.objects.values_list("code", "id"))
    wanted: dict[tuple, set[int]] = {}
    create, update = [], []
    for spec in plan.former:
        key = (spec.name, spec.ended_on)
        wanted[key] = {ids[c] for c in spec.successors}
        values = {
            "code": spec.code,
            "direct_successor_name": spec.direct_successor_name,
            "successor_id": ids[spec.successor] if spec.successor else None,
            "note": spec.note,
            "data_source_id": sources[spec.source],
        }
        obj = existing.get(key)
        if obj is None:
            create.append(FormerMunicipality(name=spec.name, ended_on=spec.ended_on, **values))
        elif any(getattr(obj, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(obj, k, v)
            update.append(obj)
    stale = [f.pk for key, f in existing.items() if key not in wanted and f.data_source_id]
    if stale:
        FormerMunicipality.objects.filter(pk__in=stale).delete()
    if update:
        FormerMunicipality.objects.bulk_update(
            update, ["code", "direct_successor_name", "successor", "note", "data_source"]
        )
    for obj in FormerMunicipality.objects.bulk_create(create):
        existing[(obj.name, obj.ended_on)] = obj
    links = []
    for key, successor_ids in wanted.items():
        obj = existing[key]
        if successors_now.get(obj.pk, set()) != successor_ids:
            through.objects.filter(formermunicipality_id=obj.pk).delete()
            links += [
                through(formermunicipality_id=obj.pk, municipality_id=m) for m in successor_ids
            ]
    through.objects.bulk_create(links)
    changed = len(create) + len(update) + len(stale) + len(links)
    if changed:
        result.changes["opgeheven gemeenten"] += changed


def _sync_organisations(plan: Plan, result: LoadResult) -> dict[str, int]:
    existing = {o.name: o for o in Organisation.objects.all()}
    ids = {}
    for key, (name, kind) in plan.organisations.items():
        obj = existing.get(name)
        if obj is None:
            obj = Organisation.objects.create(name=name, kind=kind)
            existing[name] = obj
            result.changes["organisaties"] += 1
        elif obj.kind != kind:
            obj.kind = kind
            obj.save(update_fields=["kind"])
            result.changes["organisaties"] += 1
        ids[key] = obj.pk
    return ids


def _sync_collaborations(
    plan: Plan, sources: dict[str, int], organisations: dict[str, int], result: LoadResult
) -> None:
    loader_sources = set(sources.values())
    forms = dict(CollaborationModel.objects.values_list("key", "id"))
    municipality_ids = dict(Municipality.objects.values_list("code", "id"))
    source_dates = dict(DataSource.objects.values_list("id", "reference_date"))
    records = {
        (r.data_source_id, r.external_id): r
        for r in SourceRecord.objects.filter(data_source_id__in=loader_sources)
    }
    collaborations = Collaboration.objects.in_bulk()
    taken = set(Collaboration.objects.values_list("slug", flat=True))

    now = timezone.now()
    to_create: list[tuple[CollabSpec, Collaboration]] = []
    to_update: list[Collaboration] = []
    matched: dict[int, CollabSpec] = {}  # collaboration id → spec
    for spec in plan.collaborations:
        found = sorted(
            {
                records[(sources[s], ext)].collaboration_id
                for (s, ext) in spec.records
                if (sources[s], ext) in records
            }
            - set(matched)
        )
        source_id = sources[spec.source]
        values = {
            "name": spec.name[:250],
            "aliases": [name[:250] for name in spec.merged_names],
            "domain": spec.domain,
            "task_type": spec.task_type,
            "form_id": forms.get(spec.form) if spec.form else None,
            "form_basis": spec.form_basis if spec.form else "",
            "legal_form_text": spec.legal_form_text[:250],
            "start_date": spec.start_date,
            "end_date": spec.end_date,
            "ended": spec.ended,
            "data_source_id": source_id,
            "source_date": source_dates[source_id],
        }
        if found:
            obj = collaborations[found[0]]
            matched[obj.pk] = spec
            if obj.managed_by_editors:
                continue
            if any(getattr(obj, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(obj, k, v)
                obj.updated_at = now
                to_update.append(obj)
        else:
            obj = Collaboration(
                slug=unique_slug(None, spec.name, fallback="samenwerking", taken=taken), **values
            )
            to_create.append((spec, obj))

    if to_update:
        bulk_update_with_history(
            to_update,
            Collaboration,
            [f.removesuffix("_id") if f.endswith("_id") else f for f in COLLABORATION_FIELDS]
            + ["updated_at"],
            batch_size=500,
            default_change_reason=CHANGE_REASON,
        )
        result.changes["samenwerkingsverbanden gewijzigd"] += len(to_update)
    if to_create:
        created = bulk_create_with_history(
            [obj for _, obj in to_create],
            Collaboration,
            batch_size=500,
            default_change_reason=CHANGE_REASON,
        )
        for (spec, _), obj in zip(to_create, created, strict=True):
            matched[obj.pk] = spec
            collaborations[obj.pk] = obj
        result.changes["samenwerkingsverbanden nieuw"] += len(created)

    # Point the source records at their collaborations first, then remove the collaborations
    # only the open data knew about and that are gone from it.
    loaded_before = {r.collaboration_id for r in records.values()}
    _sync_source_records(matched, sources, records, result)
    stale = [
        pk
        for pk in loaded_before - set(matched)
        if not collaborations[pk].managed_by_editors
        and not collaborations[pk].memberships.filter(data_source__isnull=True).exists()
    ]
    for obj in Collaboration.objects.filter(pk__in=stale):
        obj._change_reason = CHANGE_REASON
        obj.delete()
    if stale:
        result.changes["samenwerkingsverbanden verwijderd"] += len(stale)

    managed = {pk for pk, obj in collaborations.items() if obj.managed_by_editors}
    _sync_memberships(
        {pk: spec for pk, spec in matched.items() if pk not in managed},
        sources,
        municipality_ids,
        organisations,
        result,
    )


def _sync_source_records(matched, sources, records, result: LoadResult) -> None:
    wanted = {}
    for pk, spec in matched.items():
        for (source, ext), name in spec.records.items():
            wanted[(sources[source], ext)] = (pk, name[:250])
    create, update = [], []
    for key, (pk, name) in wanted.items():
        record = records.get(key)
        if record is None:
            create.append(
                SourceRecord(
                    collaboration_id=pk,
                    data_source_id=key[0],
                    external_id=key[1][:250],
                    name_in_source=name,
                )
            )
        elif (record.collaboration_id, record.name_in_source) != (pk, name):
            record.collaboration_id, record.name_in_source = pk, name
            update.append(record)
    stale = [r.pk for key, r in records.items() if key not in wanted]
    if stale:
        SourceRecord.objects.filter(pk__in=stale).delete()
    if update:
        SourceRecord.objects.bulk_update(update, ["collaboration", "name_in_source"])
    if create:
        SourceRecord.objects.bulk_create(create, batch_size=1000)
    result.changes["vermeldingen in bronnen"] += len(create) + len(update) + len(stale)


def _sync_memberships(matched, sources, municipality_ids, organisations, result) -> None:
    wanted: dict[tuple[int, str, int], tuple[str, str, int]] = {}
    for pk, spec in matched.items():
        for code, member in spec.municipalities.items():
            wanted[(pk, "m", municipality_ids[code])] = (
                member.role,
                "; ".join(member.names)[:200],
                sources[member.source],
            )
        for key, member in spec.organisations.items():
            wanted[(pk, "o", organisations[key])] = (
                member.role,
                "; ".join(member.names)[:200],
                sources[member.source],
            )
    existing: dict[tuple[int, str, int], Membership] = {}
    editors: set[tuple[int, str, int]] = set()
    for m in Membership.objects.filter(collaboration_id__in=matched):
        key = (
            m.collaboration_id,
            "m" if m.municipality_id else "o",
            m.municipality_id or m.organisation_id,
        )
        if m.data_source_id is None:
            editors.add(key)  # added by an editor: the loader never touches it
        else:
            existing[key] = m
    now = timezone.now()
    create, update = [], []
    for key, (role, names, source_id) in wanted.items():
        if key in editors:
            continue
        membership = existing.get(key)
        if membership is None:
            create.append(
                Membership(
                    collaboration_id=key[0],
                    municipality_id=key[2] if key[1] == "m" else None,
                    organisation_id=key[2] if key[1] == "o" else None,
                    role=role,
                    name_in_source=names,
                    data_source_id=source_id,
                )
            )
        elif (membership.role, membership.name_in_source, membership.data_source_id) != (
            role,
            names,
            source_id,
        ):
            membership.role, membership.name_in_source = role, names
            membership.data_source_id, membership.updated_at = source_id, now
            update.append(membership)
    stale = [m for key, m in existing.items() if key not in wanted]
    for membership in stale:
        membership._change_reason = CHANGE_REASON
        membership.delete()
    if update:
        bulk_update_with_history(
            update,
            Membership,
            ["role", "name_in_source", "data_source", "updated_at"],
            batch_size=1000,
            default_change_reason=CHANGE_REASON,
        )
    if create:
        bulk_create_with_history(
            create, Membership, batch_size=1000, default_change_reason=CHANGE_REASON
        )
    result.changes["deelnemers"] += len(create) + len(update) + len(stale)
