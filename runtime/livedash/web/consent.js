// The question asked before JavaScript from code the reader did not write (a share link) runs in the page.
// It shows the code it is about, and nothing in it is focused: a reader typing in the app (a space, Enter)
// must never answer it by accident. Only a click (or a deliberate Tab to a button) answers.

function button(text, className = "") {
  const made = document.createElement("button");
  made.type = "button";
  made.className = className;
  made.textContent = text;
  return made;
}

/** Ask above `anchor` whether to run `source` (the JavaScript); resolves true (run) or false. */
export function askToRunJavaScript(anchor, source, what = "This code came from a link and wants to run JavaScript in this page") {
  return new Promise((resolve) => {
    const box = document.createElement("div");
    box.className = "livedash-confirm";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Run JavaScript from a link?");
    const text = document.createElement("p");
    text.textContent = `${what}. It could read or change what this site keeps in your browser. Run it only if you trust it:`;
    const code = document.createElement("pre");
    code.className = "livedash-confirm-code";
    code.textContent = source;
    const yes = button("Run this JavaScript", "livedash-confirm-run");
    const no = button("Don't run it", "livedash-confirm-skip");
    // Only a real click or key press on the button answers (not a script's synthetic click).
    const answer = (ok) => (event) => {
      if (!event.isTrusted) return;
      box.remove();
      resolve(ok);
    };
    yes.addEventListener("click", answer(true));
    no.addEventListener("click", answer(false));
    const buttons = document.createElement("div");
    buttons.append(yes, no);
    box.append(text, code, buttons);
    anchor.before(box);
    // Announced to screen readers without moving the focus away from where the reader is.
    box.setAttribute("aria-live", "polite");
  });
}

/** The bar over a widget that runs code from a link: where the code came from, and the reader's two ways out.
 *  `keep()`: make it their own code; `leave()`: back to their own code; `ownEdit`: they have one saved. */
export function linkBarFor(root, { keep, leave, ownEdit }) {
  const bar = document.createElement("div");
  bar.className = "livedash-link-bar";
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", "Code from a link");
  const text = document.createElement("p");
  text.textContent = "This code came from a link. It runs in a Python of its own, and any JavaScript in it "
    + "asks you before it runs.";
  const keepButton = button("Keep as my code", "livedash-link-keep");
  const leaveButton = button(ownEdit ? "Back to my code" : "Back to the lesson's code", "livedash-link-leave");
  keepButton.addEventListener("click", keep);
  leaveButton.addEventListener("click", leave);
  const buttons = document.createElement("div");
  buttons.append(keepButton, leaveButton);
  bar.append(text, buttons);
  root.querySelector(".livedash-bar").after(bar);
  /** Keeping the link's code would replace the reader's own edit: ask first (resolves true to replace). */
  bar.confirmReplace = () => askFirst(bar, "Keeping it replaces the edit of this example you saved before.",
    "Replace my edit", "Cancel");
  return bar;
}

function askFirst(bar, question, yesText, noText) {
  return new Promise((resolve) => {
    bar.querySelector(".livedash-link-question")?.remove();
    const box = document.createElement("p");
    box.className = "livedash-link-question";
    box.textContent = `${question} `;
    const yes = button(yesText);
    const no = button(noText);
    const answer = (ok) => () => { box.remove(); resolve(ok); };
    yes.addEventListener("click", answer(true));
    no.addEventListener("click", answer(false));
    box.append(yes, " ", no);
    bar.append(box);
  });
}
