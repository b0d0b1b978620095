"""Analysis package behind the Minquan County 2021 Government Work Report book.

Data flows one way (see README.md):

    seeds/*.txt --report--> sections
    data/figures.csv --figures--> validated records
    figures --derive/audit/paths--> data/derived.csv, data/paths.csv
    chapters/*.md call these modules and glue their numbers.
"""

__version__ = "0.1.0"
