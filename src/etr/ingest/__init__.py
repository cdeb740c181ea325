"""The build pipeline: documents -> sentences -> dates and names -> the fact base.

May import etr.model, etr.errors, etr.store, etr.dates and etr.names; never query, render or cli.
"""
