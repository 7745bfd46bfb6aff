"""The kennisbank's forms, one module per subject: search, items (admin), submissions, events,
discussion."""
