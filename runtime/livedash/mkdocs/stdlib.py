"""Pyodide's standard library as the site serves it: the same modules without their comments.

Pyodide's ``python_stdlib.zip`` holds the standard library as ``.py`` sources (2.5 MB, every page's first
load fetches it before an app can answer); a fifth of it is comments. A comment is cut from its ``#`` to the
end of its line, so every line keeps its number (tracebacks and ``inspect`` point at the same lines) and
docstrings stay (``help()``). A module is kept as Pyodide ships it unless the build's Python parses it to the
same syntax tree without its comments (a module of syntax newer than the build's Python is left alone).
"""

import ast
import io
import tokenize
import zipfile
from pathlib import Path

FORMAT = "1"  # bump when the output of slim_zip changes: the cached copy is then made again


def without_comments(source):
    """``source`` with each comment cut (from its ``#`` to the end of the line, and the blanks before it), or
    None when that cannot be done safely."""
    try:
        comments = [
            token.start
            for token in tokenize.generate_tokens(io.StringIO(source).readline)
            if token.type == tokenize.COMMENT
        ]
        if not comments:
            return source
        lines = source.splitlines(keepends=True)
        for row, col in comments:
            line = lines[row - 1]
            ending = line[len(line.rstrip("\r\n")) :]
            lines[row - 1] = line[:col].rstrip() + ending
        slim = "".join(lines)
        if ast.dump(ast.parse(source)) != ast.dump(ast.parse(slim)):
            return None
    except (SyntaxError, ValueError, tokenize.TokenError, IndentationError):
        return None
    if slim.count("\n") != source.count("\n"):
        return None
    return slim


def slim_zip(source, target):
    """Write ``target``: the zip ``source`` with the comments of its ``.py`` members cut (the others, and any
    module that cannot be cut safely, as they are). Entries keep their names, order and dates."""
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(partial, "w") as slim:
        for info in original.infolist():
            data = original.read(info)
            if info.filename.endswith(".py"):
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError:
                    text = None
                cut = without_comments(text) if text is not None else None
                if cut is not None:
                    data = cut.encode("utf-8")
            slim.writestr(info, data, compress_type=info.compress_type, compresslevel=9)
    partial.replace(target)
    return target
