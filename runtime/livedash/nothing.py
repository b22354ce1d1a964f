"""``dash.no_update``: the value that leaves an output as it is."""


class NoUpdate:
    def to_plotly_json(self):
        return {"_dash_no_update": "_dash_no_update"}

    def __repr__(self):
        return "no_update"


no_update = NoUpdate()


def is_no_update(value):
    return (
        value is NoUpdate
        or isinstance(value, NoUpdate)
        or (isinstance(value, dict) and value == {"_dash_no_update": "_dash_no_update"})
    )
