"""Adapters that run the usual libraries as figdate extractors, imported only when named."""
