"""Layer 1, the source text: the seed report split into sections (``report``),
every number it states found with its offset (``scan``), Chinese numerals read
as numbers (``numerals``). Imports only ``analysis.base``."""
