"""Library code shared by the pipeline stages: documents, CSV I/O, typed tables, extraction."""
