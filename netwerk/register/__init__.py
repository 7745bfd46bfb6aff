"""The register (netwerkregie): collaborations of municipalities, loaded from open data.

opendata/ loads and cleans the sources; regie.py and graph.py are the pure engines (no Django);
services/ maps the register's rows to them; views/, api.py and sitemaps.py show them. Nothing
here imports netwerk.community (an import contract in pyproject.toml checks it).
"""
