"""etr: cited fact lookup for the history of the Second East Turkestan Republic."""

__version__ = "0.1.0"
