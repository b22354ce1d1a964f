// eslint for the project's JavaScript: the page's modules (runtime/livedash/web/*.js), the build's server render
// (mkdocs/ssr.mjs), the tests' Node scripts (tests/js, tests/pyodide) and the course's example assets (docs/).
// Run by scripts/lint (`npx --no-install eslint --cache ...`); `npm run lint` is the same without the cache.
// Rules: @eslint/js's recommended set plus rules that catch bugs; no style rules (nothing here reformats code).
// package.json says "type": "module": every .js file of ours is an ES module (Node read them as such by syntax
// detection before; this file is one too).
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    // Not ours (vendor/: Ace, mermaid, copied in by the build), or not source (the built site, caches, venvs).
    ignores: ["runtime/livedash/web/vendor/**", "site/**", ".venv*/**", "node_modules/**", ".cache/**", "build/**", "dist/**"],
  },
  js.configs.recommended,
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { ecmaVersion: "latest", sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "no-unused-vars": ["error", {
        args: "after-used", argsIgnorePattern: "^_", varsIgnorePattern: "^_",
        caughtErrors: "all", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_",
        ignoreRestSiblings: true,
      }],
      eqeqeq: ["error", "smart"],
      "no-var": "error",
      "prefer-const": ["error", { destructuring: "all" }],
      "no-implicit-globals": "error",
      "no-shadow-restricted-names": "error",
      "no-self-compare": "error",
      "no-template-curly-in-string": "error",
      "no-unmodified-loop-condition": "error",
      "no-unreachable-loop": "error",
      "no-constructor-return": "error",
      "no-promise-executor-return": "error",
      "no-new-wrappers": "error",
      "no-throw-literal": "error",
      "no-useless-call": "error",
      "no-useless-concat": "error",
      "no-useless-return": "error",
      "no-return-assign": ["error", "except-parens"],
      "no-sequences": "error",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-caller": "error",
      "no-extend-native": "error",
      "no-labels": ["error", { allowLoop: true }],
      "no-lone-blocks": "error",
      "no-proto": "error",
      "no-script-url": "error",
      "array-callback-return": "error",
      "default-case-last": "error",
      "radix": "error",
    },
  },
  {
    // The page's modules (also evaluated by ssr.mjs in a vm context with a minimal DOM).
    files: ["runtime/livedash/web/*.js"],
    ignores: ["runtime/livedash/web/worker.js", "runtime/livedash/web/snapshot.js"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // window's properties that a forgotten parameter or variable would silently read instead (an `event` handler
      // without its argument, a `name` or `status` not declared): write `self.x` where one is meant.
      "no-restricted-globals": ["error", "event", "name", "length", "status", "origin", "closed", "opener", "parent",
        "top", "frames", "external", "find", "stop", "close", "open", "print", "scroll", "focus", "blur", "screen"],
    },
  },
  {
    // The module worker (the shared one, a share link's, a background job's) and what only it imports.
    files: ["runtime/livedash/web/worker.js", "runtime/livedash/web/snapshot.js"],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    // A clientside callback's source (run only when the reader allowed it) becomes a function by indirect eval, in
    // global scope as Dash's inline <script> for it would; a direct eval stays an error.
    files: ["runtime/livedash/web/clientside.js"],
    rules: { "no-eval": ["error", { allowIndirect: true }] },
  },
  {
    // Node: the build's server render (its installDom is run inside the vm context, which ssr.mjs gives URL and
    // the rest it uses), the JS unit tests, the Pyodide-under-Node driver, this file.
    files: ["runtime/livedash/mkdocs/ssr.mjs", "tests/**/*.mjs", "eslint.config.js"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The tests feed `javascript:` URLs to the sanitizers on purpose.
    files: ["tests/js/*.mjs"],
    rules: { "no-script-url": "off" },
  },
  {
    // This test sets globalThis.window = globalThis before importing clientside.js, as in a page.
    files: ["tests/js/clientside.test.mjs"],
    languageOptions: { globals: { window: "writable" } },
  },
  {
    // A lesson example's assets: classic scripts that Dash (and the page) load with <script>.
    files: ["docs/**/*.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
  },
];
