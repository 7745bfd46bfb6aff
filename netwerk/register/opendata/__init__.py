"""The open-data loaders: sources, names, classification, the load plan, duplicates, loading."""
