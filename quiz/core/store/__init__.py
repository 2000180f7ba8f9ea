"""The local SQLite store. `from quiz.core.store import Store`."""
from quiz.core.store.db import DatabaseDamaged, DiskFull, NewerDatabase, NotWritable, StoreError
from quiz.core.store.store import CardRow, Counts, Review, SessionRow, Store

__all__ = ["CardRow", "Counts", "DatabaseDamaged", "DiskFull", "NewerDatabase", "NotWritable", "Review",
           "SessionRow", "Store", "StoreError"]
