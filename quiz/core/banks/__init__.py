"""Reading banks: the YAML event reader, the loader and validator, lint, and the bank library."""
