// SPDX-License-Identifier: Apache-2.0
// `helios dev` in Debian's headless chromium, over the DevTools protocol: a component
// edit shows new text without a reload and keeps the component's state (React Refresh),
// unless it changed the component's hooks,
// a CSS module edit and a token edit change computed styles without a reload, a syntax
// error shows the overlay with its location, and the fix clears it. The page is bundled:
// a handful of requests however many modules it has (React's files in the bundle), hot
// updates module by module, and a token edit patches the token sheet without fetching
// it. Then two restarts: a page whose first load does not compile (ES modules, the
// overlay, the fix), and one with an ES module package (pre-bundled packages).
//
//   node tests/browser/dev_server_hmr.mjs path/to/helios
//
// Everything listens on 127.0.0.1, every wait is bounded, and the dev server and chromium
// are stopped by their pids whatever happens. Exit 0 when every check passed.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { launchBrowser, waitFor, sleep } = await import(path.join(here, '../../resources/hmr/test/browser.mjs'));

const helios = process.argv[2];
if (!helios) {
  console.error('usage: node dev_server_hmr.mjs path/to/helios');
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'helios-dev-hmr-'));
const project = path.join(work, 'app');
const write = (file, text) => {
  mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  writeFileSync(path.join(project, file), text);
};

const tokens = (brand, accent) => JSON.stringify({
  color: { $type: 'color', brand: { $value: brand }, ...(accent ? { accent: { $value: accent } } : {}) },
});
write('helios.json', JSON.stringify({
  name: 'hmr-app', tokens: 'tokens/tokens.config.json',
  build: { entries: [{ name: 'app', entry: 'src/main.tsx', html: 'index.html' }] },
}));
write('index.html', '<!doctype html><html><head><link rel="stylesheet" href="/tokens.css"></head>' +
  '<body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>');
write('tokens/tokens.config.json', JSON.stringify({
  source: ['base.tokens.json'], platforms: { css: { format: 'css', destination: 'out.css' } },
}));
write('tokens/base.tokens.json', tokens('#ff0000'));
// Forty more modules (twenty components, each with a CSS module): the bundled page
// still costs the same few requests.
const EXTRA = 20;
const extras = Array.from({ length: EXTRA }, (_, i) => `Extra${i}`);
for (const name of extras) {
  write(`src/extra/${name}.tsx`, `import styles from './${name}.module.css';\n` +
    `export function ${name}() { return <i className={styles.extra}>${name}</i>; }\n`);
  write(`src/extra/${name}.module.css`, `.extra { font-style: normal; }\n`);
}
// A module that takes its dependency's updates (accept(deps, callback)) without running again.
write('src/version.ts', 'export const version = 1;\n');
write('src/versionHost.ts', "import { version } from './version';\n" +
  'document.body.dataset.version = String(version);\n' +
  'document.body.dataset.hostRuns = String(Number(document.body.dataset.hostRuns ?? 0) + 1);\n' +
  "import.meta.hot?.accept('./version', (next) => { document.body.dataset.version = String(next?.version); });\n");
write('src/main.tsx', "import { createRoot } from 'react-dom/client';\nimport { Counter } from './Counter';\nimport './versionHost';\n" +
  extras.map((n) => `import { ${n} } from './extra/${n}';\n`).join('') +
  `createRoot(document.getElementById('root')!).render(<><Counter />${extras.map((n) => `<${n} />`).join('')}</>);\n`);
const counter = (label) => "import { useState } from 'react';\nimport styles from './Counter.module.css';\n\n" +
  'export function Counter() {\n  const [count, setCount] = useState(0);\n' +
  `  return <button id="counter" className={styles.counter} onClick={() => setCount((c) => c + 1)}>${label}: {count}</button>;\n}\n`;
write('src/Counter.tsx', counter('Count'));
const counterCss = (weight) => `.counter { color: var(--color-brand); font-weight: ${weight}; }\n`;
write('src/Counter.module.css', counterCss(400));

let server;
let browser;
const checks = [];
const check = (what) => { checks.push(what); console.log(`ok - ${what}`); };

// Starts `helios dev` on the project; returns its page's URL.
async function startServer() {
  server = spawn(helios, ['dev', project, '--port', '0', '--hmr-port', '0'], {
    env: { ...process.env, HELIOS_DATA_DIR: path.join(work, 'data') }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.setEncoding('utf8');
  server.stderr.setEncoding('utf8');
  server.stdout.on('data', (t) => { output += t; });
  server.stderr.on('data', (t) => { output += t; });
  return waitFor('helios dev to print its address', () => /helios dev: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1], 30000);
}

async function stopServer() {
  if (!server || server.exitCode !== null) return;
  server.kill('SIGTERM');
  await Promise.race([new Promise((resolve) => server.once('exit', resolve)), sleep(5000)]);
  if (server.exitCode === null) server.kill('SIGKILL');
}

try {
  const url = await startServer();

  browser = await launchBrowser();
  await browser.page('Page.navigate', { url });
  const text = () => browser.eval("document.getElementById('counter')?.textContent ?? ''");
  await waitFor('the counter to render', async () => (await text()) === 'Count: 0', 30000);
  check('the page renders through the dev server');

  // The cold page: its modules come from one bundle, not one request each.
  const requests = await browser.eval("performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)");
  const fromSrc = requests.filter((p) => p.startsWith('/src/'));
  if (fromSrc.length) throw new Error(`the bundled page fetched modules one by one: ${fromSrc.join(' ')}`);
  if (!requests.includes('/@helios-bundle.js') || !requests.includes('/@helios-bundle.css')) {
    throw new Error(`the page did not load the bundle: ${requests.join(' ')}`);
  }
  // client, bundle, its stylesheet and the tokens: React's files are in the bundle too
  const deps = requests.filter((p) => p.startsWith('/@deps/'));
  if (deps.length) throw new Error(`the bundled page fetched packages on their own: ${deps.join(' ')}`);
  if (requests.length > 8) throw new Error(`${requests.length} requests for ${2 * EXTRA + 6} modules: ${requests.join(' ')}`);
  if ((await browser.eval("document.querySelectorAll('i').length")) !== EXTRA) throw new Error('the extra components are missing');
  check(`the bundled page loads ${2 * EXTRA + 6} modules in ${requests.length} requests, none per module`);

  await browser.eval("window.__marker = 'kept'; document.getElementById('counter').click(); document.getElementById('counter').click();");
  await waitFor('two clicks to count', async () => (await text()) === 'Count: 2');
  const marker = () => browser.eval('window.__marker');

  // A component edit: new text, same state, no reload.
  await sleep(300);
  write('src/Counter.tsx', counter('Clicks'));
  await waitFor('the edited label', async () => (await text()) === 'Clicks: 2', 15000);
  if ((await marker()) !== 'kept') throw new Error('the page reloaded on a component edit');
  check('a component edit shows new text, keeps its state (2 clicks) and does not reload');
  const fetchedModules = await browser.eval("performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/src/')).length");
  if (fetchedModules !== 0) throw new Error(`the hot update fetched ${fetchedModules} module(s) instead of running the pushed factory`);
  check('the component update ran its new factory from the bundle registry, fetching nothing');

  // An edit that adds a hook: the component's hook signature changed, so React Refresh
  // remounts it (fresh state) instead of keeping state the new hooks do not match.
  write('src/Counter.tsx', counter('Hooked').replace('  const [count, setCount]', '  const [, setSeen] = useState(false);\n  const [count, setCount]'));
  await waitFor('the remounted counter', async () => (await text()) === 'Hooked: 0', 15000);
  if ((await marker()) !== 'kept') throw new Error('the page reloaded on a hook change');
  check('an edit that adds a hook remounts the component (state reset) without a reload');
  await browser.eval("document.getElementById('counter').click();");
  await waitFor('a click on the remounted counter', async () => (await text()) === 'Hooked: 1');

  // A CSS module edit.
  const style = (property) => browser.eval(`getComputedStyle(document.getElementById('counter')).${property}`);
  write('src/Counter.module.css', counterCss(700));
  await waitFor('font-weight 700', async () => (await style('fontWeight')) === '700', 15000);
  if ((await marker()) !== 'kept') throw new Error('the page reloaded on a CSS edit');
  check('a CSS module edit changes the computed style without a reload');

  // A token edit.
  if ((await style('color')) !== 'rgb(255, 0, 0)') throw new Error(`brand colour before the edit: ${await style('color')}`);
  const tokenFetches = () => browser.eval("performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/tokens.css').length");
  const fetchedBefore = await tokenFetches();
  write('tokens/base.tokens.json', tokens('#0000ff'));
  await waitFor('the new brand colour', async () => (await style('color')) === 'rgb(0, 0, 255)', 15000);
  if ((await marker()) !== 'kept') throw new Error('the page reloaded on a token edit');
  check('a token edit changes the computed colour without a reload');
  if ((await tokenFetches()) !== fetchedBefore) throw new Error('the token edit fetched /tokens.css again');
  if ((await browser.eval("document.querySelectorAll('link[href^=\"/tokens.css\"]').length")) !== 1) {
    throw new Error('the token stylesheet was replaced, not patched');
  }
  check('the token edit patched the live stylesheet without fetching it');

  // A token added: more than values changed, so the message carries the new text.
  const rootVar = (name) => browser.eval(`getComputedStyle(document.documentElement).getPropertyValue('${name}').trim()`);
  write('tokens/base.tokens.json', tokens('#0000ff', '#00ff00'));
  await waitFor('the new token', async () => (await rootVar('--color-accent')) === '#00ff00', 15000);
  if ((await marker()) !== 'kept') throw new Error('the page reloaded when a token was added');
  if ((await tokenFetches()) !== fetchedBefore) throw new Error('adding a token fetched /tokens.css again');
  if ((await style('color')) !== 'rgb(0, 0, 255)') throw new Error(`brand colour after adding a token: ${await style('color')}`);
  check('a token added reaches the page without a reload or a fetch');

  // A sheet the page changed itself no longer holds what the server changed: the
  // client fetches the new text and applies that.
  await browser.eval(`(() => {
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) if (rule.style?.getPropertyValue('--color-brand')) rule.style.setProperty('--color-brand', '#010203');
    }
  })()`);
  if ((await style('color')) !== 'rgb(1, 2, 3)') throw new Error(`the page's own brand colour: ${await style('color')}`);
  write('tokens/base.tokens.json', tokens('#00ffff', '#00ff00'));
  await waitFor('the brand colour after the page changed it', async () => (await style('color')) === 'rgb(0, 255, 255)', 15000);
  if ((await marker()) !== 'kept') throw new Error('the page reloaded on a token edit to a sheet it had changed');
  if ((await tokenFetches()) !== fetchedBefore + 1) throw new Error(`/tokens.css fetched ${(await tokenFetches()) - fetchedBefore} times, not once`);
  check('a token edit to a sheet the page changed fetches the new text and applies it');

  // A dependency accepted by its importer: the callback gets the new module; the
  // importer does not run again, the page does not reload.
  const dataset = (key) => browser.eval(`document.body.dataset.${key}`);
  if ((await dataset('version')) !== '1') throw new Error(`version before the edit: ${await dataset('version')}`);
  write('src/version.ts', 'export const version = 2;\n');
  await waitFor('the accept callback', async () => (await dataset('version')) === '2', 15000);
  if ((await marker()) !== 'kept') throw new Error('the page reloaded on an accepted dependency edit');
  if ((await dataset('hostRuns')) !== '1') throw new Error(`the accepting module ran again (${await dataset('hostRuns')} runs)`);
  check("accept('./version', callback) hands the edited module to its importer's callback, without a reload");

  // A syntax error: the overlay, with its location; the fix clears it.
  const overlay = () => browser.eval("(() => { const o = document.getElementById('helios-error-overlay'); " +
    "return o ? (o.shadowRoot ? o.shadowRoot.textContent : o.textContent) : ''; })()");
  write('src/Counter.tsx', counter('Broken').replace('useState(0);', 'useState(0;'));
  const shown = await waitFor('the error overlay', async () => overlay(), 15000);
  if (!shown.includes('src/Counter.tsx:')) throw new Error(`the overlay lacks the location: ${shown}`);
  check('a syntax error shows the overlay with file:line');
  write('src/Counter.tsx', counter('Fixed'));
  await waitFor('the overlay to clear', async () => (await overlay()) === '', 15000);
  await waitFor('the fixed label', async () => (await text()).startsWith('Fixed: '), 15000);
  check('the fix clears the overlay');

  // A page whose modules do not all compile at its first load takes them one by one as
  // ES modules (React from the pre-bundle): the overlay shows the error, the fix renders.
  await stopServer();
  write('src/Counter.tsx', counter('Broken').replace('useState(0);', 'useState(0;'));
  await browser.page('Page.navigate', { url: await startServer() });
  const coldError = await waitFor('the overlay of the first load', async () => overlay(), 30000);
  if (!coldError.includes('src/Counter.tsx:')) throw new Error(`the overlay lacks the location: ${coldError}`);
  check('a module that does not compile at the first load shows the overlay with file:line');
  write('src/Counter.tsx', counter('Mended'));
  await waitFor('the mended page', async () => (await text()) === 'Mended: 0', 30000);
  const unbundled = await browser.eval("performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)");
  if (!unbundled.includes('/src/main.tsx') || !unbundled.includes('/@deps/react-dom_client.js')) {
    throw new Error(`the page did not load its modules one by one: ${unbundled.join(' ')}`);
  }
  if ((await overlay()) !== '') throw new Error('the overlay stayed');
  check('the fix renders the page from ES modules and the pre-bundle, and clears the overlay');

  // A package that is no plain CommonJS (an ES module): the bundled page imports its
  // packages from esbuild's pre-bundle, React Refresh hooked in before react-dom runs.
  await stopServer();
  write('node_modules/esm-greeting/package.json', JSON.stringify({ name: 'esm-greeting', type: 'module', main: 'index.js' }));
  write('node_modules/esm-greeting/index.js', "export const greeting = 'Hello';\n");
  const greeted = (label) => counter(label).replace("import { useState } from 'react';",
    "import { useState } from 'react';\nimport { greeting } from 'esm-greeting';").replace(`>${label}: `, `>{greeting} ${label}: `);
  write('src/Counter.tsx', greeted('Count'));
  await browser.page('Page.navigate', { url: await startServer() });
  await waitFor('the page with the ES module package', async () => (await text()) === 'Hello Count: 0', 30000);
  const withEsm = await browser.eval("performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)");
  if (withEsm.some((p) => p.startsWith('/src/')) || !withEsm.includes('/@deps/esm-greeting.js')) {
    throw new Error(`the page was not bundled with pre-bundled packages: ${withEsm.join(' ')}`);
  }
  await browser.eval("window.__marker = 'esm'; document.getElementById('counter').click();");
  await waitFor('a click to count', async () => (await text()) === 'Hello Count: 1');
  await sleep(300);
  write('src/Counter.tsx', greeted('Taps'));
  await waitFor('the edited label', async () => (await text()) === 'Hello Taps: 1', 15000);
  if ((await marker()) !== 'esm') throw new Error('the page reloaded on a component edit');
  check('with an ES module package the page takes its packages from the pre-bundle, and a component edit keeps state');

  console.log(`dev_server_hmr: ${checks.length} checks passed`);
} catch (err) {
  console.error(`dev_server_hmr: FAILED after ${checks.length} checks: ${err.message}`);
  if (browser) console.error(`page console:\n  ${browser.console.slice(-20).join('\n  ')}`);
  if (browser) {
    const failed = await browser.eval("performance.getEntriesByType('resource').filter((e) => e.responseStatus !== 200)" +
      ".map((e) => `${new URL(e.name).pathname} ${e.responseStatus}`)").catch(() => []);
    console.error(`requests that failed: ${failed.join(', ') || 'none'}`);
  }
  if (browser) console.error(`page exceptions:\n  ${browser.exceptions.slice(-5).join('\n  ')}`);
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
  await stopServer();
  rmSync(work, { recursive: true, force: true });
}
