"""Test-only helpers: fakes at the edge (keyring, clock), never of our own code."""
