"""``dash.dash_table.Format``: a DataTable column's number format, built by chained calls; its JSON (locale,
nully, prefix, and a d3-format specifier) is what Dash's Format gives for the same calls."""

from collections import namedtuple


def _named(name, **values):
    return namedtuple(name, values)(**values)


Align = _named("align", default="", left="<", right=">", center="^", right_sign="=")
Group = _named("group", no="", yes=",")
Padding = _named("padding", no="", yes="0")
Prefix = _named(
    "prefix",
    yocto=10**-24,
    zepto=10**-21,
    atto=10**-18,
    femto=10**-15,
    pico=10**-12,
    nano=10**-9,
    micro=10**-6,
    milli=10**-3,
    none=None,
    kilo=10**3,
    mega=10**6,
    giga=10**9,
    tera=10**12,
    peta=10**15,
    exa=10**18,
    zetta=10**21,
    yotta=10**24,
)
Scheme = _named(
    "scheme",
    default="",
    decimal="r",
    decimal_integer="d",
    decimal_or_exponent="g",
    decimal_si_prefix="s",
    exponent="e",
    fixed="f",
    percentage="%",
    percentage_rounded="p",
    binary="b",
    octal="o",
    lower_case_hex="x",
    upper_case_hex="X",
    unicode="c",
)
Sign = _named("sign", default="", negative="-", positive="+", parantheses="(", space=" ")
Symbol = _named("symbol", no="", yes="$", binary="#b", octal="#o", hex="#x")
Trim = _named("trim", no="", yes="~")

# The d3-format specifier's parts, in the order they are written.
_PARTS = ("fill", "align", "sign", "symbol", "padding", "width", "group", "precision", "trim", "type")


def _string(value):
    if not isinstance(value, str):
        raise TypeError("expected value to be a string")


def _char(value):
    _string(value)
    if len(value) != 1:
        raise ValueError("expected value to a string of length one")


def _count(value):
    """A non-negative int, or None."""
    if value is not None:
        if not isinstance(value, int):
            raise TypeError("expected value to be an integer")
        if value < 0:
            raise ValueError("expected value to be non-negative", str(value))


def _one_of(value, allowed, flag=None):
    """``value`` if it is one of ``allowed`` (a bool stands for yes/no where ``flag`` is given)."""
    if flag is not None and isinstance(value, bool):
        value = allowed.yes if value else allowed.no
    if value not in allowed:
        raise TypeError("expected value to be one of", str(list(allowed)))
    return value


class Format:
    """``Format(precision=2, scheme=Scheme.fixed)`` or ``Format().precision(2).scheme(Scheme.fixed)``."""

    def __init__(self, **kwargs):
        self._locale = {}
        self._nully = ""
        self._prefix = Prefix.none
        self._specifier = {
            "align": Align.default,
            "fill": "",
            "group": Group.no,
            "width": "",
            "padding": Padding.no,
            "precision": "",
            "sign": Sign.default,
            "symbol": Symbol.no,
            "trim": Trim.no,
            "type": Scheme.default,
        }
        methods = [m for m in dir(type(self)) if not m.startswith("_") and m != "to_plotly_json"]
        for name, value in kwargs.items():
            if name not in methods:
                raise TypeError(f"{name} is not a format method. Expected one of", str(methods))
            getattr(self, name)(value)

    def _set(self, part, value):
        self._specifier[part] = value
        return self

    # -- the specifier ----------------------------------------------------------------------------
    def align(self, value):
        return self._set("align", _one_of(value, Align))

    def fill(self, value):
        _char(value)
        return self._set("fill", value)

    def group(self, value):
        return self._set("group", _one_of(value, Group, flag=True))

    def padding(self, value):
        return self._set("padding", _one_of(value, Padding, flag=True))

    def padding_width(self, value):
        _count(value)
        return self._set("width", "" if value is None else value)

    def precision(self, value):
        _count(value)
        return self._set("precision", "" if value is None else f".{value}")

    def scheme(self, value):
        return self._set("type", _one_of(value, Scheme))

    def sign(self, value):
        return self._set("sign", _one_of(value, Sign))

    def symbol(self, value):
        return self._set("symbol", _one_of(value, Symbol))

    def trim(self, value):
        return self._set("trim", _one_of(value, Trim, flag=True))

    # -- the locale ---------------------------------------------------------------------------------
    def symbol_prefix(self, value):
        _string(value)
        self._locale.setdefault("symbol", ["", ""])[0] = value
        return self

    def symbol_suffix(self, value):
        _string(value)
        self._locale.setdefault("symbol", ["", ""])[1] = value
        return self

    def decimal_delimiter(self, value):
        _char(value)
        self._locale["decimal"] = value
        return self

    def group_delimiter(self, value):
        _char(value)
        self._locale["group"] = value
        return self

    def groups(self, groups):
        if isinstance(groups, int) and not isinstance(groups, list):
            groups = [groups]
        if not isinstance(groups, list):
            raise TypeError("expected groups to be an integer or a list of integers")
        if not groups:
            raise ValueError("expected groups to be an integer or a list of one or more integers")
        for group in groups:
            if not isinstance(group, int):
                raise TypeError("expected entry to be an integer")
            if group <= 0:
                raise ValueError("expected entry to be a non-negative integer")
        self._locale["grouping"] = groups
        return self

    # -- the rest -----------------------------------------------------------------------------------
    def nully(self, value):
        self._nully = value
        return self

    def si_prefix(self, value):
        self._prefix = _one_of(value, Prefix)
        return self

    def to_plotly_json(self):
        spec = dict(self._specifier)
        if spec["align"] == Align.default:  # a fill means something only with an alignment
            spec["fill"] = ""
        return {
            "locale": self._locale.copy(),
            "nully": self._nully,
            "prefix": self._prefix,
            "specifier": "".join(str(spec[part]) for part in _PARTS),
        }
