"""The one place where a prop becomes an HTML attribute, with the rules Dash (4.4.1, React 18.3.1) applies.

Twin of ``web/sanitize.js`` (the page's renderer): the same rules and the same output, so the build's
pre-render and the page's render stay byte for byte the same. See ``web/README.md`` ("Component -> DOM").

- Event handlers (``on…``, any case) are never attributes (React drops them).
- Attribute names React refuses (its ``isAttributeNameSafe`` regex) are dropped with a warning.
- URLs go through Dash's ``clean_url`` (dash-renderer): a ``javascript:``/``vbscript:`` URL becomes
  ``about:blank`` and is reported as "Dangerous link detected: <url>".
- Untrusted apps (code from a share link): no ``data:``/``blob:``/``filesystem:`` URL where it would be
  navigated to, embed/object only over http(s), every iframe sandboxed without ``allow-same-origin``, no
  ``<meta http-equiv>``.
"""

import math
import re

from .protocol import id_key

# ---- Dash's clean_url, reproducing JavaScript's regular expressions and String.fromCharCode ----
_NEW_LINES = re.compile(r"&(tab|newline);", re.I | re.A)
_CTRL_CHARS = re.compile("[\u0000-\u001F\u007F-\u009F\u2000-\u200D\uFEFF]")
_HTML_ENTITIES = re.compile(r"&#(\w+)(^\w|;)?", re.A)
# JavaScript's /m: ^ at the start and after any line terminator; /i without /u: ASCII letters only here.
_LINE_START = "(?:^|(?<=[\n\r\u2028\u2029]))"
_INVALID_PROTOCOLS = re.compile(_LINE_START + r"([^\w]*)(javascript|vbscript)", re.I | re.A)
_SCRIPT_SCHEME = re.compile(_LINE_START + r"([^\w]*)(javascript|vbscript):", re.I | re.A)
_LOCAL_SCHEME = re.compile(_LINE_START + r"([^\w]*)(data|blob|filesystem):", re.I | re.A)
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.I | re.A)
# What String.prototype.trim removes.
_JS_SPACE = "\t\n\u000b\u000c\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
            "\u2028\u2029\u202f\u205f\u3000\ufeff"


def _js_number(text):
    """JavaScript's Number(text) for a string of word characters."""
    if re.fullmatch(r"[0-9]+(?:[eE][0-9]+)?", text, re.A):
        return float(text)   # (inf when too large, as in JavaScript)
    digits = {"x": "[0-9a-fA-F]+", "o": "[0-7]+", "b": "[01]+"}
    if len(text) > 2 and text[0] == "0" and text[1].lower() in digits \
            and re.fullmatch(digits[text[1].lower()], text[2:], re.A):
        try:
            return float(int(text[2:], {"x": 16, "o": 8, "b": 2}[text[1].lower()]))
        except OverflowError:
            return math.inf
    return math.inf if text == "Infinity" else math.nan


def _from_char_code(text):
    """String.fromCharCode(text): ToUint16(Number(text))."""
    number = _js_number(text)
    if math.isnan(number) or math.isinf(number):
        return "\0"
    return chr(int(number) % 65536)


def _plain_url(url):
    """What Dash's clean_url tests: the URL without &tab;/&newline;, control characters, numeric entities."""
    url = _NEW_LINES.sub("", url)
    url = _CTRL_CHARS.sub("", url)
    url = _HTML_ENTITIES.sub(lambda m: _from_char_code(m.group(1)), url)
    return url.strip(_JS_SPACE)


def clean_url(url):
    """Dash's clean_url: the URL itself, or "about:blank" when it would run script. "" stays ""."""
    text = str(url)
    if text == "":
        return text
    return "about:blank" if _INVALID_PROTOCOLS.search(_plain_url(text)) else text


# ---- attribute names (React 18.3.1's isAttributeNameSafe) ----
_NAME_START = (":A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
               "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD")
_NAME_CHAR = _NAME_START + "\\-.0-9\u00B7\u0300-\u036F\u203F-\u2040"
_VALID_NAME = re.compile(f"[{_NAME_START}][{_NAME_CHAR}]*")
_EVENT = re.compile("on", re.I | re.A)


def attribute_allowed(name):
    """May this (DOM) attribute name be set? React's regex, and never an event handler (``on…``)."""
    return isinstance(name, str) and bool(_VALID_NAME.fullmatch(name)) and not _EVENT.match(name)


# ---- prop -> attribute ----
_RENAMED = {"className": "class", "htmlFor": "for"}
# CSS properties whose numbers carry no unit (React's list, the ones used in practice).
UNITLESS = {"animationIterationCount", "aspectRatio", "borderImageOutset", "borderImageSlice", "borderImageWidth",
            "columnCount", "columns", "flex", "flexGrow", "flexPositive", "flexShrink", "flexNegative", "flexOrder",
            "fontWeight", "gridArea", "gridColumn", "gridColumnEnd", "gridColumnStart", "gridRow", "gridRowEnd",
            "gridRowStart", "lineClamp", "lineHeight", "opacity", "order", "orphans", "scale", "tabSize", "widows",
            "zIndex", "zoom", "fillOpacity", "floodOpacity", "stopOpacity", "strokeDasharray",
            "strokeDashoffset", "strokeMiterlimit", "strokeOpacity", "strokeWidth"}


def style_text(style):
    parts = []
    for name, value in style.items():
        if value is None or value == "" or isinstance(value, bool):
            continue
        css = name if name.startswith("--") else "".join("-" + c.lower() if c.isupper() else c for c in name)
        if isinstance(value, (int, float)) and value != 0 and name not in UNITLESS and not name.startswith("--"):
            value = f"{value}px"
        parts.append(f"{css}: {value}")
    return "; ".join(parts)


def attr_value(value):
    """A value as JavaScript's String() writes it (3.0 -> "3")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def attribute_name(prop):
    """The DOM attribute a prop is written as (a DOM attribute name gives itself)."""
    return _RENAMED.get(prop) or (prop if prop.startswith(("data-", "aria-")) else prop.lower())


# Attributes holding a URL the browser loads or navigates to: every one goes through clean_url.
# (srcset is left alone: it only ever loads images, which run no script.)
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "cite", "poster", "background",
                            "codebase", "classid", "longdesc", "manifest", "ping", "xlink:href", "lowsrc", "dynsrc",
                            "icon", "profile", "archive"})
# The ones Dash 4.4.1's html components clean themselves: there the rule is exactly Dash's.
_DASH_CLEANED = {"a": "href", "button": "formaction", "embed": "src", "form": "action", "iframe": "src",
                 "object": "data"}
# Untrusted apps: data:, blob: and filesystem: URLs are refused where they are navigated to (a document).
_NAVIGATED_ANY_TAG = {"href", "action", "formaction", "xlink:href"}
_NAVIGATED = {"iframe": ("src",), "frame": ("src",), "embed": ("src",), "object": ("data", "codebase", "classid")}
# ... and embed/object (which cannot be sandboxed) load only http(s) (or relative) URLs.
_HTTP_ONLY = {"embed": ("src",), "object": ("data", "codebase", "classid")}
IFRAME_SANDBOX = "allow-scripts allow-forms allow-popups"
_SANDBOX_REFUSED = {"allow-same-origin", "allow-top-navigation", "allow-top-navigation-by-user-activation",
                    "allow-top-navigation-to-custom-protocols", "allow-popups-to-escape-sandbox"}


def sandbox_tokens(value):
    """An untrusted iframe's sandbox: the author's tokens without the ones that reach the page's origin."""
    if value is None or value is False:
        return IFRAME_SANDBOX
    if value is True:
        return ""
    return " ".join(t for t in re.split("[\t\n\f\r ]+", attr_value(value))
                    if t and t.lower() not in _SANDBOX_REFUSED)


def _safe_url(tag, name, url, trusted, report):
    """The URL to write, or "about:blank" (with the problem reported) when it is refused."""
    if url == "":
        return url
    plain = _plain_url(url)
    pattern = _INVALID_PROTOCOLS if _DASH_CLEANED.get(tag) == name else _SCRIPT_SCHEME
    refused = bool(pattern.search(plain))
    if not refused and not trusted:
        if (name in _NAVIGATED_ANY_TAG or name in _NAVIGATED.get(tag, ())) and _LOCAL_SCHEME.search(plain):
            refused = True
        scheme = _SCHEME.match(plain)
        if name in _HTTP_ONLY.get(tag, ()) and scheme and scheme.group(1).lower() not in ("http", "https"):
            refused = True
    if not refused:
        return url
    if report:
        report(f"Dangerous link detected: {url}")
    return "about:blank"


def safe_attribute(tag, prop, value, trusted=True, report=None, warn=None):
    """A prop (or DOM attribute) of an element ``tag`` as the attribute to write: ``(name, text)``,
    ``(name, None)`` for "absent", or None when it is never an attribute (an event handler, or a name React
    refuses: ``warn(message)`` is told about the latter). ``report(message)``: a refused URL."""
    if not isinstance(prop, str):
        return None
    tag = str(tag).lower()
    name = attribute_name(prop)
    if _EVENT.match(name):
        return None   # event handlers: never attributes (React drops them too)
    if not _VALID_NAME.fullmatch(name):
        if warn:
            warn(f"invalid attribute name `{prop}` dropped (on <{tag}>)")
        return None
    lower = name.lower()
    if not trusted and tag == "iframe" and lower == "sandbox":
        return name, sandbox_tokens(value)
    if not trusted and tag == "meta" and lower == "http-equiv":
        if warn and value is not None and value is not False:
            warn("<meta http-equiv> dropped in an untrusted app")
        return None
    if value is None or value is False:
        return name, None
    if name == "id":
        text = attr_value(id_key(value))
    elif name == "style":
        text = style_text(value) if isinstance(value, dict) else ""
        if not text:
            return name, None
    else:
        text = "" if value is True else attr_value(value)
    if lower in URL_ATTRIBUTES:
        text = _safe_url(tag, lower, text, trusted, report)
    return name, text


def required_attributes(tag, trusted=True):
    """Attributes an element needs before any prop is applied: an untrusted iframe is always sandboxed."""
    return [("sandbox", IFRAME_SANDBOX)] if not trusted and str(tag).lower() == "iframe" else []


# Elements drawn inert, as a <template data-dash-type="…"> holding their children: React never runs a
# <script> it renders, and Material's instant navigation would run one found in the page; a <base> would
# move where the course page loads its own scripts and assets from.
INERT = {"script": "Script", "base": "Base"}
# Dash's html components whose type is not their tag.
TAGS = {"ObjectEl": "object", "MapEl": "map"}


def html_tag(kind):
    """The tag an html component type is drawn as."""
    return TAGS.get(kind) or kind.lower()
