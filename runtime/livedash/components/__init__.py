"""Components: the base class, every html element, and the dcc components livedash renders."""
