// Background callbacks run in workers of their own, one per job, so the app's worker stays free: a job
// that is cancelled (or replaced) is simply terminated. A worker is kept booted ahead for the next job: a
// Python boot takes seconds, far longer than the jobs of a lesson. It boots as soon as an app with
// background callbacks is known (no idle wait) once the page's own Python has booted (two boots at once on
// two cores would delay the apps the reader sees first), and again as soon as a job ends, never while a job
// runs (on two cores a boot beside the job would slow the job the reader is waiting for). It is let go
// when no app on the page has background callbacks any more (an interpreter holds about 100 MB).
//
// Measured on lesson 8 (Chromium, 2 cores): a click on Start right after the app is ready waits for this
// boot; its time is Pyodide's loadPyodide (>90%), then about 0.1 s to run the app's code and the job's
// first step. Waiting for idle time added little there, but idle callbacks can wait for seconds while a
// page draws; a fresh worker per job (not the last job's) keeps Dash's rule that a job does not see what
// an earlier job changed (Dash forks a process per job).
import { bootWorker, pythonSettled } from "./kernel.js";
import { checkWorkerMessage } from "./protocol.js";

let spare = null;
const running = new Map();   // job token (app key and job number: numbers are per app) -> worker
const wanting = new Set();   // keys of the loaded apps that have background callbacks

function warm() {
  pythonSettled().then(() => {
    if (!spare && !running.size && wanting.size) spare = bootWorker();
  });
}

/** The app under `key` has background callbacks (`true`) or no longer has any, or has left (`false`):
 *  a worker is kept booted for the next job while some app on the page has them. */
export function wantJobs(key, wanted) {
  if (wanted) {
    wanting.add(key);
    warm();
  } else if (wanting.delete(key) && !wanting.size && spare) {
    spare.terminate();
    spare = null;
  }
}

/** Start a job ({job, callback, args, context, progress}) of the app whose code is `code`, under a `token` unique
 *  in the page; `report(message)` gets {type: "job-progress", job, value}, then {type: "job-done", job, answer}. */
export function startJob(token, job, code, filename, report) {
  const worker = spare || bootWorker();
  spare = null;
  running.set(token, worker);
  worker.onmessage = (event) => {
    let data;
    try {
      data = checkWorkerMessage(event.data);   // a job runs the app's code: its messages are checked too
    } catch (error) {
      data = { type: "failed", error: { kind: "ProtocolError", message: `The job's worker sent a message that `
        + `does not fit the protocol (${error.message})` } };
    }
    if (data.type === "booted") return;
    if (!["job-progress", "job-done"].includes(data.type)) {
      report({ type: "job-done", job: job.job, answer: { error: data.error || { kind: "ProtocolError",
        message: `unexpected ${data.type} message from the job's worker` } } });
    } else {
      report({ ...data, job: job.job });   // a job speaks only for itself
    }
    if (data.type !== "job-progress") stopJob(token);
  };
  worker.postMessage({ type: "job", ...job, code, filename });
}

/** Stop a job: its worker is terminated; nothing more is reported for it. */
export function stopJob(token) {
  const worker = running.get(token);
  if (worker) {
    worker.terminate();
    running.delete(token);
    if (!running.size) warm();
  }
}
