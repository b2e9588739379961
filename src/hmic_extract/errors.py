"""Typed errors: one base class, one subclass per way an input can be wrong.

Each carries a stable ``code`` that the CLI, the batch summary and any
machine-readable report print, so scripts can branch on it.
"""

from __future__ import annotations


class HmicError(Exception):
    """Base of every error hmic-extract reports to a user."""

    code = "error"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class InputNotFoundError(HmicError):
    code = "not_found"


class UnreadableInputError(HmicError):
    code = "unreadable"


class EmptyInputError(HmicError):
    code = "empty"


class UnsupportedFormatError(HmicError):
    code = "unsupported_format"


class CorruptDocumentError(HmicError):
    code = "corrupt"


class EncryptedDocumentError(HmicError):
    code = "encrypted"


class NoTextLayerError(HmicError):
    code = "no_text"


class UndecodableTextError(HmicError):
    code = "undecodable"


class DocumentTimeoutError(HmicError):
    """A step outside the process (a converter) ran past the document timeout."""

    code = "timeout"


class NotAResponseError(HmicError):
    code = "not_recognised"


class OutputError(HmicError):
    code = "output"
