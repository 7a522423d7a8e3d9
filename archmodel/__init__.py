"""archmodel: model and audit the internal link architecture of medical websites in Neo4j."""

__version__ = "0.1.0"
