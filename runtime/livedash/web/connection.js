// One widget's app in a worker: loading its code, the reader's changes (queued until the app is loaded, or
// while a run waits for a clientside callback here), the answers, background jobs, Stop's restart. What the
// reader sees is the view's: the connection tells it through `view`'s methods (see AppConnection).
//
// No DOM and no worker of its own: the kernel (kernel.js's Connection) and the job functions (background.js)
// are handed in, so this module also loads under Node's test runner.
import { idKey } from "./sanitize.js";

/** Which props the reader has set since an answer was asked for: an answer to an older update must not
 *  overwrite them (typing fast into an input that a callback writes back would otherwise get stale values,
 *  and a caret at the end, between keystrokes). The value that counts comes with the later update's answer. */
export class EditedProps {
  constructor() {
    this.at = new Map();   // "id prop" -> seq of the last update carrying the reader's value (Infinity: queued)
  }

  key(id, prop) {
    return `${idKey(id)} ${prop}`;   // (a dict id's keys sorted: the worker may send them in another order)
  }

  /** The reader's `changes` ([{id, props}]) go out with update `seq` (Infinity: queued, not sent yet). */
  mark(changes, seq) {
    for (const change of changes) for (const prop in change.props) this.at.set(this.key(change.id, prop), seq);
  }

  /** The props of `update` (from the answer to request `answered`) that may be shown (a job's answer has no seq: it
   *  shows only props the reader has not set since). */
  fresh(update, answered) {
    const props = {};
    for (const [prop, value] of Object.entries(update.props)) {
      const at = this.at.get(this.key(update.id, prop));
      if (at > answered) continue;
      if (at <= answered) this.at.delete(this.key(update.id, prop));
      props[prop] = value;
    }
    return props;
  }

  clear() {
    this.at.clear();
  }
}

/** `view` is told (each method optional unless said):
 *  - `busy()`: a request is under way (status "running"); `settled(afterLoad)`: nothing is (status "ready",
 *    or the error shown)
 *  - `loading(code, rerun)`: `code` is sent to the worker (rerun: Run, Reset, a restart; not the first load)
 *  - `loaded(message)`: the worker answered a load (its diagram); then `loadFailed(error)` when the code does
 *    not run, else `draw(message, queued)` (the worker's app: changes still queue) and `started(message)`
 *    (the app answers now: the reader's stored values, the initial runs)
 *  - `answered(message, updates)`: an update's answer, `updates` without the props the reader set since;
 *    `interim(message)`: running= values while a callback runs; `failed(error)`: a request failed
 *  - `clientside(ask)` (required): run a clientside callback here; resolves to its answer
 *  - `jobRunning(callback, running)`: a background job of callback id `callback` started or ended
 *  - `boot(event, loaded)`: the worker's boot state; `stopped({stuck, mine})`: Stop restarted this app (`mine`:
 *    a request of this app was stopped; `stuck`: its code never finished starting and is not run again) */
export class AppConnection {
  constructor({ key, filename, code, diagram, kernel, jobs, view }) {
    this.key = key;
    this.filename = filename;
    this.code = code;              // the code the worker runs (what background jobs must run too)
    this.diagram = diagram;        // ask for the graph of new code (the widget draws one)
    this.jobsApi = jobs;           // {startJob, stopJob, wantJobs} (background.js)
    this.view = view;
    this.kernel = kernel;          // kernel.js's Connection to the worker that runs this app (the shared one)
    this.shared = kernel;
    this.loaded = false;           // the worker holds this app and answers updates
    this.waiting = false;          // the worker waits for a clientside callback to run here
    this.queue = [];               // reader changes made before the app was loaded (or while it waits)
    this.inFlight = 0;
    this.seq = 0;
    this.edited = new EditedProps();
    this.jobs = new Map();         // job number -> callback id, of this app's background jobs still running
    this.unsubscribe = () => {};
    this.usedShared = false;       // has anything gone to the shared worker (so an unload is owed)
  }

  /** Move to another worker (the shared one, or one of the widget's own for link code). The app held by the
   *  old one is forgotten there; a worker of the widget's own is ended. */
  connect(next) {
    this.unsubscribe();
    if (next !== this.kernel) {
      if (this.kernel === this.shared) { if (this.usedShared) this.kernel.send({ type: "unload", app: this.key }); }
      else this.kernel.close();
      this.kernel = next;
    }
    if (this.kernel === this.shared) this.usedShared = true;
    const stops = [this.kernel.listen(this.key, (message) => this.onMessage(message)),
      this.kernel.onBoot((event) => this.view.boot?.(event, this.loaded)),
      this.kernel.onRestart((event) => this.onRestart(event))];
    this.unsubscribe = () => { for (const stop of stops) stop(); };
  }

  /** A reader's change ({id, props}): sent now, or queued until the app is loaded and no run waits. */
  change(change) {
    if (!this.loaded || this.waiting) {
      this.queue.push(change);
      this.edited.mark([change], Infinity);
      return;
    }
    this.send([change]);
  }

  send(changes) {
    this.inFlight += 1;
    this.view.busy?.();
    this.edited.mark(changes, ++this.seq);
    this.kernel.send({ type: "update", app: this.key, seq: this.seq, changes });
  }

  flush() {
    if (this.queue.length) this.send(this.queue.splice(0));
  }

  load(source, rerun) {
    this.stopJobs();
    this.code = source;
    this.view.loading?.(source, rerun);
    this.loaded = false;
    this.waiting = false;
    this.inFlight = 0;
    if (rerun) this.queue = [];
    this.edited.clear();
    this.kernel.send({ type: "load", app: this.key, code: source, filename: this.filename,
      diagram: Boolean(this.diagram && rerun) });
  }

  stop() {
    this.kernel.stop();
  }

  idle() {
    return this.loaded && !this.waiting && this.inFlight === 0 && this.queue.length === 0 && this.jobs.size === 0;
  }

  // Background jobs: started and stopped as the worker says; their progress and results go back to it.
  manageJobs(message) {
    for (const number of message.cancel || []) this.endJob(number, true);
    for (const job of message.jobs || []) {
      this.jobs.set(job.job, job.callback);
      this.view.jobRunning?.(job.callback, true);
      this.jobsApi.startJob(`${this.key}#${job.job}`, job, this.code, this.filename, (report) => {
        if (report.type === "job-done") this.endJob(report.job, false);
        this.inFlight += 1;
        this.kernel.send({ ...report, app: this.key });
      });
    }
  }

  endJob(number, terminate) {
    if (terminate) this.jobsApi.stopJob(`${this.key}#${number}`);
    if (!this.jobs.has(number)) return;
    const callback = this.jobs.get(number);
    this.jobs.delete(number);
    this.view.jobRunning?.(callback, false);
  }

  stopJobs() {
    for (const number of [...this.jobs.keys()]) this.endJob(number, true);
  }

  async answerClientside(ask) {
    this.waiting = true;
    const via = this.kernel;   // the worker that asked gets the answer, even if the code changes meanwhile
    const answer = await this.view.clientside(ask);
    via.send({ type: "clientside-result", app: this.key, answer });
  }

  onMessage(message) {
    const view = this.view;
    if (message.type === "loaded") {
      view.loaded?.(message);
      this.jobsApi.wantJobs(this.key, Boolean(message.background));
      if (message.error) {
        view.loadFailed?.(message.error);
        return;
      }
      view.draw?.(message, this.queue);
      this.loaded = true;
      view.started?.(message);
      this.manageJobs(message);
      if (message.clientside) {
        this.inFlight += 1;
        view.busy?.();
        this.answerClientside(message.clientside);
        return;
      }
      view.settled?.(true);
      this.flush();
    } else if (message.type === "interim") {   // running= values, shown while a callback runs
      view.interim?.(message);
    } else if (message.type === "updated") {
      if (message.queued) {   // sent before this page heard that a run waits: it runs after that run
        this.inFlight = Math.max(0, this.inFlight - 1);
        return;
      }
      // All of an answer's updates in one render: a component sees its new props together (a Dropdown given
      // new options and a value among them never sees the value missing from its options and clears it).
      const updates = message.updates.map((update) => ({ id: update.id, props: this.edited.fresh(update, message.seq) }))
        .filter((update) => Object.keys(update.props).length);
      this.manageJobs(message);
      view.answered?.(message, updates);
      if (message.clientside) { this.answerClientside(message.clientside); return; }
      this.waiting = false;
      this.inFlight = Math.max(0, this.inFlight - 1);   // an answer to an update sent before a re-run counts nothing
      if (this.inFlight === 0) view.settled?.(false);
      this.flush();
    } else if (message.type === "failed") {
      this.inFlight = Math.max(0, this.inFlight - 1);
      view.failed?.(message.error);
    }
  }

  // Stop: the kernel interrupts Python or replaces the worker; every app of the page then starts again from
  // its current code, except one whose code never finished starting (it would loop again).
  onRestart({ stuck, restarted }) {
    const mine = stuck.get(this.key) || [];
    if (!mine.length && !restarted) return;   // an interrupt elsewhere: this app's worker state is intact
    if (mine.length) for (const number of this.jobs.keys()) this.jobsApi.stopJob(`${this.key}#${number}`);
    if (mine.includes("load")) {
      this.loaded = false;
      this.inFlight = 0;
      this.view.stopped?.({ stuck: true, mine: true });
      return;
    }
    this.load(this.code, true);
    this.view.stopped?.({ stuck: false, mine: mine.length > 0 });
  }

  close() {
    for (const number of this.jobs.keys()) this.jobsApi.stopJob(`${this.key}#${number}`);
    this.jobsApi.wantJobs(this.key, false);
    this.unsubscribe();
    if (this.kernel === this.shared) this.kernel.send({ type: "unload", app: this.key });
    else this.kernel.close();
  }
}
