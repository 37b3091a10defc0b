"""pbkg: the party-building knowledge graph (core library, no HTTP)."""

__version__ = "0.1.0"
