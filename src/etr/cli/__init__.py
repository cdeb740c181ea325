"""The command line: the command table, the fast parser, the Typer app generated from the table,
one handler per command, and the one error boundary. Imports any room below; nothing imports it.
"""
