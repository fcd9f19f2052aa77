// Minimal RFC 6455 WebSocket framing over Node's built-in net/http, for the HMR test only.
// Text messages, fragmentation, ping/pong and close; no extensions, no subprotocols.
// Server side: accepts an HTTP upgrade, reads masked frames, writes unmasked ones.
// Client side (Node 20 has no global WebSocket): dials ws://host:port/path, writes masked
// frames, reads unmasked ones. Either side closes with 1002 on a masking violation.

import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const acceptFor = (key) => createHash('sha1').update(key + GUID).digest('base64');

function encodeFrame(opcode, payload, masked) {
  const len = payload.length;
  const ext = len < 126 ? 0 : len < 65536 ? 2 : 8;
  const head = Buffer.alloc(2 + ext + (masked ? 4 : 0));
  head[0] = 0x80 | opcode; // FIN + opcode
  head[1] = (masked ? 0x80 : 0) | (ext === 0 ? len : ext === 2 ? 126 : 127);
  if (ext === 2) head.writeUInt16BE(len, 2);
  if (ext === 8) head.writeBigUInt64BE(BigInt(len), 2);
  if (!masked) return Buffer.concat([head, payload]);
  const key = randomBytes(4);
  key.copy(head, 2 + ext);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] ^= key[i & 3];
  return Buffer.concat([head, body]);
}

// A connection over an upgraded socket. `isServer` decides which side masks.
export class Connection {
  constructor(socket, isServer, head = Buffer.alloc(0)) {
    this.socket = socket;
    this.isServer = isServer;
    this.buffer = Buffer.alloc(0);
    this.fragments = [];
    this.closed = false;
    this.onmessage = () => {};
    this.onclose = () => {};
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.#read(chunk));
    socket.on('close', () => this.#finish());
    socket.on('error', () => this.#finish());
    if (head.length) this.#read(head);
  }

  send(text) {
    if (!this.closed) this.socket.write(encodeFrame(0x1, Buffer.from(text, 'utf8'), !this.isServer));
  }

  close(code = 1000) {
    if (this.closed) return;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    this.socket.end(encodeFrame(0x8, payload, !this.isServer));
    this.#finish();
  }

  #finish() {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.onclose();
  }

  #read(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const b = this.buffer;
      if (b.length < 2) return;
      const fin = (b[0] & 0x80) !== 0;
      const opcode = b[0] & 0x0f;
      const masked = (b[1] & 0x80) !== 0;
      let len = b[1] & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (b.length < 4) return;
        len = b.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (b.length < 10) return;
        len = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      if (masked !== this.isServer) { this.close(1002); return; } // RFC 6455 5.1
      const keyAt = offset;
      if (masked) offset += 4;
      if (b.length < offset + len) return;
      const payload = Buffer.from(b.subarray(offset, offset + len));
      if (masked) for (let i = 0; i < len; i++) payload[i] ^= b[keyAt + (i & 3)];
      this.buffer = b.subarray(offset + len);
      if (opcode === 0x8) { this.close(); return; }
      if (opcode === 0x9) { this.socket.write(encodeFrame(0xa, payload, !this.isServer)); continue; }
      if (opcode === 0xa) continue;
      this.fragments.push(payload);
      if (fin) {
        const text = Buffer.concat(this.fragments).toString('utf8');
        this.fragments = [];
        this.onmessage(text);
      }
    }
  }
}

// Completes a server-side upgrade (from http.Server's 'upgrade' event).
export function acceptUpgrade(req, socket, head) {
  const key = req.headers['sec-websocket-key'];
  if (req.headers.upgrade?.toLowerCase() !== 'websocket' || !key) {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    return null;
  }
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    `Sec-WebSocket-Accept: ${acceptFor(key)}\r\n\r\n`);
  return new Connection(socket, true, head);
}

// Dials a ws:// URL; resolves to an open Connection or rejects within timeoutMs.
export function connectWebSocket(url, timeoutMs = 10000) {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const key = randomBytes(16).toString('base64');
    const socket = net.connect({ host: u.hostname, port: Number(u.port) });
    const timer = setTimeout(() => { socket.destroy(); reject(new Error(`connecting to ${url} timed out`)); }, timeoutMs);
    let response = Buffer.alloc(0);
    const fail = (err) => { clearTimeout(timer); socket.destroy(); reject(err); };
    socket.on('error', fail);
    socket.on('connect', () => {
      socket.write(`GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\n` +
        `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    });
    const onData = (chunk) => {
      response = Buffer.concat([response, chunk]);
      const end = response.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      socket.off('error', fail);
      clearTimeout(timer);
      const headers = response.subarray(0, end).toString('latin1');
      if (!/^HTTP\/1\.1 101/.test(headers) || !headers.includes(acceptFor(key))) {
        fail(new Error(`WebSocket handshake with ${url} failed: ${headers.split('\r\n')[0]}`));
        return;
      }
      resolve(new Connection(socket, false, response.subarray(end + 4)));
    };
    socket.on('data', onData);
  });
}
