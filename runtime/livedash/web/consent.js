// The question asked before JavaScript from code the reader did not write (a share link) runs in the page.
// It shows the code it is about, and nothing in it is focused: a reader typing in the app (a space, Enter)
// must never answer it by accident. Only a click (or a deliberate Tab to a button) answers.

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
    const yes = document.createElement("button");
    yes.type = "button";
    yes.className = "livedash-confirm-run";
    yes.textContent = "Run this JavaScript";
    const no = document.createElement("button");
    no.type = "button";
    no.className = "livedash-confirm-skip";
    no.textContent = "Don't run it";
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
  const keepButton = document.createElement("button");
  keepButton.type = "button";
  keepButton.className = "livedash-link-keep";
  keepButton.textContent = "Keep as my code";
  const leaveButton = document.createElement("button");
  leaveButton.type = "button";
  leaveButton.className = "livedash-link-leave";
  leaveButton.textContent = ownEdit ? "Back to my code" : "Back to the lesson's code";
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
    const yes = document.createElement("button");
    yes.type = "button";
    yes.textContent = yesText;
    const no = document.createElement("button");
    no.type = "button";
    no.textContent = noText;
    const answer = (ok) => () => { box.remove(); resolve(ok); };
    yes.addEventListener("click", answer(true));
    no.addEventListener("click", answer(false));
    box.append(yes, " ", no);
    bar.append(box);
  });
}
