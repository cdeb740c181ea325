"""Answers over a fact base: who/where/what (lookup), when, search, show/timeline/sources
(browse), over a small FactBase core. No Rich, no printing. Imports etr.store, etr.text,
etr.dates and the core.
"""
