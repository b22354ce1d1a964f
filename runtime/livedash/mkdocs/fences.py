"""Find the ```dash fences of a Markdown page (top level or indented, never inside another fence)."""

import re
import shlex
from dataclasses import dataclass, field

_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")


@dataclass
class Fence:
    start: int  # index of the opening line (0-based)
    end: int  # index of the closing line (or last line when unclosed)
    indent: str
    options: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 0  # 1-based line number of the body's first line in the page


class FenceError(ValueError):
    def __init__(self, line, message):
        super().__init__(message)
        self.line = line


def parse_options(info, line):
    """``file="examples/x.py" height=220 title='A title'`` -> dict (values stay strings)."""
    try:
        tokens = shlex.split(info)
    except ValueError as exc:
        raise FenceError(line, f"cannot read the fence options {info!r}: {exc}") from None
    options = {}
    for token in tokens:
        key, sep, value = token.partition("=")
        if not sep:
            raise FenceError(line, f"fence option {token!r} needs a value (write {token}=...)")
        options[key] = value
    return options


def find_dash_fences(markdown):
    lines = markdown.split("\n")
    fences, i = [], 0
    while i < len(lines):
        match = _OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        indent, fence, info = match["indent"], match["fence"], match["info"].strip()
        close = re.compile(rf"^{re.escape(indent)}[ \t]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        words = info.split(None, 1)
        if words and words[0] in ("dash", "{dash}"):
            body_lines = [
                line[len(indent) :] if line.startswith(indent) else line.lstrip() for line in lines[i + 1 : j]
            ]
            fences.append(
                Fence(
                    start=i,
                    end=min(j, len(lines) - 1),
                    indent=indent,
                    options=parse_options(words[1] if len(words) > 1 else "", i + 1),
                    body="\n".join(body_lines),
                    body_line=i + 2,
                )
            )
        i = j + 1
    return fences
