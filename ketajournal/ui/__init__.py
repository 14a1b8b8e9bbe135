"""PySide6 widgets, models and dialogs. They call services, never storage."""
