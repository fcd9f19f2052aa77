// SPDX-License-Identifier: Apache-2.0
// Driver of bench/hmr/run: one dev server (helios dev or vite) and Debian's headless
// chromium over the DevTools protocol (resources/hmr/test/browser.mjs), on a project made
// by bench/build/generate.mjs. Samples go to stdout as "name value" lines, progress and
// errors to stderr; the run script takes the medians and prints the tables.
//
//   node measure.mjs prepare-vite PROJECT      the Vite page: vite.html, src/vite-main.tsx,
//                                               src/tokens.css (the :root variables helios
//                                               serves at /tokens.css, from the same tokens)
//   node measure.mjs cold  TOOL PROJECT N       one cold start: fresh server process, fresh
//                                               browser profile, the tool's cache deleted
//   node measure.mjs edits TOOL PROJECT N       one server and page: EDITS component edits,
//                                               then EDITS token edits, each after a sample
//                                               of each restyle floor
//   TOOL is helios or vite.
//
// Environment: HELIOS (the binary), EDITS=20, WORK (where helios's data dir goes),
// COLD_TIMEOUT=240 and EDIT_TIMEOUT=30 (seconds per wait), RUN_LIMIT=900 (seconds for
// the whole invocation), BROWSER_SETTLE=3 (seconds between chromium's start and the
// server's spawn). Every wait is bounded; the server (its process group) and
// chromium are killed by pid at the end whatever happens, also on SIGTERM/SIGINT.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const { launchBrowser, waitFor, sleep } = await import(path.join(root, 'resources/hmr/test/browser.mjs'));

const EDITS = Number(process.env.EDITS ?? 20);
const COLD_TIMEOUT = Number(process.env.COLD_TIMEOUT ?? 240) * 1000;
const EDIT_TIMEOUT = Number(process.env.EDIT_TIMEOUT ?? 30) * 1000;
const RUN_LIMIT = Number(process.env.RUN_LIMIT ?? 900) * 1000;
const BROWSER_SETTLE = Number(process.env.BROWSER_SETTLE ?? 3) * 1000;

const log = (text) => process.stderr.write(`  ${text}\n`);
const sample = (name, value) => process.stdout.write(`${name} ${value}\n`);
const widget = (i) => `Widget${String(i).padStart(4, '0')}`;
// Wall-clock milliseconds with a fraction, as the page reads them too
// (performance.timeOrigin + performance.now()): edits are timed across the two processes
// finer than Date.now()'s whole milliseconds, whose rounding moved a p50 by up to 1 ms.
const now = () => performance.timeOrigin + performance.now();

// ---- the token CSS Vite gets: the same :root variables as helios's /tokens.css --------

function tokensCss(tokens) {
  const lines = [];
  const walk = (node, names) => {
    if (node && typeof node === 'object' && '$value' in node) {
      lines.push(`  --${names.join('-')}: ${node.$value};`);
      return;
    }
    for (const [key, child] of Object.entries(node)) if (!key.startsWith('$')) walk(child, [...names, key]);
  };
  walk(tokens, []);
  return `:root {\n${lines.join('\n')}\n}\n`;
}

function prepareVite(project) {
  const tokens = JSON.parse(readFileSync(path.join(project, 'tokens/base.tokens.json'), 'utf8'));
  writeFileSync(path.join(project, 'src/tokens.css'), tokensCss(tokens));
  writeFileSync(path.join(project, 'src/vite-main.tsx'), 'import "./tokens.css";\nimport "./main.tsx";\n');
  const html = readFileSync(path.join(project, 'index.html'), 'utf8')
    .replace(/\s*<link rel="stylesheet" href="\/tokens.css" \/>/, '')
    .replace('/src/main.tsx', '/src/vite-main.tsx');
  if (!html.includes('/src/vite-main.tsx')) throw new Error('index.html has no /src/main.tsx script to replace');
  writeFileSync(path.join(project, 'vite.html'), html);
}

// ---- servers ----------------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

let server; // { proc, output }
let browser;

// Spawns the server (its own process group) and waits for its address. Returns the page
// URL, the spawn time and when the address appeared (both Date.now()).
async function startServer(tool, project, runTag) {
  let cmd, args, env = { ...process.env }, pattern, page;
  if (tool === 'helios') {
    if (!process.env.HELIOS) throw new Error('set HELIOS to the helios binary');
    cmd = process.env.HELIOS;
    args = ['dev', project, '--port', '0', '--hmr-port', '0'];
    env.HELIOS_DATA_DIR = path.join(process.env.WORK ?? path.dirname(project), `helios-data-${runTag}`);
    rmSync(env.HELIOS_DATA_DIR, { recursive: true, force: true });
    pattern = /helios dev: (http:\/\/127\.0\.0\.1:\d+\/)/;
    page = '';
  } else {
    cmd = path.join(here, 'node_modules/.bin/vite');
    args = ['--config', path.join(here, 'vite.config.mjs'), '--port', String(await freePort()), '--strictPort'];
    env.PROJECT = project;
    env.NO_COLOR = '1';
    pattern = /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/;
    page = 'vite.html';
  }
  const started = Date.now();
  const proc = spawn(cmd, args, { cwd: project, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server = { proc, output: '' };
  const collect = (text) => { server.output = (server.output + text).slice(-100000); };
  proc.stdout.setEncoding('utf8');
  proc.stderr.setEncoding('utf8');
  proc.stdout.on('data', collect);
  proc.stderr.on('data', collect);
  proc.on('error', (err) => collect(`\n[spawn error: ${err.message}]\n`));
  // eslint-disable-next-line no-control-regex
  const plain = () => server.output.replace(/\x1b\[[0-9;]*m/g, '');
  const base = await waitFor(`${tool} to print its address`, () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return { exited: proc.exitCode ?? proc.signalCode };
    return pattern.exec(plain())?.[1];
  }, 60000).catch((err) => { throw new Error(`${err.message}\n${plain().slice(-2000)}`); });
  if (typeof base !== 'string') throw new Error(`${tool} exited (${base.exited}) before serving:\n${plain().slice(-2000)}`);
  const up = Date.now();
  const ready = /ready in\s+(\d+(?:\.\d+)?)\s*ms/.exec(plain());
  return { url: base + page, started, up, selfMs: ready ? Number(ready[1]) : null };
}

async function stopServer() {
  if (!server) return;
  const { proc, output } = server;
  server = undefined;
  const gone = () => proc.exitCode !== null || proc.signalCode !== null;
  if (!gone()) {
    try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* gone */ }
    await Promise.race([new Promise((resolve) => proc.once('exit', resolve)), sleep(5000)]);
  }
  try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* the group is gone already */ }
  // What the server printed (its last 100 kB), for a look at its own timings.
  if (process.env.SERVER_LOG) appendFileSync(process.env.SERVER_LOG, output);
}

async function cleanup() {
  const b = browser;
  browser = undefined;
  await Promise.allSettled([stopServer(), b ? b.close() : Promise.resolve()]);
}

let stopping = false;
async function stop(code, why) {
  if (stopping) return;
  stopping = true;
  if (why) process.stderr.write(`bench/hmr measure: ${why}\n`);
  await cleanup();
  process.exit(code);
}
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => stop(1, `stopped by ${signal}`));
setTimeout(() => stop(1, `the run limit of ${RUN_LIMIT / 1000} s passed`), RUN_LIMIT).unref();

// ---- the page ---------------------------------------------------------------------------

// browser.eval with a timeout of our own: browser.page() allows 10 s per DevTools call,
// too little for a navigation whose first response compiles thousands of modules, or for
// a restyle of thousands of elements on a busy machine.
async function evaluate(expression, timeoutMs = EDIT_TIMEOUT) {
  const r = await browser.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true },
    browser.sessionId, timeoutMs);
  if (r.exceptionDetails) throw new Error(`page threw: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value;
}

// Installed before any page script, in every document of the tab: counts page loads in
// sessionStorage (the profile is fresh per browser) and records Date.now() when the last
// component is in the DOM.
const firstRenderScript = (last) => `(() => {
  try { sessionStorage.__benchLoads = String(Number(sessionStorage.__benchLoads || 0) + 1); } catch {}
  window.__benchFirst = 0;
  const probe = () => {
    if (!window.__benchFirst && document.querySelector('[aria-label="${last}"]')) {
      window.__benchFirst = Date.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(probe);
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function openPage(tool, project, count, runTag) {
  browser = await launchBrowser();
  // Chromium's own start-up work goes on for a second or two after it answers (it loads
  // its top-chrome WebUI, the omnibox popup, in a renderer of its own): measured from the
  // server's spawn, it took 0.3-0.5 s of CPU from the cold start on these two cores. A
  // user's browser is running already; so is this one before the server starts.
  await sleep(BROWSER_SETTLE);
  await browser.page('Page.addScriptToEvaluateOnNewDocument', { source: firstRenderScript(widget(count - 1)) });
  const srv = await startServer(tool, project, runTag);
  await browser.send('Page.navigate', { url: srv.url }, browser.sessionId, COLD_TIMEOUT);
  const first = await waitFor(`the page to show ${widget(count - 1)}`, () => browser.eval('window.__benchFirst'), COLD_TIMEOUT)
    .catch((err) => { throw new Error(`${err.message}; page console: ${browser.console.slice(-5).join(' | ')}; exceptions: ${browser.exceptions.slice(-3).join(' | ')}`); });
  const loads = Number(await evaluate('sessionStorage.__benchLoads'));
  return { ...srv, first, loads };
}

async function cold(tool, project, count, run) {
  rmSync(path.join(project, tool === 'helios' ? '.helios' : '.vite'), { recursive: true, force: true });
  const page = await openPage(tool, project, count, `cold-${run}`);
  sample('cold_ms', page.first - page.started);
  sample('up_ms', page.up - page.started);
  if (page.selfMs !== null) sample('self_ms', page.selfMs);
  sample('cold_loads', page.loads);
  log(`${tool} cold: first render ${page.first - page.started} ms, address after ${page.up - page.started} ms` +
    `${page.selfMs !== null ? `, says ready in ${page.selfMs} ms` : ''}, ${page.loads} page load(s)`);
}

// Sent before an edit, once the page's detector is armed: one DevTools call that waits in
// the page for the detector's promise (window[key + 'Done']), so that nothing of the
// driver's reaches the browser while the edit is under way. (A first probe sent right
// after the write reached the page in the same milliseconds as the update, on the core
// the server and the browser's network process needed.) The second call is answered after
// the first is in the page: calls of one session run in order. Returns { answer }, the
// first call's (a promise inside an object, for an async function would wait for it).
async function armHit(key) {
  const answer = browser.send('Runtime.evaluate', { expression: `window.${key}Done`, returnByValue: true, awaitPromise: true },
    browser.sessionId, EDIT_TIMEOUT);
  await evaluate('0');
  return { answer };
}

// Waits for the armed detector's time; if the page reloaded meanwhile (its promise went
// with it, or the marker is gone), polls `probe` from Node. Returns { at, reloaded }.
async function awaitHit(what, key, probe, armed) {
  const answer = await armed.answer.catch(() => null);
  if (answer && !answer.exceptionDetails && answer.result.value) return { at: answer.result.value, reloaded: false };
  let reloaded = false;
  const at = await waitFor(what, async () => {
    const state = await browser.eval(`({ marker: window.__benchMarker, hit: window.${key} })`);
    if (state.marker !== 'kept') {
      reloaded = true;
      return (await browser.eval(probe)) ? Date.now() : 0;
    }
    return state.hit;
  }, EDIT_TIMEOUT);
  if (reloaded) {
    await evaluate("window.__benchMarker = 'kept'");
  }
  return { at, reloaded };
}

async function edits(tool, project, count) {
  const page = await openPage(tool, project, count, 'edits');
  await evaluate("window.__benchMarker = 'kept'");
  await sleep(1000); // let the first load's late work (pre-bundling, watchers) settle

  // 1. TSX edits: a new label string in one component; the page's MutationObserver
  // records when the DOM shows it.
  const target = widget(Math.min(500, Math.floor(count / 2)));
  const file = path.join(project, `src/components/${target}/${target}.tsx`);
  const original = readFileSync(file, 'utf8');
  if (!original.includes('"even"') || !original.includes('"odd"')) throw new Error(`${file}: no "even"/"odd" labels to edit`);
  let reloads = 0;
  for (let i = 0; i < EDITS; ++i) {
    const tag = `edit${i}r${Math.random().toString(36).slice(2, 8)}`;
    const selector = JSON.stringify(`[aria-label="${target}"]`);
    await evaluate(`(() => {
      window.__benchHit = 0;
      let done;
      window.__benchHitDone = new Promise((resolve) => { done = resolve; });
      const probe = () => {
        const el = document.querySelector(${selector});
        if (el && el.textContent.includes(${JSON.stringify(tag)})) { window.__benchHit = performance.timeOrigin + performance.now(); observer.disconnect(); done(window.__benchHit); }
      };
      const observer = new MutationObserver(probe);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    })()`);
    const armed = await armHit('__benchHit');
    const start = now();
    writeFileSync(file, original.replace('"even"', `"${tag}"`).replace('"odd"', `"${tag}"`));
    const hit = await awaitHit(`the DOM to show ${tag}`, '__benchHit',
      `(document.querySelector(${selector})?.textContent ?? '').includes(${JSON.stringify(tag)})`, armed);
    sample('tsx_ms', (hit.at - start).toFixed(2));
    if (hit.reloaded) { ++reloads; log(`${tool}: TSX edit ${i} reloaded the page`); }
    await sleep(300);
  }
  sample('tsx_reloads', reloads);
  writeFileSync(file, original);
  await sleep(1000);

  // 2. Token edits: a new value of color.c0 (helios: the token file; Vite: src/tokens.css);
  // a message-loop poll in the page records when the computed background changes. Before
  // each, one sample of each of the browser's own restyle floors on the page as it is
  // then (the value is put back after each):
  //   floor_ms        the variable set inline on document.documentElement.style;
  //   sheet_floor_ms  the variable set in the stylesheet rule that declares it for the
  //                   root (through the CSSOM): the change a token edit is. A stylesheet
  //                   change costs the browser ~5% more than an inline one (as we read
  //                   it, a sheet change drops its cache of matched declarations).
  // Taken in turn with the edits, the floors see the same page state (garbage, caches)
  // and the same machine load as the edit after them.
  const tokenFile = path.join(project, tool === 'helios' ? 'tokens/base.tokens.json' : 'src/tokens.css');
  const tokens = JSON.parse(readFileSync(path.join(project, 'tokens/base.tokens.json'), 'utf8'));
  const floorIn = (where, value) => `(() => {
    const el = document.querySelector('[aria-label="Widget0000"]');
    const root = document.documentElement;
    let decl = root.style;
    if (${JSON.stringify(where)} === 'sheet') {
      decl = null;
      for (const sheet of document.styleSheets) {
        let rules = [];
        try { rules = sheet.cssRules; } catch { /* another origin's sheet */ }
        for (const rule of rules) {
          if (rule instanceof CSSStyleRule && rule.style.getPropertyValue('--color-c0') && root.matches(rule.selectorText)) decl = rule.style;
        }
      }
      if (!decl) throw new Error('no stylesheet rule declares --color-c0 for the root');
    }
    const before = decl.getPropertyValue('--color-c0');
    getComputedStyle(el).backgroundColor;
    const start = performance.now();
    decl.setProperty('--color-c0', ${JSON.stringify(value)});
    const got = getComputedStyle(el).backgroundColor;
    const ms = performance.now() - start;
    if (before) decl.setProperty('--color-c0', before); else decl.removeProperty('--color-c0');
    getComputedStyle(el).backgroundColor;
    if (got !== ${JSON.stringify(value)}) throw new Error('variable not applied: ' + got);
    return ms;
  })()`;
  reloads = 0;
  for (let i = 0; i < EDITS; ++i) {
    const green = (i % 250) + 1;
    const hex = `#10${green.toString(16).padStart(2, '0')}20`;
    const expected = `rgb(16, ${green}, 32)`;
    tokens.color.c0.$value = hex;
    const text = tool === 'helios' ? JSON.stringify(tokens, null, 2) + '\n' : tokensCss(tokens);
    const floorValue = `rgb(${200 + (i % 50)}, 3, 5)`;
    // Which floor goes first alternates, so neither always follows the other's restore.
    for (const where of i % 2 ? ['sheet', 'inline'] : ['inline', 'sheet']) {
      const ms = await evaluate(floorIn(where, floorValue));
      sample(where === 'sheet' ? 'sheet_floor_ms' : 'floor_ms', ms.toFixed(3));
      await sleep(150);
    }
    await sleep(150);
    await evaluate(`(() => {
      window.__benchTok = 0;
      let done;
      window.__benchTokDone = new Promise((resolve) => { done = resolve; });
      const el = document.querySelector('[aria-label="Widget0000"]');
      const channel = new MessageChannel();
      const end = Date.now() + ${EDIT_TIMEOUT};
      channel.port1.onmessage = () => {
        if (getComputedStyle(el).backgroundColor === ${JSON.stringify(expected)}) { window.__benchTok = performance.timeOrigin + performance.now(); channel.port1.close(); done(window.__benchTok); return; }
        if (Date.now() < end) channel.port2.postMessage(0);
      };
      channel.port2.postMessage(0);
    })()`);
    const armed = await armHit('__benchTok');
    const start = now();
    writeFileSync(tokenFile, text);
    const hit = await awaitHit(`the computed colour ${expected}`, '__benchTok',
      `getComputedStyle(document.querySelector('[aria-label="Widget0000"]')).backgroundColor === ${JSON.stringify(expected)}`, armed);
    sample('token_ms', (hit.at - start).toFixed(2));
    if (hit.reloaded) { ++reloads; log(`${tool}: token edit ${i} reloaded the page`); }
    await sleep(300);
  }
  sample('token_reloads', reloads);
  if (browser.exceptions.length) log(`${tool}: page exceptions: ${browser.exceptions.slice(-3).join(' | ')}`);
}

// ---- main -------------------------------------------------------------------------------

const [mode, ...rest] = process.argv.slice(2);
try {
  if (mode === 'prepare-vite' && rest.length === 1) {
    prepareVite(path.resolve(rest[0]));
  } else if ((mode === 'cold' || mode === 'edits') && rest.length >= 3 && ['helios', 'vite'].includes(rest[0])) {
    const [tool, project, countText, run = '0'] = rest;
    const count = Number(countText);
    if (!Number.isInteger(count) || count < 2) throw new Error(`bad component count: ${countText}`);
    if (!existsSync(path.join(project, 'src/main.tsx'))) throw new Error(`${project}: not a generated project`);
    if (mode === 'cold') await cold(tool, path.resolve(project), count, run);
    else await edits(tool, path.resolve(project), count);
  } else {
    console.error('usage: node measure.mjs prepare-vite PROJECT | cold TOOL PROJECT N [RUN] | edits TOOL PROJECT N');
    process.exitCode = 2;
  }
} catch (err) {
  process.stderr.write(`bench/hmr measure: ${err.stack ?? err.message}\n`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
process.exit(process.exitCode ?? 0);
