"""Results to output: the JSON envelope, Rich tables for a terminal, TSV rows for pipes (and the
exports). Never prints and never parses a command line. Imports etr.text and the core.
"""
