"""The export formats: files other tools open (spreadsheets, browsers, Gephi, Graphviz, Zotero,
Datasette). Each module turns what etr.query assembled into one format and returns its text
(the SQLite export writes its file). Heavy libraries (networkx) are imported inside the
function that needs them, never at the top: the query path imports etr.render.
"""
