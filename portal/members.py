"""Member identity as a service: every app asks here for the profile behind an account."""

from .constants import Province
from .models import MemberProfile


def profile_for(user) -> MemberProfile:
    """The member's profile; accounts made elsewhere (editors, admin) get one on first use."""
    profile, _ = MemberProfile.objects.get_or_create(
        user=user,
        defaults={"name": user.get_full_name() or f"Lid {user.pk}", "province": Province.UTRECHT},
    )
    return profile
