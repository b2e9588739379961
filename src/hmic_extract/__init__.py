"""hmic-extract: structured records from PCC responses to police inspections.

The public API is small: :func:`extract_path` reads one document and returns its
validated record; :class:`Options` carries every setting.
"""

from __future__ import annotations

# The single source of the version (pyproject reads it from here); a literal, so
# `hmic-extract --version` needs no package metadata lookup at start-up.
__version__ = "0.1.0"

__all__ = ["__version__"]
