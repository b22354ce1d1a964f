// An app's own stylesheets (its assets/*.css, external_stylesheets, a component library's CSS) apply to that app
// alone. The browser parses each sheet; its style rules are wrapped in @scope (the app's root) and what a Dash
// page writes for the whole page (html, body, :root) is moved onto the app's root; @font-face and @keyframes stay
// global (they cannot be scoped). The result is adopted by the document, with relative url()s kept working.
const sheets = new Map();   // "url scope" -> promise of CSSStyleSheet
let counter = 0;

const PAGE_SELECTOR = /(^|[\s>+~,(])(html|body|:root)(?![\w-])/g;

function scopeRules(rules, out, globals) {
  for (const rule of rules) {
    if (rule instanceof CSSStyleRule) {
      out.push(`${rule.selectorText.replace(PAGE_SELECTOR, "$1:scope")} { ${rule.style.cssText} }`);
    } else if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule || rule instanceof CSSContainerRule) {
      const inner = [];
      scopeRules(rule.cssRules, inner, globals);
      const head = rule.cssText.slice(0, rule.cssText.indexOf("{"));
      out.push(`${head}{ ${inner.join("\n")} }`);
    } else if (rule instanceof CSSImportRule) {
      // (a constructed sheet refuses @import: it is dropped, as the browser would warn)
    } else {
      globals.push(rule.cssText);
    }
  }
}

/** The text of `css` with its rules limited to elements inside `scope` (a selector). */
export function scopeCss(css, scope) {
  const parsed = new CSSStyleSheet();
  parsed.replaceSync(css.replace(/@import[^;]*;/g, ""));
  const inner = [];
  const globals = [];
  scopeRules(parsed.cssRules, inner, globals);
  return `${globals.join("\n")}\n@scope (${scope}) {\n${inner.join("\n")}\n}`;
}

/** Apply these stylesheet URLs to the app drawn in `root` (once each); resolves when they are in place. */
export async function scopedStyles(root, urls) {
  if (!urls.length) return;
  if (!root.dataset.livedashScope) root.dataset.livedashScope = `app${++counter}`;
  const scope = `[data-livedash-scope="${root.dataset.livedashScope}"]`;
  const wanted = await Promise.all(urls.map((url) => {
    const href = new URL(url, document.baseURI).href;
    const key = `${href} ${scope}`;
    if (!sheets.has(key)) {
      sheets.set(key, fetch(href).then((response) => (response.ok ? response.text() : Promise.reject(
        new Error(`${href}: ${response.status}`)))).then((css) => {
        const sheet = new CSSStyleSheet({ baseURL: href });
        sheet.replaceSync(scopeCss(css, scope));
        return sheet;
      }).catch((error) => { console.error(`livedash: stylesheet not applied: ${error.message}`); return null; }));
    }
    return sheets.get(key);
  }));
  const add = wanted.filter((sheet) => sheet && !document.adoptedStyleSheets.includes(sheet));
  if (add.length) document.adoptedStyleSheets = [...document.adoptedStyleSheets, ...add];
}

/** Stop applying the stylesheets of the app drawn in `root` (its widget is gone). */
export function dropScopedStyles(root) {
  const scope = root.dataset.livedashScope;
  if (!scope) return;
  const mine = new Set();
  for (const [key, promise] of sheets) {
    if (key.endsWith(` [data-livedash-scope="${scope}"]`)) { promise.then((sheet) => sheet && mine.add(sheet)); sheets.delete(key); }
  }
  Promise.resolve().then(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => !mine.has(sheet));
  });
}
