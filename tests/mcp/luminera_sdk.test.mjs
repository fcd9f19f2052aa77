// SPDX-License-Identifier: Apache-2.0
// The official MCP TypeScript SDK client (@modelcontextprotocol/sdk, pinned in
// package-lock.json) against the luminera server over both transports: stdio
// (`helios mcp --project DIR`) and Streamable HTTP (/mcp on `helios serve`, HTTPS with its
// self-signed certificate trusted explicitly, a developer's bearer token). On each:
// initialize, list tools, write then read a component with an exact round trip, and the
// bad inputs -- path traversal, absolute path, a 5 MB file, missing and mistyped
// arguments, an unknown tool -- each an error, none a crash (the server still answers),
// nothing written anywhere (the project and its neighbours are compared before and after).
//
//   node tests/mcp/luminera_sdk.test.mjs path/to/helios
//
// Everything listens on 127.0.0.1 on ports the system picks; every process started is
// stopped by its pid, every wait is bounded.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';

const helios = process.argv[2];
if (!helios) {
  console.error('usage: node luminera_sdk.test.mjs path/to/helios');
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'helios-mcp-sdk-'));
const project = path.join(work, 'project');
const JWT_SECRET = 'luminera-sdk-test-secret-of-at-least-32-bytes';
// No user config from the developer's machine; state under `work`.
const baseEnv = (dataDir) => ({
  ...process.env,
  XDG_CONFIG_HOME: path.join(work, 'config'),
  HELIOS_DATA_DIR: dataDir,
  HELIOS_CONFIG: '',
});

// A component that passes SPARK's validation: token variables only, accessible JSX. The
// content has non-ASCII text and no final newline on index.ts: the round trip keeps bytes.
const componentFiles = (name) => [
  { path: `${name}.module.css`, content: '.root {\n  color: var(--color-text);\n  padding: var(--space-xs) var(--space-sm);\n}\n' },
  {
    path: `${name}.tsx`,
    content: `import styles from './${name}.module.css';\n\n// Ünïcødé ✓ — a badge.\n` +
      `export interface ${name}Props {\n  label: string;\n}\n\n` +
      `export function ${name}({ label }: ${name}Props) {\n  return <span className={styles.root}>{label}</span>;\n}\n`,
  },
  { path: 'index.ts', content: `export { ${name} } from './${name}';\nexport type { ${name}Props } from './${name}';` },
];

// Every file under `dir` with its size and modification time, sorted: what must not change.
function listing(dir) {
  const out = [];
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const s = statSync(full);
        out.push(`${path.relative(dir, full)} ${s.size} ${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}

// Everything in `work` except the back ends' state (which records calls) and the sockets.
const everythingButState = () => listing(work).filter((line) => !line.startsWith('data-'));

function run(args, env) {
  return execFileSync(helios, args, { env, encoding: 'utf8', timeout: 120000, stdio: ['ignore', 'pipe', 'pipe'] });
}

// A tool call the server must refuse: a JSON-RPC error, or a result with isError. Either
// way, the server answers a ping afterwards.
async function expectRefused(client, name, args, what) {
  let refusal;
  try {
    const result = await client.callTool({ name, arguments: args }, undefined, { timeout: 60000 });
    assert.equal(result.isError, true, `${what}: accepted: ${JSON.stringify(result).slice(0, 300)}`);
    refusal = result.content?.map((c) => c.text).join(' ') ?? '';
  } catch (error) {
    if (error instanceof assert.AssertionError) throw error;
    refusal = String(error.message ?? error);
  }
  assert.ok(refusal.length > 0, `${what}: refused without saying why`);
  await client.ping({ timeout: 30000 });
  return refusal;
}

// The checks both transports pass, on a connected client; `name` is the component it writes.
function transportChecks(connect, name) {
  let client;
  before(async () => { client = await connect(); });

  test('initialize negotiated a 2025 revision with the luminera server', () => {
    assert.equal(client.getServerVersion()?.name, 'luminera');
    assert.ok(client.getServerCapabilities()?.tools, 'the server offers tools');
  });

  test('tools/list names every tool, each with a JSON Schema inputSchema', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    for (const expected of ['read_component', 'write_component', 'list_components', 'list_tokens', 'get_token',
      'generate_component', 'build_project']) {
      assert.ok(names.includes(expected), `${expected} missing from ${names.join(', ')}`);
    }
    for (const tool of tools) {
      assert.equal(tool.inputSchema?.type, 'object', `${tool.name} has no object inputSchema`);
    }
  });

  test('write_component then read_component gives back exactly the files written', async () => {
    const files = componentFiles(name);
    const written = await client.callTool({ name: 'write_component', arguments: { name, files } }, undefined, { timeout: 240000 });
    assert.notEqual(written.isError, true, JSON.stringify(written.content));
    const read = await client.callTool({ name: 'read_component', arguments: { name } });
    assert.notEqual(read.isError, true, JSON.stringify(read.content));
    const byPath = (list) => Object.fromEntries(list.map((f) => [f.path, f.content]));
    assert.deepEqual(byPath(read.structuredContent.files), byPath(files));
    for (const file of files) {
      assert.equal(readFileSync(path.join(project, 'src/components', name, file.path), 'utf8'), file.content);
    }
  });

  describe('bad inputs are refused, the server survives, nothing is written', () => {
    let before_;
    before(() => { before_ = everythingButState(); });
    after(() => { assert.deepEqual(everythingButState(), before_, 'a refused call changed files'); });

    const good = () => componentFiles(name);
    test('a path that climbs out of the component', () =>
      expectRefused(client, 'write_component', { name, files: [...good(), { path: '../../../outside.tsx', content: 'x' }] }, 'traversal'));
    test('an absolute path', () =>
      expectRefused(client, 'write_component', { name, files: [...good(), { path: path.join(work, 'absolute.tsx'), content: 'x' }] }, 'absolute path'));
    test('a 5 MB file', () =>
      expectRefused(client, 'write_component', { name, files: [...good().slice(1), { path: `${name}.module.css`, content: 'a'.repeat(5 * 1024 * 1024) }] }, '5 MB file'));
    test('missing arguments', async () => {
      await expectRefused(client, 'write_component', { name }, 'no files');
      await expectRefused(client, 'read_component', {}, 'no name');
    });
    test('mistyped arguments', async () => {
      await expectRefused(client, 'write_component', { name: 42, files: 'Badge.tsx' }, 'mistyped');
      await expectRefused(client, 'read_component', { name: ['Sample'] }, 'name is an array');
    });
    test('an unknown tool', () => expectRefused(client, 'no_such_tool', {}, 'unknown tool'));
    test('a component name that is a path', () =>
      expectRefused(client, 'read_component', { name: '../../etc' }, 'name traversal'));
  });

  test('the server still lists its tools after all of that', async () => {
    const { tools } = await client.listTools();
    assert.ok(tools.length >= 7);
  });

  after(async () => { await client?.close(); });
}

// Trusts exactly the node's own certificate: fetch over node:https with it as the only CA.
function fetchTrusting(ca) {
  return (url, init = {}) => new Promise((resolve, reject) => {
    const headers = Object.fromEntries(new Headers(init.headers ?? {}).entries());
    const request = https.request(url, { method: init.method ?? 'GET', headers, ca, signal: init.signal }, (response) => {
      const responseHeaders = new Headers();
      for (const [key, value] of Object.entries(response.headers)) {
        for (const v of [].concat(value)) responseHeaders.append(key, v);
      }
      const noBody = [204, 205, 304].includes(response.statusCode);
      if (noBody) response.resume();
      resolve(new Response(noBody ? null : Readable.toWeb(response), { status: response.statusCode, headers: responseHeaders }));
    });
    request.on('error', reject);
    request.end(init.body ?? undefined);
  });
}

let server; // the `helios serve` child
const stdioPids = [];

before(() => {
  const env = baseEnv(path.join(work, 'data-new'));
  run(['new', 'react-library', project, '--param', 'name=luminera-sdk', '--param', 'component=Sample', '--no-install'], env);
  writeFileSync(path.join(work, 'neighbour.tsx'), "// beside the project: never touched\n");
});

after(() => {
  for (const pid of [...stdioPids, server?.pid]) {
    if (!pid) continue;
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  rmSync(work, { recursive: true, force: true });
});

describe('stdio: helios mcp --project', () => {
  transportChecks(async () => {
    const transport = new StdioClientTransport({
      command: helios,
      args: ['mcp', '--project', project],
      env: baseEnv(path.join(work, 'data-stdio')),
      stderr: 'inherit',
    });
    const client = new Client({ name: 'helios-sdk-test', version: '1.0.0' });
    await client.connect(transport, { timeout: 60000 });
    stdioPids.push(transport.pid);
    return client;
  }, 'StdioBadge');
});

describe('Streamable HTTP: /mcp on helios serve', () => {
  transportChecks(async () => {
    const dataDir = path.join(work, 'data-http');
    const env = {
      ...baseEnv(dataDir),
      HELIOS_JWT_SECRET: JWT_SECRET,
      HELIOS_MCP_PROJECT: project,
      HELIOS_SITES_PORT: '0',
      ...Object.fromEntries(['LANDING', 'SLATE', 'IGNITION', 'SPARK', 'IGNIS', 'WAYPOINT'].map((n) => [`HELIOS_${n}_PORT`, '0'])),
    };
    run(['users', 'add', 'dana', '--role', 'developer'], env);
    const token = run(['users', 'token', 'dana', '--ttl', '1h'], env).trim();
    const readyFile = path.join(work, 'data-ready.json');
    server = spawn(helios, ['serve', '--role', 'all', '--bind', '127.0.0.1', '--ready-file', readyFile, '--no-access-log'],
      { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    server.stderr.setEncoding('utf8');
    server.stderr.on('data', (t) => { stderr += t; });
    const deadline = Date.now() + 60000;
    while (!existsSync(readyFile)) {
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`helios serve did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const { ports } = JSON.parse(readFileSync(readyFile, 'utf8'));
    const ca = readFileSync(path.join(dataDir, 'tls/selfsigned-cert.pem'));
    const transport = new StreamableHTTPClientTransport(new URL(`https://127.0.0.1:${ports.spark}/mcp`), {
      fetch: fetchTrusting(ca),
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    });
    const client = new Client({ name: 'helios-sdk-test', version: '1.0.0' });
    await client.connect(transport, { timeout: 60000 });
    assert.ok(transport.sessionId, 'the server issued an Mcp-Session-Id');
    return client;
  }, 'HttpBadge');

  test('without the token the endpoint refuses (401), with the same certificate', async () => {
    const readyFile = path.join(work, 'data-ready.json');
    const { ports } = JSON.parse(readFileSync(readyFile, 'utf8'));
    const ca = readFileSync(path.join(work, 'data-http', 'tls/selfsigned-cert.pem'));
    const response = await fetchTrusting(ca)(`https://127.0.0.1:${ports.spark}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
    });
    assert.equal(response.status, 401);
    await response.body?.cancel();
  });
});
