"""The archive's website: datasette with our metadata, canned queries, templates and plugin."""
