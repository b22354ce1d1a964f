import pytest

from livedash.mkdocs.fences import FenceError, find_dash_fences


def test_top_level_and_indented_fences_with_options_and_body_lines():
    page = (
        'Intro\n\n```dash file="examples/a.py" height=120 title="My app"\n```\n\n'
        "!!! note\n    ```dash\n    x = 1\n    ```\n"
    )
    first, second = find_dash_fences(page)
    assert first.options == {"file": "examples/a.py", "height": "120", "title": "My app"}
    assert (first.start, first.end, first.body) == (2, 3, "")
    assert (second.indent, second.body, second.body_line) == ("    ", "x = 1", 8)


def test_fences_inside_other_fences_are_left_alone():
    page = "````markdown\n```dash\nx = 1\n```\n````\n\n~~~python\n```dash\n~~~\n"
    assert find_dash_fences(page) == []


def test_option_without_value_is_an_error_with_its_line():
    with pytest.raises(FenceError) as err:
        find_dash_fences("a\n```dash height\n```\n")
    assert err.value.line == 2 and "needs a value" in str(err.value)
