// One example widget: draws the app at once from the build's layout, queues the reader's edits until the
// worker has loaded the app, then sends edits and applies the worker's patches. Run, Reset, status, errors;
// every callback run goes to the trace panel and lights up the diagram.
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
import { isolated, shared } from "./kernel.js";
import { Host } from "./host.js";
import { idKey } from "./sanitize.js";
import { readShareLink, unpack } from "./sharelink.js";
import { TracePanel } from "./trace.js";

const STATUS = {
  loading: "Loading Python…",
  starting: "Starting the app…",
  ready: "Ready",
  running: "Running…",
};

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
  const errorBox = root.querySelector(".livedash-error");
  const status = root.querySelector(".livedash-status");
  let pane = null;             // the code pane (editor, saved edits, share, download), made below
  const figure = root.querySelector(".livedash-diagram");
  const diagram = figure ? new LiveDiagram(figure, data.diagram) : null;
  const traceBox = root.querySelector(".livedash-trace");
  const trace = traceBox ? new TracePanel(traceBox) : null;
  // The trace and the diagram follow in a task of their own: the app's own update is painted first.
  const showRuns = (runs) => {
    if (!runs.length) return;
    setTimeout(() => {
      trace?.add(runs);
      diagram?.show(runs);
    }, 0);
  };

  let kernel = shared;         // the connection to the worker that runs this widget's code (kernel.js)
  let loaded = false;          // the worker holds this app and answers updates
  let shownLayout = canonical(data.layout);  // before the reader's clicks change the copy
  let queue = [];              // reader edits made before the app was loaded
  let inFlight = 0;
  let waiting = false;         // the worker waits for a clientside callback to run here
  let code = data.code;        // the code the worker runs (what background jobs must run too)
  const jobs = new Set();      // background jobs of this app still running
  let seq = 0;
  // "id prop" -> seq of the last update that carries the reader's own value for it (Infinity: queued).
  // An answer to an older update must not overwrite that prop: typing fast into an input that a callback
  // writes back would otherwise get stale values (and a caret at the end) between keystrokes.
  const edited = new Map();
  const editKey = (id, prop) => `${idKey(id)} ${prop}`;
  const markEdited = (changes, at) => {
    for (const change of changes) for (const prop in change.props) edited.set(editKey(change.id, prop), at);
  };
  const fresh = (patch, answered) => {
    const props = {};
    for (const [prop, value] of Object.entries(patch.props)) {
      const at = edited.get(editKey(patch.id, prop));
      if (at > answered) continue;
      if (at <= answered) edited.delete(editKey(patch.id, prop));   // (a job's answer has no seq: keeps it)
      props[prop] = value;
    }
    return props;
  };

  const stopButton = root.querySelector(".livedash-stop");
  const setStatus = (state, text = STATUS[state]) => {
    status.dataset.state = state;
    status.textContent = text;
    if (stopButton) stopButton.disabled = state !== "running";   // something to stop only while running
  };

  // The error box shows what Dash's dev tools would: load-time problems (duplicate outputs, cycles,
  // missing ids) and the last error of the code or of a callback.
  let problems = data.problems || [];
  let notes = [];              // what the page itself has to say: a broken share link, a dangerous link
  let lastError = null;
  const renderErrors = () => {
    errorBox.replaceChildren();
    const block = (title, text, pre) => {
      const strong = document.createElement("strong");
      strong.textContent = title;
      errorBox.append(strong, document.createTextNode(text));
      if (pre) {   // a traceback, or a problem's text (an error without a traceback says it all inline)
        const body = document.createElement("pre");
        body.textContent = pre;
        errorBox.append(body);
      }
    };
    for (const problem of problems) block(problem.title, "", problem.message);
    for (const note of notes) block(note.title, `: ${note.message}`);
    if (lastError) {
      const { error, context } = lastError;
      block(`${context}${error.kind}`, `${error.line ? ` (line ${error.line})` : ""}: ${error.message}`,
        error.traceback);
    }
    errorBox.hidden = problems.length === 0 && notes.length === 0 && !lastError;
  };
  // The line an error points at is marked in the editor when it is a line of the reader's code.
  const ownLine = (error) => (error.filename === data.filename || error.filename?.endsWith(`/${data.filename}`))
    && error.line;
  const showError = (error, context = "") => {
    lastError = { error, context };
    renderErrors();
    pane.editor.markLine(ownLine(error));
  };
  const clearError = () => { lastError = null; renderErrors(); pane.editor.clearMark(); };
  const addNote = (title, message) => {
    if (notes.some((note) => note.title === title && note.message === message)) return;
    notes.push({ title, message });
    renderErrors();
  };
  /** Show the last callback error of a trace, if any; returns that run. */
  const showFailure = (runs) => {
    const failed = runs.filter((run) => run.status === "error").pop();
    if (failed) showError(failed.error, `${failed.function}: `);
    return failed;
  };

  // The app, drawn by Dash's own components (host.js); its browser storage is scoped to this site, page and app.
  const renderer = new Host(appPane, (change) => {
    if (!loaded || waiting) { queue.push(change); markEdited([change], Infinity); return; }
    sendUpdates([change]);
  }, { key, scope: `${new URL(".", document.baseURI).pathname}#${key}`, trusted: true,
    stylesheets: (data.assets || []).filter((url) => url.endsWith(".css")),
    onProblem: (message) => addNote(message.startsWith("Dangerous link") ? "Dangerous link detected" : "Drawing the app",
      message) });

  // A run paused for a clientside callback: run it here, answer, and keep the reader's edits queued.
  // The app's assets/*.js (where ClientsideFunction namespaces live) are loaded first.
  // Code from a link: each clientside source runs once the reader has seen it and said yes (per widget).
  const assetsReady = loadAssets((data.assets || []).filter((url) => url.endsWith(".js")));
  const approved = new Set();
  // dash_clientside.set_props reaches this app's components: during its clientside call as part of the run,
  // at other times (a timer, an asset's event handler) as a change, as Dash's set_props dispatches one.
  const clientApp = { has: (id) => renderer.props(id) !== undefined, props: (id) => renderer.props(id),
    set: (id, props) => renderer.set(id, props), call: null };
  const unregister = registerApp(clientApp);
  async function answerClientside(ask) {
    waiting = true;
    const via = kernel;   // the worker that asked gets the answer, even if the code changes meanwhile
    await assetsReady;
    if (!trusted()) {
      const source = ask.function.source
        ?? `window.dash_clientside.${ask.function.namespace}.${ask.function.name}  // a function of this site`;
      if (!approved.has(source)) {
        if (!(await askToRunJavaScript(appPane, source))) {
          via.send({ type: "clientside-result", app: key, answer: { error: {
            kind: "Blocked", message: "JavaScript from a shared link was not run (the reader said no)" } } });
          return;
        }
        approved.add(source);
      }
    }
    const answer = await runClientside(ask, clientApp);
    via.send({ type: "clientside-result", app: key, answer });
  }

  function flushQueue() {
    if (queue.length) sendUpdates(queue.splice(0));
  }
  if (data.layout) renderer.mount(data.layout, data);

  function sendUpdates(changes) {
    inFlight += 1;
    setStatus("running");
    markEdited(changes, ++seq);
    kernel.send({ type: "update", app: key, seq, changes });
  }

  // Background jobs: started and stopped as the worker says; their progress and results go back to it.
  function manageJobs(message) {
    for (const number of message.cancel || []) { stopJob(`${key}#${number}`); jobs.delete(number); }
    for (const job of message.jobs || []) {
      jobs.add(job.job);
      startJob(`${key}#${job.job}`, job, code, data.filename, (report) => {
        if (report.type === "job-done") jobs.delete(report.job);
        inFlight += 1;
        kernel.send({ ...report, app: key });
      });
    }
  }

  function load(source, rerun) {
    for (const number of jobs) stopJob(`${key}#${number}`);
    jobs.clear();
    code = source;
    pane?.running(source);
    loaded = false;
    waiting = false;
    inFlight = 0;
    if (rerun) queue = [];
    edited.clear();
    // The build drew the diagram of the lesson's code; new code (Run, Reset) gets its own.
    if (rerun) trace?.restarted();
    notes = notes.filter((note) => note.title !== "Dangerous link detected");
    kernel.send({ type: "load", app: key, code: source, filename: data.filename, diagram: Boolean(diagram && rerun) });
  }

  const onMessage = (message) => {
    if (message.type === "loaded") {
      if (message.diagram) diagram?.redraw(message.diagram, message.problems);
      wantJobs(key, Boolean(message.background));
      if (message.error) {
        setStatus("error", `Error: ${message.error.kind}`);
        showError(message.error);
        return;
      }
      problems = message.problems || [];
      clearError();
      // Re-draw only when the worker's app differs from what is shown (same code: keep focus and DOM).
      if (canonical(message.layout) !== shownLayout) {
        renderer.mount(message.layout, message);
        renderer.patch(queue);
      } else renderer.useStylesheets(message.stylesheets);
      shownLayout = null;
      renderer.loading(message.loading || [], null);
      loaded = true;
      renderer.restorePersisted();
      showRuns(message.trace);
      showFailure(message.trace);
      manageJobs(message);
      if (message.clientside) {
        inFlight += 1;
        setStatus("running");
        answerClientside(message.clientside);
        return;
      }
      setStatus("ready", stoppedNote ? "Stopped; the app started again" : STATUS.ready);
      stoppedNote = false;
      flushQueue();
    } else if (message.type === "patched") {   // running= values, shown while a callback runs
      renderer.patch(message.patches);
      if (message.loading) renderer.loading(message.loading, true);
    } else if (message.type === "updated") {
      if (message.queued) {   // sent before this page heard that a run waits: it runs after that run
        inFlight = Math.max(0, inFlight - 1);
        return;
      }
      renderer.loading(message.loading || [], null);
      // All of an answer's patches in one render: a component sees its new props together (a Dropdown given
      // new options and a value among them never sees the value missing from its options and clears it).
      renderer.patch(message.patches.map((patch) => ({ id: patch.id, props: fresh(patch, message.seq) }))
        .filter((patch) => Object.keys(patch.props).length));
      manageJobs(message);
      showRuns(message.trace);
      if (!showFailure(message.trace) && !message.clientside) clearError();
      if (message.clientside) { answerClientside(message.clientside); return; }
      waiting = false;
      inFlight = Math.max(0, inFlight - 1);   // an answer to an update sent before a re-run counts nothing
      if (inFlight === 0) setStatus("ready");
      flushQueue();
    } else if (message.type === "failed") {
      inFlight = Math.max(0, inFlight - 1);
      renderer.loading([], null);
      setStatus("error", `Error: ${message.error.kind}`);
      showError(message.error);
    }
  };

  const onBootState = ({ state, message }) => {
    if (state === "failed") {
      setStatus("error", "Python failed to load");
      showError({ kind: "Python failed to load", message: `${message.replace(/\.$/, "")}. The app shows its `
        + "first view only; reload the page to try again." });
    } else if (!loaded && status.dataset.state !== "error") {
      setStatus(state === "ready" ? "starting" : "loading", message || undefined);
    }
  };

  // Stop: the kernel interrupts Python or replaces the worker; every app of the page then starts again from
  // its current code, except one whose code never finished starting (it would loop again).
  stopButton?.addEventListener("click", () => {
    setStatus("running", "Stopping…");
    kernel.stop();
  });
  let stoppedNote = false;   // say "stopped" once the app is ready again
  const onRestartEvent = ({ stuck, restarted }) => {
    const mine = stuck.get(key) || [];
    if (!mine.length && !restarted) return;   // an interrupt elsewhere: this app's worker state is intact
    if (mine.length) for (const number of jobs) stopJob(`${key}#${number}`);
    if (mine.includes("load")) {
      loaded = false;
      inFlight = 0;
      setStatus("error", "Stopped: the code did not finish starting. Change it, then press Run.");
      return;
    }
    load(code, true);
    if (mine.length) setStatus("running", "Stopped; restarting the app…");
    stoppedNote = mine.length > 0;
  };

  // Move the widget to another worker (the shared one, or one of its own for link code). The app held by
  // the old one is forgotten there; a worker of the widget's own is ended.
  let unsubscribe = () => {};
  let usedShared = false;      // has this widget sent anything to the shared worker (so an unload is owed)
  function connect(next) {
    unsubscribe();
    if (next !== kernel) {
      if (kernel === shared) { if (usedShared) kernel.send({ type: "unload", app: key }); } else kernel.close();
      kernel = next;
    }
    if (kernel === shared) usedShared = true;
    const stops = [kernel.listen(key, onMessage), kernel.onBoot(onBootState), kernel.onRestart(onRestartEvent)];
    unsubscribe = () => { for (const stop of stops) stop(); };
  }

  const run = (source) => {
    setStatus("running");
    load(source, true);
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
    if (pane.value() !== code) load(pane.value(), true);
    return pane.value();
  }, data.filename, setStatus, () => kernel) : () => {};

  // Code from a share link: shown and run at once, in a worker of its own, with a bar that says where it
  // came from and lets the reader keep it as their own code or go back to theirs.
  let linkBar = null;
  function trust(yes) {
    renderer.trusted = yes;
    connect(yes ? shared : isolated(key));
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
    connect(shared);
    // An example that fails on purpose still loads: the reader can change its code and press Run.
    if (data.layout) load(data.code, false);
  }
  const link = readShareLink();
  const firstWidget = document.querySelector(".livedash[data-livedash-key]") === root;
  const BROKEN = "This link could not be opened";
  if (link && (link.key === key || (link.key === null && firstWidget))) {
    if (link.error) {
      addNote(BROKEN, `${link.error}. The example shows its own code.`);
      startOwnCode();
    } else {
      unpack(link.packed).then((linked) => openLink(link.packed, linked), (error) => {
        addNote(BROKEN, `${error.message}. The example shows its own code.`);
        startOwnCode();
      });
    }
  } else {
    if (link?.key && firstWidget && ![...document.querySelectorAll(".livedash[data-livedash-key]")]
      .some((element) => element.dataset.livedashKey === link.key)) {
      addNote(BROKEN, "it is for an example that is not on this page.");
    }
    startOwnCode();
  }

  renderErrors();
  if (data.error) {
    setStatus("error", "Error in example");
    showError(data.error);
  }

  // A small handle for tests and tools: is the app settled, what props does the page hold, set some.
  root.livedash = {
    idle: () => loaded && !waiting && inFlight === 0 && queue.length === 0 && jobs.size === 0,
    props: (id) => renderer.props(id),
    layout: () => renderer.layout,
    setProps: (id, props) => renderer.set(id, props),
    code: () => pane.value(),
    setCode: (text) => pane.load(text),
    trusted: () => trusted(),
  };

  return {
    unmount() {
      for (const number of jobs) stopJob(`${key}#${number}`);
      wantJobs(key, false);
      unregister();
      renderer.dispose();
      diagram?.dispose();
      pane.editor.dispose();
      stopExercise();
      unsubscribe();
      if (kernel === shared) kernel.send({ type: "unload", app: key });
      else kernel.close();
    },
  };
}
