"""Forms every login page shares (the members' login in netwerk and the admin's)."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from .client import USERNAME_MAX_LENGTH


class LengthCheckedLoginMixin:
    """Refuses an over-long login name as a form error before anything tries to log in.

    AuthenticationForm only sets the widget's maxlength; a longer name reached
    authenticate() and django-axes, which cannot store it (a 500).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        limit = min(field.max_length or USERNAME_MAX_LENGTH, USERNAME_MAX_LENGTH)
        field.validators.append(
            MaxLengthValidator(
                limit,
                message=_("Gebruik hoogstens %(limit_value)d tekens (nu %(show_value)d)."),
            )
        )


class AdminLoginForm(LengthCheckedLoginMixin, AdminAuthenticationForm):
    pass
