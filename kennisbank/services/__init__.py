"""The kennisbank's rules, one module per subject: items (derived data, status), events
(registrations, proposals), submissions, discussion, adoptions, imports, uploads, related items
and the editors' save rules (editors). Views, the admin and other apps call these."""
