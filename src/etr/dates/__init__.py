"""Dates, pure: calendar values (values), the forms etr reads in prose (forms), and what a user
types as a period (periods). Shared by the build and `etr when`. Imports the core only.
"""
