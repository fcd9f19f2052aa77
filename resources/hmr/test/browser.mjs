// Headless Debian chromium driven over the DevTools protocol (CDP), with the WebSocket
// client of ws.mjs. One page; console lines and uncaught exceptions are collected.
// launchBrowser() owns a fresh profile directory and HOME; close() always kills the
// process group by its pid (and any process naming that directory) and deletes it.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectWebSocket } from './ws.mjs';

const CHROMIUM = process.env.HMR_TEST_CHROMIUM ?? '/usr/bin/chromium';
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Polls `probe` (which may throw while a page reloads) until it returns something truthy.
export async function waitFor(what, probe, timeoutMs = 10000) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (err) {
      last = err.message;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what} (last: ${JSON.stringify(last)})`);
    }
    await sleep(50);
  }
}

export async function launchBrowser() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'helios-hmr-test-'));
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--no-default-browser-check', `--user-data-dir=${path.join(dir, 'profile')}`,
    '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', 'about:blank'];
  // HOME and XDG dirs point into the temp dir too, so nothing lands in the real home (~/.pki).
  const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, XDG_CACHE_HOME: dir };
  // detached: its own process group, so close() can kill the renderers with it.
  const proc = spawn(CHROMIUM, args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const browser = new Browser(proc, dir);
  try {
    const wsUrl = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('chromium did not print "DevTools listening on" within 20 s')), 20000);
      proc.on('error', (err) => { clearTimeout(timer); reject(new Error(`cannot start ${CHROMIUM}: ${err.message}`)); });
      proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`chromium exited early (${code}): ${browser.stderr.slice(-800)}`)); });
      proc.stderr.setEncoding('utf8');
      proc.stderr.on('data', (text) => {
        browser.stderr = (browser.stderr + text).slice(-20000);
        const m = /DevTools listening on (ws:\/\/\S+)/.exec(browser.stderr);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
    });
    browser.conn = await connectWebSocket(wsUrl);
    browser.conn.onmessage = (text) => browser.dispatch(JSON.parse(text));
    browser.conn.onclose = () => browser.failAll(new Error('DevTools connection closed'));
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
    browser.sessionId = sessionId;
    await browser.page('Runtime.enable');
    await browser.page('Page.enable');
    await browser.page('Emulation.setFocusEmulationEnabled', { enabled: true });
    return browser;
  } catch (err) {
    await browser.close();
    throw err;
  }
}

class Browser {
  constructor(proc, dir) {
    this.proc = proc;
    this.dir = dir;
    this.stderr = '';
    this.nextId = 1;
    this.pending = new Map();
    this.console = [];    // every console line of the page, in order
    this.exceptions = []; // uncaught exceptions the page reported to DevTools
  }

  send(method, params = {}, sessionId, timeoutMs = 10000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`DevTools ${method} got no answer within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve, reject, timer });
      this.conn.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  page(method, params) { return this.send(method, params, this.sessionId); }

  dispatch(msg) {
    if (msg.id !== undefined) {
      const call = this.pending.get(msg.id);
      if (!call) return;
      this.pending.delete(msg.id);
      clearTimeout(call.timer);
      if (msg.error) call.reject(new Error(`${call.method}: ${msg.error.message}`));
      else call.resolve(msg.result);
    } else if (msg.method === 'Runtime.consoleAPICalled') {
      this.console.push(msg.params.args.map((a) => a.value ?? a.description ?? '').join(' '));
    } else if (msg.method === 'Runtime.exceptionThrown') {
      this.exceptions.push(msg.params.exceptionDetails.exception?.description ?? msg.params.exceptionDetails.text);
    }
  }

  failAll(err) {
    for (const call of this.pending.values()) { clearTimeout(call.timer); call.reject(err); }
    this.pending.clear();
  }

  // Evaluates an expression in the page (promises awaited); throws on a page exception.
  async eval(expression) {
    const r = await this.page('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) {
      throw new Error(`page threw: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    }
    return r.result.value;
  }

  async close() {
    if (this.conn && !this.conn.closed) {
      await Promise.race([this.send('Browser.close').catch(() => {}), sleep(2000)]);
      this.conn.close();
    }
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      await Promise.race([new Promise((resolve) => this.proc.once('exit', resolve)), sleep(3000)]);
    }
    try { process.kill(-this.proc.pid, 'SIGKILL'); } catch { /* the group is gone already */ }
    // crashpad handlers run in sessions of their own; they name our profile dir, nothing else does.
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        if (readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(this.dir)) process.kill(Number(pid), 'SIGKILL');
      } catch { /* gone meanwhile, or not ours to read */ }
    }
    await sleep(200); // let the profile's files be released before deleting them
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}
