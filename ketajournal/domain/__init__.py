"""Pure domain: entry models, their validation, time rules and analysis. No Qt, no SQL."""
