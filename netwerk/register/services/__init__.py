"""Selectors and services of the register, one module per subject."""
