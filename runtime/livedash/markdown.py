"""dcc.Markdown: the text parsed by markdown-it-py (CommonMark), handed to the page as a tree of nodes.

No HTML string travels to the page: the worker may run untrusted code (a share link), so the page builds
the DOM itself from this tree (web/markdown.js), with its own allow-list of tags and attributes. The build
writes the same tree as HTML (:func:`tree_html`, for prerender.py), byte for byte what the page draws.

The tree (the ``markdown`` key of a Markdown's component JSON) is a list of nodes; a node is

- a string: text, to be shown as text;
- ``[tag, {attribute: string}, child, ...]``: an element; ``tag`` is one of :data:`TAGS` and its
  attributes are among :data:`ATTRIBUTES` (anything else is dropped by both renderers);
- ``["#html", {}, source]``: raw HTML found in the text, only with ``dangerously_allow_html=True``; drawn
  as HTML only where the code is trusted (the course's own examples), as text otherwise.

markdown_it is imported only when a Markdown is drawn, so apps without one boot no slower.
"""

from html import escape
from textwrap import dedent

from .sanitize import safe_attribute

# What CommonMark produces; web/markdown.js holds the same lists.
TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
        "a", "img", "hr", "br"}
ATTRIBUTES = {"a": ("href", "title", "target"), "img": ("src", "alt", "title"), "ol": ("start",),
              "code": ("class",)}
VOID = {"img", "hr", "br"}
RAW = "#html"

_parsers = {}


def _parser(allow_html):
    # One parser per setting, made on first use. Raw HTML is off unless asked for (the commonmark preset
    # turns it on); linkify stays off; markdown-it's validateLink refuses javascript:, vbscript:, file:
    # and data: (but images) URLs.
    if allow_html not in _parsers:
        from markdown_it import MarkdownIt
        _parsers[allow_html] = MarkdownIt("commonmark", {"html": bool(allow_html), "linkify": False})
    return _parsers[allow_html]


def source_text(children, dedent_source=True):
    """The Markdown text of a ``children`` prop as Dash reads it: a list of strings is joined by line
    breaks, and the text is dedented unless ``dedent=False``."""
    if isinstance(children, (list, tuple)):
        children = "\n".join("" if c is None else str(c) for c in children)
    text = "" if children is None else str(children)
    return dedent(text) if dedent_source else text


def to_tree(children, link_target=None, dedent_source=True, allow_html=False):
    """The tree (see the module's docstring) of a Markdown's ``children``."""
    tokens = _parser(allow_html).parse(source_text(children, dedent_source))
    root = []
    stack = [root]
    for token in tokens:
        if token.nesting == 1 and not token.hidden:          # a block opens: paragraph, list, item, quote...
            node = [token.tag, _attributes(token)]
            _append(stack[-1], node)
            stack.append(node)
        elif token.nesting == -1 and not token.hidden:
            stack.pop()
        elif token.type == "inline":
            _inline(token.children or [], stack[-1], link_target)
        elif token.type in ("fence", "code_block"):
            code = ["code", _language(token.info) if token.type == "fence" else {}, token.content]
            _append(stack[-1], ["pre", {}, code])
        elif token.type == "hr":
            _append(stack[-1], ["hr", {}])
        elif token.type == "html_block":
            _append(stack[-1], [RAW, {}, token.content])
    return root


def _inline(tokens, parent, link_target):
    stack = [parent]
    for token in tokens:
        if token.nesting == 1:                                # em, strong, a
            attrs = _attributes(token)
            if token.type == "link_open" and link_target:
                attrs["target"] = str(link_target)
            node = [token.tag, attrs]
            _append(stack[-1], node)
            stack.append(node)
        elif token.nesting == -1:
            stack.pop()
        elif token.type == "text":
            _append(stack[-1], token.content)
        elif token.type == "softbreak":
            _append(stack[-1], "\n")
        elif token.type == "hardbreak":
            _append(stack[-1], ["br", {}])
            _append(stack[-1], "\n")
        elif token.type == "code_inline":
            _append(stack[-1], ["code", {}, token.content])
        elif token.type == "image":
            attrs = _attributes(token)
            attrs["alt"] = _plain(token.children or [])      # CommonMark: the alt text without its markup
            _append(stack[-1], ["img", {k: attrs[k] for k in ("src", "alt", "title") if k in attrs}])
        elif token.type == "html_inline":
            _append(stack[-1], [RAW, {}, token.content])


def _append(parent, child):
    # Neighbouring text is one string, so the tree (and the DOM built from it) stays small.
    if isinstance(child, str) and len(parent) > 2 and isinstance(parent[-1], str):
        parent[-1] += child
    elif child != "":
        parent.append(child)


def _attributes(token):
    return {name: str(value) for name, value in (token.attrs or {}).items()}


def _language(info):
    from markdown_it.common.utils import unescapeAll
    words = unescapeAll(info or "").split()
    return {"class": "language-" + words[0]} if words else {}


def _plain(tokens):
    out = []
    for token in tokens:
        if token.type in ("text", "code_inline", "html_inline"):
            out.append(token.content)
        elif token.type == "image":
            out.append(_plain(token.children or []))
        elif token.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def tree_html(tree, trusted=True):
    """The tree as HTML, byte for byte the markup web/markdown.js builds in the page (same allow-list, text
    and attribute values escaped as browsers write them). Raw HTML goes in as is only when ``trusted`` (at
    build time: the course's own code)."""
    if not isinstance(tree, list):
        return ""
    return "".join(_node_html(node, trusted) for node in tree)


def _node_html(node, trusted):
    if isinstance(node, str):
        return _text(node)
    if not (isinstance(node, list) and node):
        return ""
    tag, attributes, children = node[0], node[1] if len(node) > 1 else {}, node[2:]
    if tag == RAW:
        source = "".join(c for c in children if isinstance(c, str))
        return source if trusted else _text(source)
    inner = "".join(_node_html(child, trusted) for child in children)
    if not (isinstance(tag, str) and tag in TAGS):      # not a tag CommonMark makes: its text only
        return inner
    given = attributes if isinstance(attributes, dict) else {}
    written = ""
    for name in ATTRIBUTES.get(tag, ()):
        if isinstance(given.get(name), str):     # URLs cleaned as the page's applyAttribute cleans them
            attribute = safe_attribute(tag, name, given[name], trusted=trusted)
            if attribute and attribute[1] is not None:
                written += f' {attribute[0]}="{_attribute(attribute[1])}"'
    return f"<{tag}{written}>" if tag in VOID else f"<{tag}{written}>{inner}</{tag}>"


def _text(text):
    return escape(text, quote=False).replace("\xa0", "&nbsp;")


def _attribute(value):
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("\xa0", "&nbsp;") \
        .replace("<", "&lt;").replace(">", "&gt;")
