"""hmic-extract: structured records from PCC responses to police inspections.

The public API is small: :func:`extract_path` reads one document and returns its
validated record; :class:`Options` carries every setting.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hmic-extract")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

__all__ = ["__version__"]
