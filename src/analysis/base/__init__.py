"""Layer 0, the foundation: errors, file locations, safe CSV reading and writing, the font file.

Nothing here imports from the other layers of the package.
"""
