# Shared by scripts/serve and scripts/test: one virtual environment in .venv, made and updated on demand.
VENV="${LIVEDASH_VENV:-$PWD/.venv}"
export NO_MKDOCS_2_WARNING=1

ensure_venv() {
  local extras="${1:-}"
  local stamp="$VENV/.livedash-installed${extras:+-$extras}"
  if [ ! -x "$VENV/bin/python" ]; then
    command -v python3 >/dev/null || { echo "python3 (3.11+) is required" >&2; exit 1; }
    python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is required" >&2; exit 1; }
    python3 -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".${extras:+[$extras]}"
    touch "$stamp"
  fi
}

# Real Dash (DASH_VERSION below) in a venv of its own, for the differential tests (livedash's `dash` alias never meets it),
# with the component libraries of the course's `packages:` (its library examples run there unchanged).
DASH_VENV="${LIVEDASH_DASH_VENV:-$PWD/.venv-dash}"
# Dash's version is livedash's: read from runtime/livedash/dash_version.py, the one place it is written.
DASH_VERSION="$(sed -n 's/^DASH_VERSION = "\([^"]*\)"$/\1/p' "$(dirname "${BASH_SOURCE[0]}")/../../runtime/livedash/dash_version.py")"
[ -n "$DASH_VERSION" ] || { echo "scripts/lib/venv.sh: no DASH_VERSION = \"...\" line in runtime/livedash/dash_version.py" >&2; exit 1; }
DBC_VERSION=2.0.4
DAQ_VERSION=0.6.0
export LIVEDASH_DASH_VENV="$DASH_VENV"

ensure_dash_venv() {
  if ! "$DASH_VENV/bin/python" -c "import dash, diskcache, dash_bootstrap_components as dbc, dash_daq as daq, sys
sys.exit((dash.__version__, dbc.__version__, daq.__version__) != ('$DASH_VERSION', '$DBC_VERSION', '$DAQ_VERSION'))" 2>/dev/null; then
    python3 -m venv "$DASH_VENV"
    "$DASH_VENV/bin/python" -m pip install -q --disable-pip-version-check "dash[diskcache]==$DASH_VERSION" \
      "dash-bootstrap-components==$DBC_VERSION" "dash-daq==$DAQ_VERSION"
  fi
}
