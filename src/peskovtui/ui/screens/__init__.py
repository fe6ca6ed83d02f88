"""The screens of the reader app."""
