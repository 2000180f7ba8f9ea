"""Interchange with Anki: .apkg packages (genanki) and Anki's text/CSV format."""
