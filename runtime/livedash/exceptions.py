"""Dash's exception classes, with the same names and hierarchy (``dash.exceptions``)."""


class DashException(Exception):
    pass


class ObsoleteKwargException(DashException):
    pass


class ObsoleteAttributeException(DashException):
    pass


class NoLayoutException(DashException):
    pass


class CallbackException(DashException):
    pass


class IncorrectTypeException(CallbackException):
    pass


class IDsCantContainPeriods(CallbackException):
    pass


class InvalidComponentIdError(IDsCantContainPeriods):
    pass


class PreventUpdate(CallbackException):
    pass


class DuplicateIdError(DashException):
    pass


class InvalidCallbackReturnValue(CallbackException):
    pass


class MissingCallbackContextException(CallbackException):
    pass


class DuplicateCallback(DashException):
    pass


class BackgroundCallbackError(DashException):
    pass


class LivedashUnsupported(NotImplementedError):
    """Something real Dash accepts that livedash does not do (yet): never silently ignored."""


# Tracebacks shown to readers name the classes as Dash does (dash.exceptions.PreventUpdate).
for _cls in list(globals().values()):
    if isinstance(_cls, type) and issubclass(_cls, DashException):
        _cls.__module__ = "dash.exceptions"
