// An exercise widget's part: Check runs the hidden checks on the reader's code in the worker and lists
// which pass and why the others fail; after a first attempt the solution can be shown.
import { hasPassed, markPassed } from "./progress.js";

/** `connection()`: the worker connection the widget's code runs on now (kernel.js), where Check runs too. */
export function mountExercise(root, key, exercise, code, filename, setStatus, connection) {
  const panel = root.querySelector(".livedash-exercise");
  const summary = panel.querySelector(".livedash-checks-summary");
  const list = panel.querySelector(".livedash-checks");
  const showButton = panel.querySelector(".livedash-show-solution");
  const solution = panel.querySelector(".livedash-solution");
  const checkButton = root.querySelector(".livedash-check");
  if (hasPassed(exercise.id)) summary.textContent = "You passed this exercise before. Check again any time.";

  const onChecked = (message) => {
    checkButton.disabled = false;
    if (message.type !== "checked") {
      summary.textContent = `The checks could not run: ${message.error?.message || message.type}`;
      setStatus("error", "Checks failed to run");
      return;
    }
    list.replaceChildren(...message.results.map((result) => {
      const item = document.createElement("li");
      item.dataset.passed = String(result.passed);
      const mark = document.createElement("span");
      mark.className = "livedash-check-mark";
      mark.textContent = result.passed ? "✓" : "✗";
      mark.setAttribute("aria-label", result.passed ? "passed" : "failed");
      const title = document.createElement("span");
      title.textContent = ` ${result.title}`;
      item.append(mark, title);
      if (!result.passed) {
        const why = document.createElement("span");
        why.className = "livedash-check-why";
        why.textContent = result.message;
        item.append(why);
      }
      return item;
    }));
    const passed = message.results.filter((result) => result.passed).length;
    const all = passed === message.results.length;
    summary.textContent = all ? `All ${passed} checks pass. Well done!`
      : `${passed} of ${message.results.length} checks pass.`;
    panel.dataset.passed = String(all);
    if (all) markPassed(exercise.id);
    showButton.hidden = false;
    setStatus("ready", all ? "Checks pass" : "Some checks fail");
  };
  const onRestart = ({ stuck }) => {
    if (!stuck.has(`${key}/check`)) return;
    checkButton.disabled = false;
    summary.textContent = "The checks were stopped before they finished (does the code loop forever?).";
  };
  let unsubscribe = () => {};

  checkButton.addEventListener("click", () => {
    checkButton.disabled = true;
    summary.textContent = "Checking…";
    setStatus("running", "Checking…");
    const source = code();   // (may move the widget's app: read the connection after it)
    const via = connection();
    unsubscribe();
    const stops = [via.listen(`${key}/check`, onChecked), via.onRestart(onRestart)];
    unsubscribe = () => { for (const stop of stops) stop(); };
    via.send({ type: "check", app: `${key}/check`, code: source, checks: exercise.checks, filename });
  });

  showButton.addEventListener("click", () => {   // (the build wrote the solution, highlighted, hidden)
    solution.hidden = !solution.hidden;
    showButton.textContent = solution.hidden ? "Show solution" : "Hide solution";
  });

  return () => unsubscribe();
}
