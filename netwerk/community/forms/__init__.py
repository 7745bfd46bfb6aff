"""The community's forms, one module per subject; forms/base.py says how they render."""
