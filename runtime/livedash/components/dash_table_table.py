"""The dash_table components of Dash 4.4.1 (written by scripts/gen-components from Dash's generated classes; do not edit).

Each row: `args`, the constructor's props in Dash's positional order, and only when not the default:
`order` ('args': Dash's _prop_names keep that order; by default children, id, then by name),
`extra` (props that are Python keywords, keyword-only), `wildcards` (prefixes such as 'data-'),
`required`, `children_required`, `children_props` (Dash's _children_props: props holding components).
"""

GENERATED_FROM_DASH = '4.4.1'   # must equal livedash's DASH_VERSION (dash_version.py; tests/unit/test_pins.py)
VERSION = '7.4.1'   # the package's own __version__
NAMESPACE = 'dash_table'

COMPONENTS = {
    'DataTable': {'order': 'args', 'args': (
        'data', 'columns', 'editable', 'fixed_columns', 'fixed_rows', 'column_selectable', 'cell_selectable',
        'row_selectable', 'row_deletable', 'active_cell', 'selected_cells', 'selected_rows', 'selected_columns',
        'selected_row_ids', 'start_cell', 'end_cell', 'data_previous', 'hidden_columns', 'is_focused',
        'merge_duplicate_headers', 'data_timestamp', 'include_headers_on_copy_paste', 'export_columns',
        'export_format', 'export_headers', 'page_action', 'page_current', 'page_count', 'page_size',
        'filter_query', 'filter_action', 'filter_options', 'sort_action', 'sort_mode', 'sort_by',
        'sort_as_null', 'dropdown', 'dropdown_conditional', 'dropdown_data', 'tooltip', 'tooltip_conditional',
        'tooltip_data', 'tooltip_header', 'tooltip_delay', 'tooltip_duration', 'locale_format',
        'style_as_list_view', 'fill_width', 'markdown_options', 'css', 'style_table', 'style_cell',
        'style_data', 'style_filter', 'style_header', 'style_cell_conditional', 'style_data_conditional',
        'style_filter_conditional', 'style_header_conditional', 'virtualization',
        'derived_filter_query_structure', 'derived_viewport_data', 'derived_viewport_indices',
        'derived_viewport_row_ids', 'derived_viewport_selected_columns', 'derived_viewport_selected_rows',
        'derived_viewport_selected_row_ids', 'derived_virtual_data', 'derived_virtual_indices',
        'derived_virtual_row_ids', 'derived_virtual_selected_rows', 'derived_virtual_selected_row_ids', 'id',
        'loading_state', 'persistence', 'persisted_props', 'persistence_type')},
}
