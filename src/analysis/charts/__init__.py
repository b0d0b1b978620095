"""Layer 4, charts: one style (``style``: fonts, palette, figure size, the source
line written from records, deterministic PNGs) and builders by chart type
(``dots``, ``bars``, ``lines``, ``ranges``, ``distributions``).

Importing the package applies the style (and imports matplotlib), so a chapter
that imports any chart module draws in the book's style.
"""

from . import style  # noqa: F401
