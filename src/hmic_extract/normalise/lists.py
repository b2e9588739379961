"""Normalise, lists: how deep each list item is nested."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from hmic_extract.blocks import Block, BlockKind
from hmic_extract.normalise.glyphs import split_marker


def _ordinal(marker: str) -> int | None:
    """The position an enumerator gives: "3." is 3, "(c)" is 3; None for bullets."""
    core = marker.strip("().")
    if core.isdigit():
        return int(core)
    if len(core) == 1 and core.isalpha():
        return ord(core.lower()) - ord("a") + 1
    return None


def _continues(
    stack: list[list[float | str | int | None]], family: str, ordinal: int | None
) -> bool:
    """Whether an item carries on the innermost open list: its marker, its next number."""
    if not stack or stack[-1][1] != family:
        return False
    last = stack[-1][2]
    return ordinal is None or not isinstance(last, int) or last == ordinal - 1


def list_depths(blocks: Iterable[Block], unit: float, left_edge: float) -> list[Block]:
    """Nesting depth of list items from their indent, marker family and numbering.

    Where indentation is lost (pdftotext's reading order), a list that starts
    again at 1 right under a numbered item is nested in it.
    """
    out: list[Block] = []
    stack: list[list[float | str | int | None]] = []  # [indent, family, last ordinal]
    previous_was_item = False
    for block in blocks:
        if block.kind is not BlockKind.LIST_ITEM:
            if block.kind is BlockKind.HEADING or block.indent <= left_edge + unit:
                stack = []
            previous_was_item = False
            out.append(block)
            continue
        marker = split_marker(block.marker + " x")
        family = marker.family if marker else block.marker
        ordinal = _ordinal(block.marker)
        same = [
            position
            for position, (indent, fam, _) in enumerate(stack)
            if fam == family and abs(float(indent or 0) - block.indent) <= unit
        ]
        # Of the open lists this item could continue, the one whose next number it
        # carries; else the innermost. A "1" right after an item starts a new list.
        follows = [p for p in same if ordinal is not None and stack[p][2] == ordinal - 1]
        depth = follows[-1] if follows else (same[-1] if same else None)
        if (
            depth is not None
            and not follows
            and ordinal == 1
            and isinstance(stack[depth][2], int)
            and previous_was_item
            and depth == len(stack) - 1
        ):
            depth = None
        if depth is not None:
            del stack[depth + 1 :]
            stack[depth][2] = ordinal
        else:
            closed = False
            while stack and block.indent < float(stack[-1][0] or 0) - unit:
                stack.pop()
                closed = True
            if closed and _continues(stack, family, ordinal):
                # Back out of a sub-list onto the enclosing list's marker: a sibling
                # of its items, however the layout shifted it ("–" at 3, "o" at 14, "–" at 5).
                depth = len(stack) - 1
                stack[depth][2] = ordinal
            else:
                stack.append([block.indent, family, ordinal])
                depth = len(stack) - 1
        previous_was_item = True
        out.append(block if block.depth == depth else replace(block, depth=depth))
    return out
