"""Reports: the report model (pure) and its writers (PDF, CSV, JSON, FHIR)."""
