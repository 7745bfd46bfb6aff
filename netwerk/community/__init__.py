"""The members' community: profiles, questions, contact requests, answers, follows, digests,
the editors' infodesk.

matching.py is the pure engine (no Django); services/ holds the writes and selectors, one module
per subject; reasons.py translates the engine's reason codes at the edge. Nothing here imports
netwerk.register (an import contract in pyproject.toml checks it).
"""
