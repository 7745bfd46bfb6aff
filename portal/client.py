"""Who is asking: the client address and the login name as django-axes and our rate limits see them.

One function for every limiter (django-axes through AXES_CLIENT_IP_CALLABLE, the members' rate
limits in netwerk/members.py), so a lockout and a rate limit always count the same client.
"""

from django.conf import settings
from ipware import get_client_ip

# django-axes stores the username in a CharField of 255 characters.
USERNAME_MAX_LENGTH = 255


def client_ip(request) -> str | None:
    """The client's address, taking X-Forwarded-For only from the configured trusted proxies.

    With TRUSTED_PROXY_COUNT = 0 (the default) the header is ignored: anyone can send it. With N
    trusted proxies in front of us, each appends the address it saw to X-Forwarded-For, so the
    client is the N-th entry from the right; whatever the client itself put further left is
    ignored. django-ipware counts only the proxies listed in the header, i.e. N - 1 (the last
    proxy is REMOTE_ADDR); non-strict, so a left part the client made up cannot void the header.
    """
    remote = request.META.get("REMOTE_ADDR") or None  # None: unknown (axes stores NULL)
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return remote
    address, _routable = get_client_ip(
        request,
        proxy_order="left-most",
        proxy_count=count - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=False,
    )
    # A request that did not come through the proxies (no or too short a header) is counted
    # under the address it came from.
    return address or remote


def normalised_username(request, credentials: dict | None = None) -> str:
    """The login name as django-axes counts it: every spelling of an address is one name.

    Logins match addresses case-insensitively (netwerk/auth.py), so axes must count
    `PT@example.org` and `pt@example.org` together or each spelling gets its own five tries.
    """
    if credentials:
        username = credentials.get(_field())
    else:
        username = getattr(request, "POST", {}).get(_field())
    return str(username or "").strip().casefold()[:USERNAME_MAX_LENGTH]


def _field() -> str:
    return str(getattr(settings, "AXES_USERNAME_FORM_FIELD", "username"))
