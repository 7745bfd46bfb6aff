"""The netwerk admin: the register's and the community's model admins register on import."""

from netwerk.admin import community, register  # noqa: F401
