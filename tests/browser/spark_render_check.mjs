// SPDX-License-Identifier: Apache-2.0
// Renders a built SPARK showcase page in Debian's headless chromium (one start) and
// reports, as one JSON line on stdout, what every <div data-spark="Name"> holds once
// React has rendered: element children, visible text, size. Also the page's uncaught
// exceptions and the errors it recorded itself (window.__sparkErrors: console.error,
// error events, error boundaries). spark_render_test.cpp judges the result.
//
//   node tests/browser/spark_render_check.mjs <built dir> <page.html> <expected containers>
//
// The built dir is served by a tiny static server on 127.0.0.1 (module scripts do not
// load from file://). Every wait is bounded; chromium is stopped by its pid whatever
// happens. Exit 0 when a report was printed (even one with failures), 1 otherwise.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { launchBrowser, waitFor } = await import(path.join(here, '../../resources/hmr/test/browser.mjs'));

const [root, page, expectedText] = process.argv.slice(2);
const expected = Number(expectedText);
if (!root || !page || !(expected > 0)) {
  console.error('usage: node spark_render_check.mjs <built dir> <page.html> <expected containers>');
  process.exit(2);
}

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.webp': 'image/webp', '.woff2': 'font/woff2', '.map': 'application/json',
};
const base = path.resolve(root);
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const file = path.resolve(base, '.' + decodeURIComponent(url.pathname));
  if (file !== base && !file.startsWith(base + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});

// Measured in the page: what a person would see in each container. The extent is the
// union of the visible descendants' boxes, since an overlay (a dialog) is positioned out
// of its container's flow and leaves the container itself zero-high.
const probe = `(() => [...document.querySelectorAll('[data-spark]')].map((el) => {
  let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity, visible = 0;
  for (const e of el.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    if (r.width <= 0 || r.height <= 0 || s.visibility === 'hidden' || s.display === 'none' || s.opacity === '0') continue;
    ++visible;
    left = Math.min(left, r.left); top = Math.min(top, r.top);
    right = Math.max(right, r.right); bottom = Math.max(bottom, r.bottom);
  }
  return { name: el.dataset.spark, children: el.childElementCount, visible,
    media: el.querySelectorAll('img, svg, input, select, textarea').length,
    text: el.innerText.trim().replace(/\\s+/g, ' ').slice(0, 120),
    width: visible ? Math.round(right - left) : 0, height: visible ? Math.round(bottom - top) : 0 };
}))()`;

// The token stylesheet is loaded and defines custom properties on :root.
const tokensProbe = `[...document.styleSheets].some((sheet) => /\\/tokens-[^/]*\\.css$/.test(sheet.href ?? '') &&
  [...sheet.cssRules].some((rule) => rule.selectorText === ':root' && rule.style.length > 0))`;

let browser;
try {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}/${page}`;
  browser = await launchBrowser();
  await browser.page('Page.navigate', { url });
  let timedOut = '';
  try {
    await waitFor(`${expected} rendered data-spark containers`, () => browser.eval(
      `document.querySelectorAll('[data-spark]').length === ${expected} && ` +
      `[...document.querySelectorAll('[data-spark]')].every((el) => el.childElementCount > 0) && ` +
      'document.body.dataset.sparkReady === "yes"'), 30000);
  } catch (err) {
    timedOut = err.message; // still report what is there: the test names the empty ones
  }
  // One more frame, so that layout and effects have settled before measuring.
  await browser.eval('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  const containers = await browser.eval(probe);
  const tokens = await browser.eval(tokensProbe);
  const pageErrors = await browser.eval('window.__sparkErrors ?? ["the page did not install its error recorder"]');
  console.log(JSON.stringify({ url, timedOut, tokens, containers, pageErrors, exceptions: browser.exceptions }));
} catch (err) {
  console.error(`spark_render_check: ${err.message}`);
  if (browser) console.error(`page console:\n  ${browser.console.slice(-20).join('\n  ')}`);
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
  server.close();
}
