// One example widget, the view: draws the app at once from the build's layout and applies what the worker
// answers (connection.js keeps the app's state in the worker: loading, queued edits, answers, jobs, Stop).
// Run, Reset, status, errors (errors.js); every callback run goes to the trace panel and lights up the diagram.
//
// Trust (see SECURITY.md): the site's code and the reader's own edits run in the shared worker. Code from a
// share link runs in a worker of its own until the reader keeps it as their own code; its apps are drawn
// untrusted (renderer.js), and its clientside JavaScript runs only once the reader has seen and allowed it.
import { startJob, stopJob, wantJobs } from "./background.js";
import { registerApp, runClientside } from "./clientside.js";
import { askToRunJavaScript, linkBarFor } from "./consent.js";
import { LiveDiagram } from "./diagram.js";
import { mountCodePane } from "./codepane.js";
import { mountExercise } from "./exercise.js";
import { AppConnection } from "./connection.js";
import { ErrorBox, errorStatus, ownLine } from "./errors.js";
import { isolated, shared } from "./kernel.js";
import { Host } from "./host.js";
import { readShareLink, unpack } from "./sharelink.js";
import { TracePanel } from "./trace.js";

const STATUS = {
  loading: "Loading Python…",
  starting: "Starting the app…",
  ready: "Ready",
  running: "Running…",
};
const BUSY_AFTER_MS = 100;   // a request still unanswered after this long shows "Running…"

const loadedAssets = new Map();   // script URL -> promise, so an asset runs once per page session

function loadAssets(urls) {
  return Promise.all(urls.map((url) => {
    const absolute = new URL(url, document.baseURI).href;
    if (!loadedAssets.has(absolute)) {
      loadedAssets.set(absolute, new Promise((resolve) => {
        const script = document.createElement("script");
        script.src = absolute;
        script.onload = resolve;
        script.onerror = () => { console.error(`livedash: could not load ${absolute}`); resolve(); };
        document.head.append(script);
      }));
    }
    return loadedAssets.get(absolute);
  }));
}

/** JSON text with keys in sorted order: the build's layout and the worker's are the same whatever the order of
 *  their keys (the app is not drawn again when nothing differs). */
function canonical(value) {
  return JSON.stringify(value, (key, item) => (item && typeof item === "object" && !Array.isArray(item)
    ? Object.fromEntries(Object.keys(item).sort().map((k) => [k, item[k]])) : item));
}

export function mountWidget(root) {
  const data = JSON.parse(root.querySelector("template.livedash-data").content.textContent);
  const key = root.dataset.livedashKey;
  const appPane = root.querySelector(".livedash-app");
  const status = root.querySelector(".livedash-status");
  const stopButton = root.querySelector(".livedash-stop");
  const figure = root.querySelector(".livedash-diagram");
  const diagram = figure ? new LiveDiagram(figure, data.diagram) : null;
  const traceBox = root.querySelector(".livedash-trace");
  const trace = traceBox ? new TracePanel(traceBox) : null;
  const errors = new ErrorBox(root.querySelector(".livedash-error"), data.problems || []);
  let pane = null;             // the code pane (editor, saved edits, share, download), made below
  let renderer = null;         // the app, drawn by Dash's own components (host.js), made below
  let shownLayout = canonical(data.layout);  // before the reader's clicks change the copy
  let stoppedNote = false;     // say "stopped" once the app is ready again
  let linkBar = null;          // the bar over code from a share link

  // ---- status and errors ----
  let busyTimer = null;
  const setStatus = (state, text = STATUS[state]) => {
    clearTimeout(busyTimer);
    busyTimer = null;
    if (status.dataset.state === state && status.textContent === text) return;   // (no layout for nothing)
    status.dataset.state = state;
    status.textContent = text;
    status.title = text;   // the whole text where the bar cuts it short (while Python loads)
    if (stopButton) stopButton.disabled = state !== "running";   // something to stop only while running
  };
  // "Running…" only once a request has taken a moment: a status change costs a layout and a paint (4–6 ms)
  // that a click's answer would wait behind, and most answers come sooner than the reader could read it.
  const showBusy = () => {
    if (busyTimer === null && status.dataset.state !== "running") {
      busyTimer = setTimeout(() => setStatus("running"), BUSY_AFTER_MS);
    }
  };
  // Nothing is running: "Ready", unless an error shows (of the code or of a callback), until a clean run.
  const settle = (text = STATUS.ready) => {
    if (errors.error) setStatus("error", errorStatus(errors.error.error, errors.error.callback));
    else setStatus("ready", text);
  };
  // The line an error points at is marked in the editor when it is a line of the reader's code.
  const showError = (error, callback = null) => {
    errors.show(error, callback);
    pane.editor.markLine(ownLine(error, data.filename));
  };
  const clearError = () => { errors.clear(); pane.editor.clearMark(); };
  /** Show the last callback error of a trace, if any; returns that run. */
  const showFailure = (runs) => {
    const failed = runs.filter((run) => run.status === "error").pop();
    if (failed) showError(failed.error, failed.function);
    return failed;
  };
  // The trace and the diagram follow in a task of their own: the app's own update is painted first.
  const showRuns = (runs) => {
    if (!runs.length) return;
    setTimeout(() => {
      trace?.add(runs);
      diagram?.show(runs);
    }, 0);
  };

  // ---- what the worker's answers do to the page (connection.js says when) ----
  const assetsReady = loadAssets((data.assets || []).filter((url) => url.endsWith(".js")));
  const approved = new Set();
  const view = {
    busy: showBusy,
    settled(afterLoad) {
      settle(afterLoad && stoppedNote ? "Stopped; the app started again" : STATUS.ready);
      if (afterLoad) stoppedNote = false;
    },
    loading(source, rerun) {
      pane?.running(source);
      // The build drew the diagram of the lesson's code; new code (Run, Reset) gets its own.
      if (rerun) trace?.restarted();
      errors.dropNotes("Dangerous link detected");
    },
    loaded(message) {
      if (message.diagram) diagram?.redraw(message.diagram, message.problems);
    },
    loadFailed(error) {
      showError(error);
      setStatus("error", errorStatus(error));
    },
    draw(message, queued) {
      errors.setProblems(message.problems);
      clearError();
      // Re-draw only when the worker's app differs from what is shown (same code: keep focus and DOM).
      if (canonical(message.layout) !== shownLayout) {
        renderer.mount(message.layout, message);
        renderer.update(queued);
      } else renderer.useStylesheets(message.stylesheets);
      shownLayout = null;
      renderer.loading(message.loading || [], null);
    },
    started(message) {
      renderer.restorePersisted();
      showRuns(message.trace);
      showFailure(message.trace);
    },
    interim(message) {   // running= values, shown while a callback runs
      renderer.update(message.updates);
      if (message.loading) renderer.loading(message.loading, true);
    },
    answered(message, updates) {
      renderer.loading(message.loading || [], null);
      renderer.update(updates);
      showRuns(message.trace);
      if (!showFailure(message.trace) && !message.clientside) clearError();
    },
    failed(error) {
      renderer.loading([], null);
      showError(error);
      setStatus("error", errorStatus(error));
    },
    // A run paused for a clientside callback: run it here. The app's assets/*.js (where ClientsideFunction
    // namespaces live) are loaded first. Code from a link: each clientside source runs once the reader has
    // seen it and said yes (per widget).
    async clientside(ask) {
      await assetsReady;
      if (!trusted()) {
        const source = ask.function.source
          ?? `window.dash_clientside.${ask.function.namespace}.${ask.function.name}  // a function of this site`;
        if (!approved.has(source)) {
          if (!(await askToRunJavaScript(appPane, source))) {
            return { error: { kind: "Blocked", message: "JavaScript from a shared link was not run (the reader said no)" } };
          }
          approved.add(source);
        }
      }
      return runClientside(ask, clientApp);
    },
    jobRunning: (callback, running) => diagram?.running(callback, running),   // lit while its job runs
    boot({ state, message, from, snapshot }, loaded) {
      // How Python started ("snapshot" or "fresh"), and why not from a stored snapshot; tests and bench read it.
      if (from) status.dataset.boot = from;
      if (snapshot) status.dataset.snapshot = snapshot;
      else if (from) delete status.dataset.snapshot;
      if (state === "failed") {
        setStatus("error", "Python failed to load");
        showError({ kind: "Python failed to load", message: `${message.replace(/\.$/, "")}. The app shows its `
          + "first view only; reload the page to try again." });
      } else if (!loaded && status.dataset.state !== "error") {
        setStatus(state === "ready" ? "starting" : "loading", message || undefined);
      }
    },
    stopped({ stuck, mine }) {
      diagram?.stopAll();   // the stopped runs will not end: no light stays on
      if (stuck) {
        setStatus("error", "Stopped: the code did not finish starting. Change it, then press Run.");
        return;
      }
      if (mine) setStatus("running", "Stopped; restarting the app…");
      stoppedNote = mine;
    },
  };
  const conn = new AppConnection({ key, filename: data.filename, code: data.code, diagram: Boolean(diagram),
    kernel: shared, jobs: { startJob, stopJob, wantJobs }, view });

  // The app; its browser storage is scoped to this site, page and app.
  renderer = new Host(appPane, (change) => conn.change(change), {
    key, scope: `${new URL(".", document.baseURI).pathname}#${key}`, trusted: true,
    stylesheets: (data.assets || []).filter((url) => url.endsWith(".css")),
    onProblem: (message) => errors.note(message.startsWith("Dangerous link") ? "Dangerous link detected"
      : "Drawing the app", message) });
  // dash_clientside.set_props reaches this app's components: during its clientside call as part of the run,
  // at other times (a timer, an asset's event handler) as a change, as Dash's set_props dispatches one.
  const clientApp = { has: (id) => renderer.props(id) !== undefined, props: (id) => renderer.props(id),
    set: (id, props) => renderer.set(id, props), call: null };
  const unregister = registerApp(clientApp);
  if (data.layout) renderer.mount(data.layout, data);

  // Stop: the kernel interrupts Python or replaces the worker; every app of the page then starts again from
  // its current code (view.stopped), except one whose code never finished starting (it would loop again).
  stopButton?.addEventListener("click", () => {
    setStatus("running", "Stopping…");
    conn.stop();
  });

  const run = (source) => {
    setStatus("running");
    conn.load(source, true);
  };
  pane = mountCodePane(root, data, key, {
    run,
    reset: run,
    note: (text) => setStatus(status.dataset.state, text),
  });
  const trusted = () => !pane.fromLink();
  root.querySelector(".livedash-run").addEventListener("click", () => run(pane.value()));
  root.querySelector(".livedash-reset").addEventListener("click", () => {
    if (pane.fromLink()) leaveLink();   // Reset leaves the link's code first; the reader's own edit stays
    else pane.reset();
  });

  // An exercise: Check also runs the reader's current code in the app, so what they see is what is checked.
  const stopExercise = data.exercise ? mountExercise(root, key, data.exercise, () => {
    if (pane.value() !== conn.code) conn.load(pane.value(), true);
    return pane.value();
  }, data.filename, setStatus, () => conn.kernel) : () => {};

  // Code from a share link: shown and run at once, in a worker of its own, with a bar that says where it
  // came from and lets the reader keep it as their own code or go back to theirs.
  function trust(yes) {
    renderer.trusted = yes;
    conn.connect(yes ? shared : isolated(key));
  }
  function openLink(packed, linked) {
    pane.openLink(packed, linked);
    trust(false);
    linkBar = linkBarFor(root, {
      keep: async () => {
        if (pane.replacesOwnEdit() && !(await linkBar.confirmReplace())) return;
        pane.keepLink();
        closeLinkBar();
        trust(true);
        run(pane.value());
      },
      leave: leaveLink,
      ownEdit: pane.edited(),
    });
    run(pane.value());
    root.scrollIntoView({ block: "start" });
  }
  function closeLinkBar() {
    linkBar?.remove();
    linkBar = null;
    const link = readShareLink();
    if (link?.key === key) history.replaceState(history.state, "", location.pathname + location.search);
  }
  function leaveLink() {
    const own = pane.leaveLink();
    closeLinkBar();
    trust(true);
    run(own);
  }

  function startOwnCode() {
    conn.connect(shared);
    // An example that fails on purpose still loads: the reader can change its code and press Run.
    if (data.layout) conn.load(data.code, false);
  }
  const link = readShareLink();
  const firstWidget = document.querySelector(".livedash[data-livedash-key]") === root;
  const BROKEN = "This link could not be opened";
  if (link && (link.key === key || (link.key === null && firstWidget))) {
    if (link.error) {
      errors.note(BROKEN, `${link.error}. The example shows its own code.`);
      startOwnCode();
    } else {
      unpack(link.packed).then((linked) => openLink(link.packed, linked), (error) => {
        errors.note(BROKEN, `${error.message}. The example shows its own code.`);
        startOwnCode();
      });
    }
  } else {
    if (link?.key && firstWidget && ![...document.querySelectorAll(".livedash[data-livedash-key]")]
      .some((element) => element.dataset.livedashKey === link.key)) {
      errors.note(BROKEN, "it is for an example that is not on this page.");
    }
    startOwnCode();
  }

  errors.render();
  if (data.error) {
    setStatus("error", errorStatus(data.error));   // (the build wrote the same: errors.py's error_status)
    showError(data.error);
  }

  // A small handle for tests and tools: is the app settled, what props does the page hold, set some.
  root.livedash = {
    idle: () => conn.idle(),
    props: (id) => renderer.props(id),
    layout: () => renderer.layout,
    setProps: (id, props) => renderer.set(id, props),
    code: () => pane.value(),
    setCode: (text) => pane.load(text),
    trusted: () => trusted(),
  };

  return {
    unmount() {
      unregister();
      renderer.dispose();
      diagram?.dispose();
      pane.editor.dispose();
      stopExercise();
      conn.close();
    },
  };
}
