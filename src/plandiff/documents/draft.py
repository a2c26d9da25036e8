"""A draft as a reader found it: blocks of text in reading order, before any outline is built."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    line: int
    level: int | None = None
    label: str | None = None
    heading: int | None = None
    plain: bool = False


@dataclass(frozen=True, slots=True)
class Draft:
    blocks: tuple[Block, ...]
    title: str | None = None
    date: str | None = None
    notes: tuple[str, ...] = ()
