// End-to-end test of the HMR client runtime (../client.js) in real headless chromium.
//   node resources/hmr/test/run.mjs      exit 0: all checks passed; 1: a check failed
// Starts server.mjs (a stand-in dev server, as a child process) and chromium, all on
// 127.0.0.1; every wait is bounded (10 s), the whole run too (180 s); chromium, the server
// and the temp profile are removed at the end, whatever happens. Node built-ins only.

import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchBrowser, sleep, waitFor } from './browser.mjs';

const RUN_LIMIT_MS = 180000;

// The app the server serves. Modules under /src get the hot-context preamble from it.
const files = {
  '/index.html': `<!doctype html>
<html><head><meta charset="utf-8"><title>helios hmr test</title>
<link rel="stylesheet" href="/theme.css">
<link rel="stylesheet" href="/late.css">
<style>pre { color: rgb(1, 2, 3) !important; }</style>
</head><body>
<div id="app"></div><div id="dep"></div><div id="custom"></div><div id="imported">imported</div>
<div id="late">late</div><div id="inbody">in body</div>
<link rel="stylesheet" href="/body.css">
<script type="module" src="/src/main.js"></script>
</body></html>`,
  '/same-port.html': '<!doctype html><html><head><title>same port</title></head><body>same port</body></html>',
  '/theme.css': 'body { color: rgb(255, 0, 0); }',
  '/body.css': '#inbody { color: rgb(0, 0, 255); }',
  // '/late.css' is not there at first: its <link> fails to load (404).
  '/src/styles.css': '#imported { color: rgb(0, 0, 255); }',
  '/src/main.js': `import '/src/widget.js';
import '/src/parent.js';
import '/src/plain.js';
import '/src/styles.css?import';
import.meta.hot.on('test:ping', (data) => {
  document.getElementById('custom').textContent = 'ping ' + data.n;
  import.meta.hot.send('test:pong', { n: data.n + 1 });
});
window.__throwLater = () => setTimeout(function thrower() { throw new Error('boom from main'); });
window.__rejectLater = () => { Promise.reject(new Error('rejected in main')); };
`,
  '/src/widget.js': widget('v1'),
  '/src/parent.js': `import { value } from '/src/dep.js';
document.getElementById('dep').textContent = 'dep ' + value;
import.meta.hot.accept('./dep.js', (mod) => {
  document.getElementById('dep').textContent = 'dep ' + mod.value + ' (accepted by parent)';
});
`,
  '/src/dep.js': 'export const value = 1;\n',
  '/src/plain.js': 'window.__plainRuns = (window.__plainRuns ?? 0) + 1;\n',
};

function widget(version) {
  return `const runs = import.meta.hot.data.runs ?? 0;
document.getElementById('app').textContent = 'widget ${version} runs=' + runs;
import.meta.hot.dispose((data) => { data.runs = runs + 1; });
import.meta.hot.accept();
window.__invalidateWidget = () => import.meta.hot.invalidate();
`;
}

// ---- the stand-in server, as a child process we can kill --------------------------

class TestServer {
  constructor() { this.events = []; this.listeners = new Set(); }

  async start(httpPort = 0, hmrPort = 0) {
    this.child = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), [String(httpPort), String(hmrPort)],
      { env: { ...process.env, HMR_TEST_FILES: JSON.stringify(files) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m) => { this.events.push(m); for (const fn of this.listeners) fn(m); });
    const ready = await this.next('the test server to listen', (m) => m.ev === 'ready');
    Object.assign(this, { httpPort: ready.httpPort, hmrPort: ready.hmrPort });
  }

  // Resolves with the first event from now on that matches.
  next(what, match, timeoutMs = 10000) {
    const waiting = new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.listeners.delete(fn); reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`)); }, timeoutMs);
      const fn = (m) => { if (match(m)) { clearTimeout(timer); this.listeners.delete(fn); resolve(m); } };
      this.listeners.add(fn);
    });
    waiting.catch(() => {}); // a wait nobody awaits any more (an earlier check failed) must not crash the run
    return waiting;
  }

  set(path, body) { files[path] = body; this.child.send({ cmd: 'set', path, body }); }
  send(msg) { this.child.send({ cmd: 'send', msg }); }

  async kill() {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await Promise.race([exited, sleep(5000)]);
  }
}

// ---- checks -----------------------------------------------------------------------

let passed = 0;
function check(name, ok, detail = '') {
  if (!ok) throw new Error(`check failed: ${name}${detail ? `\n  ${detail}` : ''}`);
  passed++;
  console.log(`ok ${passed} - ${name}`);
}

const server = new TestServer();
let browser;

async function main() {
  await server.start();
  browser = await launchBrowser();
  const page = (expr) => browser.eval(expr);
  const text = (id) => `document.getElementById(${JSON.stringify(id)})?.textContent`;
  const color = (selector) => `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).color`;
  const overlayText = 'document.getElementById("helios-error-overlay")?.shadowRoot?.querySelector(".panel")?.textContent ?? null';
  const hasMarker = async () => (await page('window.__marker')) === 1;
  const setMarker = () => page('window.__marker = 1');
  const origin = `http://127.0.0.1:${server.httpPort}`;
  let ts = Date.now();

  // Loads (or reloads) and waits until the client's socket is open and the app ran.
  const connected = (what) => server.next(`${what}: the client's WebSocket`, (m) => m.ev === 'ws-open');
  const appReady = () => waitFor('the app to render', async () => /^widget v\d runs=\d$/.test(await page(text('app')) ?? ''));

  // 1. The client connects, over the separate port the page's script URL names.
  {
    const open = connected('first load');
    await browser.page('Page.navigate', { url: `${origin}/` });
    const m = await open;
    check('the client connects to the HMR port given by ?hmrPort', m.via === 'hmrPort', JSON.stringify(m));
    await waitFor('"[helios] connected" in the console', () => browser.console.includes('[helios] connected'));
    check('the client logs "[helios] connected"', true);
    await appReady();
    check('the self-accepting module ran once', (await page(text('app'))) === 'widget v1 runs=0');
  }

  // 2. A css-update of a <link> swaps the sheet without a reload, old one removed after.
  {
    await setMarker();
    check('the linked stylesheet applies before the update', (await page(color('body'))) === 'rgb(255, 0, 0)');
    // Records the body colour at the moment the old <link> leaves: a flash would show there.
    await page(`window.__atRemoval = []; new MutationObserver((records) => {
      for (const r of records) for (const n of r.removedNodes) if (n.tagName === 'LINK')
        window.__atRemoval.push(getComputedStyle(document.body).color);
    }).observe(document.head, { childList: true })`);
    server.set('/theme.css', 'body { color: rgb(0, 128, 0); }');
    server.send({ type: 'update', updates: [{ type: 'css-update', path: '/theme.css', timestamp: ++ts }] });
    await waitFor('body colour to turn green', async () => (await page(color('body'))) === 'rgb(0, 128, 0)');
    check('css-update of a <link> changes the computed colour', true);
    check('... without reloading the page', await hasMarker());
    const links = await page('[...document.querySelectorAll("link[href*=\'/theme.css\']")].map((l) => l.href)');
    check('... leaving exactly one <link>, with the timestamp', links.length === 1 && links[0].includes(`t=${ts}`), JSON.stringify(links));
    const atRemoval = await page('window.__atRemoval');
    check('... and the old sheet removed only once the new one applied', atRemoval.length === 1 && atRemoval[0] === 'rgb(0, 128, 0)', JSON.stringify(atRemoval));
  }

  // 2b. A <link> in <body> is swapped too, and one whose first load failed (a 404
  // before its file existed) loads once the file is there.
  {
    check('the <body> link applies', (await page(color('#inbody'))) === 'rgb(0, 0, 255)');
    server.set('/body.css', '#inbody { color: rgb(0, 128, 0); }');
    server.send({ type: 'update', updates: [{ type: 'css-update', path: '/body.css', timestamp: ++ts }] });
    await waitFor('#inbody to turn green', async () => (await page(color('#inbody'))) === 'rgb(0, 128, 0)');
    check('css-update of a <link> in <body> changes the computed colour', await hasMarker());

    const before = await page(color('#late'));
    server.set('/late.css', '#late { color: rgb(128, 0, 128); }');
    server.send({ type: 'update', updates: [{ type: 'css-update', path: '/late.css', timestamp: ++ts }] });
    await waitFor('#late to turn purple', async () => (await page(color('#late'))) === 'rgb(128, 0, 128)');
    check('css-update of a <link> that failed to load applies the new file', before !== 'rgb(128, 0, 128)' && await hasMarker(), before);
  }

  // 3. A css-update of CSS a module imported re-imports it (updateStyle).
  {
    check('the imported stylesheet applies', (await page(color('#imported'))) === 'rgb(0, 0, 255)');
    server.set('/src/styles.css', '#imported { color: rgb(255, 165, 0); }');
    server.send({ type: 'update', updates: [{ type: 'css-update', path: '/src/styles.css', timestamp: ++ts }] });
    await waitFor('#imported to turn orange', async () => (await page(color('#imported'))) === 'rgb(255, 165, 0)');
    check('css-update of an imported stylesheet re-imports it', true);
    check('... without reloading the page', await hasMarker());
    check('... still in one <style>', (await page('document.querySelectorAll("style[data-helios-id]").length')) === 1);
  }

  // 4. A js-update of a self-accepting module re-runs it; dispose() data carries over.
  {
    server.set('/src/widget.js', widget('v2'));
    server.send({ type: 'update', updates: [{ type: 'js-update', path: '/src/widget.js', acceptedPath: '/src/widget.js', timestamp: ++ts }] });
    await waitFor('the widget text to change', async () => (await page(text('app'))) !== 'widget v1 runs=0');
    check('js-update re-runs a self-accepting module, dispose data kept', (await page(text('app'))) === 'widget v2 runs=1', await page(text('app')));
    check('... without reloading the page', await hasMarker());
  }

  // 5. accept(dep, cb): the parent's callback gets the new dependency module.
  {
    check('the dependency rendered', (await page(text('dep'))) === 'dep 1');
    server.set('/src/dep.js', 'export const value = 2;\n');
    server.send({ type: 'update', updates: [{ type: 'js-update', path: '/src/parent.js', acceptedPath: '/src/dep.js', timestamp: ++ts }] });
    await waitFor('the parent to accept the new dep', async () => (await page(text('dep'))) === 'dep 2 (accepted by parent)');
    check('accept(dep, cb) gets the re-imported dependency', true);
    check('... without reloading the page', await hasMarker());
  }

  // 6. Custom events, both ways.
  {
    const pong = server.next('test:pong from the page', (m) => m.ev === 'ws-message' && m.data.event === 'test:pong');
    server.send({ type: 'custom', event: 'test:ping', data: { n: 41 } });
    await waitFor('the page to handle test:ping', async () => (await page(text('custom'))) === 'ping 41');
    check('hot.on() receives a custom event', true);
    const m = await pong;
    check('hot.send() reaches the server as a custom message', m.data.type === 'custom' && m.data.data?.n === 42, JSON.stringify(m.data));
  }

  // 6b. The React refresh hooks delegate to window.__HELIOS_REACT_REFRESH__ when present.
  {
    const r = await page(`(async () => {
      const client = await import('/@helios/client.js');
      const calls = [];
      const before = client.performRefresh();
      window.__HELIOS_REACT_REFRESH__ = {
        register: (type, id) => calls.push('register ' + type.name + ' ' + id),
        performReactRefresh: () => { calls.push('refresh'); return 'refreshed'; },
      };
      client.registerComponent(function App() {}, '/src/App.tsx App');
      const result = client.performRefresh();
      delete window.__HELIOS_REACT_REFRESH__;
      return { before: before ?? null, calls, result };
    })()`);
    check('registerComponent/performRefresh delegate to window.__HELIOS_REACT_REFRESH__',
      r.before === null && r.result === 'refreshed' && r.calls.join() === 'register App /src/App.tsx App,refresh', JSON.stringify(r));
  }

  // 7. An error message shows the overlay; the next update clears it.
  {
    server.send({ type: 'error', err: { message: 'Expected ";" but found "}"', file: 'src/App.tsx', line: 3, column: 14,
      frame: '  2 | const a = 1\n> 3 | const b = {;\n    |              ^\n' } });
    const shown = await waitFor('the error overlay', () => page(overlayText));
    check('an error message shows the overlay with file:line:column', shown.includes('src/App.tsx:3:14') && shown.includes('Expected ";"'), shown);
    const frame = await page('document.getElementById("helios-error-overlay").shadowRoot.querySelector("pre.frame")?.textContent');
    check('... and the code frame in a <pre>', frame?.includes('> 3 | const b = {;'), frame);
    const preColor = await page('getComputedStyle(document.getElementById("helios-error-overlay").shadowRoot.querySelector("pre")).color');
    check('... which the page\'s CSS cannot reach', preColor !== 'rgb(1, 2, 3)', preColor);
    server.send({ type: 'update', updates: [] });
    await waitFor('the overlay to go away', async () => (await page(overlayText)) === null);
    check('the next update clears the overlay', await hasMarker());
  }

  // 8. Runtime errors and unhandled rejections show it too; Escape and a click close it.
  {
    await page('window.__throwLater()');
    const shown = await waitFor('the runtime error overlay', () => page(overlayText));
    check('an uncaught error shows the overlay at its stack location', shown.includes('boom from main') && /\/src\/main\.js:\d+:\d+/.test(shown), shown);
    await browser.page('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27 });
    await browser.page('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27 });
    await waitFor('Escape to close the overlay', async () => (await page(overlayText)) === null);
    check('Escape closes the overlay', true);
    await page('window.__rejectLater()');
    const rejected = await waitFor('the rejection overlay', () => page(overlayText));
    check('an unhandled rejection shows the overlay at its stack location', rejected.includes('rejected in main') && /\/src\/main\.js:\d+:\d+/.test(rejected), rejected);
    for (const type of ['mousePressed', 'mouseReleased']) {
      await browser.page('Input.dispatchMouseEvent', { type, x: 4, y: 4, button: 'left', clickCount: 1 });
    }
    await waitFor('a click to close the overlay', async () => (await page(overlayText)) === null);
    check('a click outside the panel closes the overlay', await hasMarker());
  }

  // 9. A js-update nobody accepts reloads the page.
  {
    const open = connected('reload after an unaccepted update');
    server.send({ type: 'update', updates: [{ type: 'js-update', path: '/src/plain.js', acceptedPath: '/src/plain.js', timestamp: ++ts }] });
    await waitFor('the page to reload', async () => !(await hasMarker()));
    check('a js-update nobody accepts reloads the page', true);
    await open;
    await appReady();
    check('... and the reloaded page connects again', browser.console.some((l) => l.startsWith('[helios] full reload')));
  }

  // 10. hot.invalidate() tells the server, then reloads.
  {
    await setMarker();
    const open = connected('reload after invalidate()');
    const told = server.next('helios:invalidate', (m) => m.ev === 'ws-message' && m.data.event === 'helios:invalidate');
    await page('window.__invalidateWidget()');
    const m = await told;
    check('invalidate() sends helios:invalidate with the module path', m.data.data?.path === '/src/widget.js', JSON.stringify(m.data));
    await waitFor('the page to reload', async () => !(await hasMarker()));
    check('... then reloads the page', true);
    await open;
    await appReady();
  }

  // 11. full-reload: for another page it is ignored, otherwise the page reloads.
  {
    await setMarker();
    const open = connected('reload after full-reload');
    server.send({ type: 'full-reload', path: '/other.html' });
    server.send({ type: 'full-reload', path: '/src/x.js' });
    await waitFor('the page to reload', async () => !(await hasMarker()));
    const lines = browser.console.filter((l) => l.startsWith('[helios] full reload'));
    check('full-reload reloads, and skips another HTML page', lines.at(-1) === '[helios] full reload (/src/x.js)' && !lines.some((l) => l.includes('other.html')), JSON.stringify(lines));
    await open;
    await appReady();
  }

  // 12. The server dies and comes back: the client retries, then reloads.
  {
    await setMarker();
    const { httpPort, hmrPort } = server;
    await server.kill();
    await waitFor('"[helios] connection lost"', () => browser.console.includes('[helios] connection lost, reconnecting'));
    await sleep(1500); // a few retries fail meanwhile
    check('while the server is down the page stays as it is', await hasMarker());
    const opensBefore = server.events.filter((e) => e.ev === 'ws-open').length;
    const reconnected = connected('reconnect after a server restart');
    await server.start(httpPort, hmrPort);
    const m = await reconnected;
    check('the client reconnects to the restarted server', m.via === 'hmrPort');
    await waitFor('the page to reload', async () => !(await hasMarker()));
    check('... and reloads the page', browser.console.includes('[helios] server is back, reloading'));
    // Two sockets: the old page's (which reloads) and the reloaded page's.
    await waitFor('the reloaded page to connect', () => server.events.filter((e) => e.ev === 'ws-open').length >= opensBefore + 2);
    await appReady();
  }

  // 13. Without ?hmrPort the client uses the page's own port, path /@hmr.
  {
    const open = connected('same-port page');
    await browser.page('Page.navigate', { url: `${origin}/same-port.html` });
    const m = await open;
    check('without ?hmrPort the client connects to /@hmr on the page\'s port', m.via === '/@hmr', JSON.stringify(m));
  }

  const stray = browser.exceptions.filter((e) => !/boom from main|rejected in main/.test(e));
  check('no unexpected exceptions in the page', stray.length === 0, stray.join('\n'));
}

const limit = setTimeout(() => {
  console.error(`not ok - the run took more than ${RUN_LIMIT_MS / 1000} s`);
  finish(1);
}, RUN_LIMIT_MS);

let finishing = false;
async function finish(code) {
  if (finishing) return;
  finishing = true;
  clearTimeout(limit);
  await Promise.race([Promise.allSettled([browser?.close(), server.kill()]), sleep(10000)]);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(130));
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (err) => { console.error(`not ok - ${event}: ${err?.stack ?? err}`); finish(1); });
}

main().then(() => {
  console.log(`all ${passed} checks passed`);
  return finish(0);
}, (err) => {
  console.error(`not ok - ${err.message}`);
  if (browser) console.error(`page console (last 20 lines):\n  ${browser.console.slice(-20).join('\n  ')}`);
  return finish(1);
});
