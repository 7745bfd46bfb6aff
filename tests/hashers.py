"""A cheap password hasher for the test process only.

Django's PBKDF2 default (1,500,000 iterations) costs about half a second per hash on a busy
2-core machine, and every UserFactory hashes a password. This hasher writes the same
`pbkdf2_sha256$<iterations>$…` format with one iteration, so processes started with the real
settings (gunicorn, workers) still verify these passwords: PBKDF2 reads the iteration count from
the hash.
"""

from django.contrib.auth.hashers import PBKDF2PasswordHasher


class FastPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    iterations = 1
