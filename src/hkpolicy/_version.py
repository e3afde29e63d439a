"""The installed version of hkpolicy."""

__version__ = "0.1.0"
