"""The kennisbank's admin, one module per subject; importing them registers their model admins."""

from . import discussion, history, imports, items, submissions  # noqa: F401
