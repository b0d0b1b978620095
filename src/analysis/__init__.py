"""Analysis package behind the Minquan County 2021 Government Work Report book.

The code follows the data flow in layers; each imports only from those below it
(``tests/test_architecture.py`` checks this):

    base      layer 0: errors, file locations, atomic CSV writing, the font file
    text      layer 1: the seed report in sections; every number it states
    records   layer 2: figures, coverage, outside facts, units, vocabulary,
              the data package, and ``lookup``, the one way into the records
    compute   layer 3: derived values, growth maths and paths, scenarios, the
              audit, the prefecture panel, the cascade of targets
    charts    layer 4: one style and chart builders by type
    book      layer 5: the Sphinx extensions, downloads and site
    cli       ``python -m analysis COMMAND``: every command

    seeds/*.txt --text--> sections, mentions
    data/figures.csv --records--> validated records (lookup.figure)
    records --compute--> data/derived.csv, data/paths.csv (lookup.derived, lookup.paths)
    chapters/*.md read records through lookup, draw with charts, glue numbers.
"""

__version__ = "0.1.0"
