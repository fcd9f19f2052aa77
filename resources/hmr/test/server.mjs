// A stand-in for the IGNIS dev server, just enough to exercise client.js. Runs as a child
// process of run.mjs (so the test can kill it for real) and talks to it over Node's IPC:
//   parent -> child  {cmd:'set', path, body}  {cmd:'send', msg} (the files to start with
//                    come as JSON in $HMR_TEST_FILES, so they are there before any request)
//   child -> parent  {ev:'ready', httpPort, hmrPort}  {ev:'request', url}
//                    {ev:'ws-open', via}  {ev:'ws-message', data}  {ev:'ws-close', via}
// argv: httpPort hmrPort (0 = any free port). Listens on 127.0.0.1 only.
// It serves what the real server serves: HTML with the client injected into <head>, the
// client itself at /@helios/client.js, modules under /src with the hot-context preamble,
// plain CSS, and /src/x.css?import as a module that calls updateStyle(). HMR messages go
// over a WebSocket on hmrPort (path /) and on httpPort at /@hmr.

import { readFileSync } from 'node:fs';
import http from 'node:http';
import { acceptUpgrade } from './ws.mjs';

const clientFile = new URL('../client.js', import.meta.url);
const files = new Map(Object.entries(JSON.parse(process.env.HMR_TEST_FILES ?? '{}')));
const sockets = new Set();
const report = (msg) => process.send?.(msg);

// If the test driver goes away, so do we.
process.on('disconnect', () => process.exit(0));

function serve(req, res, hmrPort) {
  const url = new URL(req.url, 'http://127.0.0.1');
  report({ ev: 'request', url: req.url });
  const path = url.pathname === '/' ? '/index.html' : url.pathname;
  const reply = (type, body, status = 200) => {
    res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
    res.end(body);
  };
  if (path === '/@helios/client.js') return reply('text/javascript', readFileSync(clientFile));
  const body = files.get(path);
  if (body === undefined) return reply('text/plain', `not found: ${path}`, 404);
  if (path.endsWith('.html')) {
    // Pages named same-port* load the client without ?hmrPort, so it uses /@hmr here.
    const src = path.startsWith('/same-port') ? '/@helios/client.js' : `/@helios/client.js?hmrPort=${hmrPort}`;
    return reply('text/html', body.replace('<head>', `<head><script type="module" src="${src}"></script>`));
  }
  if (path.endsWith('.css') && url.searchParams.has('import')) {
    return reply('text/javascript', 'import { updateStyle } from "/@helios/client.js";\n' +
      `updateStyle(${JSON.stringify(path)}, ${JSON.stringify(body)});\n`);
  }
  if (path.endsWith('.css')) return reply('text/css', body);
  if (path.endsWith('.js')) {
    return reply('text/javascript', 'import { createHotContext as __hmr } from "/@helios/client.js"; ' +
      `import.meta.hot = __hmr(${JSON.stringify(path)});\n${body}`);
  }
  return reply('text/plain', body);
}

function accept(req, socket, head, via) {
  const conn = acceptUpgrade(req, socket, head);
  if (!conn) return;
  sockets.add(conn);
  report({ ev: 'ws-open', via });
  conn.onmessage = (text) => report({ ev: 'ws-message', data: JSON.parse(text) });
  conn.onclose = () => { sockets.delete(conn); report({ ev: 'ws-close', via }); };
  conn.send(JSON.stringify({ type: 'connected' }));
}

const listen = (server, port) => new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, '127.0.0.1', () => resolve(server.address().port));
});

const hmrServer = http.createServer((req, res) => { res.writeHead(426); res.end(); });
hmrServer.on('upgrade', (req, socket, head) => accept(req, socket, head, 'hmrPort'));
const hmrPort = await listen(hmrServer, Number(process.argv[3] ?? 0));

const httpServer = http.createServer((req, res) => serve(req, res, hmrPort));
httpServer.on('upgrade', (req, socket, head) => {
  if (new URL(req.url, 'http://127.0.0.1').pathname === '/@hmr') accept(req, socket, head, '/@hmr');
  else socket.destroy();
});
const httpPort = await listen(httpServer, Number(process.argv[2] ?? 0));

process.on('message', (m) => {
  if (m.cmd === 'set') files.set(m.path, m.body);
  else if (m.cmd === 'send') for (const conn of sockets) conn.send(JSON.stringify(m.msg));
});
report({ ev: 'ready', httpPort, hmrPort });
