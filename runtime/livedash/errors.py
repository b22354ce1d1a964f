"""Exceptions described for a reader: kind, message, the reader's line, and a traceback of their code only,
with the text of each of its lines."""

from __future__ import annotations

import re
import traceback

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from types import TracebackType

    from .protocol import Error

# Where an app's namespace keeps its source, for the line text of tracebacks (Session puts it there). Not
# linecache: it is keyed by file name for the whole process, and every inline example of a site is "app.py"
# in the same worker, so one app's error would show another app's line.
SOURCE_KEY = "__livedash_source__"


def describe(exc: BaseException, filename: str, source: str | None = None) -> Error:
    """An ERROR (see protocol.py) for ``exc``, keeping only the frames of the reader's ``filename``. The
    line texts come from ``source`` or from the frame's app (its namespace's SOURCE_KEY)."""
    line = None
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        line = exc.lineno
        text = _line_of(source, line)
        if text is not None:  # (Python reads it from a file of that name, if there is one)
            exc.text = text + "\n"
        shown = "".join(traceback.format_exception_only(type(exc), exc))
    else:
        frames = _frames(exc.__traceback__, filename, source)
        if frames:
            line = frames[-1].lineno
        shown = (
            ("Traceback (most recent call last):\n" if frames else "")
            + "".join(traceback.format_list(frames))
            + "".join(traceback.format_exception_only(type(exc), exc))
        )
    kind = getattr(exc, "kind", None) or type(exc).__name__  # a clientside error keeps its JS name
    return {"kind": kind, "message": str(exc), "traceback": shown, "filename": filename, "line": line}


def _frames(tb: TracebackType | None, filename: str, source: str | None) -> list[traceback.FrameSummary]:
    frames = []
    for frame, lineno in traceback.walk_tb(tb):
        if frame.f_code.co_filename != filename:
            continue
        text = _line_of(source if source is not None else frame.f_globals.get(SOURCE_KEY), lineno)
        # (no text known: linecache's, as before; a file on disk at build time)
        frames.append(
            traceback.FrameSummary(filename, lineno, frame.f_code.co_name, lookup_line=text is None, line=text)
        )
    return frames


def _line_of(source: object, lineno: int | None) -> str | None:
    if not isinstance(source, str) or not lineno:
        return None
    lines = source.splitlines()
    return lines[lineno - 1] if 0 < lineno <= len(lines) else None


def in_editor(error: Error | None, source: str, filename: str, first_line: int) -> Error | None:
    """The build's ERROR of an example whose code starts at line ``first_line`` of ``source`` (the build runs
    it there, so that build warnings point into the Markdown file), as the reader's editor shows the code:
    ``filename``, line 1 its first line. The page then shows the same error as after Run in the worker."""
    if error is None or error.get("filename") != source:
        return error
    shift = first_line - 1

    def frame(match: re.Match[str]) -> str:
        return f'File "{filename}", line {int(match[1]) - shift}'

    traceback_text = error.get("traceback")
    if traceback_text:
        traceback_text = re.sub(rf'File "{re.escape(source)}", line (\d+)', frame, traceback_text)
    # (a SyntaxError's message ends with its place: "(index.md, line 9)")
    message = re.sub(
        rf"\({re.escape(source.rsplit('/', 1)[-1])}, line (\d+)\)$",
        lambda match: f"({filename}, line {int(match[1]) - shift})",
        error.get("message", ""),
    )
    line = error.get("line")
    return {
        **error,
        "filename": filename,
        "line": line - shift if line else line,
        "traceback": traceback_text,
        "message": message,
    }


# The words of the page (web/errors.js says the same): the status line and the error box's " (line N)".
def line_note(error: Error) -> str:
    return f" (line {error['line']})" if error.get("line") else ""


def error_status(error: Error, function: str | None = None) -> str:
    """The status line while ``error`` shows: the callback's name when a callback raised it."""
    return f"Error in {function}{line_note(error)}" if function else f"Error: {error['kind']}{line_note(error)}"
