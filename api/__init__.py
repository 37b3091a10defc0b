"""HTTP layer of pbkg (FastAPI). The core library never imports from here."""
