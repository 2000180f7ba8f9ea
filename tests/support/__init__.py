"""Scaffolding shared by the tests (on the path through pytest's `pythonpath` setting):
a clock that moves only when told, bank builders, TUI and reliability helpers."""
