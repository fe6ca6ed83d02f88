"""The widgets of the reader app."""
