"""Operating-system concerns: where files live, the keyring, the clock."""
