"""Use cases over the journal: what the CLI and the window both call."""
