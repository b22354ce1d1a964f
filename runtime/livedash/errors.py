"""Exceptions described for a reader: kind, message, the reader's line, and a traceback of their code only."""

import traceback


def describe(exc, filename):
    """An ERROR (see protocol.py) for ``exc``, keeping only the frames of the reader's ``filename``."""
    line = None
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        line = exc.lineno
        shown = "".join(traceback.format_exception_only(type(exc), exc))
    else:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
        if frames:
            line = frames[-1].lineno
        shown = ("Traceback (most recent call last):\n" if frames else "") + \
            "".join(traceback.format_list(frames)) + \
            "".join(traceback.format_exception_only(type(exc), exc))
    kind = getattr(exc, "kind", None) or type(exc).__name__    # a clientside error keeps its JS name
    return {"kind": kind, "message": str(exc), "traceback": shown,
            "filename": filename, "line": line}
