"""The build: documents -> sentences -> dates and names -> events, entities, citations -> the
fact base. Imports etr.store, etr.text, etr.dates and the core; never query, render or cli.
"""
