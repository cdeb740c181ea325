"""Text, pure: folding names to one key, ranking name matches, the terms sentences are ranked
by, and untrusted text made safe to show. Imports the core (rules) only.
"""
