"""The fact base on disk: the JSON file (where it lives, validation, atomic writes, the build
lock) and its derived SQLite index, which queries read. Imports etr.text and the core.
"""
