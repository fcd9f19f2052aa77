// SPDX-License-Identifier: Apache-2.0
// The IGNIS dev server's long-lived transform process: one Node.js process per dev
// server, started once, that compiles single modules through the pinned esbuild npm
// package's transform API (which keeps one esbuild service process running). A hot
// update then costs a pipe round trip (~1-3 ms) instead of an esbuild process start.
//
// Protocol, one JSON object per line both ways:
//   in:  {"id": 7, "code": "<source>", "options": {<esbuild transform options>}}
//   out: {"id": 7, "code": "<compiled>"}  or  {"id": 7, "errors": [{text, file, line, column, lineText}]}
// The first line out is {"ready": true, "version": "0.28.2"} once esbuild answers.
'use strict';
const esbuild = require('esbuild');
const readline = require('readline');

const write = (object) => process.stdout.write(JSON.stringify(object) + '\n');

const located = (m) => ({
  text: m.text,
  file: m.location?.file ?? '',
  line: m.location?.line ?? 0,
  column: m.location ? m.location.column + 1 : 0, // esbuild's columns are 0-based
  lineText: m.location?.lineText ?? '',
});

async function handle(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return;
  }
  try {
    const result = await esbuild.transform(request.code, request.options);
    write({ id: request.id, code: result.code });
  } catch (err) {
    const errors = Array.isArray(err?.errors) && err.errors.length ? err.errors.map(located)
      : [{ text: String(err?.message ?? err), file: '', line: 0, column: 0, lineText: '' }];
    write({ id: request.id, errors });
  }
}

esbuild.transform('', {}).then(() => {
  write({ ready: true, version: esbuild.version });
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', handle);
  lines.on('close', () => process.exit(0)); // the dev server went away
}, (err) => {
  process.stderr.write(`helios transform service: esbuild does not start: ${err.message}\n`);
  process.exit(1);
});
