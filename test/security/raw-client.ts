/**
 * A client that can lie, for the security tests: HTTP requests with any Host, Origin and Content-Length (fetch
 * would not send them), and a WebSocket spoken byte by byte over TCP, so a test can send an oversized frame, pause
 * reading like a slow consumer, and read the close code. Every connection goes to 127.0.0.1.
 */
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request to 127.0.0.1:port; `body` is sent in full (see `headersOnly` for a body announced and never sent). */
export function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawAnswer> {
  return new Promise((ok, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'POST', headers: options.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

/** Announces a body of `length` bytes, sends only `sent` of them, and resolves with the answer (the rest never goes). */
export function headersOnly(port: number, path: string, length: number, sent = 0, headers: Record<string, string> = {}): Promise<RawAnswer & { sent: number }> {
  return new Promise((ok, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': String(length), ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        req.destroy();
        ok({ status: res.statusCode ?? 0, headers: res.headers, body, sent });
      });
    });
    req.on('error', fail);
    req.flushHeaders();
    if (sent > 0) req.write(Buffer.alloc(sent, 0x20));
  });
}

export interface RawSocket {
  status: number;
  socket: Socket;
  /** Frames read so far (text payloads), and the close frame's code and reason once it came. */
  texts: string[];
  closed: Promise<{ code: number; reason: string } | null>;
}

/** Opens /ws with these headers; resolves on the handshake answer (101, or the refusal's status). */
export function openSocket(port: number, headers: Record<string, string> = {}, path = '/ws'): Promise<RawSocket> {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1');
    const head = { host: `127.0.0.1:${port}`, upgrade: 'websocket', connection: 'Upgrade', 'sec-websocket-version': '13', 'sec-websocket-key': randomBytes(16).toString('base64'), ...headers };
    socket.write(`GET ${path} HTTP/1.1\r\n${Object.entries(head).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
    let buffer = Buffer.alloc(0);
    let status = 0;
    const texts: string[] = [];
    let settle: (c: { code: number; reason: string } | null) => void = () => {};
    const closed = new Promise<{ code: number; reason: string } | null>((s) => (settle = s));
    socket.on('close', () => settle(null));
    socket.on('error', (e) => (status === 0 ? fail(e) : settle(null)));
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (status === 0) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        status = Number(/^HTTP\/1\.1 (\d+)/.exec(buffer.subarray(0, end).toString())?.[1] ?? -1);
        buffer = buffer.subarray(end + 4);
        ok({ status, socket, texts, closed });
      }
      for (let f = readFrame(buffer); f; f = readFrame(buffer)) {
        buffer = buffer.subarray(f.size);
        if (f.opcode === 1) texts.push(f.payload.toString());
        if (f.opcode === 8) settle({ code: f.payload.length >= 2 ? f.payload.readUInt16BE(0) : 1005, reason: f.payload.subarray(2).toString() });
      }
    });
  });
}

function readFrame(b: Buffer): { opcode: number; payload: Buffer; size: number } | null {
  if (b.length < 2) return null;
  let length = b[1] & 0x7f;
  let at = 2;
  if (length === 126) {
    if (b.length < 4) return null;
    length = b.readUInt16BE(2);
    at = 4;
  } else if (length === 127) {
    if (b.length < 10) return null;
    length = Number(b.readBigUInt64BE(2));
    at = 10;
  }
  if (b.length < at + length) return null;
  return { opcode: b[0] & 0x0f, payload: b.subarray(at, at + length), size: at + length };
}

function frameHead(length: number): Buffer {
  if (length < 126) return Buffer.from([0x81, 0x80 | length]);
  if (length < 65536) {
    const head = Buffer.from([0x81, 0x80 | 126, 0, 0]);
    head.writeUInt16BE(length, 2);
    return head;
  }
  const head = Buffer.alloc(10);
  head.set([0x81, 0x80 | 127]);
  head.writeBigUInt64BE(BigInt(length), 2);
  return head;
}

/** A client's text frame of `length` bytes, masked as the protocol requires of a client. */
export function clientFrame(length: number): Buffer {
  const mask = randomBytes(4);
  const payload = Buffer.alloc(length, 0x61).map((byte, i) => byte ^ mask[i % 4]);
  return Buffer.concat([frameHead(length), mask, payload]);
}
