"""Members report an experience: the structured form, autosaved drafts, revisions, files."""
