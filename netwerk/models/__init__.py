"""The netwerk app's models: the register's and the community's, in one Django app ("netwerk")."""

from netwerk.models.community import (
    Answer,
    ContactRequest,
    Follow,
    ItemContact,
    Question,
    RateEvent,
    SavedSearch,
)
from netwerk.models.register import (
    Collaboration,
    CollaborationQuerySet,
    Membership,
    Organisation,
    SourceRecord,
    Suggestion,
    UnknownFormCollaboration,
)

__all__ = [
    "Answer",
    "Collaboration",
    "CollaborationQuerySet",
    "ContactRequest",
    "Follow",
    "ItemContact",
    "Membership",
    "Organisation",
    "Question",
    "RateEvent",
    "SavedSearch",
    "SourceRecord",
    "Suggestion",
    "UnknownFormCollaboration",
]
