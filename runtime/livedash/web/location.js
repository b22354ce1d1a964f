// dcc.Location and dcc.Link inside a widget. Dash's own ones read and push the window's URL, which here is the
// course page's: a Link would leave the lesson. These two keep Dash's props and behaviour (Location.react.js,
// Link.react.js of dash 4.4.1) against a URL of the app's own, which starts where a Dash app starts: at "/".
// The app's pages and Location callbacks work; the reader's page stays where it is.
import { cleanUrl } from "./sanitize.js";

const FIELDS = ["pathname", "href", "hash", "search"];

/** The app's URL and the Location components that follow it; {Location, Link} are React components. */
export function virtualLocation(host) {
  let url = new URL("/", window.location.origin);
  const listeners = new Set();
  const current = () => ({ pathname: url.pathname, href: url.href, hash: url.hash, search: url.search });
  const go = (href, from) => {
    url = new URL(href, url);
    for (const listener of [...listeners]) if (listener !== from) listener();
  };
  let components = null;

  function make(React) {
    function Location(props) {
      const { setProps, refresh } = props;
      const previous = React.useRef({});
      const self = React.useRef(null);
      // The app's URL changed elsewhere (a Link, another Location): tell Dash, as onLocationChange does.
      React.useEffect(() => {
        const listener = () => {
          const here = current();
          const changed = {};
          for (const field of FIELDS) if (previous.current[field] !== here[field]) changed[field] = here[field];
          previous.current = { ...previous.current, ...changed };
          if (Object.keys(changed).length) setProps(changed);
        };
        self.current = listener;
        listeners.add(listener);
        return () => listeners.delete(listener);
      }, [setProps]);
      // updateLocation: missing props are filled from the URL; a prop a callback changed moves the URL.
      React.useEffect(() => {
        const here = current();
        const fill = {};
        let moved = null;
        for (const field of FIELDS) {
          const value = props[field];
          if (value === undefined || value === null) fill[field] = here[field];
          else if (value !== here[field] && previous.current[field] !== value) {
            moved = moved || field;
            fill[field] = value;
          }
        }
        previous.current = { ...previous.current, ...Object.fromEntries(FIELDS.map((f) => [f, props[f]])), ...fill };
        if (Object.keys(fill).length) setProps(fill);
        if (moved) {
          const target = moved === "href" || fill.href ? (props.href ?? fill.href)
            : `${props.pathname ?? here.pathname}${props.search ?? ""}${props.hash ?? ""}`;
          // refresh=True would reload the page in Dash: here the app's URL moves and every Location hears it.
          go(target, refresh === "callback-nav" || refresh === true ? null : self.current);
        }
      });
      return null;
    }

    function Link(props) {
      const { href, refresh = false, className, style, id, title, target, children } = props;
      const safe = cleanUrl(href ?? "");
      const external = /^[a-z][a-z0-9+.-]*:/i.test(safe) || target;
      const onClick = (event) => {
        if (external || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
        event.preventDefault();
        event.stopPropagation();   // (the course page's own navigation, Material's instant loading, must not see it)
        go(safe, null);
        void refresh;
      };
      return React.createElement("a", { href: safe, className, style, id, title, target, onClick }, children);
    }
    return { Location, Link };
  }

  return {
    get Location() { components = components || make(window.React); return components.Location; },
    get Link() { components = components || make(window.React); return components.Link; },
    url: () => url.href,
    dispose: () => listeners.clear(),
    host,
  };
}
