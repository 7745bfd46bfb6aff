"""The foundation's models: reference data and identity every app shares (docs/architecture.md)."""

from .mail import OutgoingMail
from .members import MemberProfile, MemberProfileQuerySet
from .places import DataSource, FormerMunicipality, Municipality, MunicipalityQuerySet
from .vocabulary import CollaborationModel, Theme

__all__ = [
    "CollaborationModel",
    "DataSource",
    "FormerMunicipality",
    "MemberProfile",
    "MemberProfileQuerySet",
    "Municipality",
    "MunicipalityQuerySet",
    "OutgoingMail",
    "Theme",
]
