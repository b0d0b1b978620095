"""Layer 2, the records, in and out, validated: the vocabulary (bounds, kinds,
qualifiers, scenario statuses, confidence), units and conversions, the stated
figures (``figures``), the coverage ledger, outside facts (``context``), the
data package's column descriptions (``datapackage``), and ``lookup``, the one
way in for everything above this layer. Imports only ``base`` and ``text``.
"""
