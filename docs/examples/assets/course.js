// Clientside functions for the course's lesson 9 (docs/examples/clientside_function.py).
// Dash loads every .js file in the app's assets/ folder; ClientsideFunction("course", ...) looks here.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
    course: {
        // Slider value (0-100) -> the bar's style and its label.
        bar: function(percent) {
            const width = percent + "%";
            return [
                {width: width, height: "100%", background: percent >= 100 ? "seagreen" : "steelblue"},
                percent >= 100 ? "Done!" : width,
            ];
        },
    },
});
