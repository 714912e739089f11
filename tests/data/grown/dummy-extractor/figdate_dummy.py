"""A third-party extractor that finds nothing."""


def extract(article: object) -> list[dict[str, object]]:
    return []
