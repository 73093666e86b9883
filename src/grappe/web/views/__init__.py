"""One view module per page."""
