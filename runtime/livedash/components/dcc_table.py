"""The dcc components of Dash 4.4.1 (written by scripts/gen-components from Dash's generated classes; do not edit).

Each row: `args`, the constructor's props in Dash's positional order, and only when not the default:
`order` ('args': Dash's _prop_names keep that order; by default children, id, then by name),
`extra` (props that are Python keywords, keyword-only), `wildcards` (prefixes such as 'data-'),
`required`, `children_required`, `children_props` (Dash's _children_props: props holding components).
"""

GENERATED_FROM_DASH = '4.4.1'   # must equal livedash's DASH_VERSION (dash_version.py; tests/unit/test_pins.py)
VERSION = '4.4.1'   # the package's own __version__
NAMESPACE = 'dash_core_components'

COMPONENTS = {
    'Button': {'args': (
        'children', 'className', 'persistence', 'persisted_props', 'persistence_type', 'id', 'componentPath',
        'type', 'autoFocus', 'disabled', 'form', 'formAction', 'formEncType', 'formMethod', 'formNoValidate',
        'formTarget', 'name', 'value', 'accessKey', 'contentEditable', 'dir', 'draggable', 'hidden', 'lang',
        'role', 'spellCheck', 'style', 'tabIndex', 'title', 'n_blur', 'n_blur_timestamp', 'n_clicks',
        'n_clicks_timestamp')},
    'Checklist': {'order': 'args', 'args': (
        'options', 'value', 'inline', 'style', 'inputStyle', 'inputClassName', 'labelStyle', 'labelClassName',
        'className', 'persistence', 'persisted_props', 'persistence_type', 'id', 'componentPath')},
    'Clipboard': {'children_props': ('copied_children',), 'args': (
        'children', 'id', 'copied_children', 'target_id', 'content', 'n_clicks', 'html_content', 'title',
        'style', 'className')},
    'ConfirmDialog': {'args': (
        'id', 'message', 'submit_n_clicks', 'submit_n_clicks_timestamp', 'cancel_n_clicks',
        'cancel_n_clicks_timestamp', 'displayed')},
    'ConfirmDialogProvider': {'args': (
        'children', 'id', 'message', 'submit_n_clicks', 'submit_n_clicks_timestamp', 'cancel_n_clicks',
        'cancel_n_clicks_timestamp', 'displayed')},
    'DatePickerRange': {'order': 'args', 'args': (
        'start_date', 'end_date', 'minimum_nights', 'updatemode', 'start_date_placeholder_text',
        'end_date_placeholder_text', 'start_date_id', 'end_date_id', 'id', 'componentPath', 'className',
        'persistence', 'persisted_props', 'persistence_type', 'disabled', 'style', 'min_date_allowed',
        'max_date_allowed', 'disabled_days', 'placeholder', 'initial_visible_month', 'clearable',
        'reopen_calendar_on_clear', 'display_format', 'month_format', 'first_day_of_week', 'show_outside_days',
        'stay_open_on_select', 'calendar_orientation', 'number_of_months_shown', 'with_portal',
        'with_full_screen_portal', 'day_size', 'is_RTL')},
    'DatePickerSingle': {'order': 'args', 'args': (
        'date', 'min_date_allowed', 'max_date_allowed', 'disabled_days', 'placeholder', 'initial_visible_month',
        'clearable', 'reopen_calendar_on_clear', 'display_format', 'month_format', 'first_day_of_week',
        'show_outside_days', 'stay_open_on_select', 'calendar_orientation', 'number_of_months_shown',
        'with_portal', 'with_full_screen_portal', 'day_size', 'is_RTL', 'disabled', 'style', 'className',
        'persistence', 'persisted_props', 'persistence_type', 'id', 'componentPath')},
    'Download': {'args': (
        'id', 'data', 'base64', 'type')},
    'Dropdown': {'order': 'args', 'args': (
        'options', 'value', 'multi', 'clearable', 'searchable', 'search_value', 'placeholder', 'disabled',
        'closeOnSelect', 'optionHeight', 'maxHeight', 'style', 'labels', 'debounce', 'search_order',
        'className', 'persistence', 'persisted_props', 'persistence_type', 'id', 'componentPath')},
    'Geolocation': {'args': (
        'id', 'local_date', 'timestamp', 'position', 'position_error', 'show_alert', 'update_now',
        'high_accuracy', 'maximum_age', 'timeout')},
    'Graph': {'args': (
        'id', 'responsive', 'clickData', 'clickAnnotationData', 'hoverData', 'clear_on_unhover', 'selectedData',
        'relayoutData', 'extendData', 'prependData', 'restyleData', 'figure', 'style', 'className', 'mathjax',
        'animate', 'animation_options', 'config')},
    'Input': {'order': 'args', 'args': (
        'value', 'type', 'debounce', 'placeholder', 'n_submit', 'n_submit_timestamp', 'inputMode',
        'autoComplete', 'readOnly', 'required', 'autoFocus', 'disabled', 'list', 'multiple', 'spellCheck',
        'name', 'min', 'max', 'step', 'minLength', 'maxLength', 'pattern', 'selectionStart', 'selectionEnd',
        'selectionDirection', 'n_blur', 'n_blur_timestamp', 'size', 'style', 'className', 'persistence',
        'persisted_props', 'persistence_type', 'id', 'componentPath')},
    'Interval': {'args': (
        'id', 'interval', 'disabled', 'n_intervals', 'max_intervals')},
    'Link': {'order': 'args', 'required': ('href',), 'args': (
        'children', 'href', 'target', 'refresh', 'title', 'className', 'style', 'id', 'loading_state')},
    'Loading': {'children_props': ('custom_spinner',), 'args': (
        'children', 'type', 'fullscreen', 'debug', 'style', 'parent_className', 'parent_style', 'overlay_style',
        'color', 'display', 'delay_hide', 'delay_show', 'show_initially', 'target_components', 'custom_spinner',
        'className', 'persistence', 'persisted_props', 'persistence_type', 'id', 'componentPath')},
    'Location': {'required': ('id',), 'args': (
        'id', 'pathname', 'search', 'hash', 'href', 'refresh')},
    'Markdown': {'args': (
        'children', 'id', 'className', 'mathjax', 'dangerously_allow_html', 'link_target', 'dedent',
        'highlight_config', 'style')},
    'RadioItems': {'order': 'args', 'args': (
        'options', 'value', 'inline', 'style', 'inputStyle', 'inputClassName', 'labelStyle', 'labelClassName',
        'className', 'persistence', 'persisted_props', 'persistence_type', 'id', 'componentPath')},
    'RangeSlider': {'order': 'args', 'args': (
        'min', 'max', 'step', 'marks', 'value', 'drag_value', 'allowCross', 'pushable', 'disabled', 'count',
        'dots', 'included', 'reverse', 'tooltip', 'updatemode', 'vertical', 'verticalHeight',
        'allow_direct_input', 'className', 'persistence', 'persisted_props', 'persistence_type', 'id',
        'componentPath')},
    'Slider': {'order': 'args', 'args': (
        'min', 'max', 'step', 'marks', 'value', 'drag_value', 'disabled', 'dots', 'included', 'reverse',
        'tooltip', 'updatemode', 'vertical', 'verticalHeight', 'allow_direct_input', 'className', 'persistence',
        'persisted_props', 'persistence_type', 'id', 'componentPath')},
    'Store': {'required': ('id',), 'args': (
        'id', 'storage_type', 'data', 'clear_data', 'modified_timestamp')},
    'Tab': {'children_props': ('label',), 'args': (
        'children', 'label', 'value', 'disabled', 'disabled_style', 'disabled_className', 'className',
        'selected_className', 'style', 'selected_style', 'width', 'persistence', 'persisted_props',
        'persistence_type', 'id', 'componentPath')},
    'Tabs': {'args': (
        'children', 'value', 'content_className', 'parent_className', 'style', 'parent_style', 'content_style',
        'vertical', 'mobile_breakpoint', 'colors', 'className', 'persistence', 'persisted_props',
        'persistence_type', 'id', 'componentPath')},
    'Textarea': {'args': (
        'value', 'autoFocus', 'cols', 'disabled', 'form', 'maxLength', 'minLength', 'name', 'placeholder',
        'readOnly', 'required', 'rows', 'wrap', 'accessKey', 'contentEditable', 'contextMenu', 'dir',
        'draggable', 'hidden', 'lang', 'spellCheck', 'style', 'tabIndex', 'title', 'n_blur', 'n_blur_timestamp',
        'n_clicks', 'n_clicks_timestamp', 'className', 'persistence', 'persisted_props', 'persistence_type',
        'id', 'componentPath')},
    'Tooltip': {'args': (
        'children', 'id', 'className', 'style', 'bbox', 'show', 'direction', 'border_color', 'background_color',
        'loading_text', 'zindex', 'targetable')},
    'Upload': {'args': (
        'children', 'id', 'contents', 'filename', 'last_modified', 'accept', 'disabled', 'disable_click',
        'max_size', 'min_size', 'multiple', 'enable_folder_selection', 'className', 'className_active',
        'className_reject', 'className_disabled', 'style', 'style_active', 'style_reject', 'style_disabled')},
}
