"""A small Markdown renderer for dcc.Markdown: headings, paragraphs, emphasis, code, lists, quotes, links,
rules. Everything else is text: HTML in the source is escaped (no ``dangerously_allow_html`` here), so
the output holds only the tags written below and is safe to insert. Used at build (pre-render) and in
the browser alike, so both show the same markup."""

import re
from html import escape
from textwrap import dedent

_INLINE = [
    (re.compile(r"\*\*(.+?)\*\*|__(.+?)__"), lambda m: f"<strong>{m.group(1) or m.group(2)}</strong>"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)"),
     lambda m: f"<em>{m.group(1) or m.group(2)}</em>"),
]
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def _inline(text, link_target):
    text = escape(text, quote=False)
    codes = []

    def keep_code(match):          # code spans are left as they are
        codes.append(match.group(1))
        return f"\x00{len(codes) - 1}\x00"
    text = re.sub(r"`([^`]+)`", keep_code, text)
    for pattern, replace in _INLINE:
        text = pattern.sub(replace, text)

    def link(match):
        href = match.group(2)
        if not re.match(r"^(https?:|mailto:|/|#|\.)", href) and ":" in href:
            return match.group(0)  # no javascript: or other schemes
        target = f' target="{escape(link_target)}"' if link_target else ""
        # the text is escaped already (&, <, >): quotes are all an attribute still needs
        return f'<a href="{href.replace(chr(34), "&quot;")}"{target}>{match.group(1)}</a>'
    text = _LINK.sub(link, text)
    return re.sub("\x00(\\d+)\x00", lambda m: f"<code>{codes[int(m.group(1))]}</code>", text)


def to_html(source, link_target=None, dedent_source=True):
    if isinstance(source, (list, tuple)):
        source = "\n".join(str(s) for s in source)
    source = dedent(source or "") if dedent_source else (source or "")
    lines, out, i = source.split("\n"), [], 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
        elif stripped.startswith("```"):
            j = i + 1
            while j < len(lines) and not lines[j].strip().startswith("```"):
                j += 1
            out.append(f"<pre><code>{escape(chr(10).join(lines[i + 1:j]), quote=False)}</code></pre>")
            i = j + 1
        elif re.match(r"^#{1,6}\s", stripped):
            level = len(stripped) - len(stripped.lstrip("#"))
            out.append(f"<h{level}>{_inline(stripped[level:].strip(), link_target)}</h{level}>")
            i += 1
        elif re.match(r"^(\*\s*\*\s*\*|-\s*-\s*-|_\s*_\s*_)[\s*_-]*$", stripped):
            out.append("<hr>")
            i += 1
        elif re.match(r"^([-*+]|\d+[.)])\s", stripped):
            ordered = bool(re.match(r"^\d", stripped))
            items = []
            while i < len(lines) and re.match(r"^\s*([-*+]|\d+[.)])\s", lines[i]):
                items.append(_inline(re.sub(r"^\s*([-*+]|\d+[.)])\s+", "", lines[i]), link_target))
                i += 1
            tag = "ol" if ordered else "ul"
            out.append(f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>")
        elif stripped.startswith(">"):
            quoted = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quoted.append(lines[i].strip()[1:].lstrip())
                i += 1
            out.append(f"<blockquote>{to_html(chr(10).join(quoted), link_target, False)}</blockquote>")
        else:
            para = []
            while i < len(lines) and lines[i].strip() and not re.match(r"^\s*(#{1,6}\s|```|>|([-*+]|\d+[.)])\s)", lines[i]):
                para.append(lines[i].strip())
                i += 1
            out.append(f"<p>{_inline(' '.join(para), link_target)}</p>")
    return "".join(out)
