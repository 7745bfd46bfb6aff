"""Members log in with their e-mail address; accounts made in the admin keep their username."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """Authenticates by e-mail address (case-insensitive) when exactly one account has it."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        matches = list(get_user_model()._default_manager.filter(email__iexact=username)[:2])
        if len(matches) != 1:
            # Unknown or ambiguous: run the hasher anyway, so timing tells nothing.
            get_user_model()().set_password(password)
            return None
        user = matches[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
