"""The ``Dash`` class: layout, per-app callbacks, and the options that matter in the browser."""

from __future__ import annotations

from .callbacks import CallbackSpec, check_allow_duplicate, clientside_spec, current_collection, make_decorator
from .components.base import Component
from .exceptions import DuplicateCallback, NoLayoutException, ObsoleteAttributeException

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which the app's start would pay for)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any, NoReturn, TypeAlias

    from .callbacks import F, PreventInitialCall
    from .dependencies import ClientsideFunction
    from .runmode import RunMode

    # What a layout is made of: a component, a list of them, or a plain value (Dash accepts these too).
    LayoutTree: TypeAlias = Component | list[Any] | tuple[Any, ...] | str | int | float
    # app.layout: a tree, or a function that returns one (called per page load, as in Dash).
    Layout: TypeAlias = LayoutTree | Callable[[], LayoutTree]

# Dash.__init__'s keyword arguments (4.4.1). Server-side ones are accepted and have no effect here.
_OPTIONS = (
    "name",
    "server",
    "backend",
    "assets_folder",
    "pages_folder",
    "use_pages",
    "assets_url_path",
    "assets_ignore",
    "assets_path_ignore",
    "assets_external_path",
    "eager_loading",
    "include_assets_files",
    "include_pages_meta",
    "url_base_pathname",
    "requests_pathname_prefix",
    "routes_pathname_prefix",
    "serve_locally",
    "compress",
    "meta_tags",
    "index_string",
    "external_scripts",
    "external_stylesheets",
    "suppress_callback_exceptions",
    "prevent_initial_callbacks",
    "show_undo_redo",
    "extra_hot_reload_paths",
    "plugins",
    "title",
    "update_title",
    "background_callback_manager",
    "add_log_handler",
    "hooks",
    "routing_callback_inputs",
    "description",
    "on_error",
    "use_async",
    "health_endpoint",
    "csrf_token_name",
    "csrf_header_name",
    "websocket_callbacks",
    "websocket_allowed_origins",
    "websocket_inactivity_timeout",
    "websocket_heartbeat_interval",
    "websocket_batch_delay",
    "websocket_max_workers",
    "enable_mcp",
    "mcp_path",
)

_OBSOLETE = {
    "run_server": "app.run_server has been replaced by app.run",
    "long_callback": "app.long_callback has been removed, use app.callback(..., background=True) instead",
}


class Dash:
    def __init__(self, name: str | None = None, **kwargs: Any) -> None:
        unknown = sorted(set(kwargs) - set(_OPTIONS))
        if unknown:
            raise TypeError(f"Dash() got an unexpected keyword argument '{unknown[0]}'")
        self.config: dict[str, Any] = {
            "name": name,
            "title": "Dash",
            "suppress_callback_exceptions": False,
            "prevent_initial_callbacks": False,
            **kwargs,
        }
        self.title = self.config["title"]
        self._layout: Layout | None = None
        self._app_callbacks: list[CallbackSpec] = []
        self._run_mode: RunMode | None = None  # set by a call of app.run(...) that the program makes as it runs
        current_collection().apps.append(self)

    def stylesheets(self) -> list[str]:
        """The hrefs of ``external_stylesheets`` (strings, or dicts with an ``href``), in order: the page applies
        them to this app alone."""
        hrefs = []
        for sheet in self.config.get("external_stylesheets") or []:
            href = sheet.get("href") if isinstance(sheet, dict) else sheet
            if isinstance(href, str) and href:
                hrefs.append(href)
        return hrefs

    def __getattr__(self, name: str) -> NoReturn:
        if name in _OBSOLETE:
            raise ObsoleteAttributeException(_OBSOLETE[name])
        raise AttributeError(f"'Dash' object has no attribute '{name}'")

    # -- layout -------------------------------------------------------------------------------
    @property
    def layout(self) -> Layout | None:
        return self._layout

    @layout.setter
    def layout(self, value: Layout) -> None:
        if not (isinstance(value, (Component, list, tuple, str, int, float)) or callable(value)):
            raise NoLayoutException(
                "Layout must be a single dash component, a list of dash components, or a function "
                f"that returns a dash component. Got {type(value).__name__}."
            )
        self._layout = value

    def build_layout(self) -> LayoutTree:
        """The layout as a component tree (calling a layout function, as Dash does per page load)."""
        layout = self._layout() if callable(self._layout) else self._layout
        if layout is None:
            raise NoLayoutException(
                "The layout was `None` at the time that `run` was called.\n"
                "Make sure to set the `layout` attribute of your application\n"
                "before running the server."
            )
        return layout

    # -- callbacks ----------------------------------------------------------------------------
    def callback(self, *args: Any, **kwargs: Any) -> Callable[[F], F]:
        return make_decorator(args, kwargs, self._register)

    def clientside_callback(self, clientside_function: str | ClientsideFunction, *args: Any, **kwargs: Any) -> None:
        self._register(clientside_spec(clientside_function, args, kwargs))

    def _register(self, spec: CallbackSpec, *, app_default: PreventInitialCall = None) -> None:
        default = self.config["prevent_initial_callbacks"] if app_default is None else app_default
        if spec.prevent_initial_call is None:
            spec.prevent_initial_call = default
        check_allow_duplicate(spec, default)
        if spec.clientside is None and spec.error_handler is None:
            spec.error_handler = self.config.get("on_error")  # Dash(on_error=): a callback's own one wins
        self._app_callbacks.append(spec)

    def adopt_global_callbacks(self, specs: Iterable[CallbackSpec]) -> None:
        """Merge ``@dash.callback`` declarations, which ignore the app's prevent_initial_callbacks."""
        ids = {s.id for s in self._app_callbacks}
        for spec in specs:
            if spec.id in ids:
                raise DuplicateCallback(
                    f"The callback `{spec.id}` provided with `dash.callback` was already assigned with `app.callback`."
                )
            self._register(spec, app_default=False)

    @property
    def callbacks(self) -> list[CallbackSpec]:
        return list(self._app_callbacks)

    # -- running --------------------------------------------------------------------------------
    def run(self, *args: Any, **kwargs: Any) -> None:
        """Serves nothing here: the page runs the app. (Real Dash starts a server.) Its debug options are
        kept: they decide Dash's load-time checks (runmode.py)."""
        from .runmode import bind_run_arguments, mode_of

        self._run_mode = mode_of(bind_run_arguments(args, kwargs))
        return None


__all__ = ["Dash", "CallbackSpec"]
