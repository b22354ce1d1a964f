"""Pure-Python wheels an author asks for (`packages:` in the plugin options), fetched with pip into a cache
and served from the site; the worker installs them before it loads any app, and the build's example runs
import them (isolation.py puts the wheels on their sys.path). Compiled packages cannot run here (they would
need pyodide-build): pip is asked for py3-none-any wheels only, and says so when there is none.

livedash provides `dash` itself, so a Dash component library's dependency on `dash` (and through it Flask,
plotly, ...) is not shipped: each asked package is downloaded alone (`--no-deps`), its wheel's Requires-Dist
read (markers evaluated for Pyodide's Python), and the same done for each dependency but `dash`.

A wheel whose top-level package's `__init__.py` sets `_js_dist` is a Dash component library: its browser
files (the `relative_package_path` of its `_js_dist` and `_css_dist`) are read from the wheel, without
importing it (the lists are parsed with `ast`), and served from the site under `libraries/<package>/`.
"""

import ast
import email.parser
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

from .npm_cache import BOOTSTRAP, cache_root

PYODIDE_PYTHON = "3.14"
# Environment markers as Pyodide 314's Python answers them.
PYODIDE_MARKERS = {
    "python_version": "3.14",
    "python_full_version": "3.14.2",
    "implementation_name": "cpython",
    "implementation_version": "3.14.2",
    "platform_python_implementation": "CPython",
    "sys_platform": "emscripten",
    "platform_system": "Emscripten",
    "os_name": "posix",
    "platform_machine": "wasm32",
    "platform_release": "",
    "platform_version": "",
}
# Distributions livedash provides (its `dash` alias) and never ships: dash, and the packages it once was.
PROVIDED = {"dash", "dash-core-components", "dash-html-components", "dash-table", "dash-renderer"}
# In the cache key: wheels resolved by other rules live in another folder.
RESOLUTION = "no-dash-1"


class WheelsUnavailable(RuntimeError):
    pass


def ensure(requirements, log=print):
    """The folder holding pure-Python wheels for ``requirements`` and their dependencies (but PROVIDED)."""
    key = hashlib.sha256("\n".join([RESOLUTION, *sorted(requirements)]).encode()).hexdigest()[:16]
    folder = cache_root() / "wheels" / key
    if (folder / ".complete").is_file():
        return folder
    log(f"livedash: fetching pure-Python wheels with pip: {', '.join(requirements)}")
    staging = folder.with_name(key + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        _resolve(requirements, staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    (staging / ".complete").write_text("\n".join(requirements))
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    return folder


def _resolve(requirements, folder):
    """Download into ``folder`` a wheel for each requirement and, level by level, for each dependency its
    Requires-Dist names (not PROVIDED). A name asked again with another specifier is downloaded again with
    all its specifiers at once."""
    asked = {}  # name -> [(Requirement, who asked: None for the author)]
    have = {}  # name -> (version, wheel file)
    try:
        queue = [(Requirement(text), None) for text in requirements]
    except InvalidRequirement as exc:
        raise WheelsUnavailable(f"packages: {exc}") from None
    for _round in range(100):
        if not queue:
            return
        batch = {}
        for requirement, parent in queue:
            name = canonicalize_name(requirement.name)
            if name in PROVIDED:
                continue
            asked.setdefault(name, []).append((requirement, parent))
            if name not in have or not _satisfies(have[name][0], asked[name]):
                batch[name] = None
        queue = []
        if not batch:
            return
        with tempfile.TemporaryDirectory() as tmp:
            _download([_combined(name, asked[name]) for name in batch], asked, batch, tmp)
            for wheel in sorted(Path(tmp).glob("*.whl")):
                name, version, _build, _tags = parse_wheel_filename(wheel.name)
                if name in have:
                    have[name][1].unlink(missing_ok=True)
                target = folder / wheel.name
                shutil.move(wheel, target)
                have[name] = (version, target)
                extras = {extra for requirement, _ in asked.get(name, []) for extra in requirement.extras}
                queue += [(dependency, name) for dependency in _dependencies(target, extras)]
    raise WheelsUnavailable(f"the dependencies of {', '.join(requirements)} did not settle after 100 rounds")


def _satisfies(version, requirements):
    return all(r.specifier.contains(version, prereleases=True) for r, _ in requirements)


def _combined(name, requirements):
    extras = sorted({extra for r, _ in requirements for extra in r.extras})
    specifiers = ",".join(str(r.specifier) for r, _ in requirements if str(r.specifier))
    return f"{name}{'[' + ','.join(extras) + ']' if extras else ''}{specifiers}"


def pip_download(folder, *args):
    """``pip download`` of wheels only, each without its dependencies, into ``folder`` (the same pip that runs
    the build, so its index settings apply)."""
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps"]
    command += ["--only-binary=:all:", "--dest", str(folder), *args]
    return subprocess.run(command, capture_output=True, text=True)


def _download(specs, asked, names, folder):
    pyodide = ["--python-version", PYODIDE_PYTHON, "--implementation", "py", "--abi", "none", "--platform", "any"]
    result = pip_download(folder, *pyodide, *specs)
    if result.returncode != 0:
        wanted = ", ".join(
            " and ".join(_shown(r) for r, _ in asked[name])
            + "".join(f" (needed by {parent})" for parent in dict.fromkeys(p for _, p in asked[name] if p))
            for name in names
        )
        raise WheelsUnavailable(
            f"pip found no pure-Python (py3-none-any) wheels for {wanted}; "
            f"a compiled package cannot run in livedash's browser Python.\n{result.stderr.strip()[-2000:]}"
        )


def _shown(requirement):
    """The requirement as asked, without its marker."""
    extras = f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
    return f"{requirement.name}{extras}{requirement.specifier}"


def _metadata(wheel):
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.count("/") == 1 and n.endswith(".dist-info/METADATA"))
        return email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))


def _dependencies(wheel, extras):
    """The Requires-Dist of ``wheel`` that apply in Pyodide with ``extras`` asked."""
    found = []
    for text in _metadata(wheel).get_all("Requires-Dist") or []:
        requirement = Requirement(text)
        marker = requirement.marker
        if marker is None or any(
            marker.evaluate({**PYODIDE_MARKERS, "extra": extra}) for extra in sorted(extras) or [""]
        ):
            found.append(requirement)
    return found


def copy_into(folder, target):
    """Copy the wheels into ``target``; returns their file names."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    names = []
    for wheel in sorted(Path(folder).glob("*.whl")):
        names.append(wheel.name)
        if not (target / wheel.name).exists():
            shutil.copy2(wheel, target / wheel.name)
    return names


def paths(folder):
    """Folders to put on sys.path for the wheels of ``folder``: each wheel unpacked once beside it (a library
    that opens its own package-info.json, as dash-daq does, cannot run from a zip)."""
    if not folder:
        return []
    out = []
    for wheel in sorted(Path(folder).glob("*.whl")):
        unpacked = Path(folder) / "unpacked" / wheel.stem
        if not (unpacked / ".complete").is_file():
            shutil.rmtree(unpacked, ignore_errors=True)
            with zipfile.ZipFile(wheel) as archive:
                archive.extractall(unpacked)
            (unpacked / ".complete").write_text(wheel.name)
        out.append(str(unpacked))
    return out


# ---- Dash component libraries ------------------------------------------------------------------------------

# Stylesheets that libraries name by CDN URL and the site can serve from a pinned npm package:
# (pattern with the version and file, the package, its folder of those files, folder in the site).
KNOWN_STYLESHEETS = [
    (
        re.compile(
            r"https://cdn\.jsdelivr\.net/npm/bootstrap@(?P<version>[^/]+)/dist/css/"
            r"(?P<file>bootstrap(?:-grid)?\.min\.css)"
        ),
        BOOTSTRAP,
        "dist/css/",
        "libraries/bootstrap/",
    ),
]


@dataclass
class Library:
    """A Dash component library's browser files, paths relative to the site's assets folder."""

    distribution: str
    package: str  # its top-level Python package
    namespace: str  # the JS namespace its bundle registers: window[namespace]
    wheel: Path
    files: dict = field(default_factory=dict)  # path in the wheel -> path in the site
    scripts: list = field(default_factory=list)  # loaded by the page, in order
    async_chunks: list = field(default_factory=list)  # fetched by the bundle itself, from its folder
    styles: list = field(default_factory=list)
    stylesheets: dict = field(default_factory=dict)  # a CDN URL its Python names -> the site's copy
    npm: list = field(default_factory=list)  # (npm package, its folder, folder in the site) of those
    not_served: list = field(default_factory=list)  # what cannot be served from the site, and why

    def manifest(self):
        return {"scripts": self.scripts, "async": self.async_chunks, "styles": self.styles}


class LibraryError(RuntimeError):
    pass


def component_libraries(folder):
    """The Dash component libraries among the wheels of ``folder`` (LibraryError when one's resource lists
    cannot be read)."""
    libraries = []
    for wheel in sorted(Path(folder).glob("*.whl")) if folder else []:
        libraries += _libraries_of(wheel)
    return libraries


def _libraries_of(wheel):
    distribution, version, _build, _tags = parse_wheel_filename(wheel.name)
    found = []
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        packages = sorted(
            {
                n.split("/")[0]
                for n in names
                if n.count("/") == 1
                and n.endswith("/__init__.py")
                and not n.split("/")[0].endswith((".dist-info", ".data"))
            }
        )
        for package in packages:
            init = f"{package}/__init__.py"
            package_json = next(
                (
                    json.loads(archive.read(f"{package}/{n}"))
                    for n in ("package-info.json", "package.json")
                    if f"{package}/{n}" in names
                ),
                None,
            )
            dists = read_dists(
                archive.read(init).decode("utf-8"),
                f"{wheel.name}/{init}",
                {"__name__": package, "__version__": str(version), "__package__": package},
                package_json,
            )
            if dists.get("_js_dist") is None:
                continue
            sources = {
                n: archive.read(n).decode("utf-8", "replace")
                for n in names
                if n.startswith(f"{package}/") and n.endswith(".py")
            }
            library = Library(str(distribution), package, _js_namespace(sources, dists, package), wheel)
            for key in ("_js_dist", "_css_dist"):
                for entry in dists.get(key) or []:
                    _add_resource(library, entry, key, names, f"{wheel.name}/{init}")
            for url, reason in _stylesheets(library, sources):
                if reason:
                    library.not_served.append((url, reason))
            for name in sorted(names):  # licence texts, beside the files they cover
                base = name.rsplit("/", 1)[-1].upper()
                if ".dist-info/" in name and base.startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE")):
                    library.files[name] = (
                        f"libraries/{package}/{name.split('.dist-info/', 1)[1].removeprefix('licenses/')}"
                    )
            found.append(library)
    return found


def _js_namespace(sources, dists, package):
    """The `_namespace` its component classes declare (what the bundle registers on window); else the
    `namespace` of its `_js_dist` entries; else the package's name."""
    declared = [
        m for text in sources.values() for m in re.findall(r"^\s+_namespace\s*=\s*['\"]([\w.$]+)['\"]", text, re.M)
    ]
    if declared:
        return max(set(declared), key=declared.count)
    named = [e.get("namespace") for e in dists.get("_js_dist") or [] if isinstance(e, dict)]
    return next((n for n in named if isinstance(n, str)), package)


def _add_resource(library, entry, key, names, where):
    if not isinstance(entry, dict):
        raise LibraryError(f"{where}: an entry of {key} is not a dict: {entry!r}")
    if entry.get("dev_only"):
        return
    paths = entry.get("relative_package_path")
    if paths is None or entry.get("external_only"):
        url = entry.get("external_url")
        if url is not None:
            library.not_served.append((url, "an external URL only"))
        return
    # The Python package holding the file, whose folder Dash serves it from; generated libraries name it by
    # their package-info.json's name, which is the package's own name when that file cannot be read.
    module = entry.get("namespace", library.package)
    module = library.package if module is UNKNOWN else module
    for path in paths if isinstance(paths, list) else [paths]:
        if (
            not isinstance(path, str)
            or not isinstance(module, str)
            or any(entry.get(flag) is UNKNOWN for flag in ("async", "dynamic", "dev_only", "external_only"))
        ):
            raise LibraryError(
                f"{where}: livedash could not read the relative_package_path, namespace or flags of "
                f"an entry of {key} (it reads literal strings, f-strings and .format() of names "
                f"set in the file): {entry!r}"
            )
        if path.endswith(".map"):
            continue
        member = f"{module.replace('.', '/')}/{path}"
        if member not in names:
            if key == "_js_dist" and (entry.get("dynamic") or entry.get("async")):
                # Fetched only when its bundle asks for it, and Dash serves it only then: dash-daq 0.6.0 names
                # an async-slider.js that its wheel lacks and its bundle never asks for.
                library.not_served.append(
                    (
                        path,
                        f"{member} is not in its wheel: an async chunk its bundle "
                        "fetches only if it needs it, and Dash would answer 404 too",
                    )
                )
                continue
            raise LibraryError(f"{where}: {key} names {path}, which is not in the wheel ({member})")
        site = f"libraries/{module}/{path}"
        library.files[member] = site
        if f"{member}.LICENSE.txt" in names:
            library.files[f"{member}.LICENSE.txt"] = f"{site}.LICENSE.txt"
        if key == "_css_dist":
            library.styles.append(site)
        elif entry.get("dynamic") or entry.get("async"):
            library.async_chunks.append(site)
        else:
            library.scripts.append(site)


def _stylesheets(library, sources):
    """Map the CDN stylesheet URLs the library's Python names (dbc.themes.BOOTSTRAP) to copies the site
    serves, for those KNOWN_STYLESHEETS has at the same version; yields (url, why not served) of the others."""
    for text in sources.values():
        for node in ast.walk(ast.parse(text)):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            for pattern, package, folder, site in KNOWN_STYLESHEETS:
                match = pattern.fullmatch(node.value)
                if match is None:
                    continue
                if match["version"] != package.version or folder + match["file"] not in package.members:
                    yield node.value, f"livedash serves {package.name} {package.version}"
                    continue
                library.stylesheets[node.value] = site + match["file"]
                if (package, folder, site) not in library.npm:
                    library.npm.append((package, folder, site))


# ---- reading `_js_dist` / `_css_dist` without importing ----------------------------------------------------


class _Unknown:
    """A value the reader cannot compute (it stays harmless unless a needed field holds it)."""

    def __repr__(self):
        return "<not readable>"


UNKNOWN = _Unknown()


class _Unreadable(Exception):
    pass


def read_dists(source, where, names, package_json=None):
    """``{"_js_dist": [...], "_css_dist": [...]}`` as a component library's ``__init__.py`` builds them
    (absent ones missing): its top-level statements run in a tiny evaluator of literals, f-strings,
    ``.format``/``.replace``, ``+``, list comprehensions, ``X = ...``, ``X += ...``, ``X.extend(...)``
    and ``X.append(...)``; ``json.load(...)`` is the package's package-info.json. What is not readable
    that way raises LibraryError with the line."""
    env = dict(names)
    failed = {}  # list name -> line where it could not be read

    def run(statements):
        for statement in statements:
            if isinstance(statement, (ast.With, ast.Try)):
                run(statement.body)
                continue
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                target = statement.targets[0]
                if isinstance(target, ast.Name):
                    env[target.id] = _value(statement.value, env, package_json, target.id, failed)
                elif isinstance(target, ast.Attribute) and target.attr in ("_js_dist", "_css_dist"):
                    pass  # `Component._js_dist = _js_dist`: the lists themselves are read
                continue
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value:
                env[statement.target.id] = _value(statement.value, env, package_json, statement.target.id, failed)
                continue
            if (
                isinstance(statement, ast.AugAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(statement.op, ast.Add)
            ):
                name = statement.target.id
                env[name] = _extend(
                    env.get(name, UNKNOWN), statement.value, env, package_json, name, failed, statement.lineno
                )
                continue
            if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
                call = statement.value
                if (
                    isinstance(call.func, ast.Attribute)
                    and isinstance(call.func.value, ast.Name)
                    and call.func.attr in ("extend", "append")
                    and len(call.args) == 1
                ):
                    name = call.func.value.id
                    if name not in env:
                        continue
                    argument = call.args[0]
                    if call.func.attr == "append":
                        argument = ast.List(elts=[argument], ctx=ast.Load())
                    env[name] = _extend(env[name], argument, env, package_json, name, failed, statement.lineno)

    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise LibraryError(f"{where}:{exc.lineno}: {exc.msg}") from None
    run(tree.body)
    result = {}
    for name in ("_js_dist", "_css_dist"):
        if name in failed or (name in env and not isinstance(env[name], list)):
            line = failed.get(name, "?")
            raise LibraryError(
                f"{where}:{line}: livedash could not read {name} without running the package (it reads lists of "
                "dicts of literals, f-strings, .format(), + and list comprehensions over names set in the file). "
                "Dash component libraries made by Dash's generator are read; this one is built otherwise"
            )
        if name in env:
            result[name] = env[name]
    return result


def _value(node, env, package_json, name, failed):
    if isinstance(node, ast.Call) and _reads_package_info(node.func):
        return package_json if package_json is not None else UNKNOWN
    try:
        return _eval(node, env)
    except _Unreadable:
        if name in ("_js_dist", "_css_dist"):
            failed.setdefault(name, getattr(node, "lineno", "?"))
        return UNKNOWN


def _reads_package_info(func):
    """`json.load(f)` (of package-info.json, the one file such an __init__ reads) or a `get_package_info()`."""
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.attr in ("load", "loads") and func.value.id.lstrip("_") == "json"
    return isinstance(func, ast.Name) and func.id.endswith("package_info")


def _extend(current, node, env, package_json, name, failed, line):
    value = _value(node, env, package_json, None, failed)
    if isinstance(current, list) and isinstance(value, list):
        return current + value
    if name in ("_js_dist", "_css_dist"):
        failed.setdefault(name, line)
    return UNKNOWN


_COMPARE = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
    ast.Is: lambda a, b: a is b,
    ast.IsNot: lambda a, b: a is not b,
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
}
_STR_METHODS = {
    "format",
    "replace",
    "lower",
    "upper",
    "strip",
    "lstrip",
    "rstrip",
    "join",
    "removeprefix",
    "removesuffix",
}


def _eval(node, env):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(_eval(part, env)) for part in node.values)
    if isinstance(node, ast.FormattedValue):
        value = _eval(node.value, env)
        value = {-1: value, 115: str(value), 114: repr(value), 97: ascii(value)}[node.conversion]
        return format(value, _eval(node.format_spec, env) if node.format_spec else "")
    if isinstance(node, ast.Name):
        value = env.get(node.id, UNKNOWN)
        if value is UNKNOWN:
            raise _Unreadable(node.id)
        return value
    if isinstance(node, (ast.List, ast.Tuple)):
        items = []
        for element in node.elts:
            if isinstance(element, ast.Starred):
                items.extend(_eval(element.value, env))
            else:
                items.append(_eval(element, env))
        return items
    if isinstance(node, ast.Dict):
        result = {}
        for key, value in zip(node.keys, node.values, strict=True):
            if key is None:
                result.update(_eval(value, env))
                continue
            try:  # a field livedash does not need (external_url) may be unreadable
                result[_eval(key, env)] = _eval(value, env)
            except _Unreadable:
                result[_eval(key, env)] = UNKNOWN
        return result
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        left, right = _eval(node.left, env), _eval(node.right, env)
        try:
            return (
                left + right
                if isinstance(node.op, ast.Add)
                else left % (tuple(right) if isinstance(right, list) else right)
            )
        except (TypeError, ValueError) as exc:
            raise _Unreadable(str(exc)) from None
    if isinstance(node, ast.Subscript):
        try:
            return _eval(node.value, env)[_eval(node.slice, env)]
        except (KeyError, IndexError, TypeError) as exc:
            raise _Unreadable(str(exc)) from None
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _COMPARE:
        try:
            return _COMPARE[type(node.ops[0])](_eval(node.left, env), _eval(node.comparators[0], env))
        except TypeError as exc:
            raise _Unreadable(str(exc)) from None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _eval(node.operand, env)
    if isinstance(node, ast.BoolOp):
        values = [_eval(value, env) for value in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.IfExp):
        return _eval(node.body, env) if _eval(node.test, env) else _eval(node.orelse, env)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _STR_METHODS:
        owner = _eval(node.func.value, env)
        if isinstance(owner, str):
            args = [_eval(a, env) for a in node.args]
            kwargs = {k.arg: _eval(k.value, env) for k in node.keywords if k.arg}
            try:
                return getattr(owner, node.func.attr)(*args, **kwargs)
            except (TypeError, ValueError, IndexError, KeyError) as exc:
                raise _Unreadable(str(exc)) from None
    if isinstance(node, ast.ListComp) and len(node.generators) == 1 and not node.generators[0].is_async:
        generator = node.generators[0]
        result = []
        for item in _eval(generator.iter, env):
            scope = dict(env)
            _bind(generator.target, item, scope)
            if all(_eval(test, scope) for test in generator.ifs):
                result.append(_eval(node.elt, scope))
        return result
    raise _Unreadable(ast.dump(node)[:80])


def _bind(target, value, scope):
    if isinstance(target, ast.Name):
        scope[target.id] = value
    elif (
        isinstance(target, (ast.Tuple, ast.List))
        and isinstance(value, (list, tuple))
        and len(value) == len(target.elts)
    ):
        for part, item in zip(target.elts, value, strict=True):
            _bind(part, item, scope)
    else:
        raise _Unreadable("comprehension target")
