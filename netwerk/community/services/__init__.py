"""Services of the community, one module per subject.

Writes are plain functions named <thing>_<verb> with keyword-only arguments.
"""
