"""One module per DVC stage: ingest -> extract -> validate -> publish (and the review tool)."""
