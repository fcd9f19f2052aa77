// Helios HMR client runtime, served by the IGNIS dev server as /@helios/client.js.
// Plain ES module, no dependencies. The protocol is documented in README.md next to it.
//
// The page may load this file under more than one URL (index.html gets
// /@helios/client.js?hmrPort=24678, transformed modules import /@helios/client.js), and
// every URL is its own module instance. So all state lives in one object on globalThis
// that every instance shares, and only one socket is ever opened.

const TAG = 'helios-error-overlay';
const log = (line) => console.info(`[helios] ${line}`);

const H = (globalThis[Symbol.for('helios.hmr')] ??= {
  url: '', socket: null, wasOpen: false, retry: 100, queue: [],
  hot: new Map(),        // owner path -> { data, accepts, disposes, prunes, listeners }
  listening: new Set(),  // the records of `hot` that ever had listeners (most modules never do)
  styles: new Map(),     // style id (the CSS file's path) -> <style>
  outgoing: new WeakSet(), // <link>s being replaced, kept until their successor loaded
  chain: Promise.resolve(), // messages are applied one after the other
  overlay: null, reloading: false, lostLogged: false, watching: false,
});

// ---- connection -------------------------------------------------------------------

const port = new URL(import.meta.url).searchParams.get('hmrPort');
const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
if (port) {
  connect(`${scheme}//${location.hostname}:${port}/`);
} else if (document.readyState === 'loading') {
  // Give an instance that knows the port (the <script> in <head>) the chance to go first.
  addEventListener('DOMContentLoaded', () => connect(`${scheme}//${location.host}/@hmr`), { once: true });
} else {
  connect(`${scheme}//${location.host}/@hmr`);
}

function connect(url) {
  if (H.url) return;
  H.url = url;
  open();
}

function open() {
  const ws = new WebSocket(H.url);
  H.socket = ws;
  ws.onopen = () => {
    H.retry = 100;
    if (H.wasOpen) {
      // The server went away and came back: it may serve different code now.
      log('server is back, reloading');
      location.reload();
      return;
    }
    H.wasOpen = true;
    for (const text of H.queue.splice(0)) ws.send(text);
  };
  ws.onmessage = (event) => {
    let msg;
    try { msg = JSON.parse(event.data); } catch { log('ignored a message that is not JSON'); return; }
    // A handler that throws (an accept callback, say) shows the overlay like any page error.
    H.chain = H.chain.then(() => handle(msg)).catch((err) => runtimeError(err));
  };
  ws.onclose = () => {
    H.socket = null;
    if (H.reloading) return;
    if (H.wasOpen && !H.lostLogged) { log('connection lost, reconnecting'); H.lostLogged = true; }
    setTimeout(open, H.retry);
    H.retry = Math.min(H.retry * 2, 2000);
  };
}

function send(event, data) {
  const text = JSON.stringify({ type: 'custom', event, data });
  if (H.socket?.readyState === WebSocket.OPEN) H.socket.send(text);
  else H.queue.push(text);
}

// ---- messages -------------------------------------------------------------------------

async function handle(msg) {
  switch (msg.type) {
    case 'connected':
      log('connected');
      break;
    case 'update':
      hideOverlay();
      emit('helios:beforeUpdate', msg);
      for (const u of msg.updates ?? []) {
        if (H.reloading) return;
        await (u.type === 'css-update' ? updateCss(u) : updateJs(u));
      }
      emit('helios:afterUpdate', msg);
      break;
    case 'full-reload':
      fullReload(msg.path);
      break;
    case 'prune': // optional: modules no longer imported by anyone
      for (const path of msg.paths ?? []) {
        const rec = H.hot.get(path);
        if (!rec) continue;
        for (const fn of [...rec.disposes, ...rec.prunes]) await fn(rec.data);
        H.hot.delete(path);
        H.listening.delete(rec);
      }
      break;
    case 'error':
      console.error(`[helios] ${where(msg.err) || 'build'}: ${msg.err?.message}`);
      showOverlay('Build error', msg.err ?? {});
      emit('helios:error', msg.err);
      break;
    case 'custom':
      emit(msg.event, msg.data);
      break;
    default:
      log(`ignored message of type ${msg.type}`);
  }
}

function emit(event, data) {
  for (const rec of H.listening) for (const fn of rec.listeners.get(event) ?? []) fn(data);
}

function fullReload(path, reason = '') {
  const page = location.pathname.endsWith('/') ? `${location.pathname}index.html` : location.pathname;
  if (path?.endsWith('.html') && path !== page) return; // another page changed
  log(`full reload${path ? ` (${path})` : ''}${reason}`);
  emit('helios:beforeFullReload', { path });
  H.reloading = true;
  location.reload();
}

const withQuery = (path, q) => `${path}${path.includes('?') ? '&' : '?'}${q}`;

// css-update: swap <link>s to that file, and re-import CSS that modules imported. For
// /tokens.css the server sends what changed and the live sheet is patched in place, no
// fetch: `declarations` (values the server found changed: only those are set, so the
// browser restyles as for an inline change) or `css` (the new text: the changed
// declarations are found here, or the text replaces the sheet when its rules changed
// shape). When the sheet does not hold the declarations' old values (it is not the text
// the server changed), the new text is fetched and applied instead.
async function updateCss({ path, timestamp = Date.now(), css, declarations }) {
  const sheets = css === undefined && declarations === undefined ? [] : liveSheets(path);
  let patched = false;
  if (sheets.length && Array.isArray(declarations)) {
    patched = setDeclarations(sheets, declarations);
    if (!patched) css = await freshText(withQuery(path, `t=${timestamp}`));
  }
  if (!patched && sheets.length && typeof css === 'string') patched = patchCss(sheets, path, css);
  if (patched) {
    // Logged in a task of its own: with DevTools attached a console line costs 0.3-0.7 ms,
    // which would hold up the restyle the patch has just asked for.
    setTimeout(() => log(`css updated ${path}`));
    return;
  }
  const swaps = [];
  for (const old of stylesheetLinks()) {
    if (H.outgoing.has(old) || new URL(old.href, location.href).pathname !== path) continue;
    const url = new URL(old.href, location.href);
    url.searchParams.set('t', timestamp);
    const fresh = old.cloneNode();
    fresh.href = url.href;
    H.outgoing.add(old);
    swaps.push(new Promise((resolve) => {
      // Keep the old sheet until the new one applies: no flash of unstyled content.
      fresh.onload = () => { old.remove(); resolve(); };
      fresh.onerror = () => { fresh.remove(); H.outgoing.delete(old); resolve(); };
    }));
    old.after(fresh);
  }
  if (H.styles.has(path)) swaps.push(import(withQuery(path, `import&t=${timestamp}`)));
  if (!swaps.length) { log(`css ${path} is not on this page`); return; }
  await Promise.all(swaps);
  log(`css updated ${path}`);
}

// The page's stylesheet <link>s: those in <head>, queried (a link whose load failed, a
// 404 before its file existed, may have no sheet), and any other that has a sheet
// (document.styleSheets). Not a query of the whole document: on a page of thousands of
// components that took ~10 ms of every CSS edit.
function stylesheetLinks() {
  const links = new Set(document.head?.querySelectorAll('link[rel~="stylesheet"]') ?? []);
  for (const sheet of document.styleSheets) {
    if (sheet.ownerNode?.localName === 'link' && sheet.ownerNode.relList.contains('stylesheet')) links.add(sheet.ownerNode);
  }
  return links;
}

// js-update: `path` is the module whose accept() handles the change, `acceptedPath` the
// module that changed and is re-imported (the same path for a self-accepting module).
// In a bundled page (the module registry below), `modules` carries the new factories of
// the modules that changed: they, and their importers up to the accepted one, run again
// from the registry instead of a re-import.
async function updateJs({ path, acceptedPath = path, timestamp = Date.now(), modules }) {
  const find = (owner, dep) => {
    const cbs = H.hot.get(owner)?.accepts.filter((a) => a.deps.includes(dep)) ?? [];
    return cbs.length ? { changed: dep, cbs } : null;
  };
  // Also tolerate the two fields the other way round.
  const found = find(path, acceptedPath) ?? find(acceptedPath, path);
  if (!found) {
    if (!H.hot.has(path) && !H.hot.has(acceptedPath)) {
      // A page whose first load failed to build runs again once a module is mended.
      if (H.loadFailed) return fullReload(undefined, ` (${path} changed)`);
      log(`${path} is not on this page`);
      return;
    }
    fullReload(undefined, `: ${acceptedPath} was not accepted`);
    return;
  }
  const { changed, cbs } = found;
  const rec = H.hot.get(changed);
  if (rec && !(R.factories.has(changed) && modules)) for (const fn of rec.disposes) await fn(rec.data);
  let mod;
  try {
    if (R.factories.has(changed) && modules) mod = rerun(changed, modules);
    else mod = await import(withQuery(changed, `t=${timestamp}`));
  } catch (err) {
    showOverlay('Update failed', { message: `${changed}: ${err.message}` });
    return;
  }
  for (const { deps, fn, single } of cbs) {
    fn?.(single ? mod : deps.map((d) => (d === changed ? mod : undefined)));
  }
  log(`hot updated ${changed}`);
}

// The text at `url`, not from a cache; undefined when the server does not answer 200 (the
// sheet is then swapped as any other, keeping the old one should the new one fail).
async function freshText(url) {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

// The <link>s and <style data-helios-id>s that hold the live sheet of `path`: from the
// document's sheets, not a query of its elements (on a page of thousands of components a
// querySelectorAll took ~10 ms of every token edit).
function liveSheets(path) {
  return Array.from(document.styleSheets, (sheet) => sheet.ownerNode)
    .filter((el) => (el?.localName === 'link' || el?.dataset?.heliosId) && !H.outgoing.has(el) &&
      (el.dataset.heliosId ?? new URL(el.href, location.href).pathname) === path);
}

// Sets each {rule, name, from, value} on the rule at index path `rule` of each sheet
// (elements of liveSheets()); false, with nothing set, unless every rule is there and
// holds `from`.
function setDeclarations(sheets, declarations) {
  const edits = [];
  for (const el of sheets) {
    for (const { rule, name, from, value } of declarations) {
      let target;
      try {
        target = el.sheet;
        for (const index of rule) target = target?.cssRules?.[index];
      } catch { return false; } // a sheet the page cannot read
      if (!target?.style || target.style.getPropertyValue(name).trim() !== from) return false;
      edits.push([target.style, name, value]);
    }
  }
  for (const [style, name, value] of edits) style.setProperty(name, value);
  return true;
}

// Applies the text `css` to each sheet (elements of liveSheets() of `path`).
function patchCss(sheets, path, css) {
  let fresh;
  try {
    fresh = new CSSStyleSheet();
    fresh.replaceSync(css);
  } catch { fresh = null; }
  for (const el of sheets) {
    try {
      if (fresh && el.sheet && patchRules(el.sheet.cssRules, fresh.cssRules)) continue;
    } catch { /* a sheet the page cannot read: replace it */ }
    // Another shape: the text replaces the sheet (a <style> in place of a <link>).
    if (el.localName === 'style') { el.textContent = css; continue; }
    const style = document.createElement('style');
    style.dataset.heliosId = path;
    style.textContent = css;
    el.after(style);
    el.remove();
  }
  return true;
}

// Applies `next` to the live rules `live` when both have the same shape (the same rules
// and selectors in the same order): only changed declarations are set. False otherwise.
function patchRules(live, next) {
  if (live.length !== next.length) return false;
  const edits = [];
  const walk = (a, b) => {
    for (let i = 0; i < a.length; ++i) {
      const x = a[i], y = b[i];
      if (x.constructor !== y.constructor) return false;
      if (x instanceof CSSStyleRule && x.selectorText !== y.selectorText) return false;
      if ('conditionText' in x && x.conditionText !== y.conditionText) return false;
      if (x.cssRules || y.cssRules) {
        if ((x.cssRules?.length ?? 0) !== (y.cssRules?.length ?? 0)) return false;
        if (x.cssRules && !walk(x.cssRules, y.cssRules)) return false;
      }
      if (x.style) edits.push([x.style, y.style]);
      else if (!x.cssRules && x.cssText !== y.cssText) return false;
    }
    return true;
  };
  if (!walk(live, next)) return false;
  for (const [a, b] of edits) {
    const names = new Set();
    for (let i = 0; i < b.length; ++i) {
      const p = b[i];
      names.add(p);
      const v = b.getPropertyValue(p), pr = b.getPropertyPriority(p);
      if (a.getPropertyValue(p) !== v || a.getPropertyPriority(p) !== pr) a.setProperty(p, v, pr);
    }
    for (let i = a.length - 1; i >= 0; --i) if (!names.has(a[i])) a.removeProperty(a[i]);
  }
  return true;
}

// ---- module registry (bundled pages) ------------------------------------------------
//
// The dev server serves a page's modules as one script (/@helios-bundle.js): factories
// (esbuild's CommonJS output per module) defined here and run on first require, like a
// bundler's runtime. Each runs with its own import.meta.hot (`__hmr`). Hot updates replace
// single factories.

const R = (H.registry ??= {
  factories: new Map(), // path -> factory function
  modules: new Map(),   // path -> { exports } once run
  externals: new Map(), // /@deps/ URL -> exports of the pre-bundled package
  importers: new Map(), // path -> Set of the paths that required it
  helpers: {},          // esbuild's runtime helpers, defined once by the bundle
  // What CommonJS packages (and modules) read as process.env: the page is a dev page.
  process: { env: { NODE_ENV: 'development' } },
});

function compileFactory(path, code) {
  // eval with a sourceURL: stack traces and the overlay name the module, not the bundle.
  return (0, eval)('(function (require, module, exports, __hmr, __heliosImport, __heliosRegister, __heliosRefresh, __heliosHelpers, process) {' +
    `${code}\n})\n//# sourceURL=${location.origin}${path}`);
}

function requireFrom(owner) {
  return (path) => {
    if (owner) {
      let set = R.importers.get(path);
      if (!set) R.importers.set(path, (set = new Set()));
      set.add(owner);
    }
    const external = R.externals.get(path);
    if (external) return external;
    const done = R.modules.get(path);
    if (done) return done.exports;
    let factory = R.factories.get(path);
    if (factory === undefined) throw new Error(`${path} is not in this page's bundle (reload the page)`);
    if (typeof factory === 'string') R.factories.set(path, (factory = compileFactory(path, factory)));
    const module = { exports: {} };
    R.modules.set(path, module);
    try {
      factory(requireFrom(path), module, module.exports, createHotContext(path),
        (dep) => { try { return Promise.resolve(requireFrom(path)(dep)); } catch (err) { return Promise.reject(err); } },
        registerComponent, performRefresh, R.helpers, R.process);
    } catch (err) {
      R.modules.delete(path);
      throw err;
    }
    return module.exports;
  };
}

export function moduleRegistry() {
  return {
    // A package as the factories' require() sees it: its ES module namespace, marked
    // as converted so esbuild's interop reads `default` from it.
    external(url, namespace) { R.externals.set(url, Object.assign(Object.create(null), namespace, { __esModule: true })); },
    // Kept as text until first run: most factories are compiled once, when required.
    define(path, code) { R.factories.set(path, code); },
    // The helpers the factories share (esbuild's __toESM, __export, ...): compiled once.
    helpers(helpers) { R.helpers = helpers; },
    // react-refresh's runtime from the bundle: hooked into React before react-dom loads.
    refreshRuntime(path) { installRefreshRuntime(requireFrom(null)(path)); },
    start(entries) { for (const entry of entries) requireFrom(null)(entry); },
  };
}

// Runs `target` again with the new factories in `modules`: the changed modules, and the
// modules between them and `target` (their importers), are disposed and run afresh.
function rerun(target, modules) {
  // Only the modules with a path up to `target`: other importers keep their instances.
  const leads = new Map();
  const reaches = (path) => {
    if (path === target) return true;
    if (leads.has(path)) return leads.get(path);
    leads.set(path, false); // an import cycle
    let found = false;
    for (const importer of R.importers.get(path) ?? []) found = reaches(importer) || found;
    leads.set(path, found);
    return found;
  };
  const stale = new Set([target]);
  for (const [path, code] of Object.entries(modules)) {
    R.factories.set(path, code);
    if (reaches(path)) stale.add(path);
  }
  for (const [path, found] of leads) if (found) stale.add(path);
  for (const path of stale) {
    const rec = H.hot.get(path);
    if (rec && R.modules.has(path)) for (const fn of rec.disposes) fn(rec.data);
    R.modules.delete(path);
  }
  return requireFrom(null)(target);
}

// ---- API for transformed modules ----------------------------------------------------

// Called at the top of every transformed module: import.meta.hot = createHotContext(path).
export function createHotContext(ownerPath) {
  let rec = H.hot.get(ownerPath);
  if (!rec) H.hot.set(ownerPath, (rec = { data: {} }));
  // A new instance of the module starts with no handlers; `data` carries over.
  Object.assign(rec, { accepts: [], disposes: [], prunes: [], listeners: new Map() });
  const resolve = (dep) => new URL(dep, location.origin + ownerPath).pathname;
  return {
    get data() { return rec.data; },
    accept(deps, fn) {
      if (deps === undefined || typeof deps === 'function') {
        rec.accepts.push({ deps: [ownerPath], fn: deps, single: true });
      } else if (typeof deps === 'string') {
        rec.accepts.push({ deps: [resolve(deps)], fn, single: true });
      } else {
        rec.accepts.push({ deps: deps.map(resolve), fn });
      }
    },
    dispose(fn) { rec.disposes.push(fn); },
    prune(fn) { rec.prunes.push(fn); },
    invalidate(message) {
      send('helios:invalidate', { path: ownerPath, message });
      log(`${ownerPath} invalidated itself`);
      H.reloading = true;
      // Let the socket flush the message (at most ~200 ms) before the page goes away.
      const ws = H.socket;
      const later = (n) => (!ws || !ws.bufferedAmount || n > 20 ? location.reload() : setTimeout(later, 10, n + 1));
      later(0);
    },
    on(event, fn) {
      if (!rec.listeners.has(event)) rec.listeners.set(event, []);
      rec.listeners.get(event).push(fn);
      H.listening.add(rec);
    },
    off(event, fn) {
      const fns = rec.listeners.get(event);
      if (fns) rec.listeners.set(event, fns.filter((f) => f !== fn));
    },
    send,
  };
}

// Used by the modules the server makes of imported CSS (/src/x.css?import); id = path.
export function updateStyle(id, css) {
  let style = H.styles.get(id);
  if (!style) {
    style = document.createElement('style');
    style.dataset.heliosId = id;
    document.head.appendChild(style);
    H.styles.set(id, style);
  }
  style.textContent = css;
}

export function removeStyle(id) {
  H.styles.get(id)?.remove();
  H.styles.delete(id);
}

// A build error the server met before the page loaded (its first compile), shown as a
// pushed one is.
export function showBuildError(err) {
  H.loadFailed = true;
  handle({ type: 'error', err });
}

// React Fast Refresh hooks: the page's bundle script puts react-refresh's runtime on the
// window (from its factories, refreshRuntime above, or from the pre-bundle), before
// react-dom runs.
export function installRefreshRuntime(runtime) {
  runtime.injectIntoGlobalHook(window);
  window.$RefreshReg$ = () => {};
  window.$RefreshSig$ = () => (type) => type;
  globalThis.__HELIOS_REACT_REFRESH__ = runtime;
}

// A component registers with the runtime; `signature` (the module's hook calls) keeps
// state only while the hooks stay the same.
export function registerComponent(type, id, signature) {
  const refresh = globalThis.__HELIOS_REACT_REFRESH__;
  if (signature !== undefined) refresh?.setSignature?.(type, signature);
  return refresh?.register?.(type, id);
}

export function performRefresh() {
  return globalThis.__HELIOS_REACT_REFRESH__?.performReactRefresh?.();
}

// ---- error overlay ----------------------------------------------------------------------

const where = (e) => (e?.file ? [e.file, e.line, e.column].filter((v) => v != null).join(':') : '');

// `all: initial` on the host: not even inherited page styles get in.
const STYLE = `:host{all:initial;position:fixed;inset:0;z-index:2147483647}
.backdrop{position:absolute;inset:0;overflow:auto;background:#000a;color:#e8e8e8;
font:14px/1.5 ui-monospace,Menlo,Consolas,monospace}
.panel{margin:8vh auto;max-width:min(960px,92vw);padding:18px 24px;background:#1e1f22;
border-top:6px solid #f55;border-radius:6px}
h1{margin:0;font-size:15px;color:#f77} pre{margin:8px 0;white-space:pre-wrap;font:inherit}
.loc{color:#8ab4f8} .frame{background:#111;padding:10px;white-space:pre;overflow-x:auto}
.stack,.tip{color:#999;font-size:12px} button{all:unset;float:right;cursor:pointer;font-size:18px}`;

function showOverlay(title, err) {
  hideOverlay();
  if (!customElements.get(TAG)) customElements.define(TAG, class extends HTMLElement {});
  const host = document.createElement(TAG);
  host.id = TAG;
  host.dataset.kind = title;
  const root = host.attachShadow({ mode: 'open' });
  const el = (tag, cls, text, parent) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text; // text only: error text never becomes markup
    parent.appendChild(e);
    return e;
  };
  el('style', '', STYLE, root);
  const backdrop = el('div', 'backdrop', '', root);
  const panel = el('div', 'panel', '', backdrop);
  const close = el('button', '', '\u00d7', panel);
  close.title = 'Close (Esc)';
  el('h1', '', title, panel);
  el('pre', 'message', err.message ?? String(err), panel);
  if (where(err)) el('pre', 'loc', where(err), panel);
  if (err.frame) el('pre', 'frame', err.frame, panel);
  if (err.stack) el('pre', 'stack', err.stack, panel);
  el('div', 'tip', 'Click outside, or press Esc, to close. Fix the code to dismiss it for good.', panel);
  root.addEventListener('click', (e) => { if (e.target === backdrop || e.target === close) hideOverlay(); });
  H.onKey = (e) => { if (e.key === 'Escape') hideOverlay(); };
  document.addEventListener('keydown', H.onKey);
  (document.body ?? document.documentElement).appendChild(host);
  H.overlay = host;
}

function hideOverlay() {
  if (!H.overlay) return;
  H.overlay.remove();
  H.overlay = null;
  document.removeEventListener('keydown', H.onKey);
}

// Uncaught errors and unhandled rejections of the page show the overlay too, located at
// the first frame of the stack that names a file (Chrome "at f (url:1:2)", Firefox "f@url:1:2").
function runtimeError(reason, fallback) {
  if (H.overlay?.dataset.kind === 'Build error') return; // the build error matters more
  const message = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  const stack = typeof reason?.stack === 'string' ? reason.stack : '';
  const frames = (stack.startsWith(message) ? stack.slice(message.length) : stack).trim();
  const m = frames.split('\n').map((line) => /(?:^|[\s(@])([^\s(@]+):(\d+):(\d+)\)?\s*$/.exec(line))
    .find((hit) => hit?.[1].includes('/'));
  let err = { message, stack: frames };
  const at = m ? { file: m[1], line: +m[2], column: +m[3] } : fallback;
  if (at?.file) {
    const url = new URL(at.file, location.href);
    err = { ...err, ...at, file: url.origin === location.origin ? url.pathname : url.href };
  }
  showOverlay('Runtime error', err);
}

if (!H.watching) {
  H.watching = true;
  addEventListener('pagehide', () => { H.reloading = true; }); // no reconnecting while leaving
  addEventListener('error', (e) => runtimeError(e.error ?? e.message,
    { file: e.filename, line: e.lineno, column: e.colno }));
  addEventListener('unhandledrejection', (e) => runtimeError(e.reason));
}
