"""Layer 3, the computations: growth maths (``growth``, rates as fractions),
derived values (``derive`` -> data/derived.csv), growth paths (``paths`` ->
data/paths.csv, with ``scenarios``), the consistency audit, the prefecture
panel (``targets_panel``, ``panel_regression``, ``uncertainty``), targets by
level (``cascade``), the county-to-city criteria (``county_city``), the
report's inventory and the ten practical things. Reads records only through
``analysis.records``.
"""
