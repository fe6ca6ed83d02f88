"""The Textual reader app: the only package that imports Textual."""
